/**
 * Ruby value semantics that Liquid-on-Ruby leaks into output: how values print (`to_s`,
 * `inspect`), serialize (`to_json`), compare (`<=>`) and which numbers are Floats.
 */
import { Drop } from 'liquidjs';
import { isDocumentView, isSiteView, NESTED_DOCUMENT_BLACKLIST } from '../utils/views.js';
import { JekyllTime } from '../utils/time.js';

/**
 * A Ruby Float whose value is integral (`1.0`, `3.0`). JS numbers cannot tell 3.0 from 3, but
 * Ruby prints the first as "3.0" and divides it without flooring. Non-integral floats stay
 * plain JS numbers (they already print like Ruby's). A Drop so liquidjs' operators unwrap it.
 */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }
  override valueOf(): number {
    return this.value;
  }
  toString(): string {
    return formatFloat(this.value);
  }
}

/** Ruby `Range` (`(1..4)`): iterates like an array, prints as "1..4". */
export class RubyRange {
  constructor(
    readonly first: number,
    readonly last: number,
  ) {}
  toArray(): number[] {
    const out: number[] = [];
    for (let i = this.first; i <= this.last; i++) out.push(i);
    return out;
  }
  toString(): string {
    return `${this.first}..${this.last}`;
  }
  /** liquidjs' `for` and `contains` iterate it. */
  [Symbol.iterator](): Iterator<number> {
    return this.toArray()[Symbol.iterator]();
  }
}

/** Keyword arguments of a filter call (`default: 'x', allow_false: true`): Ruby passes a trailing Hash. */
export class KeywordArgs {
  constructor(readonly values: Record<string, unknown>) {}
}

export type Hash = Record<string, unknown>;

export function isHash(v: unknown): v is Hash {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) || v instanceof Date || v instanceof Drop || v instanceof RubyRange) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function isFloat(v: unknown): boolean {
  return v instanceof RubyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

export function isNumeric(v: unknown): v is number | RubyFloat {
  return typeof v === 'number' || v instanceof RubyFloat;
}

/** The JS number inside a Ruby numeric. */
export function numberValue(v: number | RubyFloat): number {
  return typeof v === 'number' ? v : v.value;
}

/** A Ruby Float result as a JS value: integral floats keep their Float-ness. */
export function makeFloat(n: number): number | RubyFloat {
  return Number.isInteger(n) && Number.isFinite(n) ? new RubyFloat(n) : n;
}

/** Ruby `Float#to_s`. */
export function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mant, exp] = n.toExponential().split('e');
    const m = mant.includes('.') ? mant : `${mant}.0`;
    const e = Number(exp);
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(n);
  return Number.isInteger(n) ? `${s}.0` : s;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : formatFloat(n);
}

/** Liquid's output of a value: nil → "", arrays joined (recursively), hashes as Ruby `inspect`. */
export function toS(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof RubyFloat) return formatFloat(v.value);
  if (Array.isArray(v)) return v.map(toS).join('');
  if (v instanceof JekyllTime) return v.toString();
  if (v instanceof Date) return new JekyllTime(v.getTime(), 0).toString();
  // Document#to_s is its output, or its content before rendering; SiteDrop prints its class.
  if (isDocumentView(v)) {
    const d = v as Record<string, unknown>;
    return toS(d.output ?? d.content ?? 'NO CONTENT');
  }
  if (isSiteView(v)) return 'Jekyll::Drops::SiteDrop';
  if (isHash(v)) return inspect(v);
  if (v instanceof Drop) {
    const val = v.valueOf();
    if (val !== v) return toS(val);
  }
  return String(v);
}

/** Ruby `to_s` as filters see their input: arrays and hashes print as `inspect`, nil as "". */
export function rubyToS(v: unknown): string {
  if (Array.isArray(v) || isHash(v)) return inspect(v);
  return toS(v);
}

/** Array#join: nested arrays are flattened, elements use `to_s`. */
export function join(arr: unknown[], sep: string): string {
  const flat: string[] = [];
  const walk = (a: unknown[]) => {
    for (const x of a) Array.isArray(x) ? walk(x) : flat.push(toS(x));
  };
  walk(arr);
  return flat.join(sep);
}

