/** Rouge's swift lexer. */
import { IDENT, makeProfile, nextSolid, prevSolid, splitEscapes, substDelimiters, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const WORDS = wordMap({
  kc: 'true false nil',
  kd: 'actor class deinit enum convenience extension final func import init internal lazy let nonisolated optional private protocol public required static struct subscript typealias var dynamic indirect associatedtype open fileprivate some',
  k: 'await break case continue default do else fallthrough if in for return switch where while try catch throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout isolated mutating none nonmutating operator override postfix precedence prefix set unowned weak willSet throws rethrows precedencegroup',
});
const NOT_CALL = new Set(['if', 'while', 'for', 'private', 'internal', 'unowned', 'switch', 'case']);

function fix(tokens: Token[]): void {
  substDelimiters(tokens, /^\\\(/, 'se', 'se');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'c1' || t.cls === 'cm' || t.cls.startsWith('s') || t.cls.startsWith('m')) continue;
    if (t.text === '@' && tokens[i + 1] && IDENT.test(tokens[i + 1]!.text)) {
      t.cls = 'kd';
      tokens[i + 1]!.cls = 'kd';
      i++;
      continue;
    }
    if (!IDENT.test(t.text)) continue;
    const prev = prevSolid(tokens, i);
    const next = nextSolid(tokens, i);
    if ((prev?.text === 'let' || prev?.text === 'var') && tokens[i - 1]?.cls === '') {
      t.cls = 'nv';
      prev.cls = 'k';
      continue;
    }
    if (next && /^[!?]?\(/.test(next.text) && !NOT_CALL.has(t.text)) {
      t.cls = /^[A-Z]/.test(t.text) ? 'kt' : 'nf';
      continue;
    }
    if (next?.text.startsWith(':') && t.text !== 'default' && !/^[A-Z]/.test(t.text)) {
      t.cls = 'nv';
      continue;
    }
    const word = WORDS.get(t.text);
    t.cls = word ?? (/^[A-Z]/.test(t.text) ? 'kt' : 'n');
  }
  for (const t of tokens) if ((t.text === 'let' || t.text === 'var') && t.cls === 'kd') t.cls = 'k';
}

export const swift = makeProfile({
  hljs: 'swift',
  operators: /[-/=+*%<>!&|^.~]/,
  scopes: { subst: null, meta: null, params: null, string: 's', 'title.class': 'kt', 'title.function': 'nf' },
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    fix(tokens);
    splitEscapes(tokens);
  },
});
