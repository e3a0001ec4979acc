/**
 * The HTTP side of `serve`: the destination mounted under the baseurl, Jekyll's servlet
 * rules for finding files (see static.ts), the site's 404.html for misses, Jekyll's
 * no-cache headers, and the live-reload endpoint. node:http only.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { clientScript, injectBeforeBodyEnd, LIVERELOAD_PATH, overlayMarkup, sseMessage, type LiveReloadHub } from './livereload.js';
import { isHtml, mimeType } from './mime.js';
import { normalizeBaseurl, parseRequestPath, stripBaseurl } from './request-path.js';
import { resolveStatic } from './static.js';

/** Jekyll's servlet DEFAULTS: a development server must never serve a stale page from cache. */
export const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate',
};

export interface SiteHandlerOptions {
  /** The destination directory (it may be swapped or absent between builds). */
  destination: string;
  baseurl?: string | null;
  /** The live-reload hub when live reload is on. */
  livereload?: LiveReloadHub;
  /** Extra headers (the config's `webrick: headers:`). */
  headers?: Record<string, string>;
  /** The text of the last build's error while it stands, for the overlay. */
  currentError(): string | undefined;
}

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export function createSiteHandler(options: SiteHandlerOptions): RequestHandler {
  const baseurl = normalizeBaseurl(options.baseurl);
  const headers = { ...DEFAULT_HEADERS, ...(options.headers ?? {}) };

  const decorateHtml = (html: string): string => {
    let snippet = '';
    const error = options.currentError();
    if (error !== undefined) snippet += overlayMarkup(error);
    if (options.livereload) snippet += clientScript();
    return snippet ? injectBeforeBodyEnd(html, snippet) : html;
  };

  const sendText = (req: http.IncomingMessage, res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}) => {
    const buf = Buffer.from(body);
    res.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(buf.length), ...extra });
    res.end(req.method === 'HEAD' ? undefined : buf);
  };

  const sendFile = (req: http.IncomingMessage, res: http.ServerResponse, status: number, file: string, stat: fs.Stats) => {
    const type = mimeType(file);
    const common = { ...headers, 'Content-Type': type, 'Last-Modified': stat.mtime.toUTCString() };
    if (isHtml(type)) {
      // HTML is small: read it whole so the live-reload client and the overlay can go in.
      let html: string;
      try {
        html = decorateHtml(fs.readFileSync(file, 'utf8'));
      } catch {
        return sendText(req, res, 404, notFoundBody(req.url));
      }
      const buf = Buffer.from(html);
      res.writeHead(status, { ...common, 'Content-Length': String(buf.length) });
      res.end(req.method === 'HEAD' ? undefined : buf);
      return;
    }
    const range = status === 200 ? parseRange(req.headers.range, stat.size) : undefined;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stat.size}` });
      res.end();
      return;
    }
    const [start, end] = range ?? [0, stat.size - 1];
    const length = stat.size === 0 ? 0 : end - start + 1;
    res.writeHead(range ? 206 : status, {
      ...common,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(length),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stat.size}` } : {}),
    });
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file, { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse, root: string | undefined) => {
    // WEBrick's not-found handler in Jekyll's servlet: the site's own 404.html, with status 404.
    if (root) {
      const page = resolveStatic(root, '/404.html');
      if (page.kind === 'file') return sendFile(req, res, 404, page.file, page.stat);
    }
    sendText(req, res, 404, notFoundBody(req.url));
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, '<!DOCTYPE html><title>405 Method Not Allowed</title><h1>Method Not Allowed</h1>\n', { Allow: 'GET, HEAD' });
    }
    const parsed = parseRequestPath(req.url);
    if (!parsed.ok) {
      const title = parsed.status === 400 ? '400 Bad Request' : '403 Forbidden';
      return sendText(req, res, parsed.status, `<!DOCTYPE html><title>${title}</title><h1>${title.slice(4)}</h1>\n`);
    }
    if (options.livereload && parsed.path === LIVERELOAD_PATH) {
      const error = options.currentError();
      return options.livereload.attach(req, res, error === undefined ? undefined : sseMessage('error', error));
    }
    let root: string | undefined;
    try {
      root = fs.realpathSync(path.resolve(options.destination));
    } catch {
      root = undefined; // no site yet (skipped initial build) or mid-swap
    }
    const sitePath = stripBaseurl(parsed.path, baseurl);
    if (sitePath === 'redirect') return redirect(req, res, `${encodePath(parsed.path)}/${parsed.query}`);
    if (sitePath === undefined || root === undefined) return notFound(req, res, root);
    const found = resolveStatic(root, sitePath);
    switch (found.kind) {
      case 'file':
        return sendFile(req, res, 200, found.file, found.stat);
      case 'redirect':
        return redirect(req, res, `${encodePath(parsed.path)}/${parsed.query}`);
      case 'forbidden':
        return sendText(req, res, 403, '<!DOCTYPE html><title>403 Forbidden</title><h1>Forbidden</h1>\n');
      case 'not-found':
        return notFound(req, res, root);
    }
  };

  function redirect(req: http.IncomingMessage, res: http.ServerResponse, location: string) {
    sendText(req, res, 301, `<!DOCTYPE html><title>301 Moved Permanently</title><a href="${location.replace(/"/g, '%22')}">${location.replace(/</g, '&lt;')}</a>\n`, { Location: location });
  }
}

function notFoundBody(url: string | undefined): string {
  const shown = (url ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1><p>'${shown}' was not found on this server.</p>\n`;
}

/** Re-encodes a decoded path for a Location header. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** A single `bytes=` range; multiple ranges are answered with the whole file. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}
