/**
 * A render worker started before anything else. A worker takes ~0.2 s to be ready (Node's own
 * start-up on the thread, then compiling the bundle); `utterson build` starts one first thing,
 * from bin/utterson.js, before the CLI's modules load, and the build's pool adopts it, or stops
 * it when the site turns out too small for workers. This module loads nothing but
 * worker_threads, so the launcher can import it cheaply; the hand-over goes through a global
 * slot, since the launcher and the bundle each have their own copy of it.
 *
 * The worker only loads its modules until it is asked to read: in particular it does no
 * local-time arithmetic, since V8 fixes a thread's time zone at its first use, and the main
 * thread sets TZ from `timezone:` only later (a test checks that the dates still come out right).
 */
import { Worker } from 'node:worker_threads';

/**
 * A render worker's young generation (V8's default is 48 MB). Rendering allocates ~0.5 MB per
 * post, nearly all short-lived, and each scavenge costs about what survives it: with four
 * times the room, a worker of the 4,000-post build scavenged 43 times instead of 120, in
 * 295 ms of CPU instead of 356-398.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

const SLOT = Symbol.for('utterson.earlyRenderWorker');

interface Early {
  worker: Worker;
  /** It failed or exited before anyone adopted it. */
  dead: boolean;
}

function slot(): { [SLOT]?: Early } {
  return globalThis as { [SLOT]?: Early };
}

/** A render worker for `script`, as the pool starts them. */
export function newRenderWorker(script: string | URL): Worker {
  return new Worker(script, { env: process.env, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/** Starts the early worker (once); it keeps nothing alive until adopted. */
export function startEarlyWorker(script: string | URL): void {
  if (slot()[SLOT]) return;
  const early: Early = { worker: newRenderWorker(script), dead: false };
  early.worker.unref();
  // (a failure to start is only a lost head start: the pool starts its own)
  early.worker.on('error', () => (early.dead = true));
  early.worker.once('exit', () => (early.dead = true));
  slot()[SLOT] = early;
}

/** The early worker, for the pool to adopt (its listeners are then the pool's to set). */
export function takeEarlyWorker(): Worker | undefined {
  const early = slot()[SLOT];
  slot()[SLOT] = undefined;
  if (!early || early.dead) return undefined;
  early.worker.removeAllListeners('error').removeAllListeners('exit');
  early.worker.ref();
  return early.worker;
}

/** Stops the early worker unless it was adopted. */
export function stopEarlyWorker(): void {
  const early = slot()[SLOT];
  slot()[SLOT] = undefined;
  if (early) void early.worker.terminate();
}
