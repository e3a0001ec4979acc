/**
 * Memoized renders of includes (and of `where_exp`): a render is replayed when everything it
 * read from outside itself is the same as when it was recorded.
 *
 * While a recording is active (`ctx[RECORDING]`), every variable lookup whose root lives outside
 * the recorded render (scopes below `internalFrom`, the environments, or a bottom-scope variable
 * the render has not assigned yet) is an external read: its expression and value are kept, once.
 * Execution is deterministic given those values, so the reads of all recordings of one template
 * form a decision tree: the next read depends only on the values read so far. A later render
 * walks the tree, evaluating each read in its own context; a leaf holds the output and the
 * effects (assignments to the bottom scope, for-loop registers, include notifications) to replay.
 *
 * Read values are matched by value (primitives), by content (arrays of primitives) or else by
 * identity: an engine renders one build, during which the site's lists and the plain data of
 * every hash (front matter, site data) do not change; what does change (a page's `content`,
 * `output`, excerpt) is a getter. So a recording must never read a getter nor look into an object
 * in a way `evaluate` does not check: it is aborted (the render still completes normally, it is
 * just not kept) on a getter reached from an internal value, on an object compared, printed,
 * iterated as a hash or handed to a filter that reads its fields, on a tag or filter that is not
 * known to be pure, on a liquidjs-native variable lookup, on a `break`/`continue` leaving the
 * render, and under strict variables.
 *
 * An include without params rendered inside a recorded one (MrGreen's "which language is this
 * page" include, at the top of its page-list include) is read as one value: the outer recording
 * keys on the inner one's result instead of on every raw value the inner one read, when all
 * those reads were external to the outer one too. Only the part of the result that matters to
 * the outer render is kept: its output, and the variables it sets that the outer render reads
 * before setting them again or leaves set (its `url` is set again by the loop that follows, its
 * language is read). A later outer render evaluates that read by walking the inner memo from its
 * own context, refusing (a miss) any lookup of a name the outer render had assigned or scoped at
 * that point. When whether a variable matters differs between recordings, the memo stops.
 */
import { Context } from 'liquidjs';
import type { Expr } from './variable.js';

export const RECORDING = Symbol('recording');

export type Effect =
  | { kind: 'assign'; name: string; value: unknown }
  | { kind: 'register'; key: string; value: unknown }
  | { kind: 'include'; path: string };

/** The result of an include rendered inside a recording, as one read (see above). */
export interface NestedRead {
  kind: 'nested';
  memo: Memo;
  /** Names the outer render had assigned or scoped where the include ran. */
  shadowed: Set<string>;
  /**
   * The variables the include sets that matter to the outer render: it reads them before
   * setting them again, or leaves them set. The others are not part of the key.
   */
  live: Set<string>;
}

/** A substituted include while its outer recording goes on: which of its variables matter. */
export interface Watch {
  kind: 'watch';
  memo: Memo;
  leaf: Leaf;
  shadowed: Set<string>;
  /** Canonical NestedReads of the include's call site. */
  site: Map<string, NestedRead>;
  /** Variables it set that the outer render has neither read nor set since. */
  pending: Set<string>;
  live: Set<string>;
}

export type Read = Expr | NestedRead;

export class Recorder {
  readonly assigned = new Set<string>();
  readonly reads: [Read | Watch, unknown][] = [];
  readonly seen = new Set<Read>();
  /** Effects so far: include notifications in order, the last value of each variable and register. */
  readonly includes: Effect[] = [];
  readonly assigns = new Map<string, unknown>();
  readonly registers = new Map<string, unknown>();
  /** Variables set by nested includes whose results this recording keys on, by name (see Watch). */
  readonly watched = new Map<string, Watch[]>();
  aborted = false;
  /** A read external to this recording was internal to its parent (see `substitute`). */
  leaked = false;
  /** Bumped by every internal read: a lookup whose dynamic keys read internals is not external. */
  internalReads = 0;
  constructor(
    /** The first scope index that belongs to the recorded render. */
    readonly internalFrom: number,
    /** The recording this one runs inside of (an include inside a recorded include): it sees all this one sees. */
    readonly parent: Recorder | undefined,
  ) {}
}

