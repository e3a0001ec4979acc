/**
 * Liquid 5.4 behaviours of the control tags that liquidjs runs: `==` on `blank`/`empty`,
 * `forloop.parentloop`, and tablerow's line breaks.
 */
import { Tokenizer, ForTag, IfTag, UnlessTag, TablerowTag, Tag, TypeGuards, defaultOperators, toValue, toValueSync, evalToken, isTruthy, isFalsy, Drop, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { rubyEquals } from '../condition.js';
import { renderTemplatesSync } from '../render-loop.js';
import { evaluate, parseExpression, type Expr } from '../variable.js';
import { RubyRange, isHash } from '../ruby.js';
import { abortRecording, guardPlain, immutableConstants, noteRegister, recorderOf } from '../memo.js';

function isEmptyValue(v: unknown): boolean {
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  return false;
}

function equals(l: unknown, r: unknown): boolean {
  const kind = (v: unknown) => (v instanceof Drop ? v.constructor.name : '');
  // Ruby has no `blank?` without ActiveSupport, so `x == blank` is never true in Liquid 5.4.
  if (kind(l) === 'BlankDrop' || kind(r) === 'BlankDrop') return false;
  // `empty == empty`: the literal on the left asks the right one `empty?`, which it does not answer.
  if (kind(l) === 'EmptyDrop' && kind(r) === 'EmptyDrop') return false;
  if (kind(l) === 'EmptyDrop') return isEmptyValue(toValue(r));
  if (kind(r) === 'EmptyDrop') return isEmptyValue(toValue(l));
  return rubyEquals(toValue(l), toValue(r));
}

function rubyClassName(v: unknown): string {
  if (v === null || v === undefined) return 'NilClass';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof Date) return 'Time';
  return 'Hash';
}

/** Ruby's `<`/`>`…: nil, booleans, arrays and hashes answer nil (false); Integer vs String raises. */
function relational(test: (c: number) => boolean) {
  return function (l: unknown, r: unknown, ctx?: Context): boolean {
    const special = (v: unknown) => v instanceof Drop && /^(Blank|Empty|Null)Drop$/.test(v.constructor.name);
    if (special(l) || special(r)) return false;
    const a = toValue(l);
    const b = toValue(r);
    const orderable = (v: unknown) => typeof v === 'number' || typeof v === 'string' || v instanceof Date;
    if (!orderable(a) || b === null || b === undefined || isHash(b)) return false;
    const same = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') || (a instanceof Date && b instanceof Date);
    if (!same) {
      const inspectable = b === null || typeof b === 'number' || typeof b === 'boolean';
      throw new Error(`comparison of ${rubyClassName(a)} with ${inspectable ? String(b) : rubyClassName(b)} failed`);
    }
    const x = a instanceof Date ? a.getTime() : (a as number | string);
    const y = b instanceof Date ? (b as Date).getTime() : (b as number | string);
    void ctx;
    return test(x < y ? -1 : x > y ? 1 : 0);
  };
}

export const operators = {
  ...defaultOperators,
  // Plain functions: liquidjs yields what an operator returns, and the fast path below calls them.
  '==': (l: unknown, r: unknown) => equals(l, r),
  '!=': (l: unknown, r: unknown) => !equals(l, r),
  '<': relational((c) => c < 0),
  '>': relational((c) => c > 0),
  '<=': relational((c) => c <= 0),
  '>=': relational((c) => c >= 0),
  contains: (l: unknown, r: unknown) => {
    const left = toValue(l);
    const right = toValue(r);
    if (left instanceof RubyRange) return left.toArray().some((x) => rubyEquals(x, right));
    if (left === null || left === undefined || right === null || right === undefined) return false;
    if (typeof left === 'string') return left.includes(String(right));
    if (Array.isArray(left)) return left.some((x) => rubyEquals(toValue(x), right));
    if (isHash(left)) return typeof right === 'string' && right in left;
    return false;
  },
};

// Liquid 5.4's For::Syntax: `reversed` counts only right after the collection.
const FOR_SYNTAX = /^\s*[\w-]+\s+in\s+(?:"[^"]*"|'[^']*'|[^\s,|'"])+\s*(reversed)?/;

