/** Temp sites, tree snapshots and hashes for the reliability tests. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/utterson.js', import.meta.url));

const roots: string[] = [];

/** A fresh temp directory, removed by cleanup(). */
export function tempDir(prefix = 'utterson-rel-'): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  roots.push(d);
  return d;
}

export function cleanup(): void {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
}

/** Writes files (relative path → text or bytes) under dir. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, body] of Object.entries(files)) {
    const abs = path.join(dir, name);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, body);
  }
}

/**
 * Every entry under dir (not following symlinks) → sha256 of a file, `dir` for a folder,
 * `-> target` for a symlink. Two equal snapshots mean nothing was added, removed or changed.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, r);
      if (e.isSymbolicLink()) out[r] = `-> ${fs.readlinkSync(abs)}`;
      else if (e.isDirectory()) {
        out[r] = 'dir';
        walk(r);
      } else out[r] = createHash('sha256').update(fs.readFileSync(abs)).digest('hex');
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

/** Files under dir whose bytes contain `needle` (symlinks not followed). */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  if (!fs.existsSync(dir)) return hits;
  const walk = (abs: string): void => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const p = path.join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.readFileSync(p).includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}