type Ctx = Context & { [RECORDING]?: Recorder };

/** The innermost active recording; its parents are active too. */
export function recorderOf(ctx: Context): Recorder | undefined {
  return (ctx as Ctx)[RECORDING];
}

/** Gives a context the recording slot from the start (one hidden class for every render). */
export function initRecording(ctx: Context): void {
  (ctx as Ctx)[RECORDING] = undefined;
}

export function startRecording(ctx: Context, internalFrom: number): Recorder {
  const rec = new Recorder(internalFrom, (ctx as Ctx)[RECORDING]);
  (ctx as Ctx)[RECORDING] = rec;
  return rec;
}

/** Ends `rec`; its parent records on, unless something aborted them. */
export function stopRecording(ctx: Context, rec: Recorder): void {
  (ctx as Ctx)[RECORDING] = rec.aborted ? undefined : rec.parent;
}

/** The active recordings cannot be kept; they stop recording (the render goes on). */
export function abortRecording(ctx: Context): void {
  for (let r = (ctx as Ctx)[RECORDING]; r !== undefined; r = r.parent) r.aborted = true;
  (ctx as Ctx)[RECORDING] = undefined;
}

export function noteAssign(ctx: Context, name: string, value: unknown): void {
  for (let r = (ctx as Ctx)[RECORDING]; r !== undefined; r = r.parent) {
    r.assigned.add(name);
    // Only the last value matters to a replay (a loop of includes assigns the same few names
    // hundreds of times).
    r.assigns.set(name, value);
    // Set again before being read: what a substituted include set there did not matter.
    if (r.watched.size > 0) {
      const watches = r.watched.get(name);
      if (watches) {
        for (const w of watches) w.pending.delete(name);
        r.watched.delete(name);
      }
    }
  }
}

export function noteRegister(ctx: Context, key: string, value: unknown): void {
  for (let r = (ctx as Ctx)[RECORDING]; r !== undefined; r = r.parent) r.registers.set(key, value);
}

export function noteInclude(ctx: Context, path: string): void {
  for (let r = (ctx as Ctx)[RECORDING]; r !== undefined; r = r.parent) r.includes.push({ kind: 'include', path });
}

/** A read of bottom-scope variable `name`: what a substituted include set there matters. */
export function noteBottomRead(rec: Recorder, name: string): void {
  const watches = rec.watched.get(name);
  if (!watches) return;
  for (const w of watches) if (w.pending.delete(name)) w.live.add(name);
  rec.watched.delete(name);
}

/** An external read (see evaluate): kept once per expression. */
export function noteRead(rec: Recorder, expr: Read, value: unknown): void {
  if (rec.seen.has(expr)) return;
  rec.seen.add(expr);
  rec.reads.push([expr, value]);
}

/**
 * During a recording, a value about to be looked into other than through `evaluate` (compared,
 * printed, iterated, given to a filter) must be plain: primitives and arrays of them.
 */
export function guardPlain(ctx: Context, v: unknown): void {
  if ((ctx as Ctx)[RECORDING] !== undefined && !isPlain(v)) abortRecording(ctx);
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function' && !Object.is(v, -0));
}

export function isPlain(v: unknown): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return true;
  return Array.isArray(v) ? v.every(isPlain) : immutableConstants.has(v);
}

/** Objects that never change (liquidjs' `empty` and `blank`): plain as far as recordings go. */
export const immutableConstants = new Set<unknown>();

