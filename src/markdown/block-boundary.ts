/**
 * kramdown's after_block_boundary?: tables, block math and setext headers only
 * start at the beginning of a container, after a blank line, after the `^`
 * marker or under a waiting IAL — never right under another block.
 */
import type { StateBlock } from 'markdown-it';

const EOB_OR_IAL = /^(?:\^\s*$| {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$)/;

export function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  if (startLine === 0 || state.isEmpty(startLine - 1)) return true;
  const last = state.tokens[state.tokens.length - 1];
  // first block of a container (list item, blockquote, definition, footnote)
  if (!last || last.nesting === 1) return true;
  const prev = state.src.slice(state.bMarks[startLine - 1] + state.tShift[startLine - 1], state.eMarks[startLine - 1]);
  if (EOB_OR_IAL.test(prev)) {
    // an IAL right under a block belongs to that block: no boundary then
    return !prev.startsWith('{') || startLine - 2 < 0 || state.isEmpty(startLine - 2);
  }
  return false;
}
