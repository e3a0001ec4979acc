import type { Context } from 'liquidjs';
import type { LiquidEnvironment } from '../engine.js';
import type { LaxVariable } from '../variable.js';
import type { Memo } from '../memo.js';

/** What a filter sees as `this`: the render context and the site environment. */
export interface FilterThis {
  ctx: Context;
  env: LiquidEnvironment;
  /** Parses a Liquid expression (with filters) once; used by where_exp, group_by_exp… */
  variable(markup: string): LaxVariable;
  /** Renders a parsed variable in a context. */
  renderVariable(v: LaxVariable, ctx: Context): unknown;
  /**
   * where_exp's memos (memo.ts) by input list, for this engine only: an engine renders one build,
   * during which lists and the plain data of their items do not change (getters, such as a
   * page's content, may; a memo never keeps a selection that read one).
   */
  listMemos: WeakMap<object, Map<string, Memo>>;
}

export type FilterFn = (this: FilterThis, input: unknown, ...args: any[]) => unknown;

/** A filter and its Ruby arity (arguments after the input), for Ruby's "wrong number of arguments". */
export interface FilterDef {
  fn: FilterFn;
  min: number;
  max: number;
}

export type FilterTable = Record<string, FilterDef>;

export function def(fn: FilterFn, min = 0, max = min): FilterDef {
  return { fn, min, max };
}
