/**
 * Liquid's `Variable` (the inside of `{{ … }}`, `assign`'s right side, `echo`) parsed the way
 * Liquid 5.4 does in error_mode lax/warn: by regular expressions that silently drop what they do
 * not understand (missing commas, stray colons, garbage after the value). Expressions follow
 * `Liquid::Expression.parse` and `VariableLookup` (size/first/last commands, brackets).
 */
import { Context, Drop } from 'liquidjs';
import { KeywordArgs, RubyFloat, RubyRange, isHash, numberValue, isNumeric, charCount } from './ruby.js';
import { RECORDING, abortRecording, noteBottomRead, noteRead, type Recorder } from './memo.js';

const QUOTED_STRING = `"[^"]*"|'[^']*'`;
const QUOTED_FRAGMENT = `(?:${QUOTED_STRING}|(?:[^\\s,|'"]|${QUOTED_STRING})+)`;
const MARKUP_WITH_QUOTED_FRAGMENT = new RegExp(`(${QUOTED_FRAGMENT})([\\s\\S]*)`);
const FILTER_MARKUP = /\|\s*([\s\S]*)/;
const FILTER_PARSER = new RegExp(`(?:\\s+|${QUOTED_FRAGMENT}|,)+`, 'g');
const FILTER_ARGS = new RegExp(`(?::|,)\\s*((?:\\w+\\s*:\\s*)?${QUOTED_FRAGMENT})`, 'g');
const KEYWORD_ARG = new RegExp(`^(\\w+)\\s*:\\s*(${QUOTED_FRAGMENT})$`);
const VARIABLE_PARSER = /\[[^\]]+\]|[\w-]+\??/g;
const RANGE = /^\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)$/;

export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'range'; from: Expr; to: Expr }
  | { kind: 'lookup'; name: string | Expr; lookups: (string | Expr)[]; commands: boolean[]; dynamic: boolean };

export interface FilterCall {
  name: string;
  args: Expr[];
  kwargs?: [string, Expr][];
}

export interface FilterHost {
  /** Calls filter `name`; undefined filters are the host's business (strict_filters). */
  invoke(ctx: Context, name: string, input: unknown, args: unknown[]): unknown;
}

const LITERALS: Record<string, unknown> = { nil: null, null: null, true: true, false: false, blank: '', empty: '' };

/** `Liquid::Expression.parse`. */
export function parseExpression(markup: string | undefined): Expr {
  if (markup === undefined) return { kind: 'literal', value: null };
  const m = markup.trim();
  if ((m.startsWith('"') && m.endsWith('"') && m.length >= 2) || (m.startsWith("'") && m.endsWith("'") && m.length >= 2)) {
    return { kind: 'literal', value: m.slice(1, -1) };
  }
  if (/^-?\d+$/.test(m)) return { kind: 'literal', value: Number.parseInt(m, 10) };
  const range = RANGE.exec(m);
  if (range) return { kind: 'range', from: parseExpression(range[1]), to: parseExpression(range[2]) };
  if (/^-?\d[\d.]+$/.test(m)) {
    const f = Number.parseFloat(m);
    return { kind: 'literal', value: Number.isInteger(f) ? new RubyFloat(f) : f };
  }
  if (m === '' || Object.prototype.hasOwnProperty.call(LITERALS, m)) return { kind: 'literal', value: LITERALS[m] ?? null };
  return parseLookup(m);
}

function parseLookup(markup: string): Expr {
  const parts = markup.match(VARIABLE_PARSER) ?? [];
  const first = parts.shift();
  const name: string | Expr = first && first.startsWith('[') && first.endsWith(']') ? parseExpression(first.slice(1, -1)) : (first ?? '');
  const commands: boolean[] = [];
  const lookups = parts.map((p, i) => {
    if (p.startsWith('[') && p.endsWith(']')) {
      commands[i] = false;
      return parseExpression(p.slice(1, -1));
    }
    commands[i] = p === 'size' || p === 'first' || p === 'last';
    return p;
  });
  // `dynamic`: a part is itself an expression (`a[b]`), which a memo recording must look into.
  return { kind: 'lookup', name, lookups, commands, dynamic: typeof name !== 'string' || lookups.some((l) => typeof l !== 'string') };
}

export class UndefinedVariable extends Error {
  constructor(name: string) {
    super(`undefined variable ${name}`);
  }
}

