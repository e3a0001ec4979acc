/**
 * `build --incremental` across runs: what a build read (every input file's size, mtime and
 * hash), what each output depended on, and the converted content other outputs read, kept in
 * `.utterson-cache/` under the source. The next build re-reads the site, finds the inputs that
 * changed, and lets the IncrementalBuilder re-render only what depends on them; anything it
 * cannot do exactly (front matter, added or removed files, config) is a full build.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listFolder } from '../utils/list-folder.js';

export const CACHE_DIR = '.utterson-cache';
const CACHE_FILE = 'incremental-v1.json';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface ItemRecord {
  layouts: string[];
  includes: string[];
  /** Paths of the items whose content this output read. */
  contentOf: string[];
  data: boolean;
  time?: boolean;
  /** Fingerprint of the item's front matter when it was rendered. */
  frontMatter: string;
}

export interface IncrementalCache {
  version: 1;
  /** Identifies the configuration and Utterson's version: any change means a full build. */
  key: string;
  destination: string;
  /** `site.time` of the build in ms (outputs that read it are re-rendered when it moves). */
  time: string;
  orderSensitive: boolean;
  /** Every input file the build read: absolute path → stamp. */
  files: Record<string, FileStamp>;
  /** Every rendered item by its source path. */
  items: Record<string, ItemRecord>;
  /** Converted content of the items that other outputs read. */
  contents: Record<string, string>;
  /** Output paths (relative to the destination) the build wrote. */
  outputs: string[];
}

export function cachePath(source: string): string {
  return path.join(source, CACHE_DIR, CACHE_FILE);
}

export function loadCache(source: string): IncrementalCache | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(cachePath(source), 'utf8')) as IncrementalCache;
    return data.version === 1 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Written through a temporary file and a rename, so a killed build never leaves half a cache. */
export function saveCache(source: string, cache: IncrementalCache): void {
  const file = cachePath(source);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const gitignore = path.join(path.dirname(file), '.gitignore');
  if (!fs.existsSync(gitignore)) fs.writeFileSync(gitignore, '# Utterson\'s build cache\n*\n');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(cache));
  fs.renameSync(`${file}.tmp`, file);
}

export function hashFile(file: string): string {
  return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
}

export function stampOf(file: string, previous?: FileStamp): FileStamp | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (previous && previous.size === st.size && previous.mtimeMs === st.mtimeMs) return previous;
  return { size: st.size, mtimeMs: st.mtimeMs, hash: hashFile(file) };
}

/** Files below `dir` (recursively), for inputs read as a folder (_data, _sass). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of listFolder(d)) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** A stable key for the configuration a build ran with. */
export function configKey(config: unknown, version: string): string {
  return crypto
    .createHash('sha1')
    .update(version)
    .update(JSON.stringify(config, (_k, v) => (v instanceof Date ? `${v.getTime()}@${(v as { utcOffset?: number }).utcOffset ?? ''}` : v)))
    .digest('hex');
}
