/** Jekyll's PageWithoutAFile: a page made by a plugin, with content and data set in code. */
import path from 'node:path';
import { Page } from '../../site/page.js';
import type { Site } from '../../site/site.js';
import type { Hash } from '../../utils/merge.js';

/** A page at `dir/name` (dir `` for the root, or `/feed`) with the given data and content. */
export function pageWithoutAFile(site: Site, dir: string, name: string, data: Hash, content: string): Page {
  const page = new Page(site.ctx, path.join(site.ctx.source, dir, name), dir, name);
  page.read(data, content);
  return page;
}

/** Splits `/feed/by_tag/x.xml` into the dir and name PageWithoutAFile.new(site, base, "", path) ends up with. */
export function splitPagePath(filePath: string): { dir: string; name: string } {
  const i = filePath.lastIndexOf('/');
  if (i < 0) return { dir: '', name: filePath };
  const dir = filePath.slice(0, i).replace(/^\/*/, '/');
  return { dir: dir === '/' ? '' : dir, name: filePath.slice(i + 1) };
}