/** Ruby `String#inspect`. */
export function inspectString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\x1b') out += '\\e';
    else if (ch === '#') out += '#';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  // Ruby escapes "#" only where it would start an interpolation: #{ #$ #@
  return out.replace(/#(?=[{$@])/g, '\\#') + '"';
}

/** Ruby `inspect` of a Liquid value. */
export function inspect(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return inspectString(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof RubyFloat) return formatFloat(v.value);
  if (Array.isArray(v)) return `[${v.map(inspect).join(', ')}]`;
  if (v instanceof JekyllTime) return v.toString();
  if (v instanceof RubyRange) return v.toString();
  // Drops inspect as pretty JSON (Drop#inspect); documents' neighbours collapse, ending the cycle.
  if (isDocumentView(v)) return JSON.stringify(JSON.parse(toJson(v)), null, 2);
  if (isSiteView(v)) return 'Jekyll::Drops::SiteDrop';
  if (isHash(v)) {
    const parts = Object.keys(v).map((k) => `${inspectString(k)}=>${inspect(v[k])}`);
    return `{${parts.join(', ')}}`;
  }
  return toS(v);
}

/** Ruby's JSON generator (`to_json`) as Jekyll's `jsonify` uses it. */
export function toJson(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof RubyFloat) return formatFloat(v.value);
  if (Array.isArray(v)) return `[${v.map((x) => toJson(x, depth + 1)).join(',')}]`;
  if (v instanceof JekyllTime || v instanceof RubyRange) return jsonString(v.toString());
  if (isHash(v)) {
    // DocumentDrop#hash_for_json: from depth 2 on, a document's next/previous are collapsed
    // (no content, output, excerpt, next, previous), which also ends their cycle.
    const collapse = isDocumentView(v) && depth >= 2;
    const parts = Object.keys(v).map((k) => {
      let value = v[k];
      if (collapse && (k === 'next' || k === 'previous') && isHash(value)) {
        value = Object.fromEntries(Object.keys(value).filter((nk) => !NESTED_DOCUMENT_BLACKLIST.has(nk)).map((nk) => [nk, (value as Record<string, unknown>)[nk]]));
      }
      return `${jsonString(k)}:${toJson(value, depth + 1)}`;
    });
    return `{${parts.join(',')}}`;
  }
  return jsonString(toS(v));
}

const JSON_ESCAPED = /["\\\u0000-\u001f]/;

function jsonString(s: string): string {
  // Most strings need no escape (and long page contents are worth not copying char by char).
  if (!JSON_ESCAPED.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\b') out += '\\b';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export class RubyError extends Error {}

function rubyClass(v: unknown): string {
  if (v === null || v === undefined) return 'NilClass';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (v instanceof RubyFloat) return 'Float';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof Date) return 'Time';
  return 'Hash';
}

/** Ruby `a <=> b`, or undefined where Ruby answers nil (incomparable). */
export function spaceship(a: unknown, b: unknown): number | undefined {
  if (isNumeric(a) && isNumeric(b)) {
    const x = numberValue(a);
    const y = numberValue(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = spaceship(a[i], b[i]);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - b.length);
  }
  if (a === b) return 0;
  return undefined;
}

/** `<=>` that raises like Ruby's `sort` does on incomparable values. */
export function compareOrThrow(a: unknown, b: unknown): number {
  const c = spaceship(a, b);
  if (c === undefined) throw new RubyError(`comparison of ${rubyClass(a)} with ${inspect(b)} failed`);
  return c;
}

/** Byte-wise comparison of UTF-8 strings, as Ruby's String#<=>. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** Ruby truthiness: only nil and false are falsy. */
export function truthy(v: unknown): boolean {
  return v !== null && v !== undefined && v !== false;
}

/** Characters (code points) of a string, as Ruby indexes them. */
export function chars(s: string): string[] {
  return Array.from(s);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** `chars(s).length` without building the array: code units are code points unless there are surrogates. */
export function charCount(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}
