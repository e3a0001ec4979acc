/** Jekyll's URL filters (Addressable's normalization) and Liquid's url_encode/url_decode. */
import { rubyToS, RubyError } from '../ruby.js';
import { def, type FilterTable, type FilterThis } from './types.js';

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PATH_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS.replace(/[\]\\^-]/g, '\\$&')}:@/]`);
const QUERY_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS.replace(/[\]\\^-]/g, '\\$&')}:@/?]`);
const COMPONENT_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS.replace(/[\]\\^-]/g, '\\$&')}:/?#\\[\\]@]`);

function encodeByte(ch: string): string {
  return Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** `allowed` over a whole string: such a string (no `%` either) normalizes to itself. */
const ALL_ALLOWED = new Map<RegExp, RegExp>();

/** Addressable's `normalize_component`: encode what the class disallows, tidy existing escapes. */
export function normalizeComponent(s: string, allowed: RegExp): string {
  let whole = ALL_ALLOWED.get(allowed);
  if (!whole) ALL_ALLOWED.set(allowed, (whole = new RegExp(`^${allowed.source}*$`)));
  if (!s.includes('%') && whole.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      const byte = Number.parseInt(s.slice(i + 1, i + 3), 16);
      const c = String.fromCharCode(byte);
      out += byte < 0x80 && new RegExp(`[${UNRESERVED}]`).test(c) ? c : `%${s.slice(i + 1, i + 3).toUpperCase()}`;
      i += 3;
      continue;
    }
    out += allowed.test(ch) ? ch : encodeByte(ch);
    i += ch.length;
  }
  return out;
}

function removeDotSegments(path: string): string {
  if (!/(^|\/)\.\.?(\/|$)/.test(path)) return path;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') out.length > 1 ? out.pop() : undefined;
    else out.push(seg);
  }
  const joined = out.join('/');
  return /\/\.\.?$/.test(path) ? `${joined}/` : joined;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Addressable's `absolute?` (a scheme), raising like Addressable on a malformed scheme. */
export function isAbsoluteUrl(s: string): boolean {
  const m = /^([^:/?#]+):/.exec(s);
  if (!m) return false;
  if (!SCHEME.test(s)) throw new RubyError(`Invalid scheme format: '${m[1]}'`);
  return true;
}

/** `Addressable::URI.parse(s).normalize.to_s` for the URLs Jekyll builds. */
export function normalizeUrl(s: string): string {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(s);
  if (!m) return s;
  const [, scheme, authority, path, query, fragment] = m;
  let out = '';
  const sch = scheme?.toLowerCase();
  if (sch) out += `${sch}:`;
  if (authority !== undefined) {
    let host = authority.toLowerCase();
    if ((sch === 'http' && host.endsWith(':80')) || (sch === 'https' && host.endsWith(':443'))) host = host.replace(/:\d+$/, '');
    out += `//${host}`;
  }
  let p = removeDotSegments(normalizeComponent(path, PATH_CHARS));
  if (p === '' && authority !== undefined && sch && ['http', 'https', 'ftp', 'tftp'].includes(sch)) p = '/';
  out += p;
  if (query !== undefined) out += `?${normalizeComponent(query, QUERY_CHARS)}`;
  if (fragment !== undefined) out += `#${normalizeComponent(fragment, QUERY_CHARS)}`;
  return out;
}

function ensureLeadingSlash(s: string): string {
  return s === '' || s.startsWith('/') ? s : `/${s}`;
}

function urlOf(input: unknown): string {
  if (input && typeof input === 'object' && 'url' in input) return rubyToS((input as { url: unknown }).url);
  return rubyToS(input);
}

export function relativeUrl(input: unknown, baseurl: unknown): string | null {
  if (input === null || input === undefined) return null;
  const s = urlOf(input);
  if (isAbsoluteUrl(s)) return s;
  const base = baseurl === null || baseurl === undefined ? '' : rubyToS(baseurl).replace(/\/$/, '');
  return normalizeUrl(ensureLeadingSlash(base) + ensureLeadingSlash(s));
}

export function absoluteUrl(input: unknown, url: unknown, baseurl: unknown): string | null {
  if (input === null || input === undefined) return null;
  const s = urlOf(input);
  if (isAbsoluteUrl(s)) return s;
  const rel = relativeUrl(s, baseurl)!;
  if (url === null || url === undefined || url === '') return rel;
  return normalizeUrl(rubyToS(url) + rel);
}

/** Ruby's CGI.escape. */
export function cgiEscape(s: string): string {
  return s.replace(/[^ a-zA-Z0-9_.\-~]+/gu, (m) => encodeByte(m)).replace(/ /g, '+');
}

/** Ruby's CGI.unescape. */
export function cgiUnescape(s: string): string {
  const bytes: number[] = [];
  const src = Buffer.from(s.replace(/\+/g, ' '), 'utf8');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(src.subarray(i + 1, i + 3).toString('latin1'))) {
      bytes.push(Number.parseInt(src.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else bytes.push(src[i]);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Ruby's implicit String conversion (CGI.escape takes only Strings). */
function implicitString(v: unknown): string {
  if (typeof v === 'string') return v;
  const cls = v === null || v === undefined ? 'nil' : typeof v === 'number' ? (Number.isInteger(v) ? 'Integer' : 'Float') : typeof v === 'boolean' ? String(v) : Array.isArray(v) ? 'Array' : 'Hash';
  throw new RubyError(`no implicit conversion of ${cls} into String`);
}

export const urlFilters: FilterTable = {
  relative_url: def(function (this: FilterThis, input) {
    return relativeUrl(input, this.env.config.baseurl);
  }),
  absolute_url: def(function (this: FilterThis, input) {
    return absoluteUrl(input, this.env.config.url, this.env.config.baseurl);
  }),
  cgi_escape: def((input) => cgiEscape(implicitString(input))),
  uri_escape: def((input) => normalizeComponent(rubyToS(input), COMPONENT_CHARS)),
  url_encode: def((input) => (input === null || input === undefined ? null : cgiEscape(rubyToS(input)))),
  url_decode: def((input) => (input === null || input === undefined ? null : cgiUnescape(rubyToS(input)))),
};
