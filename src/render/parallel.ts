/**
 * Rendering documents on all cores. The main thread and N-1 workers pull document indices
 * from one shared counter (so the load balances itself); each worker has read the same site
 * on its own, renders what it pulls and sends back `content` and `output`. Pages follow, once
 * every document is rendered, as Jekyll renders them: pulled from a second counter by the main
 * thread and the workers. A worker's copy of the site has no document converted, so a page that
 * reads any document's or page's `content` or `output` there is handed back and rendered on the
 * main thread, which has them all; so are stylesheets (the main thread's Sass thread).
 *
 * Jekyll renders documents one after another, so a template that reads another document's
 * `content` sees it converted or raw depending on the order. Renders that do so are noticed,
 * and if there are any the documents are rendered again serially, so the result never depends
 * on the number of threads; pages that read other pages' `content` likewise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConfigOverrides } from '../config/load.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Document } from '../site/document.js';
import { Excerpt } from '../site/excerpt.js';
import type { Page } from '../site/page.js';
import type { Site } from '../site/site.js';
import { newRenderWorker, takeEarlyWorker } from './early-worker.js';
import { renderDocuments, renderPages, renderSite, resetRenderState, withLocation, type DocumentSink, type Renderer } from './renderer.js';

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 200;

export interface ParallelOptions {
  jobs: number;
  overrides: ConfigOverrides;
  cwd: string;
}

export type WorkerRequest =
  /** Read the site, then wait: sent as soon as the worker starts, so it reads while the main thread does. */
  | { type: 'read'; overrides: ConfigOverrides; cwd: string; zone: string[] }
  /**
   * Render what the counter hands out. With `stagingDir`, write each output there (except the
   * destinations in `shared`, which several sources write and the main thread settles).
   */
  | { type: 'render'; counter: SharedArrayBuffer; signature: string; stagingDir?: string; shared: string[] }
  /** Then render the pages `claims` hands out (see PageClaims; the ones that need the main thread handed back). */
  | { type: 'pages'; claims: SharedArrayBuffer; signature: string };
export type WorkerMessage =
  | { type: 'doc'; index: number; content: string; output: string | undefined; writtenTo: string | undefined; excerpt: string | undefined; sensitive: boolean }
  | { type: 'done'; diagnostics: Diagnostic[] }
  | { type: 'page'; index: number; content: string; output: string | undefined; writtenTo: string | undefined; diagnostics: Diagnostic[] }
  | { type: 'page-declined'; index: number }
  | { type: 'pages-done'; diagnostics: Diagnostic[] }
  | { type: 'mismatch'; signature: string }
  | { type: 'error'; diagnostic: Diagnostic; stack?: string };

/**
 * Render workers, started before the main thread reads the site so that their own reading
 * happens at the same time (it used to start only once the main thread had read, and took
 * a second of a 4,000-post build during which the worker rendered nothing).
 */
export class RenderWorkers {
  private readonly workers: Worker[] = [];
  /** A worker that failed or exited before it was asked to render. */
  private broken: Error | undefined;

  constructor(
    private readonly overrides: ConfigOverrides,
    private readonly cwd: string,
  ) {}

  /** Starts workers until there are `count`; stops any beyond it. */
  resize(count: number): void {
    const script = workerScript();
    while (script && this.workers.length < count) {
      const worker = takeEarlyWorker() ?? newRenderWorker(script);
      const early = (err: Error) => (this.broken ??= err);
      worker.on('error', early);
      worker.once('exit', () => this.broken ??= new Error('a render worker exited before rendering'));
      const request: WorkerRequest = { type: 'read', overrides: this.overrides, cwd: this.cwd, zone: zoneProbe() };
      worker.postMessage(request);
      this.workers.push(worker);
    }
    // (the extras' own exit is not a failure of the pool)
    for (const w of this.workers.splice(Math.max(0, count))) void w.removeAllListeners('exit').terminate();
  }

  get size(): number {
    return this.workers.length;
  }

  /** The workers, for rendering; undefined when one of them has already failed. */
  take(): Worker[] | undefined {
    if (this.broken) return undefined;
    for (const w of this.workers) w.removeAllListeners('error').removeAllListeners('exit');
    return this.workers.splice(0);
  }

  /**
   * Stops workers a render is done with, without waiting for them: a thread's teardown took
   * ~40 ms during which the main thread could write. stop() waits for them.
   */
  retire(workers: Worker[]): void {
    for (const w of workers) this.retiring.push(w.terminate().catch(() => undefined));
  }

  private readonly retiring: Array<Promise<unknown>> = [];

