/**
 * kramdown emphasis details on markdown-it's output:
 *   - `***x***` nests as <strong><em>x</em></strong> (markdown-it: <em><strong>);
 *   - a single backtick between spaces is a literal backtick, not a code span.
 */
import type { StateCore, StateInline } from 'markdown-it';

export function strongOutside(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const ch = block.children;
    for (let i = 0; i + 1 < ch.length; i++) {
      if (ch[i].type !== 'em_open' || ch[i + 1].type !== 'strong_open') continue;
      // find the matching closes: strong_close immediately followed by em_close
      let depth = 0;
      for (let j = i + 1; j < ch.length; j++) {
        if (ch[j].type === 'strong_open') depth++;
        else if (ch[j].type === 'strong_close' && --depth === 0) {
          if (ch[j + 1]?.type === 'em_close') {
            const [a, b, c, d] = [ch[i], ch[i + 1], ch[j], ch[j + 1]];
            ch[i] = b;
            ch[i + 1] = a;
            ch[j] = d;
            ch[j + 1] = c;
          }
          break;
        }
      }
    }
  }
}

/** Wraps markdown-it's backticks rule: kramdown treats a lone ` between spaces as text. */
export function loneBacktick(original: (s: StateInline, silent: boolean) => boolean) {
  return (state: StateInline, silent: boolean): boolean => {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x60) return false;
    if (state.src.charCodeAt(pos + 1) !== 0x60) {
      const before = pos === 0 ? ' ' : state.src[pos - 1];
      const after = state.src[pos + 1] ?? '';
      if (/\s/.test(before) && /\s/.test(after)) {
        if (!silent) state.pending += '`';
        state.pos++;
        return true;
      }
    }
    return original(state, silent);
  };
}
