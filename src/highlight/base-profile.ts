/** The defaults most profiles share, and a helper to build a profile from overrides. */
import type { PlainKind, Profile } from './profile.js';
import type { Token } from './token.js';

/** hljs scope → Pygments class, looked up by full scope name then by its first part. */
/** `undefined`: a container, look further out; `null`: plain text, stop looking. */
export const BASE_SCOPES: Record<string, string | undefined | null> = {
  keyword: 'k',
  built_in: 'nb',
  type: 'kt',
  literal: 'kc',
  number: 'mi',
  string: 's',
  regexp: 'sr',
  comment: 'c',
  doctag: undefined,
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
  scopes?: Record<string, string | undefined | null>;
  /** Class of plain identifiers (Rouge's `n`, `nx` in JavaScript, `''` for markup languages). */
  ident?: string;
  ws?: string;
  operatorClass?: string;
  punctClass?: string;
  other?: string;
  operators?: RegExp;
  identRe?: RegExp;
  /** Rouge's class for a string literal, from its text. */
  string?(text: string, head: string, scopes: readonly string[]): string;
  /** Rouge's class for a comment, from its text. */
  comment?(text: string): string;
  number?(text: string): string;
  fix?(tokens: Token[]): void;
  lexPlain?(text: string, out: Token[]): void;
  plainLexer?(): (text: string, out: Token[]) => void;
  transparent?: string[];
  sub?: Record<string, Profile>;

  /** Rouge's word lists (word → class) for names highlight.js left plain or classed differently. */
  words?: Map<string, string>;
  /** Classes from hljs scopes that the word lists must not override (e.g. `nf` on `def name`). */
  keep?: string[];
  /** Class of a name right after a `.` (member access), or undefined to use the word lists. */
  afterDot?: string;
}

/** Reclassify identifiers by Rouge's word lists; the rest get the profile's plain-name class. */
function wordsFix(spec: ProfileSpec): ((tokens: Token[]) => void) | undefined {
  const words = spec.words;
  if (!words) return spec.fix;
  const keep = new Set(spec.keep ?? ['nf', 'nc']);
  const ident = spec.ident ?? 'n';
  return (tokens) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!IDENT.test(t.text) || !NAMEISH.has(t.cls) || keep.has(t.cls)) continue;
      if (spec.afterDot !== undefined && prevSolid(tokens, i)?.text.endsWith('.') && tokens[i - 1]?.text.endsWith('.')) {
        t.cls = spec.afterDot;
        continue;
      }
      t.cls = words.get(t.text) ?? ident;
    }
    spec.fix?.(tokens);
  };
}

export function numberClass(text: string): string {
  if (/^[-+]?0[xX]/.test(text)) return 'mh';
  if (/^[-+]?0[bB]/.test(text)) return 'mb';
  if (/^[-+]?0[oO]/.test(text)) return 'mo';
  if (/^[-+]?(?:\d[\d_]*)?\.\d|^[-+]?\d[\d_]*\.(?!\.)|^[-+]?\d[\d_]*[eE][-+]?\d/.test(text)) return 'mf';
  return 'mi';
}

/** s2/s1/sb from a string's opening quote (`head`: the start of the whole string). */
export function quoteClass(_text: string, head: string): string {
  const c = head.replace(/^[a-zA-Z@$]*/, '')[0];
  return c === '"' ? 's2' : c === "'" ? 's1' : c === '`' ? 'sb' : 's';
}

export function makeProfile(spec: ProfileSpec): Profile {
  const scopes = { ...BASE_SCOPES, ...spec.scopes };
  const ident = spec.ident ?? 'n';
  const ws = spec.ws ?? '';
  return {
    hljs: spec.hljs,
    operators: spec.operators ?? /[-+*/%=<>!&|^~?]/,
    ident: spec.identRe ?? /[A-Za-z_$][\w$]*/,
    fix: wordsFix(spec),
    lexPlain: spec.lexPlain,
    plainLexer: spec.plainLexer,
    sub: spec.sub,
    transparent: spec.transparent ? new Set(spec.transparent) : undefined,
    scope(stack, text, head) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const name = stack[i]!;
        if (name.startsWith('language:')) return undefined;
        const key = name in scopes ? name : name.split('.')[0]!;
        if (!(key in scopes)) continue;
        const cls = scopes[key];
        if (cls === null) return undefined;
        if (cls === undefined) {
          // Container scopes (params, tag…) only structure their content.
          continue;
        }
        if (cls === 's' && key === 'string' && spec.string) return spec.string(text, head, stack);
        if (cls === 'c' && key === 'comment' && spec.comment) return spec.comment(head || text);
        if (cls === 'mi' && key === 'number') return (spec.number ?? numberClass)(text);
        return cls;
      }
      return undefined;
    },
    plain(kind: PlainKind, text: string) {
      switch (kind) {
        case 'string':
          return spec.string ? spec.string(text, text, []) : 's';
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

/** Helpers for profiles' `fix` passes. */
export const IDENT = /^[A-Za-z_$][\w$]*$/;
export const NAMEISH = new Set(['', 'n', 'nx', 'k', 'kd', 'kr', 'kt', 'kc', 'kn', 'kp', 'nb', 'nf', 'nc', 'na', 'nv', 'no', 'nn', 'bp', 'py', 'nl', 'nt', 'cp']);

export function nextSolid(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j]!.text.trim()) return tokens[j];
  return undefined;
}

