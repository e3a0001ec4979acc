/**
 * kramdown code spans: a single backtick between spaces is a literal backtick;
 * with a multi-backtick delimiter one space is removed at each end that has one
 * (CommonMark: only when both ends have one); line breaks are kept.
 */
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
    const start = state.pos;
    if (!original(state, silent)) return false;
    const tok = state.tokens[state.tokens.length - 1];
    if (!silent && tok && tok.type === 'code_inline') {
      const len = tok.markup.length;
      let text = state.src.slice(start + len, state.pos - len);
      if (len > 1) {
        if (text.startsWith(' ')) text = text.slice(1);
        if (text.endsWith(' ')) text = text.slice(0, -1);
      }
      tok.content = text;
    }
    return true;
  };
}
