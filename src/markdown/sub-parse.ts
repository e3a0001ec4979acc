/**
 * Parse a piece of Markdown as blocks inside the current one (kramdown parses
 * the inside of blockquotes, definitions and HTML elements as documents of
 * their own), appending the tokens with levels and line numbers moved to where
 * the piece sits in the real source.
 */
import type { StateBlock } from 'markdown-it';

export function subParse(state: StateBlock, text: string, lineOffset: number): void {
  const first = state.tokens.length;
  const level = state.level;
  state.md.block.parse(text, state.md, state.env, state.tokens);
  for (let i = first; i < state.tokens.length; i++) {
    const t = state.tokens[i];
    t.level += level;
    if (t.map) t.map = [t.map[0] + lineOffset, t.map[1] + lineOffset];
  }
  state.level = level;
}