function hasKey(obj: unknown, key: unknown): boolean {
  if (obj === null || obj === undefined) return false;
  if (Array.isArray(obj)) return typeof key === 'number' && Number.isInteger(key);
  if (typeof obj !== 'object') return false;
  if (typeof key !== 'string' && typeof key !== 'number') return false;
  if (isHash(obj)) return Object.prototype.hasOwnProperty.call(obj, key);
  if (obj instanceof Drop) return (obj as any)[key] !== undefined;
  // Class instances from other modules (drops of the build): their getters are keys.
  return key in (obj as object) && !(key in Object.prototype);
}

function readKey(obj: any, key: any): unknown {
  if (Array.isArray(obj)) return key < 0 ? obj[obj.length + key] : obj[key];
  const v = obj[key];
  if (typeof v === 'function') return obj instanceof Drop || !isHash(obj) ? v.call(obj) : undefined;
  return v;
}

function command(obj: unknown, key: string): { ok: boolean; value?: unknown } {
  if (key === 'size') {
    if (typeof obj === 'string') return { ok: true, value: charCount(obj) };
    if (Array.isArray(obj)) return { ok: true, value: obj.length };
    if (isHash(obj)) return { ok: true, value: Object.keys(obj).length };
    if (obj instanceof RubyRange) return { ok: true, value: Math.max(0, obj.last - obj.first + 1) };
    return { ok: false };
  }
  if (Array.isArray(obj)) return { ok: true, value: key === 'first' ? obj[0] : obj[obj.length - 1] };
  if (obj instanceof RubyRange) return { ok: true, value: key === 'first' ? obj.first : obj.last };
  if (key === 'first' && isHash(obj)) {
    const k = Object.keys(obj)[0];
    return { ok: true, value: k === undefined ? null : [k, obj[k]] };
  }
  return { ok: false };
}

/** `context.find_variable`: innermost scope first, then the render's environment. */
export function findVariable(ctx: Context, name: unknown): unknown {
  const key = typeof name === 'string' ? name : String(name);
  const scopes = (ctx as any).scopes as Record<string, unknown>[];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (key in scope) return scope[key];
  }
  const env = ctx.environments as Record<string, unknown>;
  if (key in env) return env[key];
  if (ctx.strictVariables) throw new UndefinedVariable(key);
  return null;
}

/** Objects of the build may stand for a Liquid value (`toLiquid()`), as liquidjs drops do. */
export function toLiquid(v: unknown): unknown {
  while (v !== null && typeof v === 'object' && typeof (v as { toLiquid?: unknown }).toLiquid === 'function') {
    const next = (v as { toLiquid(): unknown }).toLiquid();
    if (next === v) break;
    v = next;
  }
  return v;
}

export function evaluate(expr: Expr, ctx: Context): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'range': {
      const from = toInt(evaluate(expr.from, ctx));
      const to = toInt(evaluate(expr.to, ctx));
      return new RubyRange(from, to);
    }
    case 'lookup': {
      const rec = (ctx as any)[RECORDING] as Recorder | undefined;
      if (rec !== undefined) return evaluateRecorded(expr, ctx, rec);
      const name = typeof expr.name === 'string' ? expr.name : evaluate(expr.name, ctx);
      let obj = toLiquid(findVariable(ctx, name));
      for (let i = 0; i < expr.lookups.length; i++) {
        const l = expr.lookups[i];
        // The common step, a hash's own key by name, without the general checks below (a hash:
        // a plain object, which is no array, Date, drop or range; its functions read as nil).
        if (typeof l === 'string' && obj !== null && typeof obj === 'object') {
          const proto = Object.getPrototypeOf(obj);
          if ((proto === Object.prototype || proto === null) && typeof (obj as any).toLiquid !== 'function') {
            if (Object.prototype.hasOwnProperty.call(obj, l)) {
              const v = (obj as any)[l];
              obj = typeof v === 'function' ? undefined : v;
              continue;
            }
            if (!expr.commands[i]) {
              if (ctx.strictVariables) throw new UndefinedVariable(l);
              return null;
            }
          }
        }
        if (i > 0) obj = toLiquid(obj);
        let key = typeof l === 'string' ? l : evaluate(l, ctx);
        if (key instanceof RubyFloat) key = key.value;
        if (obj instanceof RubyRange && typeof key === 'number') obj = obj.toArray();
        if (hasKey(obj, key)) {
          obj = readKey(obj, key);
          continue;
        }
        if (expr.commands[i] && typeof key === 'string') {
          const c = command(obj, key);
          if (c.ok) {
            obj = c.value;
            continue;
          }
        }
        if (ctx.strictVariables) throw new UndefinedVariable(String(key));
        return null;
      }
      return obj;
    }
  }
}

