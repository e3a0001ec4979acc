/**
 * Content types by extension: the small table a static blog needs. Text types carry
 * `charset=utf-8` because Jekyll writes UTF-8 (its servlet adds the charset for html too).
 */
import path from 'node:path';

export const DEFAULT_MIME_TYPE = 'application/octet-stream';

const TEXT = (type: string) => `${type}; charset=utf-8`;

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': TEXT('text/html'),
  '.htm': TEXT('text/html'),
  '.xhtml': TEXT('application/xhtml+xml'),
  '.css': TEXT('text/css'),
  '.js': TEXT('text/javascript'),
  '.mjs': TEXT('text/javascript'),
  '.json': TEXT('application/json'),
  '.map': TEXT('application/json'),
  '.webmanifest': TEXT('application/manifest+json'),
  '.xml': TEXT('application/xml'),
  '.rss': TEXT('application/rss+xml'),
  '.atom': TEXT('application/atom+xml'),
  '.txt': TEXT('text/plain'),
  '.md': TEXT('text/markdown'),
  '.svg': TEXT('image/svg+xml'),
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
};

export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? DEFAULT_MIME_TYPE;
}

export function isHtml(type: string): boolean {
  // Only text/html: an XHTML page is parsed as XML, where an injected inline script could break it.
  return type.startsWith('text/html');
}
