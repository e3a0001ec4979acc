/**
 * jekyll-sitemap: adds /sitemap.xml (and /robots.txt) unless a page or static file already
 * has that URL. Documents, HTML pages and .html/.htm/.xhtml/.pdf static files are listed
 * unless `sitemap: false`.
 */
import type { Site } from '../../site/site.js';
import type { Plugin } from '../plugin.js';
import { pageWithoutAFile } from '../shared/generated-page.js';
import { MINIFY, ROBOTS_TEMPLATE, SITEMAP_TEMPLATE } from './template.js';
import { staticFileView } from '../../render/payload.js';

const INCLUDED_EXTENSIONS = new Set(['.htm', '.html', '.xhtml', '.pdf']);

export function generateSitemap(site: Site): void {
  const urls = new Set([...site.pages.map((p) => p.url), ...site.staticFiles.map((f) => f.url)]);
  const exists = (file: string) => urls.has(`/${file}`);
  if (!exists('sitemap.xml')) {
    const staticFiles = site.staticFiles.filter((f) => INCLUDED_EXTENSIONS.has(f.extname)).map(staticFileView);
    site.pages.push(
      pageWithoutAFile(site, '', 'sitemap.xml', { layout: null, static_files: staticFiles, xsl: exists('sitemap.xsl') }, SITEMAP_TEMPLATE.replace(MINIFY, '')),
    );
  }
  if (!exists('robots.txt')) site.pages.push(pageWithoutAFile(site, '', 'robots.txt', { layout: null }, ROBOTS_TEMPLATE));
}

export const sitemapPlugin: Plugin = {
  name: 'jekyll-sitemap',
  generate: generateSitemap,
};
