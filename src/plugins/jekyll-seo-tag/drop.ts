/**
 * Jekyll::SeoTag::Drop and its Author, Image and JSON-LD drops: what `{% seo %}` knows about
 * the page, computed lazily in the same order of fallbacks as the plugin. Jekyll's filters
 * (markdownify, strip_html, date_to_xmlschema…) are run through the site's Liquid engine by
 * the caller-supplied `filters`, so they behave exactly as in templates.
 */
import { isAbsoluteUrl, normalizeComponent } from '../../liquid/filters/url.js';
import { isHash, type Hash } from '../../utils/merge.js';
import { truthy } from '../shared/ruby.js';

export interface SeoFilters {
  /** markdownify | strip_html | normalize_whitespace | escape_once */
  formatString(value: unknown): string;
  dateToXmlschema(value: unknown): string;
  absoluteUrl(value: unknown): string | null;
}

export interface SeoInput {
  /** Tag markup (`title=false`). */
  text: string;
  page: Hash;
  site: Hash;
  paginator: Hash | null | undefined;
  /** The page's own `lang` (front matter and defaults), not one another plugin put on its view. */
  pageLang: unknown;
  filters: SeoFilters;
}

const TITLE_SEPARATOR = ' | ';
const HOMEPAGE_OR_ABOUT = /^\/(about\/)?(index.html?)?$/;
const UNRESERVED = 'A-Za-z0-9\\-._~';
const COMPONENT_CHARS = new RegExp(`[${UNRESERVED}!$&'()*+,;=:/?#\\[\\]@]`);

/** Liquid's uri_escape (Addressable's normalize_component). */
export function uriEscape(value: unknown): string {
  return normalizeComponent(value === null || value === undefined ? '' : String(value), COMPONENT_CHARS);
}

function subHash(hash: Hash, key: string): Hash {
  return isHash(hash[key]) ? (hash[key] as Hash) : {};
}

function memo<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

export interface AuthorInfo {
  hash: Hash;
  name: unknown;
  twitter: string | null;
}

/** AuthorDrop: page.author, page.authors[0] or site.author; a string is looked up in site.data.authors. */
export function resolveAuthor(page: Hash, site: Hash): AuthorInfo {
  const sources: unknown[] = [page.author];
  if (Array.isArray(page.authors)) sources.push(page.authors[0]);
  sources.push(site.author);
  const resolved = sources.find((s) => rubyToS(s) !== '');
  let hash: Hash = {};
  if (isHash(resolved)) hash = resolved;
  else if (typeof resolved === 'string') {
    const data = isHash(site.data) ? site.data : {};
    const authors = data.authors;
    const extra = isHash(authors) && isHash(authors[resolved]) ? (authors[resolved] as Hash) : {};
    hash = { name: resolved, ...extra };
  }
  const twitter = hash.twitter ?? hash.name;
  return { hash, name: hash.name, twitter: typeof twitter === 'string' ? twitter.replace(/^@/, '') : null };
}

function rubyToS(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isHash(v)) return Object.keys(v).length === 0 ? '{}' : '{…}';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : '[…]';
  return String(v);
}

export interface ImageInfo {
  /** The image hash (`path` first, then the front matter keys). */
  hash: Hash;
  path: string;
}

/** ImageDrop: `image` as a string or a hash with path/facebook/twitter; nil without a path. */
export function resolveImage(page: Hash, filters: SeoFilters): ImageInfo | null {
  const meta = page.image;
  let hash: Hash;
  if (isHash(meta)) hash = { path: null, ...meta };
  else if (typeof meta === 'string') hash = { path: meta };
  else hash = { path: null };
  const raw = hash.path ?? hash.facebook ?? hash.twitter;
  if (!truthy(raw)) return null;
  const absolute = typeof raw === 'string' && !isAbsoluteUrl(raw) ? filters.absoluteUrl(raw) : raw;
  if (!truthy(absolute)) return null;
  return { hash, path: uriEscape(absolute) };
}

export interface SeoTagView {
  version: string;
  show_title: boolean;
  title: string | null;
  page_title: string | null;
  site_title: string | null;
  description: string | null;
  page_locale: string;
  canonical_url: unknown;
  author: Hash;
  image: Hash | null;
  json_ld: string;
}

