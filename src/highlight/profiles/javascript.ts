/** Rouge's javascript and typescript lexers: names are `nx` unless on one of Rouge's word lists. */
import { IDENT, NAMEISH, makeProfile, nextSolid, prevSolid, splitQuoted, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';
import { delegate } from '../delegate.js';
import { stateLexer, type StateRule } from '../regex-lexer.js';

const JS_WORDS = {
  k0: 'as async await break case catch continue debugger default delete do else export finally from for if import in instanceof new of return super switch this throw try typeof void while yield',
  kd: 'var let const with function class extends constructor get set static',
  kr: 'enum implements interface package private protected public',
  kc: 'true false null NaN Infinity undefined',
  nb0: 'Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer',
};

// Rouge checks keywords, then declarations, reserved words, constants, builtins: wordMap lets
// later lists win, so they are listed in the reverse order.
const TS_WORDS = {
  nb: `${JS_WORDS.nb0} Pick Partial Readonly Record`,
  kc: JS_WORDS.kc,
  kr: `${JS_WORDS.kr} string any void number namespace module declare default interface keyof`,
  kd: `${JS_WORDS.kd} type abstract`,
  k: `${JS_WORDS.k0} is namespace static private protected public implements readonly`,
};

const JS_ORDERED = { nb: JS_WORDS.nb0, kc: JS_WORDS.kc, kr: JS_WORDS.kr, kd: JS_WORDS.kd, k: JS_WORDS.k0 };

/** For each `{`: does it open an object literal (after `(`, `=`, `,`, `:`, `[`, `return`, `=>`) or a block? */
function braceKinds(tokens: Token[]): boolean[] {
  const inObject: boolean[] = new Array(tokens.length).fill(false);
  const stack: boolean[] = [];
  let prev = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    inObject[i] = stack[stack.length - 1] ?? false;
    if (t.cls.startsWith('s') || t.cls.startsWith('c')) continue;
    for (const ch of t.text) {
      if (ch === '{') stack.push(/[(=,:[?]$|^return$|=>$/.test(prev));
      else if (ch === '}') stack.pop();
      if (!/\s/.test(ch)) prev = ch === '{' || ch === '}' ? ch : prev.endsWith('=') && ch === '>' ? '=>' : ch;
    }
    if (IDENT.test(t.text)) prev = t.text;
  }
  return inObject;
}

function jsFix(words: Map<string, string>, typescript: boolean) {
  return (tokens: Token[]) => {
    const objects = typescript ? braceKinds(tokens) : [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // `${` opening a template substitution is punctuation.
      if (t.text === '$' && tokens[i + 1]?.text.startsWith('{')) {
        t.cls = 'p';
        continue;
      }
      if (IDENT.test(t.text) && NAMEISH.has(t.cls)) {
        t.cls = words.get(t.text) ?? 'nx';
        const next = nextSolid(tokens, i);
        const prev = prevSolid(tokens, i);
        if (t.cls === 'nx' && next && /^\??:(?!:)/.test(next.text)) {
          if (!typescript) {
            // Object literal keys: `{ key: value, other: 1 }`.
            if (prev && /[{,]$/.test(prev.text)) t.cls = 'na';
          } else {
            // TypeScript: `name: Type` is a label at the start of a statement, a plain name
            // in a parameter list, an attribute elsewhere.
            const before = tokens[i - 1];
            if (prev && /[(,]$/.test(prev.text) && !objects[i]) t.cls = 'nx';
            else if (objects[i] && prev && /[{,]$/.test(prev.text)) t.cls = 'na';
            else if (!prev || /\n[ \t]*$/.test(before?.text ?? '\n') || /[;{}]$/.test(prev.text)) t.cls = 'nl';
            else t.cls = 'na';
            if (next.text.startsWith('?')) next.cls = 'p';
          }
        }
      }
      if ((t.cls === 's1' || t.cls === 's2') && (t.text[0] === '"' || t.text[0] === "'")) {
        const parts = splitQuoted(t, 'dl', t.cls);
        tokens.splice(i, 1, ...parts);
        i += parts.length - 1;
      }
    }
  };
}

/** Rouge's id_regex, `[\p{L}\p{Nl}$_][\p{Word}]*`: names in any script (`const 응답`) are names. */
const JS_IDENT = /[\p{L}\p{Nl}$_][\p{L}\p{M}\p{Nd}\p{Pc}$]*/u;

const scopes = { subst: null, 'title.class': 'nx', 'title.function': 'nx', property: 'nx', 'variable.language': 'k' };

function jsString(_text: string, head: string): string {
  return head[0] === "'" ? 's1' : 's2';
}

export const javascript = makeProfile({
  hljs: 'javascript',
  ident: 'nx',
  identRe: JS_IDENT,
  other: 'err',
  scopes,
  string: jsString,
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: jsFix(wordMap(JS_ORDERED), false),
});

export const typescript = makeProfile({
  hljs: 'typescript',
  ident: 'nx',
  identRe: JS_IDENT,
  other: 'err',
  scopes,
  string: jsString,
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: jsFix(wordMap(TS_WORDS), true),
});

/** JSX elements (hljs hands them over as XML): Rouge's jsx states, with `{…}` lexed as JavaScript. */
const interpolation: StateRule = [
  /\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/,
  {
    delegate: (text) => [
      { cls: 'si', text: '{' },
      ...(delegate(text.slice(1, -1), 'javascript') ?? [{ cls: '', text: text.slice(1, -1) }]),
      { cls: 'si', text: '}' },
    ],
  },
];
const jsxLexer = stateLexer(
  {
    content: [[/<\/?/, 'p', { push: 'element_name' }], interpolation, [/[^<{]+/, { delegate: (t) => delegate(t, 'html') ?? [{ cls: '', text: t }] }]],
    element_name: [[/[A-Z]\w*/, 'nc'], [/\w+/, 'nt'], [/\./, 'p'], [/(?:)/, '', { goto: 'element' }]],
    element: [[/\s+/, ''], [/\/>/, 'p', { pop: 1 }], [/>/, 'p', { pop: 1 }], interpolation, [/\w[\w-]*/, 'na'], [/=/, 'p'], [/(["'])[^\n]*?\1/, 's']],
  },
  'content',
);

const jsxMarkup = makeProfile({ hljs: '', plainLexer: jsxLexer });

export const jsx = makeProfile({
  hljs: 'javascript',
  ident: 'nx',
  identRe: JS_IDENT,
  other: 'err',
  scopes,
  string: jsString,
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: jsFix(wordMap(JS_ORDERED), false),
  sub: { xml: jsxMarkup },
});
