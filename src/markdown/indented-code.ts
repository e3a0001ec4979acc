/**
 * kramdown indented code blocks (CODEBLOCK_MATCH): runs of lines indented by a
 * tab or four spaces, blank lines inside kept, and lazy continuation lines
 * (unindented, non-blank) joined to the previous line with a space — as
 * kramdown's `data.gsub!(/\n( {0,3}\S)/, ' \1')` does. Replaces markdown-it's `code`.
 */
import type { StateBlock } from 'markdown-it';

const LAZY_STOP = /^(?: {0,3}\{:(?!:|\/)|\^\s*$| {0,3}<\/?[A-Za-z])/;

export function kramdownCodeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const indented = (l: number) => !state.isEmpty(l) && state.sCount[l] - state.blkIndent >= 4;
  if (!indented(startLine)) return false;
  if (silent) return true;
  let last = startLine + 1; // exclusive end of accepted lines
  let l = startLine + 1;
  for (;;) {
    // lazy lines after an indented run
    while (l < endLine && !state.isEmpty(l) && !indented(l) && state.sCount[l] >= state.blkIndent) {
      const text = state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
      if (LAZY_STOP.test(text) || state.sCount[l] > state.blkIndent + 3) break;
      l++;
      last = l;
    }
    while (l < endLine && indented(l)) {
      l++;
      last = l;
    }
    // blank lines followed by more indented lines belong to the block
    let b = l;
    while (b < endLine && state.isEmpty(b)) b++;
    if (b > l && b < endLine && indented(b)) {
      l = b;
      continue;
    }
    if (l < endLine && !state.isEmpty(l) && !indented(l) && l === last) {
      const text = state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
      if (!LAZY_STOP.test(text) && state.sCount[l] >= state.blkIndent) continue;
    }
    break;
  }
  const lines: string[] = [];
  for (let k = startLine; k < last; k++) {
    if (state.isEmpty(k)) {
      lines.push(state.getLines(k, k + 1, state.blkIndent + 4, false).replace(/\n$/, ''));
    } else if (indented(k)) {
      lines.push(state.getLines(k, k + 1, state.blkIndent + 4, false).replace(/\n$/, ''));
    } else {
      // lazy line: appended to the previous line after a space, its own indentation kept
      const text = state.src.slice(state.bMarks[k] + state.tShift[k] - Math.max(0, Math.min(state.tShift[k], state.sCount[k] - state.blkIndent)), state.eMarks[k]);
      lines[lines.length - 1] += ' ' + text;
    }
  }
  const tok = state.push('code_block', 'code', 0);
  tok.content = lines.join('\n') + '\n';
  tok.map = [startLine, last];
  state.line = last;
  return true;
}
