/**
 * kramdown link destinations may contain spaces and balanced parentheses
 * (`[a](with spaces.html "title")`): a replacement for markdown-it's
 * parseLinkDestination used by inline links, images and reference definitions.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

interface Result {
  ok: boolean;
  pos: number;
  str: string;
}

const TITLE_TAIL = /^\s+(["'])[^]*?\1[ \t]*(?:\)|\n|$)/;

export function linkDestinationsPlugin(md: MarkdownIt): void {
  // kramdown keeps a link title as written (backslashes included)
  const originalTitle = md.helpers.parseLinkTitle;
  md.helpers.parseLinkTitle = (str: string, start: number, max: number, prev?: Parameters<typeof originalTitle>[3]) => {
    const res = originalTitle(str, start, max, prev);
    if (res.ok && !prev) res.str = str.slice(start + 1, res.pos - 1);
    return res;
  };
  const original = md.helpers.parseLinkDestination;
  const unescape = md.utils.unescapeAll;
  md.helpers.parseLinkDestination = (str: string, start: number, max: number): Result => {
    if (str.charCodeAt(start) === 0x3c /* < */) return original(str, start, max);
    let pos = start;
    let depth = 0;
    while (pos < max) {
      const c = str.charCodeAt(pos);
      if (c === 0x5c /* \ */ && pos + 1 < max) {
        pos += 2;
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (depth === 0) break;
        depth--;
      } else if (c === 0x0a) break;
      else if ((c === 0x20 || c === 0x09) && TITLE_TAIL.test(str.slice(pos, Math.min(max + 1, pos + 500)))) break;
      pos++;
    }
    let end = pos;
    while (end > start && (str.charCodeAt(end - 1) === 0x20 || str.charCodeAt(end - 1) === 0x09)) end--;
    // a reference definition's destination ends at the first whitespace before a title or the line end
    if (end === start) return { ok: false, pos: start, str: '' };
    return { ok: true, pos: end, str: unescape(str.slice(start, end)) };
  };
}

/**
 * kramdown reference links may have whitespace between the text and the id:
 * `[text] [id]`, `[text]\n[id]` (markdown-it only knows `[text][id]`).
 */
export function spacedReferenceLink(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
  if (labelEnd < 0) return false;
  const m = /^[ \t]*\n?[ \t]*\[([^\]]*)\]/.exec(state.src.slice(labelEnd + 1, Math.min(state.posMax, labelEnd + 300)));
  if (!m || !/^\s/.test(state.src.slice(labelEnd + 1, labelEnd + 2))) return false;
  const refs = (state.env as { references?: Record<string, { href: string; title: string }> }).references;
  const id = m[1] || state.src.slice(start + 1, labelEnd);
  const ref = refs?.[state.md.utils.normalizeReference(id)];
  if (!ref) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', ref.href]];
    if (ref.title) open.attrs.push(['title', ref.title]);
    const oldMax = state.posMax;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push('link_close', 'a', -1);
  }
  state.pos = labelEnd + 1 + m[0].length;
  return true;
}
