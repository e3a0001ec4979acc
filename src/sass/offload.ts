/**
 * Sass on its own thread. Dart Sass takes ~0.2 s to load, on a site whose main thread is busy
 * rendering (the MrGreen demo's 2 s build spent 0.6 s in Sass): a thread started right after
 * reading loads it meanwhile, and compiles when a stylesheet page comes up. The render loop is
 * synchronous, so the call is too: the main thread posts the request and waits on a shared flag
 * until the reply is on the port. Without a compiled worker (tests running sources) or when the
 * thread fails, stylesheets compile on the calling thread, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileSass, type SassOptions, type SassResult } from './compile.js';

export type SassCompiler = typeof compileSass;
/** Asks for a compile ahead of time; a later call of the compiler with the same arguments takes it. */
export type SassPrefetch = (source: string, syntax: 'scss' | 'sass', file: string, options: SassOptions, withMap: boolean) => void;

export interface SassRequest {
  id: number;
  source: string;
  syntax: 'scss' | 'sass';
  file: string;
  options: SassOptions;
  withMap: boolean;
}

export type SassReply = { id: number; warnings: string[] } & ({ result: SassResult } | { diagnostic: Diagnostic } | { message: string });

/** A reply slower than this means the thread is gone: the stylesheet is compiled here instead. */
const REPLY_TIMEOUT_MS = 120_000;

function workerScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'sass-worker.js'), ...(path.basename(here) === 'sass' ? [path.join(here, 'worker.js')] : []), path.resolve(here, '../../dist/sass/worker.js')];
  return candidates.find((p) => fs.existsSync(p));
}

const keyOf = (source: string, syntax: string, file: string, options: SassOptions, withMap: boolean): string =>
  JSON.stringify([source, syntax, file, options, withMap]);

export class SassThread {
  private seq = 0;
  private broken = false;
  /** Requests sent ahead, by their arguments, and replies that came while waiting for another. */
  private readonly ahead = new Map<string, number>();
  private readonly early = new Map<number, SassReply>();

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly flag: Int32Array,
  ) {}

  static start(): SassThread | undefined {
    const script = workerScript();
    if (!script) return undefined;
    const worker = new Worker(script, { env: process.env });
    worker.unref();
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    worker.postMessage({ port: port2, flag }, [port2]);
    const thread = new SassThread(worker, port1, new Int32Array(flag));
    worker.on('error', () => (thread.broken = true));
    worker.on('exit', () => (thread.broken = true));
    return thread;
  }

  /**
   * A compile asked for before it is needed: the renderer sends stylesheet pages as soon as the
   * site is read, so that Dart Sass's loading and the compile overlap the documents' rendering
   * instead of the main thread waiting for both when it reaches the page (~0.5 s of the MrGreen
   * demo). compile() with the same arguments takes the reply.
   */
  readonly prefetch: SassPrefetch = (source, syntax, file, options, withMap) => {
    if (this.broken) return;
    const key = keyOf(source, syntax, file, options, withMap);
    if (this.ahead.has(key)) return;
    const id = ++this.seq;
    this.port.postMessage({ id, source, syntax, file, options, withMap } satisfies SassRequest);
    this.ahead.set(key, id);
  };

  /** compileSass, run on the Sass thread. */
  readonly compile: SassCompiler = (source, syntax, file, options, onWarning, withMap = false) => {
    if (this.broken) return compileSass(source, syntax, file, options, onWarning, withMap);
    const key = keyOf(source, syntax, file, options, withMap);
    let id = this.ahead.get(key);
    if (id !== undefined) this.ahead.delete(key);
    else {
      id = ++this.seq;
      this.port.postMessage({ id, source, syntax, file, options, withMap } satisfies SassRequest);
    }
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    let reply: SassReply | undefined;
    while (!(reply = this.early.get(id))) {
      const received = receiveMessageOnPort(this.port) as { message: SassReply } | undefined;
      if (received) {
        this.early.set(received.message.id, received.message);
        continue;
      }
      if (Date.now() > deadline) {
        this.broken = true;
        void this.worker.terminate();
        return compileSass(source, syntax, file, options, onWarning, withMap);
      }
      Atomics.wait(this.flag, 0, 0, 100);
      Atomics.store(this.flag, 0, 0);
    }
    this.early.delete(id);
    for (const w of reply.warnings) onWarning?.(w);
    if ('result' in reply) return reply.result;
    if ('diagnostic' in reply) throw new BuildError(reply.diagnostic);
    throw new Error(reply.message);
  };

  async stop(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}
