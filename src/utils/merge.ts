/** Jekyll's `Utils.deep_merge_hashes`: nested hashes merge, a nil in `over` keeps the base value. */
export type Hash = Record<string, unknown>;

export function isHash(value: unknown): value is Hash {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function deepMerge(base: Hash, over: Hash): Hash {
  const out: Hash = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null || value === undefined) {
      if (!(key in out)) out[key] = value;
      continue;
    }
    const old = out[key];
    out[key] = isHash(old) && isHash(value) ? deepMerge(old, value) : value;
  }
  return out;
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
