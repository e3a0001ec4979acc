/** The defaults most profiles share, and a helper to build a profile from overrides. */
import type { PlainKind, Profile } from './profile.js';
import type { Token } from './token.js';

/** hljs scope → Pygments class, looked up by full scope name then by its first part. */
export const BASE_SCOPES: Record<string, string | undefined> = {
  keyword: 'k',
  built_in: 'nb',
  type: 'kt',
  literal: 'kc',
  number: 'mi',
  string: 's',
  regexp: 'sr',
  comment: 'c',
  doctag: 'c',
  title: 'nf',
  'title.function': 'nf',
  'title.function.invoke': 'nf',
  'title.class': 'nc',
  'title.class.inherited': 'nc',
  params: undefined,
  attr: 'na',
  attribute: 'na',
  name: 'nt',
  tag: undefined,
  meta: 'cp',
  'meta-keyword': 'cp',
  'meta-string': 'cpf',
  symbol: 'ss',
  variable: 'nv',
  'variable.language': 'nb',
  'variable.constant': 'no',
  'template-variable': 'nv',
  subst: 'si',
  operator: 'o',
  punctuation: 'p',
  property: 'na',
  'selector-tag': 'nt',
  'selector-class': 'nc',
  'selector-id': 'nn',
  'selector-pseudo': 'nd',
  'selector-attr': 'na',
  addition: 'gi',
  deletion: 'gd',
  section: 'gh',
  bullet: 'p',
  emphasis: 'ge',
  strong: 'gs',
  link: 'nl',
  quote: 'c',
  code: 'sb',
  'char.escape': 'se',
  function: undefined,
  class: undefined,
  'language:': undefined,
};

export interface ProfileSpec {
  hljs: string;
  scopes?: Record<string, string | undefined>;
  /** Class of plain identifiers (Rouge's `n`, `nx` in JavaScript, `''` for markup languages). */
  ident?: string;
  ws?: string;
  operatorClass?: string;
  punctClass?: string;
  other?: string;
  operators?: RegExp;
  identRe?: RegExp;
  /** Rouge's class for a string literal, from its text. */
  string?(text: string, scopes: readonly string[]): string;
  /** Rouge's class for a comment, from its text. */
  comment?(text: string): string;
  number?(text: string): string;
  /** Final say over any scoped segment (return undefined to fall through to the table). */
  special?(scopes: readonly string[], text: string): string | undefined | null;
  fix?(tokens: Token[]): void;
}

export function numberClass(text: string): string {
  if (/^[-+]?0[xX]/.test(text)) return 'mh';
  if (/^[-+]?0[bB]/.test(text)) return 'mb';
  if (/^[-+]?0[oO]/.test(text)) return 'mo';
  if (/^[-+]?(?:\d[\d_]*)?\.\d|^[-+]?\d[\d_]*\.(?!\.)|^[-+]?\d[\d_]*[eE][-+]?\d/.test(text)) return 'mf';
  return 'mi';
}

export function quoteClass(text: string): string {
  const c = text.replace(/^[a-zA-Z@$]*/, '')[0];
  return c === '"' ? 's2' : c === "'" ? 's1' : c === '`' ? 'sb' : 's';
}

export function slashComment(text: string): string {
  return text.startsWith('/*') ? 'cm' : 'c1';
}

export function makeProfile(spec: ProfileSpec): Profile {
  const scopes = { ...BASE_SCOPES, ...spec.scopes };
  const ident = spec.ident ?? 'n';
  const ws = spec.ws ?? '';
  return {
    hljs: spec.hljs,
    operators: spec.operators ?? /[-+*/%=<>!&|^~?]/,
    ident: spec.identRe ?? /[A-Za-z_$][\w$]*/,
    fix: spec.fix,
    scope(stack, text) {
      if (spec.special) {
        const s = spec.special(stack, text);
        if (s !== undefined) return s ?? undefined;
      }
      for (let i = stack.length - 1; i >= 0; i--) {
        const name = stack[i]!;
        if (name.startsWith('language:')) return undefined;
        const key = name in scopes ? name : name.split('.')[0]!;
        if (!(key in scopes)) continue;
        const cls = scopes[key];
        if (cls === undefined) {
          // Container scopes (params, tag…) only structure their content.
          continue;
        }
        if (cls === 's' && key === 'string' && spec.string) return spec.string(text, stack);
        if (cls === 'c' && key === 'comment' && spec.comment) return spec.comment(text);
        if (cls === 'mi' && key === 'number') return (spec.number ?? numberClass)(text);
        return cls;
      }
      return undefined;
    },
    plain(kind: PlainKind, _text: string) {
      switch (kind) {
        case 'ws':
          return ws;
        case 'ident':
          return ident;
        case 'number':
          return 'mi';
        case 'operator':
          return spec.operatorClass ?? 'o';
        case 'punct':
          return spec.punctClass ?? 'p';
        default:
          return spec.other ?? '';
      }
    },
  };
}
