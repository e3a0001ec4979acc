#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled TypeScript (npm ci runs `prepare`, which compiles
// and bundles it). The bundle starts faster; it is used unless it is older than the compile.
import fs from 'node:fs';
import os from 'node:os';

const mtime = (rel) => fs.statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js');
const args = process.argv.slice(2);

// `utterson build` of a large site on several cores: a render worker starts now, while the CLI's
// own modules load (~0.2 s sooner); the build adopts it (src/render/early-worker.ts). Only
// when `build` comes first, as it does in scripts, not for builds on one thread, and only for
// a _posts folder of 100 entries or more: on a small site it would cost more than it saves.
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const oneThread = args.some((a, i) => ['-h', '--help', '--profile', '-I', '--incremental', '-j1', '--jobs=1'].includes(a) || ((a === '-j' || a === '--jobs') && args[i + 1] === '1'));
const sourceAt = args.findIndex((a) => a === '-s' || a === '--source');
const source = sourceAt >= 0 ? args[sourceAt + 1] : (args.find((a) => a.startsWith('--source='))?.slice(9) ?? '.');
const manyPosts = () => {
  try {
    return fs.readdirSync(`${source}/_posts`).length >= 100;
  } catch {
    return false;
  }
};
const early = (args[0] === 'build' || args[0] === 'b') && cores > 1 && !oneThread && manyPosts();
let earlyWorker;
if (early) {
  earlyWorker = await import('../dist/render/early-worker.js').catch(() => undefined);
  earlyWorker?.startEarlyWorker(new URL(bundled ? '../dist/bundle/worker.js' : '../dist/render/worker.js', import.meta.url));
}

const { main } = await import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js');

main(args).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
).finally(() => earlyWorker?.stopEarlyWorker());
