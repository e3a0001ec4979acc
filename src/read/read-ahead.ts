/**
 * Reading ahead. The reader reads and parses post files one by one; when they are not in the
 * page cache (a first build, or a cache the kernel has reclaimed) it waits for the disk file by
 * file, and so does each render worker. A small thread started before reading asks for them
 * sixteen at a time and drops what it gets, so that the disk is read in parallel and the
 * reader finds the files in the cache: 4,000-post site with a cold cache, 8.0 -> 7.5 s.
 * It only reads files the census found (regular files inside the source).
 */
import { Worker } from 'node:worker_threads';

const AT_ONCE = 16;

// A script, not a module of ours: nothing to load but node:fs.
const SCRIPT = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
let next = 0;
const one = () => {
  if (next < workerData.files.length) fs.readFile(workerData.files[next++], one);
};
for (let i = 0; i < workerData.atOnce; i++) one();
`;

export interface ReadAhead {
  stop(): Promise<void>;
}

export function readAhead(files: string[]): ReadAhead {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { files, atOnce: AT_ONCE } });
  worker.unref();
  // reading ahead is only a hint: a failure changes nothing
  worker.on('error', () => undefined);
  return { stop: async () => void (await worker.terminate()) };
}
