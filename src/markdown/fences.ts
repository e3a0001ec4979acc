/**
 * kramdown-parser-gfm fenced code blocks must be closed and their info string
 * must be a single word: otherwise the lines are a paragraph. Wraps markdown-it's fence rule.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';

export function fenceGuard(md: MarkdownIt): void {
  const rules = md.block.ruler.getRules('') as unknown as Array<(s: StateBlock, a: number, b: number, c: boolean) => boolean>;
  const names = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: typeof rules[0] }> }).__rules__;
  const original = names.find((r) => r.name === 'fence')!.fn;
  md.block.ruler.at(
    'fence',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const c = state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]);
      if (c !== 0x60 && c !== 0x7e) return false;
      const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
      const m = /^(`{3,}|~{3,})(.*)$/.exec(line);
      if (!m) return false;
      if (!/^\s*(\S+)?\s*$/.test(m[2])) return false;
      const ch = m[1][0];
      const close = new RegExp(`^ {0,3}${ch === '`' ? '`' : '~'}{${m[1].length},}\\s*$`);
      let l = startLine + 1;
      for (; l < endLine; l++) {
        if (state.sCount[l] < state.blkIndent && !state.isEmpty(l)) return false;
        if (close.test(state.src.slice(state.bMarks[l] + state.tShift[l] - Math.min(state.tShift[l], 3), state.eMarks[l]))) break;
      }
      if (l >= endLine) return false;
      const before = state.tokens.length;
      if (!original(state, startLine, endLine, silent)) return false;
      // kramdown keeps the content as written: the fence's own indentation is not removed
      const tok = state.tokens[before];
      if (!silent && tok && tok.type === 'fence') tok.content = state.getLines(startLine + 1, l, state.blkIndent, true);
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}
