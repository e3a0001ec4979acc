/**
 * kramdown math with the MathJax engine: `$$...$$` standing alone as a block
 * becomes `\[...\]`, inside text `\(...\)`.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { StateInline, StateCore } from 'markdown-it';
import { renderAttrs, attrMap } from './html-attributes.js';
import { afterBlockBoundary } from './block-boundary.js';

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Block math: the block starts with $$ (after 0-3 spaces) and its text ends with $$. */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (!state.src.startsWith('$$', start)) return false;
  if (!afterBlockBoundary(state, startLine)) return false;
  // the block ends at the first blank line (or end of container)
  let line = startLine + 1;
  while (line < endLine && !state.isEmpty(line) && state.sCount[line] >= state.blkIndent) {
    const s = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
    if (/^\{:/.test(s) || /^\^\s*$/.test(s)) break;
    line++;
  }
  const text = state.src.slice(start, state.eMarks[line - 1]);
  // kramdown: the first $$...$$ must end the block (before_block_boundary?)
  const m = /^\$\$([^]*?)\$\$[ \t]*$/.exec(text);
  if (!m || m[1].includes('$$')) return false;
  if (silent) return true;
  const tok = state.push('kd_math_block', '', 0);
  tok.content = m[1].trim();
  tok.block = true;
  tok.map = [startLine, line];
  state.line = line;
  return true;
}

function inlineMath(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x24 || src.charCodeAt(pos + 1) !== 0x24) return false;
  const end = src.indexOf('$$', pos + 2);
  if (end < 0 || end + 2 > state.posMax) return false;
  if (!silent) {
    const tok = state.push('kd_math_inline', '', 0);
    tok.content = src.slice(pos + 2, end).trim();
  }
  state.pos = end + 2;
  return true;
}

/**
 * kramdown: `\$$x$$` at the start of a block (and ending its line) is escaped
 * block math — the backslash goes and the rest is a paragraph, where `$$x$$`
 * is inline math. Core rule before `inline`.
 */
export function escapedBlockMath(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open') continue;
    if (/^\\\$\$[^]*?\$\$[ \t]*(?:\n|$)/.test(t.content)) t.content = t.content.slice(1);
  }
}

export function mathPlugin(md: MarkdownIt, engine: string | null = 'mathjax'): void {
  md.block.ruler.before('table', 'kramdown_block_math', blockMath);
  md.inline.ruler.before('escape', 'kramdown_inline_math', inlineMath);
  md.core.ruler.before('inline', 'kramdown_escaped_block_math', escapedBlockMath);
  // math_engine: null writes kramdown's own markup (class kdmath) instead of MathJax delimiters
  const mathjax = engine !== null && engine !== 'null' && engine !== '';
  md.renderer.rules.kd_math_block = (tokens, idx) => {
    const t = tokens[idx];
    const attrs = attrMap(t);
    if (!mathjax) {
      attrs.set('class', `${attrs.get('class') ?? ''} kdmath`.trimStart());
      return `<div${renderAttrs(attrs)}>$$\n${t.content}\n$$</div>\n`; // kramdown writes the math unescaped here
    }
    const body = `\\[${escapeText(t.content)}\\]`;
    if (attrs.size) return `<div${renderAttrs(attrs)}>${body}\n</div>\n`;
    return body + '\n';
  };
  md.renderer.rules.kd_math_inline = (tokens, idx) => {
    const t = tokens[idx];
    if (!mathjax) {
      const attrs = attrMap(t);
      attrs.set('class', `${attrs.get('class') ?? ''} kdmath`.trimStart());
      return `<span${renderAttrs(attrs)}>$${t.content}$</span>`;
    }
    return `\\(${escapeText(t.content)}\\)`;
  };
}