/**
 * A lookup during a recording (see memo.ts): the same steps as `evaluate`, and the read is noted
 * as external (its value becomes part of the memo key) unless its root belongs to the recorded
 * render. Steps through internal objects must be plain data: a getter (a page's `content`)
 * could change between renders.
 */
function evaluateRecorded(expr: Extract<Expr, { kind: 'lookup' }>, ctx: Context, innermost: Recorder): unknown {
  // Internal reads so far, per active recording: dynamic keys that read internals taint the lookup.
  const dynamic = expr.dynamic;
  let before: number[] | undefined;
  if (dynamic) {
    before = [];
    for (let r: Recorder | undefined = innermost; r !== undefined; r = r.parent) before.push(r.internalReads);
  }
  const name = typeof expr.name === 'string' ? expr.name : evaluate(expr.name, ctx);
  const key0 = String(name);
  const scopes = (ctx as any).scopes as Record<string, unknown>[];
  let at = -2;
  let found: unknown = null;
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (key0 in scopes[i]) {
      at = i;
      found = scopes[i][key0];
      break;
    }
  }
  if (at === -2) {
    const env = ctx.environments as Record<string, unknown>;
    if (key0 in env) {
      at = -1;
      found = env[key0];
    }
  }
  // A read of a variable set by a substituted include: that variable matters (memo.ts, Watch).
  if (at === 0) for (let r: Recorder | undefined = innermost; r !== undefined; r = r.parent) if (r.watched.size > 0) noteBottomRead(r, key0);
  let internalToAny = false;
  for (let r: Recorder | undefined = innermost; r !== undefined; r = r.parent) if ((internalToAny = internalTo(r, at, key0))) break;
  let obj = toLiquid(found);
  let result: unknown = obj;
  for (let i = 0; i < expr.lookups.length; i++) {
    if (i > 0) obj = toLiquid(obj);
    const l = expr.lookups[i];
    let key = typeof l === 'string' ? l : evaluate(l, ctx);
    if (key instanceof RubyFloat) key = key.value;
    if (obj instanceof RubyRange && typeof key === 'number') obj = obj.toArray();
    if (internalToAny && (ctx as any)[RECORDING] !== undefined && !plainStep(obj, key)) abortRecording(ctx);
    if (hasKey(obj, key)) {
      obj = readKey(obj, key);
      result = obj;
      continue;
    }
    if (expr.commands[i] && typeof key === 'string') {
      // A hash's `first` reads its first value, perhaps through a getter.
      if (internalToAny && key === 'first' && isHash(obj)) abortRecording(ctx);
      const c = command(obj, key);
      if (c.ok) {
        obj = c.value;
        result = obj;
        continue;
      }
    }
    result = null;
    break;
  }
  if ((ctx as any)[RECORDING] !== innermost) return result;
  let n = 0;
  for (let r: Recorder | undefined = innermost; r !== undefined; r = r.parent, n++) {
    if (internalTo(r, at, key0)) r.internalReads++;
    else if (dynamic && r.internalReads !== before![n]) {
      abortRecording(ctx);
      break;
    } else {
      noteRead(r, expr, result);
      if (r.parent !== undefined && internalTo(r.parent, at, key0)) r.leaked = true;
    }
  }
  return result;
}

/** Whether a root found at scope index `at` (-1: environments) belongs to the recorded render. */
function internalTo(r: Recorder, at: number, name: string): boolean {
  return at >= r.internalFrom || (at === 0 && r.assigned.has(name));
}

/** Whether reading `key` of `obj` is reading plain data (no getter or method runs). */
function plainStep(obj: unknown, key: unknown): boolean {
  if (obj === null || typeof obj !== 'object') return true;
  const proto = Object.getPrototypeOf(obj);
  if (proto === Object.prototype || proto === null) {
    if (typeof key !== 'string' && typeof key !== 'number') return true;
    const d = Object.getOwnPropertyDescriptor(obj, key);
    return d === undefined || !d.get;
  }
  if (Array.isArray(obj) || obj instanceof RubyRange) return true;
  // A for loop's own forloop drop (its parentloop is guarded where it is set).
  return obj.constructor?.name === 'ForloopDrop';
}

export function toInt(v: unknown): number {
  if (isNumeric(v)) return Math.trunc(numberValue(v));
  if (typeof v === 'string') {
    const m = /^\s*[-+]?\d+/.exec(v);
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Math.trunc(Number(v));
    if (!m) throw new Error(`invalid integer`);
    return Number.parseInt(m[0], 10);
  }
  if (v === null || v === undefined) return 0;
  throw new Error('invalid integer');
}

