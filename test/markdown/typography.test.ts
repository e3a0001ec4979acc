// The text rule: plain characters consumed up to the next possible span start.
import fc from 'fast-check';
import type { StateInline } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { textRule } from '../../src/markdown/typography.js';

/** Where the text rule must stop: a terminator, or '.' / '-' doubled (the loop it replaced). */
function referenceStop(src: string, pos: number, max: number): number {
  const terminators = '\n!#$%&*+<=>@[\\]^_`{}~\'"';
  while (pos < max) {
    const c = src[pos];
    if (terminators.includes(c) || ((c === '.' || c === '-') && src[pos + 1] === c)) break;
    pos++;
  }
  return pos;
}

describe('textRule', () => {
  it('stops where the character loop stopped, within posMax', () => {
    const char = fc.constantFrom('a', ' ', '.', '-', ':', '|', '\n', "'", '"', '*', '_', '[', '`', '\\', '한', 'é', '$', '~');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), fc.nat(24), fc.nat(24), (chars, a, b) => {
        const src = chars.join('');
        const pos = Math.min(a, src.length);
        const max = Math.max(pos, Math.min(b, src.length));
        const state = { src, pos, posMax: max, pending: '' } as unknown as StateInline;
        const stop = referenceStop(src, pos, max);
        expect(textRule(state, false)).toBe(stop > pos);
        expect(state.pos).toBe(stop);
        expect(state.pending).toBe(src.slice(pos, stop));
      }),
      { numRuns: 5000 },
    );
  });
});
