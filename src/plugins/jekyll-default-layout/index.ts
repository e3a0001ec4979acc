/**
 * jekyll-default-layout: Markdown pages and posts without a layout (front matter or
 * defaults) get `home` (the site root), `page`, `post` or `default`, whichever exists first.
 */
import type { Document } from '../../site/document.js';
import type { Page } from '../../site/page.js';
import { posts, type Site } from '../../site/site.js';
import type { Plugin } from '../plugin.js';
import { isMarkdownExt } from '../shared/generated-page.js';

export function layoutFor(site: Site, item: Page | Document): string | null {
  const has = (name: string) => site.layouts.has(name);
  const isPage = !('collection' in item);
  if (item.url === '/' && has('home')) return 'home';
  if (isPage && has('page')) return 'page';
  if (!isPage && item.collection.label === 'posts' && has('post')) return 'post';
  if (has('default')) return 'default';
  return null;
}

export function setDefaultLayouts(site: Site): void {
  const items: (Page | Document)[] = [...site.pages, ...posts(site).docs];
  for (const item of items) {
    const isPage = !('collection' in item);
    if (!isMarkdownExt(site, isPage ? item.ext : item.extname)) continue;
    // `to_liquid.key?("layout")`: a page's view includes front matter defaults.
    const specified = isPage ? 'layout' in item.mergedData : 'layout' in item.data;
    if (specified) continue;
    item.data.layout = layoutFor(site, item);
  }
}

// `rewritesContent` (incremental rebuilds) is typed here too until the interface has it.
export const defaultLayoutPlugin: Plugin & { rewritesContent?: boolean } = {
  rewritesContent: true,
  name: 'jekyll-default-layout',
  generate: setDefaultLayouts,
};