/** `for` whose forloop drop knows its enclosing loop (`forloop.parentloop`). */
export class JekyllForTag extends ForTag {
  constructor(...args: ConstructorParameters<typeof ForTag>) {
    super(...args);
    const hash = (this as any).hash?.hash as Record<string, unknown> | undefined;
    if (hash && 'reversed' in hash && !FOR_SYNTAX.exec(args[0].args)?.[1]) delete hash.reversed;
  }

  override render(ctx: Context, emitter: Emitter): any {
    let parent: unknown;
    const scopes = (ctx as any).scopes as any[];
    let at = scopes.length - 1;
    for (; at >= 0 && parent === undefined; at--) parent = scopes[at].forloop;
    if (ForloopDrop && !this.liquid.options.orderedFilterParameters) return this.renderInPlace(ctx, emitter, parent, at + 1);
    abortRecording(ctx);
    return this.renderGenerator(ctx, emitter, parent);
  }

  *renderGenerator(ctx: Context, emitter: Emitter, parent: unknown): Generator<unknown, void | string, unknown> {
    const push = ctx.push;
    ctx.push = function (this: Context, scope: any) {
      if (scope && scope.forloop) {
        ForloopDrop ??= scope.forloop.constructor;
        if (parent !== undefined) scope.forloop.parentloop = parent;
        ctx.push = push;
      }
      return push.call(this, scope);
    };
    try {
      return yield* (super.render(ctx, emitter) as any);
    } finally {
      ctx.push = push;
    }
  }

  /**
   * liquidjs' ForTag#render step for step, without a generator: the loop body of a hot include
   * (MrGreen's language lookup runs a for over the languages ~140,000 times) renders in place.
   */
  renderInPlace(ctx: Context, emitter: Emitter, parent: unknown, parentAt = -1): void {
    const self = this as any;
    const c = ctx as any;
    // A plain lookup reads as `{{ }}` does; anything else (ranges…) through liquidjs.
    if (self.lookup === undefined) self.lookup = TypeGuards.isPropertyAccessToken(self.collection) ? parseExpression(self.collection.getText()) : null;
    const rec = recorderOf(ctx);
    if (rec !== undefined && (!self.lookup || Object.keys(self.hash.hash).length > 0)) abortRecording(ctx);
    const value = self.lookup && !ctx.strictVariables ? evaluate(self.lookup, ctx) : toValueSync(evalToken(self.collection, ctx));
    // An array's items are only handed over; a hash's values would be read here.
    if (rec !== undefined && !Array.isArray(value)) guardPlain(ctx, value);
    let collection = toEnumerable(value);
    if (!collection.length) {
      renderTemplatesSync(self.elseTemplates, ctx, emitter);
      return;
    }
    const continueKey = 'continue-' + self.variable + '-' + self.collection.getText();
    let hash: Record<string, any> = NO_MODIFIERS;
    if (Object.keys(self.hash.hash).length > 0) {
      ctx.push(scopeOf({ continue: ctx.getRegister(continueKey, {}) }));
      hash = toValueSync(self.hash.render(ctx)) as Record<string, any>;
      ctx.pop();
    }
    for (const modifier of FOR_MODIFIERS) {
      if (hash[modifier] === undefined) continue;
      if (modifier === 'offset') collection = collection.slice(hash.offset);
      else if (modifier === 'limit') collection = collection.slice(0, hash.limit);
      else collection = [...collection].reverse();
    }
    ctx.setRegister(continueKey, (hash.offset || 0) + collection.length);
    noteRegister(ctx, continueKey, (hash.offset || 0) + collection.length);
    const forloop = new ForloopDrop!(collection.length, self.collection.getText(), self.variable);
    if (parent !== undefined) {
      const recording = recorderOf(ctx);
      if (recording !== undefined && parentAt < recording.internalFrom) {
        // The enclosing loop is outside the recorded render: reading it is an unrecorded read.
        Object.defineProperty(forloop, 'parentloop', {
          get() {
            if (recorderOf(ctx) === recording) abortRecording(ctx);
            return parent;
          },
          enumerable: true,
          configurable: true,
        });
      } else forloop.parentloop = parent;
    }
    const scope = scopeOf({ forloop });
    ctx.push(scope);
    for (const item of collection) {
      scope[self.variable] = item;
      c.continueCalled = c.breakCalled = false;
      renderTemplatesSync(self.templates, ctx, emitter);
      if (c.breakCalled) break;
      forloop.next();
    }
    c.continueCalled = c.breakCalled = false;
    ctx.pop();
  }
}

