/** Liquid's array filters and Jekyll's (where, where_exp, find, group_by, sort, push…). */
import type { Context } from 'liquidjs';
import { RubyRange, isHash, join, rubyToS, compareOrThrow, spaceship, RubyError, truthy, toS, isNumeric, numberValue } from '../ruby.js';
import { parseCondition, evaluateCondition, rubyEquals, type ParsedCondition } from '../condition.js';
import { toInt, evaluate } from '../variable.js';
import { Memo, startRecording, stopRecording } from '../memo.js';
import { def, type FilterTable, type FilterThis } from './types.js';

function flatten(a: unknown[]): unknown[] {
  const out: unknown[] = [];
  const walk = (x: unknown[]) => x.forEach((e) => (Array.isArray(e) ? walk(e) : out.push(e)));
  walk(a);
  return out;
}

/** Liquid's InputIterator: arrays flattened, a hash is one item, nil none, anything else itself. */
function iterate(input: unknown): unknown[] {
  if (Array.isArray(input)) return flatten(input);
  if (input instanceof RubyRange) return input.toArray();
  if (input === null || input === undefined) return [];
  return [input];
}

const INTEGER_LIKE = /^\s*-?\d+\s*$/;
const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/;

/** Jekyll's `parse_sort_input`: numeric-looking values compare as numbers. */
function parseSortInput(v: unknown): unknown {
  if (Array.isArray(v) || isHash(v)) return v;
  const s = rubyToS(v);
  if (INTEGER_LIKE.test(s)) return Number.parseInt(s, 10);
  if (FLOAT_LIKE.test(s)) return Number.parseFloat(s);
  return v;
}

function index(obj: unknown, key: string): unknown {
  if (isHash(obj)) return obj[key];
  if (typeof obj === 'string') return obj.includes(key) ? key : null;
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj) && key in obj) {
    const v = (obj as Record<string, unknown>)[key];
    return typeof v === 'function' ? null : v;
  }
  return null;
}

/** Jekyll's `item_property` (dotted paths allowed). */
function itemProperty(item: unknown, property: unknown): unknown {
  let v: unknown = item;
  for (const part of rubyToS(property).split('.')) v = parseSortInput(index(v, part));
  return v;
}

/** Jekyll's `compare_property_vs_target`: where compares as strings. */
function matches(property: unknown, target: unknown): boolean {
  if (target === null || target === undefined) return property === null || property === undefined;
  const t = rubyToS(target);
  if (typeof property === 'string') return property === t;
  const list = Array.isArray(property) ? property : property === null || property === undefined ? [] : [property];
  return list.some((p) => rubyToS(p) === t);
}

function selectable(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (isHash(input)) return Object.values(input);
  if (input instanceof RubyRange) return input.toArray();
  return undefined;
}

const conditions = new Map<string, ParsedCondition>();
function condition(exp: unknown): ParsedCondition {
  const key = rubyToS(exp);
  let c = conditions.get(key);
  if (!c) conditions.set(key, (c = parseCondition(key)));
  return c;
}

function withVariable<T>(ctx: Context, name: unknown, fn: (set: (v: unknown) => void) => T): T {
  const scope: Record<string, unknown> = {};
  ctx.push(scope);
  try {
    return fn((v) => (scope[rubyToS(name)] = v));
  } finally {
    ctx.pop();
  }
}

/** where_exp's memo of a list, variable and expression. */
function whereMemo(memos: FilterThis['listMemos'], input: unknown[], variable: unknown, expression: unknown): Memo | undefined {
  let byExpression = memos.get(input);
  if (!byExpression) memos.set(input, (byExpression = new Map()));
  const key = `${rubyToS(variable)}\0${rubyToS(expression)}`;
  let memo = byExpression.get(key);
  if (!memo) byExpression.set(key, (memo = new Memo()));
  return memo.disabled || memo.unprofitable ? undefined : memo;
}

