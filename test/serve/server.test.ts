// `serve` over real HTTP on 127.0.0.1 with an ephemeral port, watching off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerHandle } from '../../src/serve/index.js';
import { LAYOUT, makeSite, request } from './helpers.js';

const quiet = { info() {}, warn() {}, error() {} };

const TINY: Record<string, string> = {
  '_config.yml': 'title: Tiny\n',
  '_layouts/default.html': LAYOUT,
  'index.md': '---\nlayout: default\ntitle: Home\n---\nWelcome home.\n',
  'about.md': '---\nlayout: default\ntitle: About\n---\nAbout us.\n',
  '404.md': '---\nlayout: default\ntitle: Lost\n---\nNothing here, sorry.\n',
  'docs/index.md': '---\nlayout: default\n---\nDocs index.\n',
  'nolist/readme.txt': 'no index in this folder\n',
  'assets/site.css': 'body { color: red }\n',
  'assets/app.js': 'console.log(1)\n',
  'assets/mod.mjs': 'export {}\n',
  'assets/data.json': '{"a":1}\n',
  'assets/feed.xml': '<feed/>\n',
  'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'assets/img.png': 'png',
  'assets/img.jpg': 'jpg',
  'assets/img.jpeg': 'jpeg',
  'assets/img.gif': 'gif',
  'assets/img.webp': 'webp',
  'assets/img.avif': 'avif',
  'assets/favicon.ico': 'ico',
  'assets/f.woff': 'w',
  'assets/f.woff2': 'w2',
  'assets/f.ttf': 't',
  'assets/notes.txt': 'plain text\n',
  'assets/app.js.map': '{}\n',
  'assets/doc.pdf': '%PDF',
  'assets/clip.mp4': '0123456789',
  'assets/clip.webm': 'webm',
  'assets/blob.bin': 'bin',
  'assets/noext': 'noext',
};