  async stop(): Promise<void> {
    await Promise.all([...this.workers.splice(0).map((w) => w.terminate()), ...this.retiring.splice(0)]);
  }
}

/**
 * The local time zone as a thread sees it: a few instants written in local time, with the
 * offset and the zone's name (zones with the same offsets differ in name, as %Z writes them).
 * A thread's zone is fixed when it first does local-time arithmetic: a worker started early
 * (early-worker.ts) that had done so before the build set TZ would see another zone; it then
 * renders nothing (a 'mismatch').
 */
export function zoneProbe(): string[] {
  return [Date.UTC(2000, 0, 1), Date.UTC(2000, 6, 1), Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1)].map((t) => new Date(t).toString());
}

/** A `next()` for renderDocuments that hands out one index once. */
function oneIndex(i: number): () => number {
  let given = false;
  return () => {
    if (given) return -1;
    given = true;
    return i;
  };
}

/**
 * Pages handed out from both ends: workers take them from the front, through a shared counter,
 * and the main thread from the back, where plugins put the pages that cost most (a sitemap or
 * a feed loops over every post; a feed reads converted content, which only the main thread
 * has). Taken from the front by everyone, such a page came last and one thread finished it
 * alone while the others waited. A page is taken by marking it, so the two ends never both
 * render one: an end that finds its next page marked has met the other.
 * Layout of the shared memory: [front counter, one mark per page].
 */
export class PageClaims {
  readonly memory: SharedArrayBuffer;
  private readonly cells: Int32Array;
  private back: number;

  constructor(
    readonly count: number,
    memory?: SharedArrayBuffer,
  ) {
    this.memory = memory ?? new SharedArrayBuffer(4 * (count + 1));
    this.cells = new Int32Array(this.memory);
    this.back = count;
  }

  /** The next page from the front, or -1 when none is left. */
  fromFront(): number {
    const i = Atomics.add(this.cells, 0, 1);
    if (i >= this.count) return -1;
    return Atomics.compareExchange(this.cells, i + 1, 0, 1) === 0 ? i : -1;
  }

  /** The next page from the back (one thread only: the main one), or -1 when none is left. */
  fromBack(): number {
    if (this.back === 0) return -1;
    const i = --this.back;
    return Atomics.compareExchange(this.cells, i + 1, 0, 1) === 0 ? i : -1;
  }

  /** No more pages from the front (a failure: the workers stop). */
  close(): void {
    Atomics.store(this.cells, 0, this.count);
  }
}

/** Documents in Jekyll's render order: each collection's, in configuration order. */
export function renderOrder(site: Site): Document[] {
  const out: Document[] = [];
  for (const c of site.collections.values()) out.push(...c.docs);
  return out;
}

/** Identifies the page list (paginated pages share a source: their URLs tell them apart). */
export function pageSignatureOf(pages: Page[]): string {
  let h = 2166136261;
  for (const p of pages) {
    const key = `${p.displayPath}\0${p.url}`;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 10, 16777619);
  }
  return `${pages.length}:${(h >>> 0).toString(16)}`;
}

/** Identifies the document list, so a worker that read something else is noticed. */
export function signatureOf(docs: Document[]): string {
  let h = 2166136261;
  for (const d of docs) {
    for (let i = 0; i < d.relativePath.length; i++) h = Math.imul(h ^ d.relativePath.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 10, 16777619);
  }
  return `${docs.length}:${(h >>> 0).toString(16)}`;
}

/** The compiled worker; absent when running from TypeScript sources without a compile. */
export function workerScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'worker.js'), path.resolve(here, '../../dist/render/worker.js')];
  return candidates.find((p) => fs.existsSync(p));
}

export interface ParallelWrite {
  /** The staging directory workers write their outputs into. */
  stagingDir: string;
  /** Destinations several sources write: their outputs come back to the main thread. */
  shared: Set<string>;
  /** Pages' destinations a worker has written are added here (documents report through the sink). */
  streamed: Set<string>;
}

/**
 * UTTERSON_FORCE_WORKERS=1: any site with documents is rendered on workers, and only by them
 * (the main thread only waits). The fixture tests use it to check every Jekyll golden on the
 * worker path, which small sites never take on their own.
 */
function forcedWorkers(): boolean {
  return process.env.UTTERSON_FORCE_WORKERS === '1';
}

/** Workers beside the main thread for `documents` (one thread per hundred documents at most). */
export function workerCountFor(documents: number, jobs: number): number {
  if (forcedWorkers() && documents > 0) return Math.max(0, jobs - 1);
  if (documents < MIN_DOCUMENTS_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(jobs, Math.ceil(documents / 100)) - 1);
}