function groupedArray(groups: Map<unknown, unknown[]>): Record<string, unknown>[] {
  return [...groups].map(([name, items]) => ({ name, items, size: items.length }));
}

function mutable(input: unknown): unknown[] | undefined {
  return Array.isArray(input) ? [...input] : undefined;
}

function uniqBy(items: unknown[], key: (x: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  const seen: unknown[] = [];
  for (const x of items) {
    const k = key(x);
    if (seen.some((s) => rubyEquals(s, k) && typeof s === typeof k)) continue;
    seen.push(k);
    out.push(x);
  }
  return out;
}

export const arrayFilters: FilterTable = {
  join: def((input, glue = ' ') => join(iterate(input), rubyToS(glue)), 0, 1),
  first: def((input) => (Array.isArray(input) ? input[0] : input instanceof RubyRange ? input.first : isHash(input) ? Object.entries(input)[0] ?? null : null)),
  last: def((input) => (Array.isArray(input) ? input[input.length - 1] : input instanceof RubyRange ? input.last : null)),
  reverse: def((input) => iterate(input).reverse()),
  compact: def((input, property) => {
    const items = iterate(input);
    if (property === undefined || property === null) return items.filter((x) => x !== null && x !== undefined);
    return items.filter((x) => { const v = index(x, rubyToS(property)); return v !== null && v !== undefined; });
  }, 0, 1),
  uniq: def((input, property) => {
    const items = iterate(input);
    if (property === undefined || property === null) return uniqBy(items, (x) => x);
    return uniqBy(items, (x) => index(x, rubyToS(property)));
  }, 0, 1),
  map: def((input, property) => iterate(input).map((x) => (rubyToS(property) === 'to_liquid' ? x : index(x, rubyToS(property)))), 1),
  concat: def((input, other) => {
    if (!Array.isArray(other)) throw new RubyError('concat filter requires an array argument');
    return [...iterate(input), ...other];
  }, 1),
  sort_natural: def((input, property) => {
    const items = iterate(input);
    const key = (x: unknown) => (property === undefined || property === null ? x : index(x, rubyToS(property)));
    const cmp = (a: unknown, b: unknown) => {
      if (a !== null && a !== undefined && b !== null && b !== undefined) {
        const x = rubyToS(a).toLowerCase();
        const y = rubyToS(b).toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
      }
      return a === null || a === undefined ? 1 : -1;
    };
    return [...items].sort((a, b) => cmp(key(a), key(b)));
  }, 0, 1),

  // Jekyll
  where: def((input, property, value) => {
    if (property === null || property === undefined || property === false || Array.isArray(value) || isHash(value)) return input;
    const items = selectable(input);
    if (!items) return input;
    return items.filter((item) => matches(itemProperty(item, property), value));
  }, 2),
  where_exp: def(function (this: FilterThis, input, variable, expression) {
    const items = selectable(input);
    if (!items) return input;
    const cond = condition(expression);
    const ctx = this.ctx;
    const filter = () => withVariable(ctx, variable, (set) => items.filter((item) => (set(item), evaluateCondition(cond, ctx))));
    const memo = Array.isArray(input) && !ctx.strictVariables ? whereMemo(this.listMemos, input, variable, expression) : undefined;
    if (memo === undefined) return filter();
    // The same list, and the same values of what the expression reads besides the item: the same
    // selection (memo.ts; reading an item's getter, such as its content, is never kept).
    const leaf = memo.find(ctx, evaluate);
    if (leaf !== undefined) return leaf.output;
    const rec = startRecording(ctx, (ctx as any).scopes.length);
    let out: unknown[];
    try {
      out = filter();
    } finally {
      stopRecording(ctx, rec);
    }
    memo.store(rec, out);
    return out;
  }, 2),
  find: def((input, property, value) => {
    if (property === null || property === undefined || Array.isArray(value) || isHash(value)) return input;
    const items = selectable(input);
    if (!items) return input;
    return items.find((item) => matches(itemProperty(item, property), value)) ?? null;
  }, 2),
  find_exp: def(function (this: FilterThis, input, variable, expression) {
    const items = selectable(input);
    if (!items) return input;
    const cond = condition(expression);
    return withVariable(this.ctx, variable, (set) => items.find((item) => (set(item), evaluateCondition(cond, this.ctx)))) ?? null;
  }, 2),
  group_by: def((input, property) => {
    const items = selectable(input);
    if (!items) return input;
    const groups = new Map<unknown, unknown[]>();
    for (const item of items) {
      const key = rubyToS(itemProperty(item, property));
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(item);
    }
    return groupedArray(groups);
  }, 1),
  group_by_exp: def(function (this: FilterThis, input, variable, expression) {
    const items = selectable(input);
    if (!items) return input;
    const v = this.variable(rubyToS(expression));
    const groups: [unknown, unknown[]][] = [];
    withVariable(this.ctx, variable, (set) => {
      for (const item of items) {
        set(item);
        const key = this.renderVariable(v, this.ctx);
        const g = groups.find(([k]) => rubyEquals(k, key));
        if (g) g[1].push(item);
        else groups.push([key, [item]]);
      }
    });
    return groups.map(([name, list]) => ({ name, items: list, size: list.length }));
  }, 2),
  sort: def((input, property, nils = 'first') => {
    if (input === null || input === undefined) throw new RubyError('Cannot sort a null object.');
    const items = selectable(input) ?? [input];
    if (property === null || property === undefined) return [...items].sort(compareOrThrow);
    let order: number;
    if (nils === 'first') order = -1;
    else if (nils === 'last') order = 1;
    else throw new RubyError(`Invalid nils order: '${rubyToS(nils)}' is not a valid nils order. It must be 'first' or 'last'.`);
    const keyed = items.map((item) => [itemProperty(item, property), item] as const);
    keyed.sort(([a], [b]) => {
      const an = a === null || a === undefined;
      const bn = b === null || b === undefined;
      if (!an && bn) return -order;
      if (an && !bn) return order;
      const c = spaceship(a, b);
      if (c !== undefined) return c;
      const x = rubyToS(a);
      const y = rubyToS(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return keyed.map(([, item]) => item);
  }, 0, 2),
  sample: def((input, num = 1) => {
    const items = Array.isArray(input) ? input : undefined;
    if (!items) return input;
    const n = toInt(num);
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return n === 1 ? (shuffled[0] ?? null) : shuffled.slice(0, Math.max(0, n));
  }, 0, 1),
  push: def((input, item) => {
    const a = mutable(input);
    if (!a) return input;
    a.push(item);
    return a;
  }, 1),
  pop: def((input, num = 1) => {
    const a = mutable(input);
    if (!a) return input;
    const n = toInt(num);
    a.splice(Math.max(0, a.length - n), n);
    return a;
  }, 0, 1),
  shift: def((input, num = 1) => {
    const a = mutable(input);
    if (!a) return input;
    a.splice(0, toInt(num));
    return a;
  }, 0, 1),
  unshift: def((input, item) => {
    const a = mutable(input);
    if (!a) return input;
    a.unshift(item);
    return a;
  }, 1),
  array_to_sentence_string: def((input, connector = 'and') => {
    const a = Array.isArray(input) ? input : iterate(input);
    const c = rubyToS(connector);
    const s = (x: unknown) => rubyToS(x);
    if (a.length === 0) return '';
    if (a.length === 1) return s(a[0]);
    if (a.length === 2) return `${s(a[0])} ${c} ${s(a[1])}`;
    return `${a.slice(0, -1).map(s).join(', ')}, ${c} ${s(a[a.length - 1])}`;
  }, 0, 1),
};

export { truthy, toS, isNumeric, numberValue };
