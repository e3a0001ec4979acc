import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValidUtf8, encodeUtf8 } from '../../src/utils/utf8.js';

// Text on both sides of the size where the fast path starts (1 KB), in every script width:
// ASCII, Latin-1, the BMP (Hangul, punctuation), astral characters (surrogate pairs), a BOM.
// (`size: 'max'`: fast-check's default size would keep nearly every case under 1 KB.)
const pieces = ['a', 'plain ascii text ', 'é', '—', '한국어 ', '😀', '\uFEFF', '\n', '\0', '𝔘'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 900, size: 'max' }).map((a) => a.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 3000, size: 'max' }), fc.string({ unit: 'binary', maxLength: 3000, size: 'max' }));

describe('decodeValidUtf8', () => {
  it('decodes exactly as Buffer#toString', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const bytes = Buffer.from(s, 'utf8');
        expect(decodeValidUtf8(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });

  it('decodes a view into a larger buffer (the reader reuses one)', () => {
    const big = Buffer.from('x'.repeat(100) + '한국어 '.repeat(500) + 'tail');
    const view = big.subarray(100, big.length - 4);
    expect(decodeValidUtf8(view)).toBe('한국어 '.repeat(500));
  });
});

describe('encodeUtf8', () => {
  it('encodes exactly as Buffer.from, lone surrogates included', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(encodeUtf8(s).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });

  it('writes U+FFFD for a lone surrogate in a long text, as Node does', () => {
    const s = '한'.repeat(2000) + '\uD800' + 'x';
    expect(encodeUtf8(s).toString('utf8')).toBe('한'.repeat(2000) + '\uFFFD' + 'x');
  });
});
