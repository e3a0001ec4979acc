/**
 * jekyll-readme-index: a README (in any Markdown extension) becomes its folder's index page
 * when the folder has none. `readme_index: { remove_originals: true }` stops copying the
 * README itself; `with_frontmatter: true` also moves READMEs that have front matter.
 */
import type { Page } from '../../site/page.js';
import type { Site } from '../../site/site.js';
import type { StaticFile } from '../../site/static-file.js';
import { isHash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { pageFromFile } from '../shared/generated-page.js';

function option(site: Site, key: string): unknown {
  const c = site.ctx.config.readme_index;
  return isHash(c) ? c[key] : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `/readme(.md|.markdown|…)$`, case-insensitive. */
function readmeRegex(site: Site): RegExp {
  const exts = [...site.ctx.markdownExts].map(escapeRegExp).join('|');
  return new RegExp(`/readme(${exts})$`, 'i');
}

/** File.dirname for URLs. */
function dirname(url: string): string {
  const i = url.lastIndexOf('/');
  if (i <= 0) return url.startsWith('/') ? '/' : '.';
  return url.slice(0, i);
}

/** Generator#dir_has_index?: a page or file at `dir/` or `dir/index.htm(l)|.xhtml|.xml`. */
function dirHasIndex(site: Site, dir: string): boolean {
  const d = dir.endsWith('/') ? dir : `${dir}/`;
  const re = new RegExp(`^${escapeRegExp(d)}(?:$|index\\.(html?|xhtml|xml)$)`, 'i');
  return [...site.pages, ...site.staticFiles].some((f) => re.test(f.url));
}

/** Page#update_permalink: the page moves to its folder's URL. */
function moveToFolder(page: Page): void {
  page.data.permalink = `${dirname(page.url)}/`;
  // Page memoizes its URL; the plugin recomputes it, so must we.
  (page as unknown as { cachedUrl: string | undefined }).cachedUrl = undefined;
}

export function addReadmeIndexes(site: Site): void {
  if (option(site, 'enabled') === false) return;
  const regex = readmeRegex(site);
  const readmes: StaticFile[] = site.staticFiles.filter((f) => regex.test(f.relativePath));
  for (const readme of readmes) {
    if (dirHasIndex(site, dirname(readme.url))) continue;
    // StaticFile#to_page
    const page = pageFromFile(site, readme.path, readme.dir, readme.name);
    page.data.permalink = `${dirname(readme.url)}/`;
    site.pages.push(page);
    if (option(site, 'remove_originals') === true) site.staticFiles = site.staticFiles.filter((f) => f !== readme);
  }
  if (option(site, 'with_frontmatter') === true) {
    for (const page of site.pages.filter((p) => regex.test(`/${p.data.path ?? p.relativePath}`))) {
      if (dirHasIndex(site, dirname(page.url))) continue;
      moveToFolder(page);
    }
  }
}

export const readmeIndexPlugin: Plugin = {
  name: 'jekyll-readme-index',
  generate: addReadmeIndexes,
};
