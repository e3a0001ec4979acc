// Watch + rebuild + live reload over SSE on a tiny site in a temp dir.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerHandle } from '../../src/serve/index.js';
import { LAYOUT, makeSite, request, SseClient } from './helpers.js';

describe('live reload', () => {
  let site: string;
  let server: ServerHandle;
  let sse: SseClient;
  const lines: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    site = makeSite({
      '_layouts/default.html': LAYOUT,
      'index.md': '---\nlayout: default\ntitle: Home\n---\nVersion one.\n',
      'notes/draft.md': '---\nlayout: default\n---\nexcluded\n',
      '_config.yml': 'exclude: [notes]\n',
    });
    server = await serve({
      source: site,
      port: 0,
      livereload: true,
      log: { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => errors.push(l) },
    });
    sse = await SseClient.connect(server.url);
  });

  afterAll(async () => {
    sse?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('injects the client into served HTML only, not into the file on disk', async () => {
    const r = await request(server.url, '/');
    expect(r.body).toMatch(/<script data-utterson-livereload>[\s\S]*EventSource\("\/__utterson\/livereload"\)[\s\S]*<\/script><\/body>/);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
    expect(fs.readFileSync(path.join(server.destination, 'index.html'), 'utf8')).not.toContain('utterson');
    fs.writeFileSync(path.join(server.destination, 'x.css'), 'a{}</body>');
    expect((await request(server.url, '/x.css')).body).toBe('a{}</body>');
  });

  it('sends reload after a source edit is rebuilt, and logs like jekyll-watch', async () => {
    const built = new Promise<string[]>((resolve) => server.once('built', (_r, changed) => resolve(changed)));
    const reload = sse.next('reload');
    const t0 = performance.now();
    fs.writeFileSync(path.join(site, 'index.md'), '---\nlayout: default\ntitle: Home\n---\nVersion two.\n');
    const event = await reload;
    const ms = performance.now() - t0;
    console.log(`live reload: file write → reload event in ${ms.toFixed(1)} ms`);
    expect(event.data).toBe('index.md');
    expect(await built).toEqual(['index.md']);
    expect((await request(server.url, '/')).body).toContain('<p>Version two.</p>');
    const at = lines.findIndex((l) => /^ {6}Regenerating: 1 file\(s\) changed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(l));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe(`${' '.repeat(20)}index.md`);
    expect(lines[at + 2]).toMatch(/^ {20}\.\.\.done in \d+(\.\d+)? seconds\.$/);
  });

  it('shows a broken edit as an error event and overlay, keeps the old site, and recovers', async () => {
    const failed = new Promise<string>((resolve) => server.once('error', (_e, text) => resolve(text)));
    const errorEvent = sse.next('error');
    fs.writeFileSync(path.join(site, 'index.md'), '---\nlayout: default\n---\n{% if broken %}\nunclosed\n');
    const event = await errorEvent;
    // The line is the file's own (after three lines of front matter), with Jekyll's wording.
    expect(event.data).toMatch(/^index\.md:4:1: 'if' tag was never closed/);
    expect(await failed).toBe(event.data);
    expect(event.data.split('> 4 | {% if broken %}').length).toBe(2); // the code frame once
    expect(errors[0]).toBe("             Error: index.md:4:1: 'if' tag was never closed");
    expect(errors).toContain('                    > 4 | {% if broken %}');

    // The previous build is still served, with the overlay on top.
    const page = await request(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<p>Version two.</p>');
    expect(page.body).toContain('<div id="utterson-error-overlay"');
    expect(page.body).toContain('&#39;if&#39; tag was never closed');
    // A page that connects now hears about the error at once.
    const late = await SseClient.connect(server.url);
    try {
      expect((await late.next('error', 5000, 0)).data).toBe(event.data);
    } finally {
      late.close();
    }

    const reload = sse.next('reload');
    fs.writeFileSync(path.join(site, 'index.md'), '---\nlayout: default\n---\nVersion three.\n');
    await reload;
    const fixed = await request(server.url, '/');
    expect(fixed.body).toContain('<p>Version three.</p>');
    expect(fixed.body).not.toContain('<div id="utterson-error-overlay"');
    expect(server.errorText).toBeUndefined();
  });

  it('does not rebuild for excluded paths or the destination', async () => {
    const before = sse.events.length;
    fs.writeFileSync(path.join(site, 'notes', 'draft.md'), 'changed\n');
    fs.writeFileSync(path.join(server.destination, 'stray.txt'), 'x');
    // A change that does rebuild acts as the barrier: if the excluded edits had been seen, they
    // would be in the same or an earlier batch.
    fs.writeFileSync(path.join(site, 'other.md'), '---\n---\nother\n');
    await sse.next('reload', 10_000, before, (e) => e.data.split('\n').includes('other.md'));
    const seen = sse.events.slice(before).flatMap((e) => e.data.split('\n'));
    expect(seen).toContain('other.md');
    expect(seen.filter((p) => p.startsWith('notes') || p.includes('stray'))).toEqual([]);
  });

  it('rebuild() can be called directly', async () => {
    const reload = sse.next('reload');
    await server.rebuild();
    expect((await reload).event).toBe('reload');
  });
});

describe('an injected rebuilder', () => {
  it('is called with the changed paths and the previous result', async () => {
    const site = makeSite({ 'index.html': 'one\n' });
    const calls: { changed: string[]; hadPrevious: boolean; destination?: string }[] = [];
    const server = await serve({
      source: site,
      port: 0,
      log: { info() {}, warn() {}, error() {} },
      async rebuild(changed, previous, options) {
        calls.push({ changed, hadPrevious: previous !== undefined, destination: options.destination });
        return previous!;
      },
    });
    try {
      const built = new Promise<void>((resolve) => server.once('built', () => resolve()));
      fs.writeFileSync(path.join(site, 'a.html'), 'a\n');
      await built;
      expect(calls).toEqual([{ changed: ['a.html'], hadPrevious: true, destination: path.join(site, '_site') }]);
    } finally {
      await server.close();
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
