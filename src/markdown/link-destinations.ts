/**
 * kramdown link destinations may contain spaces and balanced parentheses
 * (`[a](with spaces.html "title")`): a replacement for markdown-it's
 * parseLinkDestination used by inline links, images and reference definitions.
 */
import type { MarkdownIt } from 'markdown-it';

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
