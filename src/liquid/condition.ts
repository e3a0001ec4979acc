/**
 * `Liquid::Condition` as Jekyll's where_exp/find_exp build it: operands joined by a comparison,
 * chained by `and`/`or` from the right (`a and b or c` is `a and (b or c)`).
 */
import type { Context } from 'liquidjs';
import { evaluate, parseExpression, type Expr } from './variable.js';
import { guardPlain } from './memo.js';
import { isHash, isNumeric, numberValue, spaceship, truthy, RubyError, RubyRange, inspect } from './ruby.js';

interface Comparison {
  left: Expr;
  op?: string;
  right?: Expr;
}

export interface ParsedCondition {
  parts: Comparison[];
  joins: ('and' | 'or')[];
}

const TOKEN = /\s*(==|!=|<>|<=|>=|<|>|"[^"]*"|'[^']*'|\([^)]*\)|[^\s=!<>]+)/y;

export function parseCondition(exp: string): ParsedCondition {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < exp.length && (m = TOKEN.exec(exp))) tokens.push(m[1]);
  const parts: Comparison[] = [];
  const joins: ('and' | 'or')[] = [];
  let i = 0;
  while (i < tokens.length) {
    const c: Comparison = { left: parseExpression(tokens[i++]) };
    if (i < tokens.length && /^(==|!=|<>|<=|>=|<|>|contains)$/.test(tokens[i])) {
      c.op = tokens[i++];
      c.right = parseExpression(tokens[i++]);
    }
    parts.push(c);
    if (i < tokens.length && (tokens[i] === 'and' || tokens[i] === 'or')) joins.push(tokens[i++] as 'and' | 'or');
    else break;
  }
  return { parts, joins };
}

export function rubyEquals(a: any, b: any): boolean {
  if (isNumeric(a) && isNumeric(b)) return numberValue(a) === numberValue(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => rubyEquals(x, b[i]));
  if (isHash(a) && isHash(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && rubyEquals(a[k], b[k]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  return a === b;
}

function compare(left: unknown, op: string, right: unknown): boolean {
  switch (op) {
    case '==':
      return rubyEquals(left, right);
    case '!=':
    case '<>':
      return !rubyEquals(left, right);
    case 'contains':
      if (left === null || left === undefined || right === null || right === undefined || left === false || right === false) return false;
      if (typeof left === 'string') return left.includes(String(right));
      if (Array.isArray(left)) return left.some((x) => rubyEquals(x, right));
      if (isHash(left)) return typeof right === 'string' && right in left;
      return false;
    default: {
      const comparable = (v: unknown) => isNumeric(v) || typeof v === 'string' || v instanceof Date;
      if (!comparable(left) || !comparable(right)) return false;
      const c = spaceship(left, right);
      if (c === undefined) throw new RubyError(`comparison of ${typeof left === 'string' ? 'String' : 'Integer'} with ${inspect(right)} failed`);
      return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
  }
}

function evalComparison(c: Comparison, ctx: Context): boolean {
  let left = evaluate(c.left, ctx);
  if (left instanceof RubyRange) left = left.toArray();
  if (!c.op) return truthy(left);
  const right = evaluate(c.right!, ctx);
  // Comparing looks into objects (memo.ts).
  guardPlain(ctx, left);
  guardPlain(ctx, right);
  return compare(left, c.op, right);
}

export function evaluateCondition(cond: ParsedCondition, ctx: Context): boolean {
  const at = (i: number): boolean => {
    const here = evalComparison(cond.parts[i], ctx);
    if (i >= cond.joins.length) return here;
    return cond.joins[i] === 'and' ? here && at(i + 1) : here || at(i + 1);
  };
  return cond.parts.length ? at(0) : false;
}
