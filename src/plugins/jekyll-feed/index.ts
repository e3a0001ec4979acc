/**
 * jekyll-feed: an Atom feed page per configured collection (posts by default) and category,
 * optionally per tag, rendered from the plugin's template; `{% feed_meta %}` links to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context, Emitter } from 'liquidjs';
import { Page } from '../../site/page.js';
import { posts, type Site } from '../../site/site.js';
import { isHash, type Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { siteAbsoluteUrl } from '../shared/url.js';
import { ownField, rememberView } from '../shared/view-items.js';
import { FEED_TEMPLATE, MINIFY } from './template.js';

interface CollectionMeta {
  path: unknown;
  categories: string[];
}

function feedConfig(site: Site): Hash {
  const c = site.ctx.config.feed;
  return isHash(c) ? c : {};
}

/** Generator#collections: collection name → { path, categories }, posts last unless configured. */
export function feedCollections(config: Hash): Map<string, CollectionMeta> {
  const raw = config.collections;
  const entries: [string, Hash][] = Array.isArray(raw)
    ? raw.map((c) => [String(c), {}])
    : isHash(raw)
      ? Object.entries(raw).map(([k, v]) => [k, isHash(v) ? { ...v } : {}])
      : [];
  const map = new Map<string, Hash>(entries);
  // normalize_posts_meta: posts always has a feed; the top-level path/categories apply to it.
  if (!map.has('posts')) map.set('posts', {});
  const postsMeta = map.get('posts')!;
  postsMeta.path ??= config.path;
  postsMeta.categories ??= config.categories;
  const out = new Map<string, CollectionMeta>();
  for (const [name, meta] of map) {
    const cats = Array.isArray(meta.categories) ? meta.categories.map(String) : [];
    out.set(name, { path: meta.path, categories: [...new Set(cats)] });
  }
  return out;
}

/** Generator#feed_path */
export function feedPath(collections: Map<string, CollectionMeta>, collection: string, category: string | null): string {
  const prefix = collection === 'posts' ? '/feed' : `/feed/${collection}`;
  if (category !== null) return `${prefix}/${category}.xml`;
  const p = collections.get(collection)?.path;
  return p === undefined || p === null || p === false ? `${prefix}.xml` : String(p);
}

/** Site#tags keys: tags in order of first appearance over posts, oldest first. */
function siteTags(site: Site): string[] {
  const tags = new Set<string>();
  for (const doc of posts(site).docs) {
    const t = doc.data.tags;
    if (Array.isArray(t)) for (const v of t) tags.add(String(v));
  }
  return [...tags];
}

function makePage(site: Site, filePath: string, data: Hash): Page {
  // PageWithoutAFile.new(site, __dir__, "", path): the whole path is the page's name.
  const page = new Page(site.ctx, path.join(site.ctx.source, filePath), '', filePath);
  page.read(
    {
      layout: null,
      sitemap: false,
      xsl: sourceFileExists(site, 'feed.xslt.xml'),
      collection: 'posts',
      category: null,
      tags: null,
      ...data,
    },
    FEED_TEMPLATE.replace(MINIFY, ''),
  );
  return page;
}

function sourceFileExists(site: Site, file: string): boolean {
  return fs.existsSync(path.join(site.ctx.source, file));
}

export function generateFeeds(site: Site): void {
  const config = feedConfig(site);
  if (config.disable_in_development && (process.env.JEKYLL_ENV || 'development') === 'development') return;
  const collections = feedCollections(config);
  for (const [name, meta] of collections) {
    for (const category of [...meta.categories, null]) {
      const p = feedPath(collections, name, category);
      if (sourceFileExists(site, p)) continue;
      site.pages.push(makePage(site, p, { collection: name, category }));
    }
  }
  const allTags = siteTags(site);
  if (config.tags && allTags.length > 0) {
    const tagsConfig = isHash(config.tags) ? config.tags : {};
    const except = Array.isArray(tagsConfig.except) ? tagsConfig.except.map(String) : [];
    const only = Array.isArray(tagsConfig.only) ? tagsConfig.only.map(String) : allTags;
    const tagsPath = tagsConfig.path === undefined || tagsConfig.path === null ? '/feed/by_tag/' : String(tagsConfig.path);
    for (const tag of only.filter((t) => !except.includes(t))) {
      // Only simple tag names get a feed, to keep its path simple.
      if (/[^a-zA-Z0-9_]/.test(tag)) continue;
      const p = `${tagsPath}${tag}.xml`;
      if (sourceFileExists(site, p)) continue;
      site.pages.push(makePage(site, p, { tags: tag }));
    }
  }
}

/** Ruby's `encode(xml: :attr)`: escaped and wrapped in double quotes. */
function xmlAttr(value: string): string {
  return `"${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}"`;
}

/** JekyllFeed::MetaTag */
export function feedMeta(site: Site): string {
  const config = site.ctx.config;
  const feed = feedConfig(site);
  const p = feed.path ?? 'feed.xml';
  const title = config.title ?? config.name;
  const attrs: [string, unknown][] = [
    ['type', 'application/atom+xml'],
    ['rel', 'alternate'],
    ['href', siteAbsoluteUrl(site, p)],
  ];
  if (title !== undefined && title !== null && title !== false) attrs.push(['title', title]);
  return `<link ${attrs.map(([k, v]) => `${k}=${xmlAttr(v === null || v === undefined ? '' : String(v))}`).join(' ')} />`;
}

export const feedPlugin: Plugin = {
  name: 'jekyll-feed',
  generate: generateFeeds,
  decorateView: (item, view) => rememberView(item, view),
  registerLiquid(liquid, site) {
    liquid.registerFilter('utterson_own_lang', { fn: (post) => ownField(post, 'lang') ?? null, min: 0, max: 0 });
    liquid.engine.registerTag('feed_meta', {
      parse() {},
      render(_ctx: Context, emitter: Emitter) {
        emitter.write(feedMeta(site));
      },
    });
  },
};