export function seoTagView(input: SeoInput, version: string): SeoTagView {
  const { page, site, filters } = input;
  const format = (v: unknown): string | null => {
    const s = filters.formatString(v);
    return s === '' ? null : s;
  };
  const siteTitle = memo(() => format(site.title ?? site.name));
  const siteTagline = memo(() => format(site.tagline));
  const siteDescription = memo(() => format(site.description));
  const pageTitle = memo(() => format(page.title) ?? siteTitle());
  const pageSeo = subHash(page, 'seo');
  const siteSocial = subHash(site, 'social');
  const homepageOrAbout = HOMEPAGE_OR_ABOUT.test(String(page.url ?? ''));

  const pageNumber = (): string | null => {
    const p = input.paginator;
    if (!p || !truthy(p.page)) return null;
    const current = p.page as number;
    const message = typeof site.seo_paginator_message === 'string' ? site.seo_paginator_message : 'Page %<current>s of %<total>s for ';
    if (!(current > 1)) return null;
    return message.replaceAll('%<current>s', String(current)).replaceAll('%<total>s', rubyToS(p.total_pages));
  };

  const baseTitle = memo(() => {
    const st = siteTitle();
    const pt = pageTitle();
    if (st && pt !== st) return pt + TITLE_SEPARATOR + st;
    if (siteDescription() && st) return st + TITLE_SEPARATOR + (siteTagline() ?? siteDescription());
    return pt ?? st;
  });
  const title = (): string | null => {
    const t = baseTitle();
    const n = pageNumber();
    return n !== null ? n + (t ?? '') : t;
  };
  const showTitle = truthy(title()) && !/title=false/i.test(input.text);

  const seoName = memo(() => (truthy(pageSeo.name) ? format(pageSeo.name) : null));
  const name = (): string | null => {
    if (seoName()) return seoName();
    if (!homepageOrAbout) return null;
    if (truthy(siteSocial.name)) return format(siteSocial.name);
    return siteTitle() ?? null;
  };

  const description = memo(() => format(truthy(page.description) ? page.description : page.excerpt) ?? siteDescription());
  const author = resolveAuthor(page, site);
  const image = resolveImage(page, filters);

  const dateModified = (): string | null => {
    const date = [pageSeo.date_modified, page.last_modified_at, page.date].find(truthy);
    return date === undefined ? null : filters.dateToXmlschema(date);
  };
  const datePublished = (): string | null => (truthy(page.date) ? filters.dateToXmlschema(page.date) : null);
  const type = (): unknown => {
    if (truthy(pageSeo.type)) return pageSeo.type;
    if (homepageOrAbout) return 'WebSite';
    if (truthy(page.date)) return 'BlogPosting';
    return 'WebPage';
  };
  const links = (): unknown => {
    if (truthy(pageSeo.links)) return pageSeo.links;
    if (homepageOrAbout && truthy(siteSocial.links)) return siteSocial.links;
    return null;
  };
  const logo = (): string | null => {
    if (!truthy(site.logo)) return null;
    return isAbsoluteUrl(String(site.logo)) ? uriEscape(site.logo) : uriEscape(filters.absoluteUrl(site.logo));
  };
  const pageLang = truthy(input.pageLang) ? input.pageLang : truthy(site.lang) ? site.lang : 'en_US';
  const pageLocale = String([page.locale, site.locale, pageLang].find(truthy)).replaceAll('-', '_');
  const canonicalUrl = memo(() =>
    rubyToS(page.canonical_url) === '' ? rubyToS(filters.absoluteUrl(page.url)).replace(/\/index\.html$/, '/') : page.canonical_url,
  );

  // JSONLDDrop: keys sorted, nils dropped.
  const jsonAuthor = (): Hash | null => {
    if (!truthy(author.name)) return null;
    const t = author.hash.type;
    if (truthy(t) && t !== 'Organization' && t !== 'Person') return null;
    const out: Hash = { '@type': truthy(t) ? t : 'Person', name: author.name };
    if (truthy(author.hash.url)) out.url = author.hash.url;
    return out;
  };
  const jsonImage = (): unknown => {
    if (!image) return null;
    const keys = Object.keys(image.hash);
    if (keys.length === 1) return image.path;
    const out: Hash = {};
    for (const k of keys) if (k !== 'path') out[k] = image.hash[k];
    out.url = image.path;
    out['@type'] = 'imageObject';
    return out;
  };
  const jsonPublisher = (): Hash | null => {
    const l = logo();
    if (!l) return null;
    const out: Hash = { '@type': 'Organization', logo: { '@type': 'ImageObject', url: l } };
    if (truthy(author.name)) out.name = author.name;
    return out;
  };
  const jsonLd: Hash = {
    '@context': 'https://schema.org',
    '@type': type(),
    author: jsonAuthor(),
    dateModified: dateModified(),
    datePublished: datePublished(),
    description: description(),
    headline: pageTitle(),
    image: jsonImage(),
    mainEntityOfPage: type() === 'BlogPosting' || type() === 'CreativeWork' ? { '@type': 'WebPage', '@id': canonicalUrl() } : null,
    name: name(),
    publisher: jsonPublisher(),
    sameAs: links(),
    url: canonicalUrl(),
  };
  const sorted: Hash = {};
  for (const k of Object.keys(jsonLd).sort()) if (jsonLd[k] !== null && jsonLd[k] !== undefined) sorted[k] = jsonLd[k];

  return {
    version,
    show_title: showTitle,
    title: title(),
    page_title: pageTitle(),
    site_title: siteTitle(),
    description: description(),
    page_locale: pageLocale,
    canonical_url: canonicalUrl(),
    author: { ...author.hash, name: author.name ?? null, twitter: author.twitter },
    image: image ? { ...image.hash, path: image.path } : null,
    json_ld: rubyJson(sorted),
  };
}

/** Ruby's to_json for YAML-shaped values (no spaces, non-ASCII kept). */
export function rubyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(rubyJson).join(',')}]`;
  if (isHash(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${rubyJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return JSON.stringify(String(value));
}
