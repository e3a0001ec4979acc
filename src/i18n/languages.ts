/**
 * Which languages a site is written in, and which one a document or page is in.
 * The MrGreen convention: `<lang>/_posts/…` and `<lang>/page.md` for every language but the
 * default, `_data/lang/<lang>.yml` for the UI strings, `lang:` front matter to override.
 */
import { isHash, type Hash } from '../utils/merge.js';

export interface LanguageSettings {
  /** In the site's order (the order translations are listed in); the default is always present. */
  languages: string[];
  defaultLang: string;
  /** Whether the site names its languages (`languages:` or `_data/lang/`); only then are unknown ones reported. */
  explicit: boolean;
}

/** `languages:` may be a list, a comma/space separated string, or a hash keyed by language (Hugo style). */
export function parseLanguageList(value: unknown): string[] {
  let raw: unknown[] = [];
  if (Array.isArray(value)) raw = value.map((v) => (isHash(v) ? (v.code ?? v.lang ?? v.id) : v));
  else if (typeof value === 'string') raw = value.split(/[\s,]+/);
  else if (isHash(value)) raw = Object.keys(value);
  const out: string[] = [];
  for (const v of raw) {
    if (v === null || v === undefined || typeof v === 'object') continue;
    const s = String(v).trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * `languages:` (with `default_lang:`) from the config, else the keys of `site.data.lang`
 * (one file per language under `_data/lang/`). The default falls back to the first language,
 * then to the site-wide `lang:` (jekyll-seo-tag's convention), then to `en`.
 */
export function languageSettings(config: Hash, data: Hash): LanguageSettings {
  let languages = parseLanguageList(config.languages);
  if (languages.length === 0 && isHash(data.lang)) languages = parseLanguageList(data.lang);
  const explicit = languages.length > 0;
  const configured = scalar(config.default_lang);
  const defaultLang = configured ?? languages[0] ?? scalar(config.lang) ?? 'en';
  const found = findLanguage(defaultLang, languages);
  if (found === undefined) languages = [defaultLang, ...languages];
  return { languages, defaultLang: found ?? defaultLang, explicit };
}

/** The configured spelling of `lang` (case-insensitive: `pt-br` finds `pt-BR`), or undefined. */
export function findLanguage(lang: string, languages: readonly string[]): string | undefined {
  if (languages.includes(lang)) return lang;
  const lower = lang.toLowerCase();
  return languages.find((l) => l.toLowerCase() === lower);
}

export type LanguageSource = 'front matter' | 'path' | 'default';

export interface DetectedLanguage {
  lang: string;
  source: LanguageSource;
  /** Set when front matter names a language the site does not list (and the site lists its languages). */
  unknown?: boolean;
}

/**
 * The language of one document or page: `lang` (or `lng`) front matter, else the first segment
 * of its path when that is a language of the site, else the default language.
 * `relativePath` is relative to the source (pages) or the collections directory (documents).
 */
export function detectLanguage(data: { lang?: unknown; lng?: unknown }, relativePath: string, settings: LanguageSettings): DetectedLanguage {
  const declared = scalar(data.lang) ?? scalar(data.lng);
  if (declared !== undefined) {
    const known = findLanguage(declared, settings.languages);
    if (known !== undefined) return { lang: known, source: 'front matter' };
    return { lang: declared, source: 'front matter', unknown: settings.explicit };
  }
  const trimmed = relativePath.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  if (slash > 0) {
    const segment = settings.languages.includes(trimmed.slice(0, slash)) ? trimmed.slice(0, slash) : undefined;
    if (segment !== undefined) return { lang: segment, source: 'path' };
  }
  return { lang: settings.defaultLang, source: 'default' };
}

/** Position of a language in the site's order; unknown languages sort after, by name. */
export function compareLanguages(a: string, b: string, languages: readonly string[]): number {
  const ia = languages.indexOf(a);
  const ib = languages.indexOf(b);
  const ra = ia < 0 ? Infinity : ia;
  const rb = ib < 0 ? Infinity : ib;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined || value === false || typeof value === 'object') return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}
