/**
 * kramdown-parser-gfm backslash escapes: only \\ . * _ + ` < > ( ) [ ] { } # ! : | " ' $ = - ~
 * are escapable (other backslashes stay), and a backslash before a newline is a <br />.
 */
import type { StateInline } from 'markdown-it';

const ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~'.split(''));

export function gfmEscape(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x5c) return false;
  if (pos + 1 >= state.posMax) return false;
  const ch = state.src[pos + 1];
  // kramdown LINE_BREAK: two backslashes before a newline are a <br /> too
  if (ch === '\\' && state.src[pos + 2] === '\n') {
    if (!silent) state.push('hardbreak', 'br', 0);
    state.pos += 2;
    return true;
  }
  if (ch === '\n') {
    if (!silent) {
      state.push('hardbreak', 'br', 0);
      let p = pos + 2;
      while (p < state.posMax && (state.src[p] === ' ' || state.src[p] === '\t')) p++;
      state.pos = p;
      return true;
    }
    state.pos += 2;
    return true;
  }
  if (!ESCAPABLE.has(ch)) return false;
  if (!silent) {
    const t = state.push('text_special', '', 0);
    t.content = ch;
    t.markup = state.src.slice(pos, pos + 2);
    t.info = 'escape';
  }
  state.pos += 2;
  return true;
}
