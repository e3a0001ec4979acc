/**
 * markdown-it's StateBlock with the line table built faster: its constructor looked at every
 * character of the source in JavaScript (~200 ms of a 4,000-post build); this one reads each
 * line's indentation, then jumps to the line's end with indexOf. The tables are the same,
 * including markdown-it's quirk of dropping a last line of only spaces and tabs that has no
 * line end (test/markdown/state-block.test.ts compares both on edge cases and random text).
 */
import type MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';

type StateBlockConstructor = new (src: string, md: MarkdownIt, env: unknown, tokens: Token[]) => StateBlock;

interface Fields {
  src: string;
  md: MarkdownIt;
  env: unknown;
  tokens: Token[];
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
  blkIndent: number;
  line: number;
  lineMax: number;
  tight: boolean;
  ddIndent: number;
  listIndent: number;
  parentType: string;
  level: number;
}

/** A StateBlock constructor sharing markdown-it's prototype (push, isEmpty, skipSpaces…). */
export function fastStateBlock(original: StateBlockConstructor): StateBlockConstructor {
  function FastStateBlock(this: Fields, src: string, md: MarkdownIt, env: unknown, tokens: Token[]): void {
    // fields in markdown-it's order, so objects keep the same shape
    this.src = src;
    this.md = md;
    this.env = env;
    this.tokens = tokens;
    const bMarks: number[] = (this.bMarks = []);
    const eMarks: number[] = (this.eMarks = []);
    const tShift: number[] = (this.tShift = []);
    const sCount: number[] = (this.sCount = []);
    const bsCount: number[] = (this.bsCount = []);
    this.blkIndent = 0;
    this.line = 0;
    this.lineMax = 0;
    this.tight = false;
    this.ddIndent = -1;
    this.listIndent = -1;
    this.parentType = 'root';
    this.level = 0;

    const len = src.length;
    let pos = 0;
    while (pos < len) {
      const start = pos;
      let indent = 0;
      let offset = 0;
      for (; pos < len; pos++) {
        const ch = src.charCodeAt(pos);
        if (ch === 0x20) offset++;
        else if (ch === 0x09) offset += 4 - (offset % 4);
        else break;
        indent++;
      }
      // (markdown-it never ends a last line that is all indentation)
      if (pos >= len) break;
      const newline = src.indexOf('\n', pos);
      const end = newline < 0 ? len : newline;
      bMarks.push(start);
      eMarks.push(end);
      tShift.push(indent);
      sCount.push(offset);
      bsCount.push(0);
      pos = end + 1;
    }
    // the fake last line markdown-it adds to simplify bounds checks
    bMarks.push(len);
    eMarks.push(len);
    tShift.push(0);
    sCount.push(0);
    bsCount.push(0);
    this.lineMax = bMarks.length - 1;
  }
  FastStateBlock.prototype = original.prototype;
  return FastStateBlock as unknown as StateBlockConstructor;
}