export function prevSolid(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j]!.text.trim()) return tokens[j];
  return undefined;
}

/** Word lists as a lookup: `{ k: 'if else', kd: 'var let' }` → word → class. */
export function wordMap(lists: Record<string, string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [cls, words] of Object.entries(lists)) for (const w of words.split(/\s+/)) if (w) m.set(w, cls);
  return m;
}

/** Split a quoted string token into Rouge's delimiter/content/escape pieces. */
export function splitQuoted(t: Token, delim: string, content: string, escape = 'se'): Token[] {
  const q = t.text[0]!;
  if (t.text.length < 2 || !/["'`]/.test(q) || t.text[t.text.length - 1] !== q) return [{ cls: content, text: t.text }];
  const out: Token[] = [{ cls: delim, text: q }];
  const body = t.text.slice(1, -1);
  const re = /\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m.index > last) out.push({ cls: content, text: body.slice(last, m.index) });
    out.push({ cls: escape, text: m[0] });
    last = re.lastIndex;
  }
  if (last < body.length) out.push({ cls: content, text: body.slice(last) });
  out.push({ cls: delim, text: q });
  return out;
}

/** Rouge lexers whose line-comment rule ends in `\n?` put the newline inside the comment token. */
export function commentTakesNewline(tokens: Token[], cls: string): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.cls !== cls || t.text.endsWith('\n') || next.cls === cls || !next.text.startsWith('\n')) continue;
    t.text += '\n';
    next.text = next.text.slice(1);
  }
}

const STRING_CLASSES = new Set(['s', 's1', 's2', 'sb', 'sc', 'sd', 'sh', 'dl']);

/** Split backslash escapes out of string tokens (Rouge lexes them as `se`). */
export function splitEscapes(tokens: Token[], escape = 'se', classes: ReadonlySet<string> = STRING_CLASSES): void {
  const re = /\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|[\s\S])/g;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!classes.has(t.cls) || !t.text.includes('\\')) continue;
    const parts: Token[] = [];
    let last = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t.text))) {
      if (m.index > last) parts.push({ cls: t.cls, text: t.text.slice(last, m.index) });
      parts.push({ cls: escape, text: m[0] });
      last = re.lastIndex;
    }
    if (last < t.text.length) parts.push({ cls: t.cls, text: t.text.slice(last) });
    tokens.splice(i, 1, ...parts);
    i += parts.length - 1;
  }
}

/** Cut `n` characters off the start (n > 0) or end (n < 0) of a run of tokens, returning the cut text. */
function cut(run: Token[], n: number): string {
  let out = '';
  if (n > 0) {
    while (n > 0 && run.length) {
      const t = run[0]!;
      const take = Math.min(n, t.text.length);
      out += t.text.slice(0, take);
      t.text = t.text.slice(take);
      n -= take;
      if (!t.text) run.shift();
    }
  } else {
    n = -n;
    while (n > 0 && run.length) {
      const t = run[run.length - 1]!;
      const take = Math.min(n, t.text.length);
      out = t.text.slice(t.text.length - take) + out;
      t.text = t.text.slice(0, t.text.length - take);
      n -= take;
      if (!t.text) run.pop();
    }
  }
  return out;
}

/**
 * Interpolations (hljs `subst`, lexed as plain code): give the opening delimiter (`open`,
 * e.g. /^\\\(/) and the closing character their own classes.
 */
export function substDelimiters(tokens: Token[], open: RegExp, openCls: string, closeCls: string, scope = 'subst'): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.scope !== scope) continue;
    let j = i;
    while (j < tokens.length && tokens[j]!.scope === scope) j++;
    const run = tokens.slice(i, j).map((t) => ({ ...t }));
    const text = run.map((t) => t.text).join('');
    const m = open.exec(text);
    if (!m) {
      i = j - 1;
      continue;
    }
    const head = cut(run, m[0].length);
    const tail = /[)}]$/.test(text) && text.length > m[0].length ? cut(run, -1) : '';
    const repl: Token[] = [{ cls: openCls, text: head }, ...run];
    if (tail) repl.push({ cls: closeCls, text: tail });
    tokens.splice(i, j - i, ...repl);
    i += repl.length - 1;
  }
}

/** Replace the characters [from, to) of a token stream with other tokens (boundary tokens are split). */
export function replaceRange(tokens: Token[], from: number, to: number, repl: Token[]): void {
  let pos = 0;
  let i = 0;
  const before: Token[] = [];
  const after: Token[] = [];
  let first = -1;
  let last = -1;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const end = pos + t.text.length;
    if (end > from && pos < to) {
      if (first < 0) first = i;
      last = i;
      if (pos < from) before.push({ ...t, text: t.text.slice(0, from - pos) });
      if (end > to) after.push({ ...t, text: t.text.slice(to - pos) });
    }
    pos = end;
  }
  if (first < 0) return;
  tokens.splice(first, last - first + 1, ...before, ...repl, ...after);
}
