/**
 * The write phase: every output goes to a staging directory beside the destination, which
 * replaces the destination only once everything is written, so a failed or killed build
 * leaves the previous site intact. Files matched by `keep_files` are carried over.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { encodeUtf8 } from '../utils/utf8.js';
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
  /**
   * Remove the replaced destination in a detached process instead of waiting for it
   * (deleting thousands of files costs seconds; the new site is already in place).
   */
  removeOldInBackground?: boolean;
}

/**
 * Writes outputs into a staging directory that already exists. Render workers have their own,
 * for the same directory, so the documents they render are written where they were rendered.
 */
export class OutputWriter {
  private readonly dirs = new Set<string>();
  private readonly root: string;

  constructor(readonly dir: string) {
    this.root = path.resolve(dir);
  }

  /** Writes one output; returns the absolute path it was written to. */
  write(item: OutputItem): string {
    const target = insideDestination(this.dir, item.destinationPath);
    try {
      this.ensureDir(path.dirname(target));
      if (item.kind === 'content') fs.writeFileSync(target, encodeUtf8(item.content));
      else {
        fs.copyFileSync(item.from, target);
        const st = fs.statSync(item.from);
        fs.utimesSync(target, st.atime, st.mtime);
      }
    } catch (err) {
      // A file where another output needs a folder (`a` and `a/b.html`), a vanished source…
      const e = err as NodeJS.ErrnoException;
      throw new BuildError({ file: item.source, message: `Could not write '${item.destinationPath}': ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ') }, { cause: err });
    }
    return target;
  }

  /**
   * Creates `dir` and the folders above it that are not known yet, top down: one mkdir per new
   * folder. (A recursive mkdir first tries the deepest one, which fails whenever its parent is
   * new too: a third of the mkdir calls of a 4,000-post build failed that way.)
   */
  private ensureDir(dir: string): void {
    if (this.dirs.has(dir) || dir === this.root) return;
    const parent = path.dirname(dir);
    if (parent !== dir) this.ensureDir(parent);
    try {
      fs.mkdirSync(dir);
    } catch (err) {
      // made by another thread writing into the same staging directory, or there before
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw err;
    }
    this.dirs.add(dir);
  }
}

/**
 * The staging directory of one build: outputs are written into it as they become ready (so a
 * large site need not hold them all in memory), then it replaces the destination at once.
 */
export class Staging {
  readonly dest: string;
  readonly dir: string;
  private readonly writer: OutputWriter;

  constructor(dest: string) {
    this.dest = path.resolve(dest);
    this.dir = stagingPathFor(this.dest);
    cleanUpStaleStaging(this.dest);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    this.writer = new OutputWriter(this.dir);
  }

  /** Writes one output; returns the absolute path it was written to. */
  write(item: OutputItem): string {
    return this.writer.write(item);
  }

  /** Puts the staged site in place of the destination (keep_files carried over). */
  commit(keepFiles: string[], removeOldInBackground = false): void {
    swapInto(this.dir, this.dest, keepFiles, removeOldInBackground);
  }

  /** Drops the staged site: the destination stays as it was. */
  abort(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export function writeSite(items: OutputItem[], options: WriteOptions, staging = new Staging(options.dest)): { written: number } {
  try {
    for (const item of items) staging.write(item);
  } catch (err) {
    staging.abort();
    throw err;
  }
  staging.commit(options.keepFiles, options.removeOldInBackground ?? false);
  return { written: items.length };
}

/** Staging directories of builds that were killed: their kept files go home, the rest goes. */
function cleanUpStaleStaging(dest: string): void {
  const dir = path.dirname(dest);
  const prefix = `.${path.basename(dest)}.utterson-staging-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    const stale = path.join(dir, name);
    if (name.endsWith('-keep')) {
      // Kept files moved out of the destination by a build killed mid-swap: put them back.
      if (fs.existsSync(dest)) moveEntries(stale, dest);
    }
    fs.rmSync(stale, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves every entry of `from` into `to` where `to` has nothing at that path. */
function moveEntries(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (!fs.existsSync(target)) fs.renameSync(src, target);
    else if (entry.isDirectory() && fs.statSync(target).isDirectory()) moveEntries(src, target);
  }
}

/**
 * Cleaner#keep_file_regex: entries of the old destination whose path inside it starts with a
 * keep_files entry (a literal prefix) survive. Only directories on the way to a kept path
 * are walked.
 */
export function keptEntries(dest: string, keepFiles: string[]): string[] {
  const found: string[] = [];
  if (keepFiles.length === 0 || !fs.existsSync(dest)) return found;
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dest, rel), { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (keepFiles.some((k) => childRel.startsWith(k))) found.push(childRel);
      else if (entry.isDirectory() && keepFiles.some((k) => k.startsWith(`${childRel}/`))) walk(childRel);
    }
  };
  walk('');
  return found;
}

/**
 * Replaces `dest` by `staging`. Kept entries are moved (not copied: a `.git` can be large)
 * from the old destination into the new one, through a `-keep` directory that a later build
 * puts back if this one is killed in between; then two renames swap the trees.
 */
function swapInto(staging: string, dest: string, keepFiles: string[], background: boolean): void {
  if (!fs.existsSync(dest)) {
    fs.renameSync(staging, dest);
    return;
  }
  const kept = keptEntries(dest, keepFiles).filter((rel) => !fs.existsSync(path.join(staging, rel)));
  const keepDir = `${staging}-keep`;
  if (kept.length > 0) {
    fs.rmSync(keepDir, { recursive: true, force: true });
    for (const rel of kept) {
      fs.mkdirSync(path.dirname(path.join(keepDir, rel)), { recursive: true });
      fs.renameSync(path.join(dest, rel), path.join(keepDir, rel));
    }
  }
  // Unique, so a background removal of an earlier build's tree never meets this one.
  const trash = `${staging}-old-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    fs.renameSync(dest, trash);
    try {
      fs.renameSync(staging, dest);
    } catch (err) {
      fs.renameSync(trash, dest);
      throw err;
    }
  } finally {
    // Kept entries join whichever tree is now the destination.
    if (kept.length > 0) {
      moveEntries(keepDir, dest);
      fs.rmSync(keepDir, { recursive: true, force: true });
    }
  }
  if (background) removeDetached(trash);
  else fs.rmSync(trash, { recursive: true, force: true });
}

/** Deletes a directory from a detached process that outlives this one if need be. */
function removeDetached(dir: string): void {
  try {
    const child = spawn(process.execPath, ['-e', 'require("fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => fs.rmSync(dir, { recursive: true, force: true }));
    child.unref();
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
