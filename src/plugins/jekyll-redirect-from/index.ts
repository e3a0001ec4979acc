/**
 * jekyll-redirect-from: `redirect_from` adds a page at each old path that sends readers to the
 * item; `redirect_to` turns the item itself into such a page; `redirects.json` maps every
 * redirect (unless `redirect_from: { json: false }` or the source has its own).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Document } from '../../site/document.js';
import type { Page } from '../../site/page.js';
import { allDocuments, type Site } from '../../site/site.js';
import { isHash, type Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { pageWithoutAFile } from '../shared/generated-page.js';
import { siteAbsoluteUrl } from '../shared/url.js';
import { REDIRECT_LAYOUT } from './template.js';

type Item = Document | Page;

function liquidValue(item: Item, key: string): unknown {
  // Page#to_liquid sees front matter defaults; a document's data already holds them.
  return 'collection' in item ? item.data[key] : item.get(key);
}

/** Redirectable#redirect_from: a list, nils dropped. */
export function redirectFromOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null && v !== undefined).map(String);
}

/** Redirectable#redirect_to: the value, or the first non-nil of a list. */
export function redirectToOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.find((x) => x !== null && x !== undefined) : value;
  return v === null || v === undefined ? undefined : String(v);
}

/** RedirectPage#set_paths: the data a redirect page (or a redirected item) gets. */
export function redirectData(site: Site, from: string, to: string): Hash {
  const fromPath = from.startsWith('/') ? from : `/${from}`;
  return {
    sitemap: false,
    layout: 'redirect',
    permalink: fromPath,
    redirect: { from: fromPath, to: /^https?:\/\//.test(to) ? to : siteAbsoluteUrl(site, to) },
  };
}

/** Ruby's Hash#to_json for string keys and values, in insertion order. */
export function redirectsJson(redirects: Map<string, string>): string {
  return `{${[...redirects].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

export function generateRedirects(site: Site): void {
  if (!site.layouts.has('redirect')) {
    site.layouts.set('redirect', {
      name: 'redirect',
      path: path.join(site.ctx.source, '_layouts', 'redirect.html'),
      displayPath: '_layouts/redirect.html',
      data: {},
      content: REDIRECT_LAYOUT,
      contentLine: 0,
    });
  }
  const redirects = new Map<string, string>();
  const items: Item[] = [...allDocuments(site).filter((d) => d.write), ...site.pages];
  for (const item of items) {
    const url = item.url;
    for (const from of redirectFromOf(liquidValue(item, 'redirect_from'))) {
      const data = redirectData(site, from, url);
      site.pages.push(pageWithoutAFile(site, '', 'redirect.html', data, ''));
      const r = data.redirect as Hash;
      redirects.set(String(r.from), String(r.to));
    }
    const to = redirectToOf(liquidValue(item, 'redirect_to'));
    if (to !== undefined) {
      const data = redirectData(site, url, to);
      Object.assign(item.data, data);
      // `doc.content = doc.output = page.output`: the redirect page's empty output.
      item.content = '';
      const r = data.redirect as Hash;
      redirects.set(String(r.from), String(r.to));
    }
  }
  const json = site.ctx.config.redirect_from;
  if (isHash(json) && json.json === false) return;
  if (fs.existsSync(path.join(site.ctx.source, 'redirects.json'))) return;
  site.pages.push(pageWithoutAFile(site, '', 'redirects.json', { layout: null }, redirectsJson(redirects)));
}

// `rewritesContent` (incremental rebuilds) is typed here too until the interface has it.
export const redirectFromPlugin: Plugin & { rewritesContent?: boolean } = {
  rewritesContent: true,
  name: 'jekyll-redirect-from',
  generate: generateRedirects,
};