/** An injective string for a non-primitive read value, or undefined where none is safe. */
function encode(v: unknown): string | undefined {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : undefined;
  if (!Array.isArray(v)) return undefined;
  let out = '[';
  for (const x of v) {
    let part: string | undefined;
    if (typeof x === 'string') part = JSON.stringify(x);
    else if (typeof x === 'number') part = Object.is(x, -0) ? 'n-0' : `n${x}`;
    else if (typeof x === 'boolean') part = x ? 'T' : 'F';
    else if (x === null) part = 'N';
    else if (x === undefined) part = 'U';
    else part = encode(x);
    if (part === undefined) return undefined;
    out += part + ',';
  }
  return out + ']';
}

export interface Leaf {
  output: unknown;
  effects: Effect[];
}
interface ReadNode {
  expr: Read;
  byValue: Map<unknown, TreeNode>;
  byCode: Map<string, TreeNode>;
  /** Arrays met here lately, with a copy of their elements: a site's data list is the same each time. */
  seenArrays: { array: unknown[]; elements: unknown[]; child: TreeNode }[];
}
type TreeNode = ReadNode | Leaf;

const isLeaf = (n: TreeNode): n is Leaf => 'effects' in n;

/** Replays so far, all memos together (tests check that a cache was exercised). */
export const memoStats = { hits: 0 };

/** Recordings of one template (an include file, a where_exp over one list). */
export class Memo {
  root: TreeNode | undefined;
  hits = 0;
  misses = 0;
  aborts = 0;
  leaves = 0;
  /** Characters of output kept by the leaves (a bound on memory, with MAX_LEAVES). */
  chars = 0;
  disabled = false;

  /** The leaf whose reads all evaluate (in `ctx`) to their recorded values. */
  find(ctx: Context, evaluate: (e: Expr, ctx: Context) => unknown): Leaf | undefined {
    const node = this.walk(ctx, evaluate, NO_SHADOWS);
    if (node) {
      this.hits++;
      memoStats.hits++;
    } else this.misses++;
    return node;
  }

  /** `find`, refusing lookups of names in `shadows` (an enclosing render's names: see above). */
  walk(ctx: Context, evaluate: (e: Expr, ctx: Context) => unknown, shadows: Set<string>[]): Leaf | undefined {
    let node = this.root;
    while (node !== undefined && !isLeaf(node)) {
      const read = node.expr;
      let v: unknown;
      if (read.kind === 'nested') {
        const leaf = walkNested(read, ctx, evaluate, shadows);
        if (leaf === undefined) return undefined;
        v = project(leaf, read.live);
      } else {
        if (shadows.length > 0 && !readsNoneOf(read, shadows)) return undefined;
        v = evaluate(read, ctx);
      }
      if (isPrimitive(v)) node = node.byValue.get(v);
      else node = findByCode(node, v);
    }
    return node;
  }

  /**
   * Keeps a finished recording (or counts why it was not kept); returns its leaf (interned)
   * unless the recording was aborted.
   */
  store(rec: Recorder, output: unknown): Leaf | undefined {
    if (rec.aborted) {
      this.aborts++;
      // A template that never completes a recording is not worth recording again.
      if (this.aborts >= 3 && this.leaves === 0) this.disabled = true;
      return undefined;
    }
    const leaf: Leaf = { output, effects: effectsOf(rec) };
    if (this.leaves >= MAX_LEAVES || this.chars >= MAX_CHARS || this.disabled) return leaf;
    if (typeof output === 'string') this.chars += output.length;
    const reads = finishReads(rec);
    if (reads === undefined) {
      this.disabled = true;
      return leaf;
    }
    if (reads.length === 0) {
      if (this.root === undefined) {
        this.root = leaf;
        this.leaves++;
      } else if (!isLeaf(this.root)) this.disabled = true;
      return leaf;
    }
    if (this.root === undefined) this.root = newNode(reads[0][0]);
    let node: TreeNode = this.root;
    for (let i = 0; i < reads.length; i++) {
      const [expr, value] = reads[i];
      // Determinism says the same reads come in the same order; anything else: stop memoizing.
      if (isLeaf(node) || node.expr !== expr) {
        this.disabled = true;
        return leaf;
      }
      const next = i + 1 < reads.length ? reads[i + 1][0] : undefined;
      // Primitives by value, arrays of primitives by content, anything else by identity.
      const code = isPrimitive(value) ? undefined : encode(value);
      const key = code ?? value;
      const map = (code === undefined ? node.byValue : node.byCode) as Map<unknown, TreeNode>;
      let child = map.get(key);
      if (child === undefined) {
        child = next === undefined ? leaf : newNode(next);
        map.set(key, child);
        if (next === undefined) this.leaves++;
      } else if (next === undefined && !isLeaf(child)) {
        this.disabled = true;
        return leaf;
      }
      node = child;
    }
    return leaf;
  }