const FOR_MODIFIERS = ['offset', 'limit', 'reversed'];
const NO_MODIFIERS: Record<string, any> = Object.freeze({});
// liquidjs does not export its ForloopDrop; the first loop rendered the generator way hands it over.
let ForloopDrop: (new (length: number, collection: string, variable: string) => any) | undefined;

function scopeOf(from: Record<string, unknown>): Record<string, any> {
  return Object.assign(Object.create(null), from);
}

/** liquidjs' toEnumerable. */
function toEnumerable(val: unknown): unknown[] {
  const v = toValue(val) as any;
  if (Array.isArray(v)) return v;
  if (typeof v === 'string' && v.length > 0) return [v];
  const isObject = v !== null && (typeof v === 'object' || typeof v === 'function');
  if (isObject && Symbol.iterator in v) return Array.from(v);
  if (isObject) return Object.keys(v).map((key) => [key, v[key]]);
  return [];
}

/** tablerow with Liquid 5.4's newlines: after the first `<tr>` and after every `</tr>`. */
export class JekyllTablerowTag extends TablerowTag {
  override *render(ctx: Context, emitter: Emitter): any {
    const buffer = { buffer: '', write(s: unknown) { this.buffer += String(s ?? ''); } };
    yield* (super.render(ctx, buffer as unknown as Emitter) as any);
    emitter.write(buffer.buffer.replace(/^<tr class="row1">/, '<tr class="row1">\n').replace(/<\/tr>/g, '</tr>\n'));
  }
}

/** raw whose end must be written `{% endraw %}`: Liquid 5.4 does not see `{%- endraw %}` as the end. */
export class JekyllRawTag extends Tag {
  tokens: TopLevelToken[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) {
      const t = remain.shift()!;
      if (TypeGuards.isTagToken(t) && t.name === 'endraw' && /^\{%\s*endraw/.test(t.getText())) return;
      this.tokens.push(t);
    }
    throw new Error("'raw' tag was never closed");
  }
  render(): string {
    return this.tokens.map((t) => t.getText()).join('');
  }
}

const QUOTED_FRAGMENT = `(?:"[^"]*"|'[^']*'|(?:[^\\s,|'"]|"[^"]*"|'[^']*')+)`;
const EXPRESSIONS_AND_OPERATORS = new RegExp(`(?:\\b(?:\\s?and\\s?|\\s?or\\s?)\\b|(?:\\s*(?!\\b(?:\\s?and\\s?|\\s?or\\s?)\\b)(?:${QUOTED_FRAGMENT}|\\S+)\\s*)+)`, 'g');
const CONDITION_SYNTAX = new RegExp(`(${QUOTED_FRAGMENT})\\s*([=!<>a-z_]+)?\\s*(${QUOTED_FRAGMENT})?`);
const KNOWN_OPERATORS = new Set(['==', '!=', '<>', '<', '>', '>=', '<=', 'contains']);

/** The operator Liquid 5.4's lax `if` parser would find and then reject when evaluating. */
export function unknownOperator(markup: string): string | undefined {
  for (const part of markup.match(EXPRESSIONS_AND_OPERATORS) ?? []) {
    if (/^\s*(and|or)\s*$/.test(part)) continue;
    const op = CONDITION_SYNTAX.exec(part)?.[2];
    if (op && !KNOWN_OPERATORS.has(op)) return op;
  }
  return undefined;
}

function rejectingUnknownOperator<T extends new (...args: any[]) => any>(Base: T): T {
  return class extends Base {
    unknownOperator?: string;
    constructor(...args: any[]) {
      const token = args[0] as TagToken;
      const op = unknownOperator(token.args);
      // liquidjs would reject `a = b` while parsing; Ruby fails only when the condition runs.
      if (op) (token as any).tokenizer = new Tokenizer('false');
      super(...args);
      this.unknownOperator = op;
    }
    *render(ctx: Context, emitter: Emitter): any {
      if (this.unknownOperator) throw new Error(`Liquid error: Unknown operator ${this.unknownOperator}`);
      return yield* super.render(ctx, emitter);
    }
  };
}