describe('serving a built site', () => {
  let site: string;
  let outside: string;
  let server: ServerHandle;

  beforeAll(async () => {
    site = makeSite({ ...TINY, 'secret.txt': 'source secret\n' });
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-outside-')));
    fs.writeFileSync(path.join(outside, 'passwd'), 'outside secret\n');
    server = await serve({ source: site, port: 0, watch: false, baseurl: '/blog', log: quiet });
    // Links planted in the built destination that lead out of it.
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(server.destination, 'leak.txt'));
    fs.symlinkSync(outside, path.join(server.destination, 'leakdir'));
    fs.symlinkSync(path.join(server.destination, 'assets', 'notes.txt'), path.join(server.destination, 'inside-link.txt'));
  });

  afterAll(async () => {
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and reports the URL with the baseurl', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/blog/`);
  });

  it.each([
    ['assets/site.css', 'text/css; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/mod.mjs', 'text/javascript; charset=utf-8'],
    ['assets/data.json', 'application/json; charset=utf-8'],
    ['assets/feed.xml', 'application/xml; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml; charset=utf-8'],
    ['assets/img.png', 'image/png'],
    ['assets/img.jpg', 'image/jpeg'],
    ['assets/img.jpeg', 'image/jpeg'],
    ['assets/img.gif', 'image/gif'],
    ['assets/img.webp', 'image/webp'],
    ['assets/img.avif', 'image/avif'],
    ['assets/favicon.ico', 'image/vnd.microsoft.icon'],
    ['assets/f.woff', 'font/woff'],
    ['assets/f.woff2', 'font/woff2'],
    ['assets/f.ttf', 'font/ttf'],
    ['assets/notes.txt', 'text/plain; charset=utf-8'],
    ['assets/app.js.map', 'application/json; charset=utf-8'],
    ['assets/doc.pdf', 'application/pdf'],
    ['assets/clip.mp4', 'video/mp4'],
    ['assets/clip.webm', 'video/webm'],
    ['assets/blob.bin', 'application/octet-stream'],
    ['assets/noext', 'application/octet-stream'],
    ['about.html', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (file, type) => {
    const r = await request(server.url, `/blog/${file}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.body).toBe(fs.readFileSync(path.join(server.destination, file), 'utf8'));
    expect(r.headers['cache-control']).toContain('no-store');
  });

  it('serves the site only under the baseurl, and redirects the bare prefix', async () => {
    const home = await request(server.url, '/blog/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<p>Welcome home.</p>');
    const bare = await request(server.url, '/blog');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/blog/');
    const outsidePrefix = await request(server.url, '/about.html');
    expect(outsidePrefix.status).toBe(404);
    const lookalike = await request(server.url, '/blogger/about.html');
    expect(lookalike.status).toBe(404);
  });

  it('answers misses with the site 404.html and status 404', async () => {
    for (const p of ['/blog/nope', '/blog/nope.css', '/elsewhere/', '/blog/about.html/x']) {
      const r = await request(server.url, p);
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body, p).toContain('<p>Nothing here, sorry.</p>');
    }
  });

  it('redirects a directory to its slash form and serves its index file', async () => {
    const redirect = await request(server.url, '/blog/docs?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/blog/docs/?x=1');
    const index = await request(server.url, '/blog/docs/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<p>Docs index.</p>');
  });

  it('never lists a directory without an index file', async () => {
    const r = await request(server.url, '/blog/nolist/');
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('readme.txt');
  });

  it('serves /about from about.html as the WEBrick servlet does', async () => {
    const r = await request(server.url, '/blog/about');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('<p>About us.</p>');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await request(server.url, '/blog/assets/site.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('20');
    expect(head.body).toBe('');
    const post = await request(server.url, '/blog/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('serves byte ranges (video seeking)', async () => {
    const r = await request(server.url, '/blog/assets/clip.mp4', { headers: { Range: 'bytes=2-5' } });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 2-5/10');
    expect(r.body).toBe('2345');
    const bad = await request(server.url, '/blog/assets/clip.mp4', { headers: { Range: 'bytes=20-' } });
    expect(bad.status).toBe(416);
  });

  it('follows a symlink that stays inside the destination', async () => {
    const r = await request(server.url, '/blog/inside-link.txt');
    expect(r.status).toBe(200);
    expect(r.body).toBe('plain text\n');
  });

  it.each([
    '/blog/../secret.txt',
    '/blog/../../secret.txt',
    '/blog/%2e%2e/secret.txt',
    '/blog/%2E%2E/%2e%2e/secret.txt',
    '/blog/.%2e/secret.txt',
    '/blog/..%2fsecret.txt',
    '/blog/..%2Fsecret.txt',
    '/blog/%2e%2e%2fsecret.txt',
    '/blog/..%5csecret.txt',
    '/blog/..%5Csecret.txt',
    '/blog/..\\secret.txt',
    '/blog/assets/%2e%2e/%2e%2e/secret.txt',
    '/blog/about.html%00.png',
    '/blog/%E0%A4%A',
    '/blog/leak.txt',
    '/blog/leakdir/passwd',
    '/blog/leakdir/',
    '/blog/leakdir',
    'http://evil.example/blog/../secret.txt',
  ])('refuses %s', async (p) => {
    const r = await request(server.url, p);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain('secret');
  });

  it('still serves names that merely contain dots', async () => {
    fs.writeFileSync(path.join(server.destination, '..hidden..txt'), 'dots\n');
    const r = await request(server.url, '/blog/..hidden..txt');
    expect(r.status).toBe(200);
    expect(r.body).toBe('dots\n');
  });

  it('does not inject anything into pages when live reload is off and the build is good', async () => {
    const r = await request(server.url, '/blog/about.html');
    expect(r.body).toBe(fs.readFileSync(path.join(server.destination, 'about.html'), 'utf8'));
    expect(r.body).not.toContain('utterson');
  });
});

describe('serving without a baseurl, from the config', () => {
  it('takes baseurl, host and port from _config.yml and points site.url at the server', async () => {
    const site = makeSite({
      '_config.yml': 'baseurl: ""\nport: 0\nhost: 127.0.0.1\n',
      '_layouts/default.html': LAYOUT,
      'index.md': '---\nlayout: default\n---\nurl={{ site.url }}\n',
    });
    const server = await serve({ source: site, watch: false, log: quiet });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      const r = await request(server.url, '/');
      expect(r.status).toBe(200);
      expect(r.body).toContain(`url=http://localhost:${server.port}`);
      const missing = await request(server.url, '/nope');
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('Not Found');
    } finally {
      await server.close();
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('serves what is in the destination with skip_initial_build', async () => {
    const site = makeSite({ 'index.html': 'source version\n' });
    fs.mkdirSync(path.join(site, '_site'));
    fs.writeFileSync(path.join(site, '_site', 'index.html'), 'old build\n');
    const lines: string[] = [];
    const server = await serve({ source: site, port: 0, watch: false, skip_initial_build: true, log: { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) } });
    try {
      const r = await request(server.url, '/');
      expect(r.body).toBe('old build\n');
      expect(lines).toContain('     Build Warning: Skipping the initial build. This may result in an out-of-date site.');
      expect(lines).toContain(`    Server address: ${server.url}`);
    } finally {
      await server.close();
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('rejects when the initial build fails and leaves no server behind', async () => {
    const site = makeSite({ 'index.html': '---\n---\n{% if x %}\n' });
    try {
      await expect(serve({ source: site, port: 0, watch: false, log: quiet })).rejects.toThrow(/index\.html/);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
