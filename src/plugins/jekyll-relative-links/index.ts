/**
 * jekyll-relative-links: Markdown links to source files (`[x](other.md)`, `[x]: ../a.md`)
 * are rewritten to the URLs those files get, before rendering. Regular expressions are the
 * plugin's, with Ruby's `.`, `\s`, `^` and `$` spelled out for JavaScript.
 */
import path from 'node:path';
import { relativeUrl } from '../../liquid/filters/url.js';
import { cgiUnescape, isAbsoluteUrl } from '../../liquid/filters/url.js';
import { EntryFilter } from '../../read/entry-filter.js';
import type { Document } from '../../site/document.js';
import { Excerpt } from '../../site/excerpt.js';
import type { Page } from '../../site/page.js';
import { allDocuments, type Site } from '../../site/site.js';
import { isHash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { isMarkdownExt } from '../shared/generated-page.js';

const S = '[ \\t\\r\\n\\f\\v]';
const BOL = '(?:(?<=\\n)|(?<![\\s\\S]))';
const EOL = '(?=\\n|(?![\\s\\S]))';
const TEXT = '([^\\n]*?)';
const FRAGMENT = '(#[^\\n]+?|)?';
// The second alternative opens with `"` and closes with `'`, as in the plugin.
const TITLE = `(${S}+"(?:\\\\"|[^"])*(?<!\\\\)"|${S}+"(?:\\\\'|[^'])*(?<!\\\\)')?`;
const INLINE = `\\[${TEXT}\\]\\(([^)]+?)${FRAGMENT}${TITLE}\\)`;
const REFERENCE = `${BOL}${S}*?\\[${TEXT}\\]: ([^\\n]+?)${FRAGMENT}${TITLE}${S}*?${EOL}`;
export const LINK_REGEX = new RegExp(`(${INLINE}|${REFERENCE})`, 'g');

type Item = Page | Document;
interface Target {
  relativePath: string;
  url: string;
}

function option(site: Site, key: string): unknown {
  const c = site.ctx.config.relative_links;
  return isHash(c) ? c[key] : undefined;
}

/** File.dirname */
function dirname(p: string): string {
  const d = path.posix.dirname(p);
  return d;
}

/** Generator#path_from_root: the link's path relative to the source, `..` resolved. */
export function pathFromRoot(link: string, urlBase: string): string {
  const absolute = link.startsWith('/');
  const rel = link.replace(/^\//, '');
  const base = absolute ? '' : urlBase;
  // File.expand_path against the working directory, which is then cut off again.
  const root = '/__source__';
  const resolved = path.posix.resolve(root, base, rel);
  return resolved.startsWith(`${root}/`) ? resolved.slice(root.length + 1) : resolved;
}

export function replaceRelativeLinks(content: string, relativePath: string, urlFor: (p: string) => string | undefined): string {
  const urlBase = dirname(relativePath);
  return content.replace(LINK_REGEX, (original, ...groups: (string | undefined)[]) => {
    const inline = groups[1] !== undefined;
    const [text, linkPath, fragment, title] = inline ? groups.slice(1, 5) : groups.slice(5, 9);
    if (linkPath === undefined || linkPath.startsWith('#') || isAbsoluteUrl(linkPath)) return original;
    const url = urlFor(pathFromRoot(linkPath, urlBase));
    if (url === undefined) return original;
    const target = url + (fragment ?? '');
    return inline ? `[${text}](${target}${title ?? ''})` : `\n[${text}]: ${target}${title ?? ''}`;
  });
}

export function rewriteRelativeLinks(site: Site): void {
  if (option(site, 'enabled') === false) return;
  const docsToWrite = allDocuments(site).filter((d) => d.write);
  const items: Item[] = [...site.pages];
  if (option(site, 'collections') === true) items.push(...docsToWrite);
  let targets: Target[] | undefined;
  const urlFor = (p: string): string | undefined => {
    targets ??= [...site.pages, ...site.staticFiles, ...docsToWrite].map((t) => ({ relativePath: t.relativePath, url: t.url }));
    const wanted = cgiUnescape(p);
    const target = targets.find((t) => t.relativePath.replace(/^\//, '') === wanted);
    return target?.url ? (relativeUrl(target.url, site.ctx.config.baseurl) ?? undefined) : undefined;
  };
  const exclude = option(site, 'exclude');
  const excluded = Array.isArray(exclude) ? new EntryFilter(site.ctx.source, exclude.map(String), []) : undefined;
  for (const item of items) {
    const isPage = !('collection' in item);
    if (!isMarkdownExt(site, isPage ? item.ext : item.extname)) continue;
    if (excluded?.isIncluded(item.relativePath)) continue;
    item.content = replaceRelativeLinks(item.content, item.relativePath, urlFor);
    if (!isPage && item.data.excerpt) item.data.excerpt = new Excerpt(item);
  }
}

// `rewritesContent` (incremental rebuilds) is typed here too until the interface has it.
export const relativeLinksPlugin: Plugin & { rewritesContent?: boolean } = {
  rewritesContent: true,
  name: 'jekyll-relative-links',
  generate: rewriteRelativeLinks,
};
