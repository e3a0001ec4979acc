import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { fastStateBlock } from '../../src/markdown/state-block.js';

const md = new MarkdownIt();
const Original = md.block.State;
const Fast = fastStateBlock(Original);

const FIELDS = ['bMarks', 'eMarks', 'tShift', 'sCount', 'bsCount', 'lineMax', 'blkIndent', 'line', 'tight', 'ddIndent', 'listIndent', 'parentType', 'level'] as const;

function same(src: string): void {
  const a = new Original(src, md, {}, []);
  const b = new Fast(src, md, {}, []);
  for (const f of FIELDS) expect(b[f], `${f} of ${JSON.stringify(src)}`).toEqual(a[f]);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  expect(Object.getPrototypeOf(b)).toBe(Object.getPrototypeOf(a));
}

describe('fast StateBlock', () => {
  it('builds the same line tables as markdown-it on edge cases', () => {
    const cases = ['', '\n', '\n\n', 'a', 'a\n', 'a\nb', '  a', '\ta\n', ' \t a\n', '   ', '   \n', 'a\n   ', 'a\n \t', 'a\n\t\n', '\t\t\tx\n  \ty\n', 'x\n\n\n  \n', ' '];
    for (const src of cases) same(src);
  });

  it('builds the same line tables on random text', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = [' ', ' ', '\t', '\n', '\n', 'a', 'b', '-', '>'];
    for (let i = 0; i < 2000; i++) {
      const len = rand(40);
      let src = '';
      for (let k = 0; k < len; k++) src += alphabet[rand(alphabet.length)];
      same(src);
    }
  });

  it('keeps markdown-it\'s methods', () => {
    const state = new Fast('# a\n\n  b\n', md, {}, []);
    expect(state.isEmpty(1)).toBe(true);
    expect(state.skipSpaces(state.bMarks[2])).toBe(state.bMarks[2] + 2);
    expect(state.push('x', 'p', 1).level).toBe(0);
    expect(state.level).toBe(1);
  });
});
