// Tag attributes as kramdown writes them: insertion order, empty ids dropped, values escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrMap, renderAttrs, renderTokenAttrs } from '../../src/markdown/html-attributes.js';

describe('renderTokenAttrs', () => {
  it('writes a token\'s attributes as the map of them would', () => {
    expect(renderTokenAttrs({ attrs: null })).toBe('');
    expect(renderTokenAttrs({ attrs: [['id', ' '], ['class', 'a"b']] })).toBe(' class="a&quot;b"');
    // a key named twice keeps its first place and its last value
    expect(renderTokenAttrs({ attrs: [['class', 'a'], ['id', 'x'], ['class', 'b']] })).toBe(' class="b" id="x"');
  });

  it('agrees with renderAttrs(attrMap(token)) on any attribute list', () => {
    const key = fc.constantFrom('id', 'class', 'style', 'data-x', 'title');
    const value = fc.oneof(fc.constantFrom('', ' ', 'a', '<b>', 'x&y', '"q"'), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), (list) => {
        const token = { attrs: list as Array<[string, string]> };
        expect(renderTokenAttrs(token)).toBe(renderAttrs(attrMap(token)));
      }),
      { numRuns: 2000 },
    );
  });
});
