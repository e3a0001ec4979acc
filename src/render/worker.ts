/**
 * A render worker: reads the site as the main thread does (at the same time, when started
 * early), then renders the documents it pulls from the shared counter, writing their outputs
 * into the staging directory itself; then, asked again, pages.
 */
import { parentPort } from 'node:worker_threads';
import { readAndGenerate } from '../build.js';
import { loadConfig } from '../config/load.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/site.js';
import { Excerpt } from '../site/excerpt.js';
import { OutputWriter } from '../write/writer.js';
import { PageClaims, pageSignatureOf, renderOrder, zoneProbe, signatureOf, type WorkerMessage, type WorkerRequest } from './parallel.js';
import { createRenderer, renderDocuments, type Renderer } from './renderer.js';

const port = parentPort!;
// Tests: a worker whose time zone was fixed before the build set TZ (see zoneProbe).
if (process.env.UTTERSON_TEST_EARLY_DATE === '1') new Date(2020, 0, 1).getHours();
const send = (m: WorkerMessage) => port.postMessage(m);
const report = (err: unknown) => {
  const diagnostic: Diagnostic = err instanceof BuildError ? err.diagnostic : { severity: 'error', message: (err as Error).message ?? String(err) };
  send({ type: 'error', diagnostic, stack: (err as Error).stack });
};

let site: Site | undefined;
let readFailure: unknown;
/** This thread sees another time zone than the main thread (see zoneProbe). */
let otherZone = false;
const diagnostics: Diagnostic[] = [];
/** The documents' renderer, kept for the pages. */
let pageRenderer: Renderer | undefined;
let writer: OutputWriter | undefined;
let shared = new Set<string>();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'read') {
    // A failure is reported once rendering is asked for: the main thread may not need this worker.
    otherZone = zoneProbe().join() !== request.zone.join();
    if (otherZone) return; // asked to render, it answers with a mismatch
    try {
      const { config } = loadConfig(request.overrides, request.cwd);
      site = readAndGenerate(config, diagnostics);
    } catch (err) {
      readFailure = err;
    }
    return;
  }
  try {
    if (otherZone && request.type === 'render') return void send({ type: 'mismatch', signature: 'another time zone' });
    if (readFailure !== undefined || !site) throw readFailure ?? new Error('render requested before read');
    if (request.type === 'render') render(site, request);
    else renderPages(site, request);
  } catch (err) {
    report(err);
  }
});

function render(site: Site, request: Extract<WorkerRequest, { type: 'render' }>): void {
  const docs = renderOrder(site);
  const signature = signatureOf(docs);
  if (signature !== request.signature) {
    send({ type: 'mismatch', signature });
    return;
  }
  writer = request.stagingDir !== undefined ? new OutputWriter(request.stagingDir) : undefined;
  shared = new Set(request.shared);
  const renderer = createRenderer(site);
  const before = diagnostics.length;
  const next = new Int32Array(request.counter);
  renderDocuments(
    renderer,
    docs,
    () => {
      const i = Atomics.add(next, 0, 1);
      return i < docs.length ? i : -1;
    },
    (index, doc) => {
      // The excerpt too: list pages render on the main thread and would convert it there.
      renderer.payload.current = doc;
      const excerpt = doc.data.excerpt instanceof Excerpt ? renderer.payload.hooks.excerptOf(doc) : undefined;
      let output = doc.output;
      let writtenTo: string | undefined;
      if (writer && doc.write && output !== undefined && !shared.has(doc.destinationPath)) {
        writtenTo = writer.write({ kind: 'content', destinationPath: doc.destinationPath, source: doc.displayPath, content: output });
        output = undefined;
      }
      send({ type: 'doc', index, content: doc.content, output, writtenTo, excerpt, sensitive: renderer.payload.orderSensitive.has(doc) });
      // The main thread has it now. A later render here that read it would be order-sensitive,
      // and those are redone on the main thread anyway, so the worker need not keep it.
      doc.output = undefined;
      doc.content = doc.rawContent;
    },
  );
  send({ type: 'done', diagnostics: diagnostics.slice(before) });
  pageRenderer = renderer;
}

/**
 * Renders the pages taken from the front of `claims`. This copy of the site has no document converted
 * (their contents went to the main thread): a page that reads any document's or other page's
 * `content` or `output` is handed back, as are stylesheets and pages whose render fails here
 * (the main thread renders them, and reports the failure if it is one).
 */
function renderPages(site: Site, request: Extract<WorkerRequest, { type: 'pages' }>): void {
  const before = diagnostics.length;
  const pages = [...site.pages];
  const claims = new PageClaims(pages.length, request.claims);
  const r = pageRenderer;
  if (r && pageSignatureOf(pages) === request.signature) {
    for (let i = claims.fromFront(); i >= 0; i = claims.fromFront()) {
      const page = pages[i];
      if (page.prerendered || r.needsMainThread(page)) {
        send({ type: 'page-declined', index: i });
        continue;
      }
      const mark = diagnostics.length;
      const reads = r.payload.crossReads;
      const raw = page.content;
      let rendered = true;
      try {
        r.renderPage(page);
      } catch {
        rendered = false;
      }
      if (!rendered || r.payload.crossReads !== reads) {
        diagnostics.length = mark; // the main thread's render gives them
        page.content = raw;
        page.output = undefined;
        send({ type: 'page-declined', index: i });
        continue;
      }
      let output = page.output;
      let writtenTo: string | undefined;
      if (writer && output !== undefined && !shared.has(page.destinationPath)) {
        writtenTo = writer.write({ kind: 'content', destinationPath: page.destinationPath, source: page.displayPath, content: output });
        output = undefined;
      }
      send({ type: 'page', index: i, content: page.content, output, writtenTo, diagnostics: diagnostics.splice(mark) });
      page.output = undefined;
    }
  }
  send({ type: 'pages-done', diagnostics: diagnostics.slice(before) });
}
