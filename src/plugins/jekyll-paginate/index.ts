/**
 * jekyll-paginate (v1): the `index.html` nearest to `paginate_path` becomes the template;
 * page 1 is that page, pages 2… are copies written at `paginate_path` with `:num` filled.
 */
import path from 'node:path';
import { Page } from '../../site/page.js';
import { posts, type Site } from '../../site/site.js';
import { fillFromHash, generateUrl } from '../../site/url.js';
import { cloneData, type Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { rememberSiteView, siteView } from '../shared/site-view.js';
import { truthy, toI } from '../shared/ruby.js';
import { calculatePages, pagerHash, pagerNumbers } from './pager.js';

/**
 * A pager page: read from the template's file (so `path` and front matter defaults are the
 * template's), placed at the pager's directory. Jekyll sets `dir=` after the relative path
 * was memoized, which is why the two differ.
 */
export class PaginatedPage extends Page {
  private pagedUrl: string | undefined;
  constructor(template: Page, readonly pagerDir: string) {
    super(template.ctx, template.path, template.dir, template.name);
  }
  override get url(): string {
    this.pagedUrl ??= generateUrl(this.template, this.permalink, (t) =>
      fillFromHash(t, { path: this.pagerDir, basename: this.basename, output_ext: this.outputExt }),
    );
    return this.pagedUrl;
  }
}

/** Page#path as Jekyll has it: front matter `path`, else the relative path. */
function pagePath(page: Page): string {
  const p = page.data.path;
  return p === undefined || p === null ? page.relativePath : String(p);
}

function removeLeadingSlash(p: string): string {
  return p.startsWith('/') ? p.slice(1) : p;
}

/** Pager.pagination_candidate?: `index.html` in a folder on the way from the source to paginate_path. */
export function isCandidate(source: string, paginatePathFormat: string, page: Page): boolean {
  if (page.name !== 'index.html') return false;
  const pageDir = path.dirname(path.resolve(source, removeLeadingSlash(pagePath(page))));
  let dir = path.dirname(path.resolve(source, removeLeadingSlash(paginatePathFormat)));
  // Pager.in_hierarchy: walk up from the paginate folder to the file system root.
  while (dir !== path.dirname(dir)) {
    if (pageDir === dir) return true;
    dir = path.dirname(dir);
  }
  return false;
}

/** Pagination#template_page: the candidate with the longest path. */
export function templatePage(site: Site, format: string): Page | undefined {
  const candidates = site.pages.filter((p) => isCandidate(site.ctx.source, format, p));
  return candidates.sort((a, b) => pagePath(b).length - pagePath(a).length)[0];
}

export function paginate(site: Site): void {
  const config = site.ctx.config;
  if (config.paginate === undefined || config.paginate === null || site.pages.length === 0) return;
  const format = String(config.paginate_path ?? '/page:num');
  const template = templatePage(site, format);
  if (!template) {
    site.ctx.diagnostics.push({
      severity: 'warning',
      message: "Pagination: Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.",
    });
    return;
  }
  const perPage = toI(config.paginate);
  const totalPosts = posts(site).docs.filter((d) => !truthy(d.data.hidden)).length;
  const totalPages = calculatePages(totalPosts, perPage);
  const firstUrl = template.url;
  // The same drops as `site.posts`, less hidden ones (`site_payload['site']['posts']`).
  let visible: Hash[] | undefined;
  const allPosts = () => (visible ??= (siteView(site).posts as Hash[]).filter((p) => !truthy(p.hidden)));
  for (let num = 1; num <= totalPages; num++) {
    const numbers = pagerNumbers(num, perPage, totalPosts, totalPages, format, firstUrl);
    if (num === 1) {
      template.pager = pagerHash(numbers, allPosts);
      continue;
    }
    const page = new PaginatedPage(template, pagerDir(format, num));
    page.read(cloneData(template.data), template.content);
    page.pager = pagerHash(numbers, allPosts);
    site.pages.push(page);
  }
}

function pagerDir(format: string, num: number): string {
  const p = format.replace(':num', String(num));
  return p.startsWith('/') ? p : `/${p}`;
}

export const paginatePlugin: Plugin = {
  name: 'jekyll-paginate',
  generate: paginate,
  decorateSite: (view, site) => rememberSiteView(site, view),
};
