/**
 * kramdown-parser-gfm strikethrough: `~~` not followed by a space or tilde, up
 * to the first `~~` after a character that is neither (STRIKETHROUGH_MATCH),
 * the text between parsed as spans, written as <del>.
 */
import type { StateInline } from 'markdown-it';

const STRIKETHROUGH = /~~(?!\s|~)[^]*?[^\s~]~~/y;

export function gfmStrikethrough(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7e || state.src.charCodeAt(start + 1) !== 0x7e) return false;
  STRIKETHROUGH.lastIndex = start;
  const m = STRIKETHROUGH.exec(state.src);
  if (!m || start + m[0].length > state.posMax) return false;
  if (silent) return false;
  const end = start + m[0].length;
  const oldMax = state.posMax;
  const open = state.push('s_open', 'del', 1);
  open.markup = '~~';
  state.pos = start + 2;
  state.posMax = end - 2;
  state.md.inline.tokenize(state);
  state.posMax = oldMax;
  state.pos = end;
  const close = state.push('s_close', 'del', -1);
  close.markup = '~~';
  return true;
}
