/** Small Ruby semantics the plugins' original code relies on. */

/** Ruby truthiness: only nil and false are false (0 and "" are true). */
export function truthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false;
}

/** Ruby's `to_i` for the values a config can hold: leading integer of a string, floats truncated. */
export function toI(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'string') {
    const m = /^\s*([+-]?\d[\d_]*)/.exec(value);
    return m ? Number.parseInt(m[1].replace(/_/g, ''), 10) : 0;
  }
  return 0;
}

/** `to_s` for scalars (nil → ""). */
export function toS(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