  /** Too many different inputs for the hits they bring (e.g. keyed on each page's content). */
  get unprofitable(): boolean {
    return this.misses > 512 && this.hits < this.misses;
  }
}

const MAX_LEAVES = 4096;
const MAX_CHARS = 16_000_000;

/** What a replay must do: include notifications in order, then each variable's and register's last value. */
function effectsOf(rec: Recorder): Effect[] {
  const out = [...rec.includes];
  for (const [name, value] of rec.assigns) out.push({ kind: 'assign', name, value });
  for (const [key, value] of rec.registers) out.push({ kind: 'register', key, value });
  return out;
}

const NO_SHADOWS: Set<string>[] = [];

/** A string that tells values apart: primitives by type and value, arrays of them by content, objects by identity. */
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;
function identityKey(v: unknown): string {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
    return typeof v === 'string' ? `s${v.length}:${v}` : typeof v === 'number' && Object.is(v, -0) ? 'n-0' : `${typeof v}:${String(v)}`;
  }
  const code = encode(v);
  if (code !== undefined) return `e${code}`;
  let id = objectIds.get(v as object);
  if (id === undefined) objectIds.set(v as object, (id = nextObjectId++));
  return `o${id}`;
}

/** An include's result where the outer recording read it (see NestedRead): undefined for a miss. */
function walkNested(read: NestedRead, ctx: Context, evaluate: (e: Expr, ctx: Context) => unknown, shadows: Set<string>[]): Leaf | undefined {
  ctx.push({});
  try {
    return read.memo.walk(ctx, evaluate, [...shadows, read.shadowed]);
  } finally {
    ctx.pop();
  }
}

/** Root names a lookup reads (dynamic keys included); undefined when a root is itself computed. */
const rootNamesOf = new WeakMap<Expr, string[] | null>();
function rootNames(e: Expr): string[] | null {
  let names = rootNamesOf.get(e);
  if (names !== undefined) return names;
  const out: string[] = [];
  const walk = (x: Expr): boolean => {
    if (x.kind === 'literal') return true;
    if (x.kind === 'range') return walk(x.from) && walk(x.to);
    if (typeof x.name !== 'string') return false;
    out.push(x.name);
    return x.lookups.every((l) => typeof l === 'string' || walk(l));
  };
  names = walk(e) ? out : null;
  rootNamesOf.set(e, names);
  return names;
}

function readsNoneOf(e: Expr, shadows: Set<string>[]): boolean {
  const names = rootNames(e);
  if (names === null) return false;
  for (const n of names) for (const s of shadows) if (s.has(n)) return false;
  return true;
}

/**
 * After an include without params ran inside `outer`'s recording, with `leaf` as its result:
 * when every read it made was external to `outer` as well, `outer` keys on the leaf instead of
 * on those reads (`from` is where they start), or rather on the part of the leaf that matters
 * to `outer`, known when `outer` ends (finishReads).
 */
export function substitute(outer: Recorder, from: number, memo: Memo, leaf: Leaf, site: Map<string, NestedRead>, shadowed: Set<string>): void {
  if (outer.aborted) return;
  for (let i = from; i < outer.reads.length; i++) outer.seen.delete(outer.reads[i][0] as Read);
  outer.reads.length = from;
  const watch: Watch = { kind: 'watch', memo, leaf, shadowed, site, pending: new Set(), live: new Set() };
  for (const e of leaf.effects) {
    if (e.kind !== 'assign') continue;
    watch.pending.add(e.name);
    let list = outer.watched.get(e.name);
    if (!list) outer.watched.set(e.name, (list = []));
    list.push(watch);
  }
  outer.reads.push([watch, leaf]);
}

