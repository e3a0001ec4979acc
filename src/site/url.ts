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

/** For documents (UrlDrop): every `:name` must be a known placeholder. */
export function fillFromDrop(template: string, placeholders: Placeholders, where: string): string {
  return template.replace(/:([a-z_]+)/g, (match, name: string) => {
    const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
    const winner = pool.find((k) => k in placeholders);
    if (winner === undefined) {
      throw new Error(`The URL template doesn't have ${pool.join(' or ')} keys. Check your permalink template! (${where})`);
    }
    const value = placeholders[winner] ?? '';
    return match.replace(`:${winner}`, escapePath(value));
  });
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
