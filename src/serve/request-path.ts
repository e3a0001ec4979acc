/**
 * The path of a request, decoded once and checked before it comes near the file system.
 * Refused: anything but origin-form, encoded slashes or backslashes (`%2f`, `%5c`), raw
 * backslashes, control characters (NUL included), malformed escapes, and `..` segments.
 */
import path from 'node:path';

export type RequestPath =
  | { ok: true; /** Decoded, normalized, starting with `/`; a trailing `/` is kept. */ path: string; query: string }
  | { ok: false; status: 400 | 403; reason: string };

export function parseRequestPath(rawUrl: string | undefined): RequestPath {
  const raw = rawUrl ?? '';
  if (!raw.startsWith('/')) return { ok: false, status: 400, reason: 'the request target is not an absolute path' };
  const cut = raw.search(/[?#]/);
  const encoded = cut < 0 ? raw : raw.slice(0, cut);
  const query = cut < 0 || raw[cut] === '#' ? '' : raw.slice(cut).replace(/#.*$/s, '');
  // An encoded separator would turn one segment into two after decoding: refuse rather than guess.
  if (/%(2f|5c)/i.test(encoded) || encoded.includes('\\')) return { ok: false, status: 400, reason: 'encoded or backslash path separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { ok: false, status: 400, reason: 'control character in the path' };
  if (decoded.split('/').some((segment) => segment === '..')) return { ok: false, status: 403, reason: "'..' segment in the path" };
  let normalized = path.posix.normalize(decoded);
  // normalize keeps a trailing slash; it never climbs above `/` for an absolute path, checked anyway.
  if (!normalized.startsWith('/') || normalized.split('/').includes('..')) return { ok: false, status: 403, reason: 'path escapes the site' };
  if (decoded.endsWith('/') && !normalized.endsWith('/')) normalized += '/';
  return { ok: true, path: normalized, query };
}

/** `baseurl` as a mount prefix: `''` or `/blog` (leading slash, no trailing one). */
export function normalizeBaseurl(baseurl: unknown): string {
  if (baseurl === null || baseurl === undefined) return '';
  const s = String(baseurl).trim().replace(/^\/+|\/+$/g, '');
  return s ? `/${s}` : '';
}

/**
 * The part of `requestPath` below the mount `baseurl`: `'/'`-prefixed, or `'redirect'` when the
 * request names the mount itself without its trailing slash, or `undefined` when outside it.
 */
export function stripBaseurl(requestPath: string, baseurl: string): string | 'redirect' | undefined {
  if (!baseurl) return requestPath;
  if (requestPath === baseurl) return 'redirect';
  if (requestPath.startsWith(`${baseurl}/`)) return requestPath.slice(baseurl.length);
  return undefined;
}
