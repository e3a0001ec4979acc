// Less common serve options: HTTPS (--ssl-cert/--ssl-key), --livereload-ignore, live reload under a baseurl.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type ServerHandle } from '../../src/serve/index.js';
import { LAYOUT, makeSite, request, SseClient } from './helpers.js';

const quiet = { info() {}, warn() {}, error() {} };
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(files: Record<string, string>, options: Parameters<typeof serve>[0]): Promise<{ site: string; server: ServerHandle }> {
  const site = makeSite(files);
  cleanups.push(() => fs.rmSync(site, { recursive: true, force: true }));
  const server = await serve({ source: site, port: 0, log: quiet, ...options });
  cleanups.push(() => server.close());
  return { site, server };
}

describe('HTTPS', () => {
  it('serves over TLS with a certificate and key relative to the source', async () => {
    const files = {
      'index.md': '---\n---\nsecure {{ site.url }}\n',
      'certs/cert.pem': fs.readFileSync(path.join(fixtures, 'localhost-cert.pem'), 'utf8'),
      'certs/key.pem': fs.readFileSync(path.join(fixtures, 'localhost-key.pem'), 'utf8'),
      '_config.yml': 'exclude: [certs]\n',
    };
    const { server } = await start(files, { watch: false, ssl_cert: 'certs/cert.pem', ssl_key: 'certs/key.pem' });
    expect(server.url).toBe(`https://127.0.0.1:${server.port}/`);
    const body = await new Promise<string>((resolve, reject) => {
      const req = https.get(server.url, { ca: files['certs/cert.pem'], agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
      });
      req.setTimeout(5000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
    expect(body).toContain(`secure https://localhost:${server.port}`);
  });

  it('refuses a certificate without a key, as Jekyll does', async () => {
    const site = makeSite({ 'index.html': 'x' });
    cleanups.push(() => fs.rmSync(site, { recursive: true, force: true }));
    await expect(serve({ source: site, port: 0, watch: false, log: quiet, ssl_cert: 'cert.pem' })).rejects.toThrow('Missing --ssl_cert or --ssl_key. Both are required.');
  });
});

describe('live reload options', () => {
  it('does not reload for changes that all match --livereload-ignore', async () => {
    const { site, server } = await start(
      { '_layouts/default.html': LAYOUT, 'index.md': '---\nlayout: default\n---\nhi\n', 'assets/a.css': 'a{}\n' },
      { livereload: true, livereload_ignore: ['assets/*.css'] },
    );
    const sse = await SseClient.connect(server.url);
    cleanups.push(() => sse.close());
    const builds: string[][] = [];
    server.on('built', (_r, changed) => builds.push(changed));
    const cssBuilt = new Promise<void>((resolve) => server.once('built', () => resolve()));
    fs.writeFileSync(path.join(site, 'assets', 'a.css'), 'b{}\n');
    await cssBuilt;
    const pageReload = sse.next('reload');
    fs.writeFileSync(path.join(site, 'index.md'), '---\nlayout: default\n---\nho\n');
    expect((await pageReload).data).toBe('index.md');
    expect(builds).toEqual([['assets/a.css'], ['index.md']]);
    expect(sse.events.filter((e) => e.event === 'reload').map((e) => e.data)).toEqual(['index.md']);
  });

  it('keeps the event stream at the root when the site has a baseurl, and sets the retry delay', async () => {
    const { server } = await start({ '_layouts/default.html': LAYOUT, 'index.md': '---\nlayout: default\n---\nhi\n' }, { livereload: true, baseurl: '/blog', watch: false, livereload_min_delay: 3 });
    const page = await request(server.url, '/blog/');
    expect(page.body).toContain('new EventSource("/__utterson/livereload")');
    const stream = await new Promise<string>((resolve, reject) => {
      import('node:http').then(({ default: http }) => {
        const req = http.get(`http://127.0.0.1:${server.port}/__utterson/livereload`, { agent: false }, (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          res.setEncoding('utf8').once('data', (chunk: string) => {
            req.destroy();
            resolve(chunk);
          });
        });
        req.setTimeout(5000, () => req.destroy(new Error('timeout')));
        req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
      }, reject);
    });
    expect(stream).toBe('retry: 3000\n\n');
  });
});

describe('ports', () => {
  it('says so when the port is taken', async () => {
    const { server } = await start({ 'index.html': 'x' }, { watch: false });
    const site = makeSite({ 'index.html': 'y' });
    cleanups.push(() => fs.rmSync(site, { recursive: true, force: true }));
    await expect(serve({ source: site, port: server.port, watch: false, log: quiet })).rejects.toThrow(`The port ${server.port} on 127.0.0.1 is already in use`);
  });
});
