#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled TypeScript (npm ci runs `prepare`, which compiles
// and bundles it). The bundle starts faster; it is used unless it is older than the compile.
import fs from 'node:fs';

const mtime = (rel) => fs.statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js') ? '../dist/bundle/main.js' : '../dist/cli/main.js';
const { main } = await import(entry);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
);
