/**
 * kramdown-parser-gfm header syntax on top of markdown-it's rules:
 *   - ATX: hashes at the very start of the line, then a space or tab, then
 *     non-empty text (`#` alone or `#foo` is a paragraph); only one closing
 *     hash run is removed;
 *   - setext: a single text line directly under a block boundary (kramdown's
 *     after_block_boundary?), so a paragraph's last line never becomes a header.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { afterBlockBoundary } from './block-boundary.js';

type BlockRule = (s: StateBlock, a: number, b: number, c: boolean) => boolean;

function ruleFn(md: MarkdownIt, name: string): BlockRule {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  return rules.find((r) => r.name === name)!.fn;
}

export function headersPlugin(md: MarkdownIt): void {
  md.block.ruler.at(
    'heading',
    (state, startLine, _endLine, silent) => {
      if (state.sCount[startLine] !== state.blkIndent) return false;
      const pos = state.bMarks[startLine] + state.tShift[startLine];
      if (state.src.charCodeAt(pos) !== 0x23 /* # */) return false;
      const line = state.src.slice(pos, state.eMarks[startLine]);
      const m = /^(#{1,6})[\t ]+(.*)$/.exec(line);
      if (!m) return false;
      let text = m[2].replace(/[\t ]+$/, '');
      const idSuffix = /[\t ]\{#[^}]*\}$/.exec(text);
      const suffix = idSuffix ? idSuffix[0] : '';
      if (suffix) text = text.slice(0, -suffix.length).replace(/[\t ]+$/, '');
      // GFM quirk parser: strip one trailing " ###" run
      const stripped = text.replace(/[\t ]#+$/, '');
      text = stripped !== text ? stripped.replace(/\s+$/, '') : text;
      if (text === '' && !suffix) return false;
      if (text === '' && suffix) text = suffix.trim();
      else text += suffix;
      if (silent) return true;
      state.line = startLine + 1;
      const open = state.push('heading_open', `h${m[1].length}`, 1);
      open.markup = m[1];
      open.map = [startLine, state.line];
      const inline = state.push('inline', '', 0);
      inline.content = text.trim();
      inline.map = [startLine, state.line];
      inline.children = [];
      const close = state.push('heading_close', `h${m[1].length}`, -1);
      close.markup = m[1];
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote'] },
  );
  const lheading = ruleFn(md, 'lheading');
  md.block.ruler.at('lheading', (state, startLine, endLine, silent) => {
    if (startLine + 1 >= endLine) return false;
    const next = state.src.slice(state.bMarks[startLine + 1] + state.tShift[startLine + 1], state.eMarks[startLine + 1]);
    if (state.tShift[startLine + 1] !== 0 && state.sCount[startLine + 1] !== state.blkIndent) return false;
    if (!/^[-=][-=]*[ \t]*$/.test(next)) return false;
    const first = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    if (/^[ \t]/.test(first)) return false;
    if (!afterBlockBoundary(state, startLine)) return false;
    return lheading(state, startLine, startLine + 2, silent);
  });
}
