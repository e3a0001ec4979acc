/** A tiny sticky-regex rule runner, for porting a Rouge state's rules over plain text. */
import type { Token } from './token.js';

/** A rule: a pattern and either one class or one class per capture group (Rouge's `groups`). */
export type Rule = [RegExp, string | string[]];

/** Compile rules once; the lexer tries them in order at each position, like a Rouge state. */
export function rulesLexer(rules: readonly Rule[], fallback = ''): (text: string, out: Token[]) => void {
  const sticky = rules.map(([re, cls]) => [new RegExp(re.source, re.flags.replace('g', '') + 'y'), cls] as const);
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
