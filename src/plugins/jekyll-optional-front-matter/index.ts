/**
 * jekyll-optional-front-matter: Markdown files without front matter (read as static files)
 * become pages too, except README, LICENSE and the like unless `include:` names them.
 * `optional_front_matter: { remove_originals: true }` stops copying the Markdown source.
 */
import { EntryFilter } from '../../read/entry-filter.js';
import type { Site } from '../../site/site.js';
import type { StaticFile } from '../../site/static-file.js';
import { isHash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { isMarkdownExt, pageFromFile } from '../shared/generated-page.js';

export const FILENAME_BLACKLIST = new Set(['README', 'LICENSE', 'LICENCE', 'COPYING', 'CODE_OF_CONDUCT', 'CONTRIBUTING', 'ISSUE_TEMPLATE', 'PULL_REQUEST_TEMPLATE']);

function option(site: Site, key: string): unknown {
  const c = site.ctx.config.optional_front_matter;
  return isHash(c) ? c[key] : undefined;
}

function blacklisted(site: Site, file: StaticFile): boolean {
  const include = site.ctx.config.include;
  if (Array.isArray(include) && new EntryFilter(site.ctx.source, include.map(String), []).isIncluded(file.relativePath.replace(/^\//, ''))) return false;
  return FILENAME_BLACKLIST.has(file.basename.toUpperCase());
}

export function addOptionalFrontMatterPages(site: Site): void {
  const requireFrontMatter = Boolean(site.ctx.config.require_front_matter);
  if (option(site, 'enabled') === false || requireFrontMatter) return;
  const markdown = site.staticFiles.filter((f) => isMarkdownExt(site, f.extname) && !blacklisted(site, f));
  for (const f of markdown) site.pages.push(pageFromFile(site, f.path, f.dir, f.name));
  if (option(site, 'remove_originals') === true || requireFrontMatter) {
    const gone = new Set(markdown);
    site.staticFiles = site.staticFiles.filter((f) => !gone.has(f));
  }
}

export const optionalFrontMatterPlugin: Plugin = {
  name: 'jekyll-optional-front-matter',
  generate: addOptionalFrontMatterPages,
};
