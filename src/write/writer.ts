/**
 * The write phase: every output goes to a staging directory beside the destination, which
 * replaces the destination only once everything is written, so a failed or killed build
 * leaves the previous site intact. Files matched by `keep_files` are carried over.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { insideDestination } from './guards.js';

export type OutputItem =
  | { kind: 'content'; destinationPath: string; source: string; content: string }
  | { kind: 'copy'; destinationPath: string; source: string; from: string };

/** The staging directory: a dot-name beside the destination, so the reader never takes it for content. */
export function stagingPathFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.utterson-staging-${process.pid}`);
}

/** Doctor.conflicting_urls: two sources writing the same file. Jekyll warns and the last one wins. */
export function findConflicts(items: OutputItem[]): Diagnostic[] {
  const byDest = new Map<string, string[]>();
  for (const item of items) {
    const list = byDest.get(item.destinationPath);
    if (list) list.push(item.source);
    else byDest.set(item.destinationPath, [item.source]);
  }
  const out: Diagnostic[] = [];
  for (const [dest, sources] of byDest) {
    if (sources.length > 1) {
      out.push({
        severity: 'warning',
        file: sources[0],
        message: `Conflict: The following destination is shared by multiple files. The written file may end up with unexpected contents.\n  ${dest}\n${sources.map((s) => `   - ${s}`).join('\n')}`,
      });
    }
  }
  return out;
}

export interface WriteOptions {
  dest: string;
  keepFiles: string[];
}

export function writeSite(items: OutputItem[], options: WriteOptions): { written: number } {
  const dest = path.resolve(options.dest);
  const staging = stagingPathFor(dest);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const dirs = new Set<string>();
    for (const item of items) {
      const target = insideDestination(staging, item.destinationPath);
      const dir = path.dirname(target);
      if (!dirs.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      if (item.kind === 'content') fs.writeFileSync(target, item.content);
      else {
        fs.copyFileSync(item.from, target);
        const st = fs.statSync(item.from);
        fs.utimesSync(target, st.atime, st.mtime);
      }
    }
    carryOverKeptFiles(dest, staging, options.keepFiles);
    swapInto(staging, dest);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return { written: items.length };
}

/** Cleaner: files in the old destination whose path starts with a keep_files entry survive. */
function carryOverKeptFiles(dest: string, staging: string, keepFiles: string[]): void {
  if (keepFiles.length === 0 || !fs.existsSync(dest)) return;
  const walk = (rel: string): void => {
    const abs = path.join(dest, rel);
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      // Cleaner#keep_file_regex: a literal prefix of the path inside the destination.
      const kept = keepFiles.some((k) => childRel.startsWith(k));
      const target = path.join(staging, childRel);
      if (kept) {
        if (!fs.existsSync(target)) {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.cpSync(path.join(dest, childRel), target, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
        }
      } else if (entry.isDirectory()) {
        walk(childRel);
      }
    }
  };
  walk('');
}

/** Replace `dest` by `staging` with two renames; the old tree is removed afterwards. */
function swapInto(staging: string, dest: string): void {
  if (!fs.existsSync(dest)) {
    fs.renameSync(staging, dest);
    return;
  }
  const trash = `${staging}-old`;
  fs.rmSync(trash, { recursive: true, force: true });
  fs.renameSync(dest, trash);
  try {
    fs.renameSync(staging, dest);
  } catch (err) {
    fs.renameSync(trash, dest);
    throw err;
  }
  fs.rmSync(trash, { recursive: true, force: true });
}
