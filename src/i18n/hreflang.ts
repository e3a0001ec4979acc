/**
 * `<link rel="alternate" hreflang>` sets (what search engines read to tell translations apart):
 * every language version of a page, itself included, and `x-default` for the default language.
 */
import { onePerLanguage } from './pairing.js';

export interface HreflangMember {
  lang: string;
  /** Site-relative URL (`/ko/about/`), or an absolute one. */
  url: string;
}

export interface HreflangOptions {
  /** `url:` from the config (`https://example.com`); empty gives root-relative links. */
  siteUrl?: unknown;
  baseurl?: unknown;
  defaultLang: string;
}

/** The link set for a group, in the group's order, then `x-default`; empty for fewer than two languages. */
export function hreflangLinks(members: readonly HreflangMember[], opts: HreflangOptions): string {
  const versions = onePerLanguage(members);
  if (versions.length < 2) return '';
  const link = (lang: string, url: string) => `<link rel="alternate" hreflang="${escapeAttr(lang)}" href="${escapeAttr(absoluteUrl(url, opts.siteUrl, opts.baseurl))}">`;
  const lines = versions.map((m) => link(m.lang, m.url));
  const fallback = versions.find((m) => m.lang === opts.defaultLang);
  if (fallback) lines.push(link('x-default', fallback.url));
  return lines.join('\n');
}

/** `site.url` + `baseurl` + the URL, as `absolute_url` joins them; non-ASCII is percent-encoded. */
export function absoluteUrl(url: string, siteUrl: unknown, baseurl: unknown): string {
  const encoded = url.replace(/[^\x00-\x7f]+/g, (s) => encodeURIComponent(s));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(encoded)) return encoded;
  const root = typeof siteUrl === 'string' ? siteUrl.replace(/\/+$/, '') : '';
  const base = typeof baseurl === 'string' && baseurl !== '' && baseurl !== '/' ? `/${baseurl.replace(/^\/+|\/+$/g, '')}` : '';
  const pathPart = encoded.startsWith('/') ? encoded : `/${encoded}`;
  return `${root}${base}${pathPart}`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