/** A recording's reads, each substituted include as its canonical NestedRead and projected leaf. */
function finishReads(rec: Recorder): [Read, unknown][] | undefined {
  const out: [Read, unknown][] = [];
  for (const [read, value] of rec.reads) {
    if (read.kind !== 'watch') {
      out.push([read, value]);
      continue;
    }
    // Set and never set again: it stays set after the outer render, so it matters too.
    const live = new Set([...read.live, ...read.pending]);
    const key = `${[...read.shadowed].sort().join('\0')}\u0001${[...live].sort().join('\0')}`;
    let nested = read.site.get(key);
    if (!nested) read.site.set(key, (nested = { kind: 'nested', memo: read.memo, shadowed: read.shadowed, live }));
    out.push([nested, project(read.leaf, nested.live)]);
  }
  return out;
}

/** The part of an include's result that matters where it ran: output, notifications, live variables, registers. */
function project(leaf: Leaf, live: Set<string>): string {
  let key = identityKey(leaf.output);
  const assigns: string[] = [];
  const registers: string[] = [];
  for (const e of leaf.effects) {
    if (e.kind === 'include') key += `\0i${e.path}`;
    else if (e.kind === 'assign') {
      if (live.has(e.name)) assigns.push(`${e.name}\0${identityKey(e.value)}`);
    } else registers.push(`${e.key}\0${identityKey(e.value)}`);
  }
  return `${key}\u0001${assigns.sort().join('\u0002')}\u0001${registers.sort().join('\u0002')}`;
}

function newNode(expr: Read): ReadNode {
  return { expr, byValue: new Map(), byCode: new Map(), seenArrays: [] };
}

/**
 * The child for a non-primitive value. Encoding an array on every hit costs more than the render
 * it saves, so an array seen before is recognised by identity and unchanged (flat) elements.
 */
function findByCode(node: ReadNode, v: unknown): TreeNode | undefined {
  if (Array.isArray(v)) {
    for (const seen of node.seenArrays) if (seen.array === v && sameElements(v, seen.elements)) return seen.child;
  }
  const code = encode(v);
  if (code === undefined) return node.byValue.get(v);
  const child = node.byCode.get(code);
  if (child !== undefined && Array.isArray(v) && v.every((x) => !Array.isArray(x))) {
    if (node.seenArrays.length >= 4) node.seenArrays.shift();
    node.seenArrays.push({ array: v, elements: v.slice(), child });
  }
  return child;
}

function sameElements(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Applies a leaf's effects in `ctx`, as the recorded render did (and tells active recordings). */
export function replay(leaf: Leaf, ctx: Context, onInclude: ((path: string) => void) | undefined): void {
  for (const e of leaf.effects) {
    // Values are shared between replays: nothing in Liquid changes an array or hash in place.
    if (e.kind === 'assign') {
      (ctx.bottom() as Record<string, unknown>)[e.name] = e.value;
      noteAssign(ctx, e.name, e.value);
    } else if (e.kind === 'register') {
      ctx.setRegister(e.key, e.value);
      noteRegister(ctx, e.key, e.value);
    } else {
      onInclude?.(e.path);
      noteInclude(ctx, e.path);
    }
  }
}

// liquidjs' own variable lookups (tags Utterson does not replace) are not recorded: any of them
// during a recording makes it unusable.
const proto = Context.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['findScope', 'getAll']) {
  const original = proto[method];
  proto[method] = function (this: Ctx, ...args: unknown[]) {
    if (this[RECORDING] !== undefined) abortRecording(this);
    return original.apply(this, args);
  };
}
