/**
 * A quick count of the files in `_posts` folders (the site's own and `<dir>/_posts`, as in
 * translated blogs) and their size, taken before reading: it decides whether render workers
 * start reading beside the main thread, and how many, before the real read can say. It is
 * only an estimate (sizes of a large census are sampled): the decision is checked again once
 * the site is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFolder } from '../utils/list-folder.js';

export interface PostCensus {
  files: number;
  bytes: number;
  /** The regular files counted (symlinks are left out), absolute. */
  paths: string[];
}

/** Files whose size is asked for; a larger census is extrapolated from evenly spaced ones. */
const SIZE_SAMPLE = 256;

export function countPosts(source: string): PostCensus {
  // (a walk of the folders' listings, no stat per file: one lstat per post was most of the
  // census's ~90 ms at 6,000 posts, and fast-glob's own work ~20 ms of what was left)
  const found: string[] = [];
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const e of listFolder(dir)) {
      if (e.name.startsWith('.')) continue;
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else {
        found.push(p);
        if (!e.isSymbolicLink()) paths.push(p);
      }
    }
  };
  const root = path.resolve(source);
  // `_posts/**/*` and `*/_posts/**/*`, hidden names left out, symlinked folders not followed
  const walkFolder = (dir: string) => {
    if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  };
  walkFolder(`${root}/_posts`);
  for (const d of listFolder(root)) if (d.isDirectory() && !d.name.startsWith('.')) walkFolder(`${root}/${d.name}/_posts`);
  const step = Math.max(1, found.length / SIZE_SAMPLE);
  let sampled = 0;
  let sampledBytes = 0;
  for (let i = 0; i < found.length; i += step) {
    sampled++;
    sampledBytes += fs.lstatSync(found[Math.floor(i)], { throwIfNoEntry: false })?.size ?? 0;
  }
  const bytes = sampled === 0 ? 0 : Math.round((sampledBytes * found.length) / sampled);
  return { files: found.length, bytes, paths };
}
