/**
 * Watching the source as jekyll-watch does: everything under the source except the
 * destination, Utterson's staging directories, caches, VCS and package folders, the
 * configuration files (Jekyll does not reread them while serving) and `exclude`.
 * Events are debounced into batches of changed paths (relative to the source).
 */
import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { fnmatchRegExp } from '../read/entry-filter.js';

/** Names ignored wherever they appear in a path. */
const IGNORED_NAMES = new Set(['.git', '.svn', '.hg', 'node_modules', '.utterson-cache', '.jekyll-cache', '.sass-cache']);

export interface IgnoreOptions {
  source: string;
  destination: string;
  /** The config's `exclude` list (relative paths or fnmatch patterns). */
  exclude?: string[];
  /** Absolute configuration files. */
  configFiles?: string[];
}

/** A predicate on absolute paths: true when a change there must not trigger a rebuild. */
export function watchIgnore(options: IgnoreOptions): (absolute: string) => boolean {
  const source = path.resolve(options.source);
  const dest = path.resolve(options.destination);
  // writer.ts stages beside the destination as `.<name>.utterson-staging-<pid>` (and `…-old`).
  const staging = new RegExp(`^\\.${escapeRegExp(path.basename(dest))}\\.utterson-staging-`);
  const configFiles = new Set((options.configFiles ?? []).map((f) => path.resolve(f)));
  const excludes = (options.exclude ?? []).map((pattern) => {
    const literal = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const re = fnmatchRegExp(literal);
    return (rel: string) => rel === literal || rel.startsWith(`${literal}/`) || re.test(rel);
  });
  return (absolute) => {
    const abs = path.resolve(absolute);
    if (abs === dest || abs.startsWith(dest + path.sep)) return true;
    if (configFiles.has(abs)) return true;
    const rel = path.relative(source, abs);
    if (rel === '') return false;
    const segments = rel.split(path.sep);
    if (segments.some((s) => IGNORED_NAMES.has(s) || staging.test(s))) return true;
    if (rel.startsWith('..')) return false; // outside the source (a watched parent of the staging dir): nothing to match
    const posix = segments.join('/');
    return excludes.some((m) => m(posix));
  };
}

export interface SourceWatcherOptions extends IgnoreOptions {
  /** Quiet time after the last event before a batch is delivered. */
  debounceMs?: number;
  /** Longest a batch may be held back by a steady stream of events. */
  maxWaitMs?: number;
  onChange(paths: string[]): void;
  onError?(err: Error): void;
}

export interface SourceWatcher {
  close(): Promise<void>;
}

const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

/** Starts watching; resolves once the initial scan is done, so later edits are seen. */
export async function watchSource(options: SourceWatcherOptions): Promise<SourceWatcher> {
  const { debounceMs = 20, maxWaitMs = 1000 } = options;
  const source = path.resolve(options.source);
  const ignored = watchIgnore(options);
  const watcher: FSWatcher = watch(source, { ignored: (p: string) => ignored(p), ignoreInitial: true, persistent: true });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;

  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    const paths = [...pending].sort();
    pending.clear();
    options.onChange(paths);
  };
  const note = (file: string) => {
    if (pending.size === 0) firstAt = Date.now();
    pending.add(path.relative(source, file).split(path.sep).join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - Date.now())));
  };
  // chokidar drops a `change` that follows another on the same file within 50 ms (a leading
  // throttle with no trailing event), so a quick second save would be lost. Look again once
  // that window has passed and report the file if it changed since the event we saw.
  const seen = new Map<string, { mtimeMs: number; size: number; timer: NodeJS.Timeout }>();
  const mtimeOf = (file: string) => {
    try {
      const st = fs.statSync(file);
      return { mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      return undefined;
    }
  };
  const recheck = (file: string) => {
    const before = seen.get(file);
    if (!before) return;
    seen.delete(file);
    const now = mtimeOf(file);
    if (now && (now.mtimeMs !== before.mtimeMs || now.size !== before.size)) note(file);
  };
  watcher.on('all', (event, file) => {
    note(file);
    if (event !== 'change') return;
    const stat = mtimeOf(file);
    const prior = seen.get(file);
    if (prior) clearTimeout(prior.timer);
    if (stat) seen.set(file, { ...stat, timer: setTimeout(() => recheck(file), CHOKIDAR_CHANGE_THROTTLE_MS + 10) });
  });
  watcher.on('error', (err) => options.onError?.(err as Error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      if (timer) clearTimeout(timer);
      for (const { timer: t } of seen.values()) clearTimeout(t);
      seen.clear();
      pending.clear();
      await watcher.close();
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
