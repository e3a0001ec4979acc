/** Jekyll's `Utils.deep_merge_hashes`: nested hashes merge, a nil in `over` keeps the base value. */
export type Hash = Record<string, unknown>;

export function isHash(value: unknown): value is Hash {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function deepMerge(base: Hash, over: Hash): Hash {
  return deepMergeInPlace({ ...base }, over);
}

/** deepMerge into `base` itself (Jekyll's deep_merge_hashes!); nested hashes are merged into copies. */
export function deepMergeInPlace(base: Hash, over: Hash): Hash {
  for (const key of Object.keys(over)) {
    const value = over[key];
    if (value === null || value === undefined) {
      if (!(key in base)) defineValue(base, key, value);
      continue;
    }
    const old = base[key];
    defineValue(base, key, isHash(old) && isHash(value) ? deepMerge(old, value) : value);
  }
  return base;
}

/** `base[key] = value`, except that a `__proto__` key is a plain field (assigning it would set the prototype). */
function defineValue(base: Hash, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(base, key, { value, enumerable: true, configurable: true, writable: true });
  else base[key] = value;
}

/** A deep copy of plain data (objects, arrays, scalars; dates kept as they are). */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (isHash(value)) {
    const out: Hash = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
    return out as T;
  }
  return value;
}