/**
 * Renders the site's documents, then its pages, on the main thread and workers (started early
 * by the caller in `given`, or here). With `write`, workers write what they render themselves
 * and report where (`doc.spilledTo`), instead of sending the output back.
 */
export async function renderSiteParallel(
  site: Site,
  renderer: Renderer,
  options: ParallelOptions,
  sink?: DocumentSink,
  given?: RenderWorkers,
  write?: ParallelWrite,
): Promise<void> {
  const pool = given ?? new RenderWorkers(options.overrides, options.cwd);
  const docs = renderOrder(site);
  const workerCount = workerCountFor(docs.length, options.jobs);
  pool.resize(workerCount);
  const workers = workerCount >= 1 ? pool.take() : undefined;
  if (!workers || workers.length === 0) {
    await pool.stop();
    renderSite(site, renderer, sink);
    return;
  }
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const signature = signatureOf(docs);
  let fromWorkers = 0;
  let sensitive = false;
  const workerDiagnostics: Diagnostic[] = [];
  // A worker's document is applied as soon as it arrives (and streamed by the sink), so
  // finished outputs do not pile up in memory.
  const apply = (r: Extract<WorkerMessage, { type: 'doc' }>) => {
    const doc = docs[r.index];
    doc.content = r.content;
    doc.output = r.output;
    if (r.writtenTo !== undefined) doc.spilledTo = r.writtenTo;
    const excerpt = doc.data.excerpt;
    if (r.excerpt !== undefined && excerpt instanceof Excerpt) excerpt.output = r.excerpt;
    if (r.sensitive) sensitive = true;
    fromWorkers++;
    if (!docsRound.failure()) sink?.(doc);
  };

  const mismatchedWorkers = new Set<Worker>();
  const request: WorkerRequest = {
    type: 'render',
    counter,
    signature,
    stagingDir: sink && write ? write.stagingDir : undefined,
    shared: write ? [...write.shared] : [],
  };
  const docsRound = runOnWorkers(workers, request, () => Atomics.store(next, 0, docs.length), (worker, msg) => {
    if (msg.type === 'doc') apply(msg);
    else if (msg.type === 'done') workerDiagnostics.push(...msg.diagnostics);
    else if (msg.type === 'mismatch') mismatchedWorkers.add(worker);
    return msg.type === 'done' || msg.type === 'mismatch';
  });
  const stopAll = () => Promise.all(workers.map((w) => w.terminate()));

  // The main thread works too, pulling from the same counter, and lets the workers' messages in
  // every few documents.
  try {
    let rendered = 0;
    while (!forcedWorkers()) {
      const i = Atomics.add(next, 0, 1);
      if (i >= docs.length) break;
      renderDocuments(renderer, docs, oneIndex(i), sink && ((_index, doc) => sink(doc)));
      if (++rendered % 16 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    Atomics.store(next, 0, docs.length);
    await docsRound.finished;
    await stopAll();
    throw err;
  }
  await docsRound.finished;
  const failure = docsRound.failure();
  if (failure) {
    await stopAll();
    throw failure;
  }
  // what no one took: the workers all declined (a mismatch) while the main thread stood aside
  for (let i = Atomics.add(next, 0, 1); i < docs.length; i = Atomics.add(next, 0, 1)) {
    renderDocuments(renderer, docs, oneIndex(i), sink && ((_index, doc) => sink(doc)));
  }

  // A worker that read a different site rendered nothing; the main thread did its share.
  if (renderer.payload.orderSensitive.size > 0) sensitive = true;
  site.ctx.diagnostics.push({
    severity: 'info',
    message: `Rendered ${docs.length} documents on ${workerCount + 1} threads (${fromWorkers} by workers)${sensitive ? '; templates read other documents\' content, so they were rendered again in order' : ''}.`,
  });
  if (sensitive) {
    await stopAll();
    resetRenderState(site);
    renderSite(site, renderer, sink);
    return;
  }
  site.ctx.diagnostics.push(...workerDiagnostics);
  try {
    await renderPagesParallel(site, renderer, workers.filter((w) => !mismatchedWorkers.has(w)), write);
  } catch (err) {
    await stopAll();
    throw err;
  }
  // A caller's pool is stopped by the caller, which waits for these then; writing goes on meanwhile.
  if (given) given.retire(workers);
  else await stopAll();
}

/**
 * Sends `request` to every worker and hands their messages to `handle` until it says a worker
 * has finished its part. A worker's failure (reported, or the thread's own) is kept, and `stop`
 * is called so that no one pulls more work.
 */
function runOnWorkers(
  workers: Worker[],
  request: WorkerRequest,
  stop: () => void,
  handle: (worker: Worker, msg: WorkerMessage) => boolean,
): { finished: Promise<void>; failure(): BuildError | undefined } {
  let failure: BuildError | undefined;
  const fail = (err: BuildError) => {
    failure ??= err;
    stop();
  };
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        worker.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'error') {
            fail(new BuildError(msg.diagnostic));
            resolve();
          } else if (handle(worker, msg)) resolve();
        });
        worker.on('error', (err) => {
          fail(new BuildError({ message: `Render worker failed: ${(err as Error).message}` }, { cause: err }));
          resolve();
        });
        worker.on('exit', () => resolve());
        worker.postMessage(request);
      }),
  );
  return { finished: Promise.all(finished).then(() => undefined), failure: () => failure };
}

