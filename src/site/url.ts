/**
 * Jekyll's `URL`: fills a permalink template from placeholders, escapes each value as
 * Addressable's path encoding does, and sanitizes the result.
 */

// Addressable's PATH character class (unreserved + sub-delims + ":@/"), plus "?" which it
// leaves alone because it starts the query part.
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const ALL_SAFE = /^[a-zA-Z0-9./-]+$/;

export function escapePath(value: string): string {
  if (value === '' || ALL_SAFE.test(value)) return value;
  let out = '';
  for (const ch of value) {
    if (PATH_SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function unescapePath(value: string): string {
  if (!value.includes('%')) return value;
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (seq) => {
    try {
      return decodeURIComponent(seq);
    } catch {
      return seq;
    }
  });
}

/** `"/#{str}".gsub("..", "/").gsub("./", "").squeeze("/")` */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}

export type Placeholders = Record<string, string | null | undefined>;

/** A permalink template split at its `:name`s once (every document of a collection shares one). */
const TEMPLATES = new Map<string, Array<string | { name: string; match: string }>>();

function templateParts(template: string): Array<string | { name: string; match: string }> {
  let parts = TEMPLATES.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const m of template.matchAll(/:([a-z_]+)/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ name: m[1], match: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (TEMPLATES.size >= 1000) TEMPLATES.clear(); // front matter permalinks: keep the cache bounded
  TEMPLATES.set(template, parts);
  return parts;
}

/** For documents (UrlDrop): every `:name` must be a known placeholder. */
export function fillFromDrop(template: string, placeholders: Placeholders, where: string): string {
  let out = '';
  for (const part of templateParts(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { name, match } = part;
    // `:title_` is `:title` followed by `_` when there is no `title_` placeholder
    const winner = name in placeholders ? name : name.endsWith('_') && name.slice(0, -1) in placeholders ? name.slice(0, -1) : undefined;
    if (winner === undefined) {
      const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
      throw new Error(`The URL template doesn't have ${pool.join(' or ')} keys. Check your permalink template! (${where})`);
    }
    const escaped = escapePath(placeholders[winner] ?? '');
    // (a function: a `$&` in the value is text, as in Ruby's sub)
    out += match.replace(`:${winner}`, () => escaped);
  }
  return out;
}

/** For pages and static files (a plain hash): replace in key order; a nil value drops `/:key`. */
export function fillFromHash(template: string, placeholders: Placeholders): string {
  let result = template;
  for (const [key, value] of Object.entries(placeholders)) {
    if (!result.includes(':')) break;
    if (value === null || value === undefined) result = result.replaceAll(`/:${key}`, '');
    else result = result.replaceAll(`:${key}`, escapePath(value));
  }
  return result;
}

export function generateUrl(
  template: string,
  permalink: string | undefined,
  fill: (t: string) => string,
): string {
  return sanitizeUrl(permalink ? fill(permalink) : fill(template));
}

/** Utils.add_permalink_suffix */
export function addPermalinkSuffix(template: string, style: string): string {
  if (style === 'pretty') return `${template}/`;
  if (style === 'date' || style === 'ordinal' || style === 'none') return `${template}:output_ext`;
  let out = template;
  if (style.endsWith('/')) out += '/';
  if (style.endsWith(':output_ext')) out += ':output_ext';
  return out;
}
