/**
 * A fast path for the YAML nearly every front matter is written in: one `key: value` per line,
 * values plain, quoted without escapes, or a one-line `[a, b]` list, with comments and blank
 * lines between. js-yaml spends ~100 µs on such a block (a tenth of reading a post), this a
 * few. Anything else — nesting, block lists, escapes, anchors, tags, multi-line scalars,
 * comments after a value — returns undefined and goes to js-yaml, so the accepted subset is
 * small enough to be checked against it (test/read/yaml-flat.test.ts). Plain scalars are
 * resolved by the same schema js-yaml uses, so dates, booleans and numbers come out the same.
 */

/** What js-yaml's Schema does with a plain scalar (its own resolution, reused). */
export type PlainResolver = (source: string) => unknown;

// Characters that make a line something other than this subset (tabs, CR, controls, BOM,
// the Unicode line separators): js-yaml decides what they mean.
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
// (only spaces: YAML's whitespace is space and tab, not what String#trim removes)
const BLANK = /^ *$/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
// A plain scalar may not start with an indicator; `-` only before a digit (a negative number).
const PLAIN_START = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-\d)/;
// Inside a flow list an item also ends at `,[]{}`, so those (and quotes) send it to js-yaml.
const FLOW_ITEM = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-\d)[^,[\]{}#:'"]*$/;

/**
 * The mapping `text` holds, or undefined when it is not in the subset. `text` may begin with
 * the `---` document marker line, as front matter does.
 */
export function loadFlatYaml(text: string, resolvePlain: PlainResolver): Record<string, unknown> | undefined {
  if (UNSAFE.test(text)) return undefined;
  let start = 0;
  if (text.startsWith('---')) {
    if (text.charCodeAt(3) !== 10) return undefined;
    start = 4;
  }
  const out: Record<string, unknown> = {};
  let any = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '' || line.charCodeAt(0) === 35 /* # */ || BLANK.test(line)) continue;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = resolvePlain(m[1]);
    // `on:`, `null:` and the like are not string keys; `__proto__` is special in JavaScript.
    if (key !== m[1] || key === '__proto__') return undefined;
    const value = m[2] === undefined ? '' : m[2].replace(/ +$/, '');
    const parsed = value === '' ? { value: resolvePlain('') } : parseValue(value, resolvePlain);
    if (parsed === undefined) return undefined;
    out[key] = parsed.value;
    any = true;
  }
  return any ? out : undefined;
}

function parseValue(value: string, resolvePlain: PlainResolver): { value: unknown } | undefined {
  const c = value.charCodeAt(0);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const s = quoted(value);
    return s === undefined ? undefined : { value: s };
  }
  if (c === 91 /* [ */) return flowList(value, resolvePlain);
  const plain = plainScalar(value);
  return plain === undefined ? undefined : { value: resolvePlain(plain) };
}

/** A whole `"…"` without escapes or `'…'`, else undefined. */
function quoted(value: string): string | undefined {
  const q = value[0];
  if (value.length < 2 || value[value.length - 1] !== q) return undefined;
  const inner = value.slice(1, -1);
  if (q === '"') return inner.includes('"') || inner.includes('\\') ? undefined : inner;
  // '' is a quote inside single quotes; a lone ' would end the scalar early
  if (inner.replaceAll("''", '').includes("'")) return undefined;
  return inner.replaceAll("''", "'");
}

/** A plain scalar that is unambiguously one: no comment, no `: `, no trailing colon. */
function plainScalar(value: string): string | undefined {
  if (!PLAIN_START.test(value)) return undefined;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return undefined;
  return value;
}

/** `[a, b, "c"]` on one line, items plain or quoted without commas inside. */
function flowList(value: string, resolvePlain: PlainResolver): { value: unknown[] } | undefined {
  if (value[value.length - 1] !== ']') return undefined;
  const inner = value.slice(1, -1);
  if (BLANK.test(inner)) return { value: [] };
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.replace(/^ +| +$/g, '');
    if (item === '') return undefined;
    const c = item.charCodeAt(0);
    if (c === 34 || c === 39) {
      const s = quoted(item);
      if (s === undefined) return undefined;
      items.push(s);
    } else if (FLOW_ITEM.test(item)) {
      items.push(resolvePlain(item));
    } else {
      return undefined;
    }
  }
  return { value: items };
}
