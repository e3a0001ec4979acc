/**
 * The Sass thread: loads Dart Sass as soon as it starts (a quarter of a second the main thread
 * then does not spend), and compiles what the main thread asks for on a message port, waking it
 * through a shared flag (see offload.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { parentPort } from 'node:worker_threads';
import { BuildError } from '../diagnostics/diagnostic.js';
import { compileSass, sass } from './compile.js';
import type { SassReply, SassRequest } from './offload.js';

parentPort!.once('message', ({ port, flag }: { port: MessagePort; flag: SharedArrayBuffer }) => {
  const signal = new Int32Array(flag);
  port.on('message', (req: SassRequest) => {
    const warnings: string[] = [];
    let reply: SassReply;
    try {
      reply = { id: req.id, warnings, result: compileSass(req.source, req.syntax, req.file, req.options, (m) => warnings.push(m), req.withMap) };
    } catch (err) {
      reply =
        err instanceof BuildError
          ? { id: req.id, warnings, diagnostic: err.diagnostic }
          : { id: req.id, warnings, message: (err as Error)?.message ?? String(err) };
    }
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  sass();
});
