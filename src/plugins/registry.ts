/** The built-in plugins, in the order their hooks run. */
import type { Plugin } from './plugin.js';
import { redirectFromPlugin } from './jekyll-redirect-from/index.js';
import { paginatePlugin } from './jekyll-paginate/index.js';
import { feedPlugin } from './jekyll-feed/index.js';
import { seoTagPlugin } from './jekyll-seo-tag/index.js';
import { sitemapPlugin } from './jekyll-sitemap/index.js';
import { translationsPlugin } from './translations/index.js';

export const BUILT_IN_PLUGINS: Plugin[] = [
  redirectFromPlugin,
  paginatePlugin,
  sitemapPlugin,
  feedPlugin,
  seoTagPlugin,
  translationsPlugin,
];
