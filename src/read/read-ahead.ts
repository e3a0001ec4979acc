/**
 * Reading ahead. The reader reads and parses post files one by one; when they are not in the
 * page cache (a first build, or a cache the kernel has reclaimed) it waits for the disk file by
 * file, and so does each render worker. A small thread started before reading asks for them
 * sixteen at a time and drops what it gets, so that the disk is read in parallel and the
 * reader finds the files in the cache: 4,000-post site with a cold cache, 8.0 -> 7.5 s. When
 * the cache is warm it does nothing (see SCRIPT).
 * It only reads files the census found (regular files inside the source).
 */
import { Worker } from 'node:worker_threads';

const AT_ONCE = 16;
/** Files read first, spread over the list, to tell a cold cache from a warm one. */
const PROBES = 24;
/** A read slower than this came from the disk (warm: 20-40 us here, cold: 150-180 us). */
const COLD_MICROS = 80;
/** Read ahead when at least this many probes were cold (a cache partly reclaimed counts). */
const COLD_PROBES = 3;

// A script, not a module of ours: nothing to load but node:fs. With a warm cache, reading
// every file again cost ~0.3 s of CPU beside the threads that do the real work, so the
// thread first probes a few files and stops when they are in the cache.
const SCRIPT = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { files, atOnce, probes, coldMicros, coldProbes } = workerData;
const one = Buffer.allocUnsafe(1);
const tried = Math.min(probes, files.length);
let cold = 0;
for (let i = 0; i < tried; i++) {
  const started = process.hrtime.bigint();
  try {
    const fd = fs.openSync(files[Math.floor((i * files.length) / tried)], 'r');
    try { fs.readSync(fd, one, 0, 1, 0); } finally { fs.closeSync(fd); }
  } catch {}
  if (Number(process.hrtime.bigint() - started) / 1000 > coldMicros) cold++;
}
if (cold >= coldProbes) {
  let next = 0;
  const more = () => {
    if (next < files.length) fs.readFile(files[next++], more);
  };
  for (let i = 0; i < atOnce; i++) more();
}
`;

export interface ReadAhead {
  stop(): Promise<void>;
}

export function readAhead(files: string[]): ReadAhead {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { files, atOnce: AT_ONCE, probes: PROBES, coldMicros: COLD_MICROS, coldProbes: COLD_PROBES } });
  worker.unref();
  // reading ahead is only a hint: a failure changes nothing
  worker.on('error', () => undefined);
  return { stop: async () => void (await worker.terminate()) };
}
