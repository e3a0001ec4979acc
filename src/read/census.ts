/**
 * A quick count of the files in `_posts` folders (the site's own and `<dir>/_posts`, as in
 * translated blogs) and their size, taken before reading: it decides whether render workers
 * start reading beside the main thread, and how many, before the real read can say. It is
 * only an estimate: the decision is checked again once the site is read.
 */
import fg from 'fast-glob';

export interface PostCensus {
  files: number;
  bytes: number;
  /** The regular files counted (symlinks are left out), absolute. */
  paths: string[];
}

export function countPosts(source: string): PostCensus {
  const entries = fg.sync(['_posts/**/*', '*/_posts/**/*'], { cwd: source, onlyFiles: true, dot: false, stats: true, followSymbolicLinks: false, suppressErrors: true, absolute: true });
  let bytes = 0;
  const paths: string[] = [];
  for (const e of entries) {
    bytes += e.stats?.size ?? 0;
    if (!e.dirent.isSymbolicLink()) paths.push(e.path);
  }
  return { files: entries.length, bytes, paths };
}
