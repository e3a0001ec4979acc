/**
 * Rendering documents on all cores. The main thread and N-1 workers pull document indices
 * from one shared counter (so the load balances itself); each worker has read the same site
 * on its own, renders what it pulls and sends back `content` and `output`. Pages are then
 * rendered on the main thread, which by then has every document's converted content, exactly
 * as Jekyll renders pages after documents.
 *
 * Jekyll renders documents one after another, so a template that reads another document's
 * `content` sees it converted or raw depending on the order. Renders that do so are noticed,
 * and if there are any the documents are rendered again serially, so the result never depends
 * on the number of threads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConfigOverrides } from '../config/load.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Document } from '../site/document.js';
import { Excerpt } from '../site/excerpt.js';
import type { Site } from '../site/site.js';
import { renderDocuments, renderPages, renderSite, resetRenderState, type DocumentSink, type Renderer } from './renderer.js';

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 200;

export interface ParallelOptions {
  jobs: number;
  overrides: ConfigOverrides;
  cwd: string;
}

export type WorkerRequest = { overrides: ConfigOverrides; cwd: string; counter: SharedArrayBuffer; signature: string };
export type WorkerMessage =
  | { type: 'doc'; index: number; content: string; output: string | undefined; excerpt: string | undefined; sensitive: boolean }
  | { type: 'done'; diagnostics: Diagnostic[] }
  | { type: 'mismatch'; signature: string }
  | { type: 'error'; diagnostic: Diagnostic; stack?: string };

/** A `next()` for renderDocuments that hands out one index once. */
function oneIndex(i: number): () => number {
  let given = false;
  return () => {
    if (given) return -1;
    given = true;
    return i;
  };
}

/** Documents in Jekyll's render order: each collection's, in configuration order. */
export function renderOrder(site: Site): Document[] {
  const out: Document[] = [];
  for (const c of site.collections.values()) out.push(...c.docs);
  return out;
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

export async function renderSiteParallel(site: Site, renderer: Renderer, options: ParallelOptions, sink?: DocumentSink): Promise<void> {
  const docs = renderOrder(site);
  const script = workerScript();
  const workerCount = Math.min(options.jobs, Math.ceil(docs.length / 100)) - 1;
  if (docs.length < MIN_DOCUMENTS_FOR_WORKERS || workerCount < 1 || !script) {
    renderSite(site, renderer, sink);
    return;
  }
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const signature = signatureOf(docs);
  let fromWorkers = 0;
  let sensitive = false;
  const workerDiagnostics: Diagnostic[] = [];
  let failure: BuildError | undefined;
  let mismatched = false;
  // A worker's document is applied as soon as it arrives (and streamed by the sink), so
  // finished outputs do not pile up in memory.
  const apply = (r: Extract<WorkerMessage, { type: 'doc' }>) => {
    const doc = docs[r.index];
    doc.content = r.content;
    doc.output = r.output;
    const excerpt = doc.data.excerpt;
    if (r.excerpt !== undefined && excerpt instanceof Excerpt) excerpt.output = r.excerpt;
    if (r.sensitive) sensitive = true;
    fromWorkers++;
    if (!failure) sink?.(doc);
  };

  const workers = Array.from({ length: workerCount }, () => new Worker(script, { env: process.env }));
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        worker.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'doc') apply(msg);
          else if (msg.type === 'done') {
            workerDiagnostics.push(...msg.diagnostics);
            resolve();
          } else if (msg.type === 'mismatch') {
            mismatched = true;
            resolve();
          } else if (msg.type === 'error') {
            failure ??= new BuildError(msg.diagnostic);
            Atomics.store(next, 0, docs.length); // stop everyone pulling work
            resolve();
          }
        });
        worker.on('error', (err) => {
          failure ??= new BuildError({ message: `Render worker failed: ${(err as Error).message}` }, { cause: err });
          Atomics.store(next, 0, docs.length);
          resolve();
        });
        worker.on('exit', () => resolve());
        const request: WorkerRequest = { overrides: options.overrides, cwd: options.cwd, counter, signature };
        worker.postMessage(request);
      }),
  );

  // The main thread works too, pulling from the same counter, and lets the workers' messages in
  // every few documents.
  try {
    let rendered = 0;
    for (;;) {
      const i = Atomics.add(next, 0, 1);
      if (i >= docs.length) break;
      renderDocuments(renderer, docs, oneIndex(i), sink && ((_index, doc) => sink(doc)));
      if (++rendered % 16 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    Atomics.store(next, 0, docs.length);
    await Promise.all(finished);
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  await Promise.all(finished);
  await Promise.all(workers.map((w) => w.terminate()));
  if (failure) throw failure;

  // A worker that read a different site rendered nothing; the main thread did its share.
  if (renderer.payload.orderSensitive.size > 0) sensitive = true;
  void mismatched;
  site.ctx.diagnostics.push({
    severity: 'info',
    message: `Rendered ${docs.length} documents on ${workerCount + 1} threads (${fromWorkers} by workers)${sensitive ? '; templates read other documents\' content, so they were rendered again in order' : ''}.`,
  });
  if (sensitive) {
    resetRenderState(site);
    renderSite(site, renderer, sink);
    return;
  }
  site.ctx.diagnostics.push(...workerDiagnostics);
  renderPages(renderer, site);
}