/**
 * Renders the site's pages on the main thread and `workers` (which have rendered documents),
 * after every document. Pages a worker hands back are rendered here afterwards, in order; if
 * any page read another page's content, all are rendered again, in order, as Jekyll would.
 */
async function renderPagesParallel(site: Site, renderer: Renderer, workers: Worker[], write: ParallelWrite | undefined): Promise<void> {
  // (stylesheets add their source map pages while rendering: those are final already)
  const pages = [...site.pages];
  // as plugins left them: what a render that starts over starts from
  const rawContents = pages.map((p) => p.content);
  const claims = new PageClaims(pages.length);
  const declined: number[] = [];
  /** Pages rendered (here or by a worker) or handed back: any other was claimed by a worker that stopped. */
  const handled = new Uint8Array(pages.length);
  const diagnosticsBefore = site.ctx.diagnostics.length;
  /** Each page's messages, given in page order at the end whichever thread rendered it. */
  const pageDiagnostics: Diagnostic[][] = [];
  const fromWorkers = new Set<Page>();
  const workerDiagnostics: Diagnostic[] = [];
  const pageCrossReads = renderer.payload.pageCrossReads;
  const request: WorkerRequest = { type: 'pages', claims: claims.memory, signature: pageSignatureOf(pages) };
  const pagesRound = runOnWorkers(workers, request, () => claims.close(), (_worker, msg) => {
    if (msg.type === 'page') {
      const page = pages[msg.index];
      page.content = msg.content;
      page.output = msg.output;
      handled[msg.index] = 1;
      pageDiagnostics[msg.index] = msg.diagnostics;
      fromWorkers.add(page);
      if (msg.writtenTo !== undefined) write?.streamed.add(page.destinationPath);
      renderer.tick();
    } else if (msg.type === 'page-declined') {
      handled[msg.index] = 1;
      declined.push(msg.index);
    } else if (msg.type === 'pages-done') workerDiagnostics.push(...msg.diagnostics);
    return msg.type === 'pages-done';
  });
  const diagnostics = site.ctx.diagnostics;
  const renderHere = (i: number) => {
    const mark = diagnostics.length;
    withLocation(pages[i].displayPath, () => renderer.renderPage(pages[i]));
    pageDiagnostics[i] = diagnostics.splice(mark);
    renderer.tick();
  };
  try {
    let rendered = 0;
    const next = workers.length === 0 ? () => claims.fromFront() : () => claims.fromBack();
    while (!forcedWorkers() || workers.length === 0) {
      const i = next();
      if (i < 0) break;
      renderHere(i);
      handled[i] = 1;
      if (++rendered % 8 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    claims.close();
    await pagesRound.finished;
    throw err;
  }
  await pagesRound.finished;
  const failure = pagesRound.failure();
  if (failure) throw failure;
  handled.forEach((done, i) => {
    if (!done) declined.push(i);
  });
  for (const i of declined.sort((a, b) => a - b)) renderHere(i);
  for (const list of pageDiagnostics) if (list) diagnostics.push(...list);
  diagnostics.push(...workerDiagnostics);
  site.ctx.diagnostics.push({
    severity: 'info',
    message: `Rendered ${pages.length} pages on ${workers.length + 1} threads (${fromWorkers.size} by workers, ${declined.length} handed back to the main thread).`,
  });

  if (renderer.payload.pageCrossReads > pageCrossReads) {
    // Pages read each other's content: what they saw depended on who rendered what first.
    pages.forEach((page, i) => {
      if (page.prerendered) return;
      page.content = rawContents[i];
      page.output = undefined;
      if (fromWorkers.has(page)) write?.streamed.delete(page.destinationPath);
    });
    site.pages.splice(pages.length); // source map pages of the first render: made again
    site.ctx.diagnostics.length = diagnosticsBefore; // and its messages given again
    site.ctx.diagnostics.push({ severity: 'info', message: 'Pages read other pages\' content, so they were rendered again in order.' });
    renderPages(renderer, site);
  }
}
