/** A tiny sticky-regex rule runner, for porting a Rouge state's rules over plain text. */
import type { Token } from './token.js';

/**
 * Ruby's `.` matches `\r` (only `\n` is excluded); JavaScript's also excludes `\r`, `\u2028`
 * and `\u2029`. Rewrite unescaped dots outside character classes so ported rules behave as in Rouge.
 */
export function rubyRegExp(re: RegExp): RegExp {
  const flags = re.flags.replace('g', '') + 'y';
  if (re.flags.includes('s')) return new RegExp(re.source, flags);
  let out = '';
  let inClass = false;
  const src = re.source;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      out += ch + (src[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else out += ch === '.' ? '[^\\n]' : ch;
  }
  return new RegExp(out, flags);
}

/** A rule: a pattern and either one class or one class per capture group (Rouge's `groups`). */
export type Rule = [RegExp, string | string[]];

/** Compile rules once; the lexer tries them in order at each position, like a Rouge state. */
export function rulesLexer(rules: readonly Rule[], fallback = ''): (text: string, out: Token[]) => void {
  const sticky = rules.map(([re, cls]) => [rubyRegExp(re), cls] as const);
  return (text, out) => {
    let pos = 0;
    outer: while (pos < text.length) {
      for (const [re, cls] of sticky) {
        re.lastIndex = pos;
        const m = re.exec(text);
        if (!m || !m[0]) continue;
        if (typeof cls === 'string') out.push({ cls, text: m[0] });
        else cls.forEach((c, k) => m[k + 1] && out.push({ cls: c, text: m[k + 1]! }));
        pos += m[0].length;
        continue outer;
      }
      const last = out[out.length - 1];
      if (last && last.cls === fallback) last.text += text[pos]!;
      else out.push({ cls: fallback, text: text[pos]! });
      pos++;
    }
  };
}

/** What a rule does to the state stack: push a state, pop n, or replace the top. */
export type Action = { push: string } | { pop: number } | { goto: string } | { reset: true } | undefined;
/** A rule's output: one class, one per group, a class computed from the match, or tokens from another lexer. */
export type Emit = string | string[] | ((m: RegExpExecArray) => string | string[]) | { delegate: (text: string) => Token[] };
export type StateRule = [RegExp, Emit, Action?];

/**
 * A port of a Rouge RegexLexer: named states of ordered rules and a state stack kept across
 * calls (one instance per block). No rule matching: the character becomes `fallback`.
 */
export function stateLexer(states: Record<string, StateRule[]>, start: string, fallback = 'err'): () => (text: string, out: Token[]) => void {
  const compiled: Record<string, Array<[RegExp, StateRule[1], Action]>> = {};
  for (const [name, rules] of Object.entries(states)) {
    compiled[name] = rules.map(([re, cls, act]) => [rubyRegExp(re), cls, act]);
  }
  return () => {
    const stack = [start];
    return (text, out) => {
      let pos = 0;
      const emit = (cls: string, t: string) => {
        if (!t) return;
        const last = out[out.length - 1];
        if (last && last.cls === cls && cls === fallback) last.text += t;
        else out.push({ cls, text: t });
      };
      outer: while (pos < text.length) {
        const rules = compiled[stack[stack.length - 1]!]!;
        for (const [re, cls, act] of rules) {
          re.lastIndex = pos;
          const m = re.exec(text);
          if (!m) continue;
          if (!m[0] && !act) continue;
          if (typeof cls === 'string') emit(cls, m[0]);
          else if (typeof cls === 'function') {
            const c = cls(m);
            if (typeof c === 'string') emit(c, m[0]);
            else c.forEach((g, k) => emit(g, m[k + 1] ?? ''));
          }
          else if (Array.isArray(cls)) cls.forEach((c, k) => emit(c, m[k + 1] ?? ''));
          else for (const t of cls.delegate(m[0])) emit(t.cls, t.text);
          pos += m[0].length;
          if (act) {
            if ('push' in act) stack.push(act.push);
            else if ('goto' in act) stack[stack.length - 1] = act.goto;
            else if ('reset' in act) stack.length = 1;
            else for (let n = 0; n < act.pop && stack.length > 1; n++) stack.pop();
          }
          continue outer;
        }
        emit(fallback, text[pos]!);
        pos++;
      }
    };
  };
}
