import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneData, deepMerge, deepMergeInPlace, type Hash } from '../../src/utils/merge.js';

// Small key pool, so base and over share keys (nested merges, nil values, replaced arrays).
const key = fc.constantFrom('a', 'b', 'c', 'date', 'tags', 'categories', 'toString', '__proto__');
const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string({ maxLength: 3 }), fc.array(fc.integer(), { maxLength: 3 }));
const hash: fc.Arbitrary<Hash> = fc.letrec((tie) => ({
  h: fc.array(fc.tuple(key, fc.oneof({ depthSize: 'small' }, leaf, tie('h'))), { maxLength: 5 }).map((entries) => {
    const out: Hash = {};
    for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  }),
})).h as fc.Arbitrary<Hash>;

/** Jekyll's deep_merge_hashes, spelled out: a copy of base, over's keys merged in order. */
function reference(base: Hash, over: Hash): Hash {
  const out: Hash = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if ((v === null || v === undefined) && k in out) continue;
    const old = out[k];
    const value = isHashLike(old) && isHashLike(v) ? reference(old, v) : v;
    Object.defineProperty(out, k, { value, enumerable: true, configurable: true, writable: true });
  }
  return out;
}
const isHashLike = (v: unknown): v is Hash => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Keys in order and values, all the way down. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v === 'object' && v !== null) return Object.keys(v).map((k) => [k, shape((v as Hash)[k])]);
  return v;
}

describe('deepMergeInPlace', () => {
  it('merges as Jekyll does, changing only the base object itself', () => {
    fc.assert(
      fc.property(hash, hash, (base, over) => {
        const expected = reference(base, over);
        expect(shape(deepMerge(base, over))).toEqual(shape(expected));
        const before = shape(base);
        const nested = Object.keys(base).map((k) => [k, base[k]] as const);
        const target = { ...base };
        const copies = nested.map(([, v]) => shape(v));
        expect(deepMergeInPlace(target, over)).toBe(target);
        expect(shape(target)).toEqual(shape(expected));
        expect(shape(base)).toEqual(before);
        nested.forEach(([, v], i) => expect(shape(v)).toEqual(copies[i])); // nested hashes copied, not changed
        expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a `__proto__` key as a plain field instead of setting the prototype', () => {
    const over = JSON.parse('{"__proto__": {"polluted": true}}') as Hash;
    for (const merged of [deepMerge({}, over), deepMergeInPlace({}, over)]) {
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
      expect(Object.keys(merged)).toEqual(['__proto__']);
      expect((merged as { polluted?: boolean }).polluted).toBeUndefined();
    }
    expect(cloneData({ a: 1 })).toEqual({ a: 1 });
  });
});
