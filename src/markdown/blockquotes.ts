/**
 * kramdown blockquotes (parse_blockquote): the quote runs from a `>` line up to
 * a blank line, an IAL line, the `^` marker or a line starting a block HTML
 * tag, whatever the lines in between look like (a `### header` or `- item`
 * right under a quoted line is inside the quote); `> ` is removed from each
 * line and the rest is parsed as a document. Replaces markdown-it's rule.
 */
import type { StateBlock } from 'markdown-it';
import { subParse } from './sub-parse.js';
import { HTML_SPAN_ELEMENTS } from './html-blocks.js';

const LAZY_END = /^(?:\s*$| {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$|\^\s*$)/;
const HTML_TAG = /^ {0,3}<\/?([A-Za-z][\w:-]*)/;

function lazyEnd(line: string): boolean {
  if (LAZY_END.test(line)) return true;
  const m = HTML_TAG.exec(line);
  return !!m && !HTML_SPAN_ELEMENTS.has(m[1].toLowerCase()) && m[1].toLowerCase() !== 'script';
}

export function kramdownBlockquote(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x3e /* > */) return false;
  if (silent) return true;
  // the lines of this container, with its own indentation removed
  const lineText = (l: number) => state.src.slice(state.bMarks[l] + Math.min(state.tShift[l], Math.max(0, state.blkIndent)), state.eMarks[l]);
  let l = startLine + 1;
  while (l < endLine && state.sCount[l] >= state.blkIndent && !lazyEnd(lineText(l))) l++;
  const body = [];
  for (let k = startLine; k < l; k++) body.push(lineText(k).replace(/^ {0,3}> ?/, ''));
  const open = state.push('blockquote_open', 'blockquote', 1);
  open.markup = '>';
  open.map = [startLine, l];
  subParse(state, body.join('\n') + '\n', startLine);
  const close = state.push('blockquote_close', 'blockquote', -1);
  close.markup = '>';
  state.line = l;
  return true;
}
