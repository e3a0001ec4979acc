/** kramdown code spans: a single backtick between spaces is a literal backtick. */
import type { StateInline } from 'markdown-it';

/** Wraps markdown-it's backticks rule. */
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