/**
 * A branch condition compiled to a plain function when it is made only of lookups, strings,
 * integers, nil/true/false joined by comparisons, `contains`, `and`, `or` (MrGreen runs such an `if`
 * hundreds of thousands of times); anything else keeps liquidjs' generator evaluation. The
 * stack machine follows liquidjs' postfix order and operator results, and operands read
 * variables as `{{ }}` does.
 */
type Fast = (ctx: Context) => unknown;
function compileCondition(value: any): Fast | undefined {
  if (!value || value.filters?.length || !Array.isArray(value.initial?.postfix)) return undefined;
  const steps: (Expr | string)[] = [];
  for (const token of value.initial.postfix as any[]) {
    if (TypeGuards.isOperatorToken(token)) {
      if (!FAST_OPERATORS.has(token.operator)) return undefined;
      steps.push(token.operator);
    } else if (TypeGuards.isPropertyAccessToken(token) || TypeGuards.isQuotedToken(token)) {
      steps.push(parseExpression(token.getText()));
    } else if (TypeGuards.isNumberToken(token) && /^-?\d+$/.test(token.getText())) {
      steps.push(parseExpression(token.getText()));
    } else if (TypeGuards.isLiteralToken(token) && /^(nil|null|true|false)$/.test(token.getText())) {
      steps.push(parseExpression(token.getText()));
    } else if (TypeGuards.isLiteralToken(token) && /^(empty|blank)$/.test(token.getText())) {
      // liquidjs' own EmptyDrop/BlankDrop, which the operators above compare as Liquid 5.4 does.
      const value = (token as unknown as { content: unknown }).content;
      immutableConstants.add(value);
      steps.push({ kind: 'literal', value });
    } else return undefined;
  }
  return (ctx) => {
    const stack: unknown[] = [];
    for (const step of steps) {
      if (typeof step !== 'string') {
        stack.push(evaluate(step, ctx));
        continue;
      }
      const r = stack.pop();
      const l = stack.pop();
      if (step !== 'and' && step !== 'or') {
        guardPlain(ctx, l);
        guardPlain(ctx, r);
      }
      if (step === 'and') stack.push(isTruthy(toValue(l), ctx) && isTruthy(toValue(r), ctx));
      else if (step === 'or') stack.push(isTruthy(toValue(l), ctx) || isTruthy(toValue(r), ctx));
      else stack.push((operators as Record<string, (l: unknown, r: unknown, ctx: Context) => unknown>)[step](l, r, ctx));
    }
    return stack[0];
  };
}
const FAST_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', 'contains', 'and', 'or']);

/** if/unless whose simple conditions run as plain functions and whose bodies render in place. */
function withFastConditions<T extends new (...args: any[]) => any>(Base: T, firstTest: (v: unknown, ctx: Context) => boolean): T {
  return class extends Base {
    fast?: (Fast | undefined)[];
    constructor(...args: any[]) {
      super(...args);
      const branches = (this as any).branches as any[];
      const fast = branches.map((b) => compileCondition(b.value));
      if (fast.every((f) => f !== undefined)) this.fast = fast;
    }
    render(ctx: Context, emitter: Emitter): any {
      if (!this.fast || (this as any).unknownOperator || ctx.strictVariables || ctx.opts.lenientIf) {
        abortRecording(ctx);
        return super.render(ctx, emitter);
      }
      const branches = (this as any).branches as any[];
      for (let i = 0; i < branches.length; i++) {
        const v = toValue(this.fast[i]!(ctx));
        const test = branches[i].test ?? (i === 0 ? firstTest : isTruthy);
        if (test(v, ctx)) {
          renderTemplatesSync(branches[i].templates, ctx, emitter);
          return;
        }
      }
      renderTemplatesSync((this as any).elseTemplates || [], ctx, emitter);
    }
  };
}

export const JekyllIfTag = withFastConditions(rejectingUnknownOperator(IfTag), isTruthy);
export const JekyllUnlessTag = withFastConditions(rejectingUnknownOperator(UnlessTag), isFalsy);