/** A parsed `{{ … }}` body. */
export class LaxVariable {
  readonly name: Expr;
  readonly filters: FilterCall[] = [];

  constructor(readonly markup: string) {
    const m = MARKUP_WITH_QUOTED_FRAGMENT.exec(markup);
    if (!m) {
      this.name = { kind: 'literal', value: null };
      return;
    }
    this.name = parseExpression(m[1]);
    const fm = FILTER_MARKUP.exec(m[2]);
    if (!fm) return;
    for (const f of fm[1].match(FILTER_PARSER) ?? []) {
      const nm = /\w+/.exec(f);
      if (!nm) continue;
      const call: FilterCall = { name: nm[0], args: [] };
      for (const a of f.matchAll(FILTER_ARGS)) {
        const kw = KEYWORD_ARG.exec(a[1]);
        if (kw) (call.kwargs ??= []).push([kw[1], parseExpression(kw[2])]);
        else call.args.push(parseExpression(a[1]));
      }
      this.filters.push(call);
    }
  }

  render(ctx: Context, host: FilterHost): unknown {
    let value = evaluate(this.name, ctx);
    for (const f of this.filters) {
      const args = f.args.map((a) => evaluate(a, ctx));
      if (f.kwargs) {
        const kw: Record<string, unknown> = {};
        for (const [k, e] of f.kwargs) kw[k] = evaluate(e, ctx);
        args.push(new KeywordArgs(kw));
      }
      value = host.invoke(ctx, f.name, value, args);
    }
    return value;
  }
}

/** Liquid 5.4's strict-mode lexer and Variable grammar; used only to reject (error_mode: strict). */
const STRICT_TOKEN = /\s*(?:(==|!=|<>|<=?|>=?|contains(?=\s))|('[^']*'|"[^"]*")|(-?\d+(?:\.\d+)?)|([a-zA-Z_][\w-]*\??)|(\.\.)|([|.:,[\]()?-]))/y;
const SPECIAL_NAMES: Record<string, string> = {
  '|': 'pipe', '.': 'dot', ':': 'colon', ',': 'comma', '[': 'open_square', ']': 'close_square', '(': 'open_round', ')': 'close_round', '?': 'question', '-': 'dash',
};

export class LiquidSyntaxError extends Error {}

function strictTokens(markup: string): string[] {
  const out: string[] = [];
  STRICT_TOKEN.lastIndex = 0;
  let p = 0;
  while (p < markup.length) {
    if (/^\s*$/.test(markup.slice(p))) break;
    STRICT_TOKEN.lastIndex = p;
    const m = STRICT_TOKEN.exec(markup);
    if (!m) {
      const c = markup.slice(p).trimStart()[0];
      throw new LiquidSyntaxError(`Unexpected character ${c}`);
    }
    out.push(m[1] ? 'comparison' : m[2] ? 'string' : m[3] ? 'number' : m[4] ? 'id' : m[5] ? 'dotdot' : SPECIAL_NAMES[m[6]]);
    p = STRICT_TOKEN.lastIndex;
  }
  out.push('end_of_string');
  return out;
}

/** Throws Liquid's strict-mode SyntaxError where `{{ markup }}` is not valid strict syntax. */
export function strictCheckVariable(markup: string): void {
  const t = strictTokens(markup);
  let p = 0;
  const look = (type: string, ahead = 0) => t[p + ahead] === type;
  const consume = (type?: string) => {
    if (type && t[p] !== type) throw new LiquidSyntaxError(`Expected ${type} but found ${t[p]}`);
    return t[p++];
  };
  const lookups = () => {
    for (;;) {
      if (look('open_square')) {
        consume();
        expression();
        consume('close_square');
      } else if (look('dot')) {
        consume();
        consume('id');
      } else break;
    }
  };
  const expression = (): void => {
    switch (t[p]) {
      case 'id':
        consume();
        lookups();
        return;
      case 'open_square':
        consume();
        expression();
        consume('close_square');
        lookups();
        return;
      case 'string':
      case 'number':
        consume();
        return;
      case 'open_round':
        consume();
        expression();
        consume('dotdot');
        expression();
        consume('close_round');
        return;
      default:
        throw new LiquidSyntaxError(`[:${t[p]}] is not a valid expression`);
    }
  };
  const argument = () => {
    if (look('id') && look('colon', 1)) p += 2;
    expression();
  };
  if (look('end_of_string')) return;
  expression();
  while (look('pipe')) {
    consume();
    consume('id');
    if (look('colon')) {
      consume();
      argument();
      while (look('comma')) {
        consume();
        argument();
      }
    }
  }
  consume('end_of_string');
}
