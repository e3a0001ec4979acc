/**
 * kramdown-parser-gfm ends a paragraph at any ordered-list line (`1984. text`),
 * where CommonMark only lets a list starting at 1 interrupt one. A terminator-only
 * rule: it answers the paragraph's "does this line end me?" question and never
 * parses anything itself.
 */
import type { StateBlock } from 'markdown-it';

const ORDERED_START = /^\d+\.[\t ]/;

export function orderedListEndsParagraph(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (!silent) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  const c = state.src.charCodeAt(pos);
  if (c < 0x30 || c > 0x39) return false;
  return ORDERED_START.test(state.src.slice(pos, Math.min(state.eMarks[startLine], pos + 12)));
}

type BlockRule = (s: StateBlock, a: number, b: number, c: boolean) => boolean;

/**
 * A rule line like `---` does not end a kramdown paragraph (it goes on as text,
 * `---` turning into an em dash); `* * *` or `- - -` do, being list starts to kramdown.
 */
export function horizontalRuleInParagraph(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    if (silent) {
      const pos = state.bMarks[startLine] + state.tShift[startLine];
      const c = state.src.charCodeAt(pos);
      const next = state.src.charCodeAt(pos + 1);
      if (!((c === 0x2a || c === 0x2d || c === 0x2b) && (next === 0x20 || next === 0x09))) return false;
    }
    return original(state, startLine, endLine, silent);
  };
}
