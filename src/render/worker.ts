/** A render worker: reads the site as the main thread did and renders the documents it pulls. */
import { parentPort } from 'node:worker_threads';
import { readAndGenerate } from '../build.js';
import { loadConfig } from '../config/load.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderOrder, signatureOf, type WorkerMessage, type WorkerRequest } from './parallel.js';
import { createRenderer, renderDocuments } from './renderer.js';
import { Excerpt } from '../site/excerpt.js';

const port = parentPort!;
port.once('message', (request: WorkerRequest) => {
  const send = (m: WorkerMessage) => port.postMessage(m);
  try {
    const { config } = loadConfig(request.overrides, request.cwd);
    const diagnostics: Diagnostic[] = [];
    const site = readAndGenerate(config, diagnostics);
    const docs = renderOrder(site);
    const signature = signatureOf(docs);
    if (signature !== request.signature) {
      send({ type: 'mismatch', signature });
      return;
    }
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
        send({ type: 'doc', index, content: doc.content, output: doc.output, excerpt, sensitive: renderer.payload.orderSensitive.has(doc) });
        // The main thread has it now. A later render here that read it would be order-sensitive,
        // and those are redone on the main thread anyway, so the worker need not keep it.
        doc.output = undefined;
        doc.content = doc.rawContent;
      },
    );
    send({ type: 'done', diagnostics: diagnostics.slice(before) });
  } catch (err) {
    const diagnostic: Diagnostic =
      err instanceof BuildError ? err.diagnostic : { severity: 'error', message: (err as Error).message ?? String(err) };
    send({ type: 'error', diagnostic, stack: (err as Error).stack });
  }
});
