/**
 * Liquid 5.4's math filters. Liquid turns Floats and decimal strings into BigDecimal before
 * operating (so 0.1 + 0.2 prints 0.3) and Integers stay Integers (so 7 / 2 floors to 3).
 */
import { RubyFloat, isNumeric, makeFloat, numberValue, RubyError } from '../ruby.js';
import { def, type FilterTable } from './types.js';

/** An exact decimal: mantissa × 10^-scale, or an Integer. */
interface Num {
  int: boolean;
  m: bigint;
  scale: number;
}

function fromString(s: string): Num {
  // Shortest round-trip text, as Ruby's BigDecimal(float.to_s) sees it.
  let t = s.toLowerCase();
  let exp = 0;
  const e = t.indexOf('e');
  if (e >= 0) {
    exp = Number(t.slice(e + 1));
    t = t.slice(0, e);
  }
  const neg = t.startsWith('-');
  if (neg) t = t.slice(1);
  const [ip, fp = ''] = t.split('.');
  let scale = fp.length - exp;
  let digits = ip + fp;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const m = BigInt(digits || '0');
  return { int: false, m: neg ? -m : m, scale };
}

/** Liquid's `Utils.to_number`. */
function toNumber(v: unknown): Num {
  if (v instanceof RubyFloat) return fromString(String(v.value));
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return { int: true, m: BigInt(v), scale: 0 };
    return fromString(String(v));
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^-?\d+\.\d+$/.test(s)) return fromString(s);
    const m = /^\s*[-+]?\d+/.exec(v.replace(/_/g, ''));
    return { int: true, m: m ? BigInt(m[0].trim()) : 0n, scale: 0 };
  }
  return { int: true, m: 0n, scale: 0 };
}

function align(a: Num, b: Num): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.m * 10n ** BigInt(scale - a.scale), b.m * 10n ** BigInt(scale - b.scale), scale];
}

function toJs(n: Num): unknown {
  if (n.int) return Number(n.m);
  return makeFloat(decimalToNumber(n.m, n.scale));
}

function decimalToNumber(m: bigint, scale: number): number {
  if (scale === 0) return Number(m);
  const neg = m < 0n;
  const digits = (neg ? -m : m).toString().padStart(scale + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

function asFloat(n: Num): number {
  return decimalToNumber(n.m, n.scale);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function zeroCheck(n: Num): void {
  if (n.m === 0n) throw new RubyError('divided by 0');
}

function plus(a: Num, b: Num): Num {
  const [x, y, scale] = align(a, b);
  return { int: a.int && b.int, m: x + y, scale };
}

function roundHalfUp(m: bigint, scale: number, digits: number): [bigint, number] {
  if (scale <= digits) return [m, scale];
  const drop = 10n ** BigInt(scale - digits);
  const neg = m < 0n;
  const abs = neg ? -m : m;
  let q = abs / drop;
  if ((abs % drop) * 2n >= drop) q += 1n;
  return [neg ? -q : q, digits];
}

function ceilOrFloor(v: unknown, up: boolean): number {
  const n = toNumber(v);
  if (n.int) return Number(n.m);
  const d = 10n ** BigInt(n.scale);
  let q = floorDiv(n.m, d);
  if (up && n.m % d !== 0n) q += 1n;
  return Number(q);
}

export const mathFilters: FilterTable = {
  plus: def((input, operand) => toJs(plus(toNumber(input), toNumber(operand))), 1),
  minus: def((input, operand) => {
    const b = toNumber(operand);
    return toJs(plus(toNumber(input), { ...b, m: -b.m }));
  }, 1),
  times: def((input, operand) => {
    const a = toNumber(input);
    const b = toNumber(operand);
    return toJs({ int: a.int && b.int, m: a.m * b.m, scale: a.scale + b.scale });
  }, 1),
  divided_by: def((input, operand) => {
    const a = toNumber(input);
    const b = toNumber(operand);
    zeroCheck(b);
    if (a.int && b.int) return Number(floorDiv(a.m, b.m));
    return makeFloat(asFloat(a) / asFloat(b));
  }, 1),
  modulo: def((input, operand) => {
    const a = toNumber(input);
    const b = toNumber(operand);
    zeroCheck(b);
    const [x, y, scale] = align(a, b);
    const r = x - floorDiv(x, y) * y;
    return toJs({ int: a.int && b.int, m: r, scale });
  }, 1),
  abs: def((input) => {
    const n = toNumber(input);
    return toJs({ ...n, m: n.m < 0n ? -n.m : n.m });
  }),
  ceil: def((input) => ceilOrFloor(input, true)),
  floor: def((input) => ceilOrFloor(input, false)),
  round: def((input, places = 0) => {
    const n = toNumber(input);
    const p = Number(toNumber(places).m);
    if (p < 0) {
      // Rounding to tens/hundreds gives an Integer for both Integer and BigDecimal inputs.
      const unit = 10n ** BigInt(-p);
      const [m] = roundHalfUp(n.m, n.scale, 0);
      const neg = m < 0n;
      const abs = neg ? -m : m;
      let q = abs / unit;
      if ((abs % unit) * 2n >= unit) q += 1n;
      return Number((neg ? -q : q) * unit);
    }
    if (n.int) return Number(n.m);
    if (p <= 0) {
      const [m] = roundHalfUp(n.m, n.scale, 0);
      return Number(m);
    }
    const [m, scale] = roundHalfUp(n.m, n.scale, p);
    return makeFloat(decimalToNumber(m, scale));
  }, 0, 1),
  at_least: def((input, min) => {
    const a = toNumber(input);
    const b = toNumber(min);
    return toJs(asFloat(b) > asFloat(a) ? b : a);
  }, 1),
  at_most: def((input, max) => {
    const a = toNumber(input);
    const b = toNumber(max);
    return toJs(asFloat(b) < asFloat(a) ? b : a);
  }, 1),
};

export { isNumeric, numberValue };
