/** Jekyll's PageWithoutAFile: a page made by a plugin, with content and data set in code. */
import path from 'node:path';
import { Page } from '../../site/page.js';
import type { Site } from '../../site/site.js';
import type { Hash } from '../../utils/merge.js';
import { readUtf8, splitFrontMatter } from '../../read/front-matter.js';

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

/** Jekyll::Page.new(site, base, dir, name) for a file read from disk (front matter optional). */
export function pageFromFile(site: Site, absPath: string, dir: string, name: string): Page {
  const page = new Page(site.ctx, absPath, dir, name);
  const split = splitFrontMatter(readUtf8(absPath, page.relativePath), page.relativePath);
  page.read(split.frontMatter, split.content);
  return page;
}

/** Whether a file extension is one the Markdown converter takes (`markdown_ext`, any case). */
export function isMarkdownExt(site: Site, extname: string): boolean {
  return site.ctx.markdownExts.has(extname.toLowerCase());
}
