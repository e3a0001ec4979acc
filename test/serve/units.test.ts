// The pure parts of serve: request paths, baseurl mounting, MIME table, injection, SSE
// framing, the watcher's ignore rules and the rebuild loop.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { injectBeforeBodyEnd, overlayMarkup, sseMessage } from '../../src/serve/livereload.js';
import { DEFAULT_MIME_TYPE, mimeType } from '../../src/serve/mime.js';
import { Regenerator } from '../../src/serve/regenerator.js';
import { normalizeBaseurl, parseRequestPath, stripBaseurl } from '../../src/serve/request-path.js';
import { parseRange } from '../../src/serve/server.js';
import { topicLine } from '../../src/serve/log.js';
import { watchIgnore } from '../../src/serve/watcher.js';

describe('parseRequestPath', () => {
  it('decodes once and keeps the query and a trailing slash', () => {
    expect(parseRequestPath('/a%20b/c.html?x=1#f')).toEqual({ ok: true, path: '/a b/c.html', query: '?x=1' });
    expect(parseRequestPath('/docs/')).toEqual({ ok: true, path: '/docs/', query: '' });
    expect(parseRequestPath('//a/./b//')).toEqual({ ok: true, path: '/a/b/', query: '' });
    // Double encoding is decoded once only: `%252e` names a file called `%2e`.
    expect(parseRequestPath('/%252e%252e/x')).toEqual({ ok: true, path: '/%2e%2e/x', query: '' });
  });

  it.each([
    ['/../x', 403],
    ['/a/%2e%2e/x', 403],
    ['/a/.%2E/x', 403],
    ['/a/..', 403],
    ['/a%2f..%2fb', 400],
    ['/a%5Cb', 400],
    ['/a\\b', 400],
    ['/a%00b', 400],
    ['/a%0ab', 400],
    ['/%E0%A4%A', 400],
    ['http://host/x', 400],
    ['*', 400],
  ])('refuses %s with %i', (raw, status) => {
    expect(parseRequestPath(raw)).toMatchObject({ ok: false, status });
  });
});

describe('baseurl mounting', () => {
  it('normalizes the baseurl to a slash-led prefix', () => {
    expect(normalizeBaseurl(null)).toBe('');
    expect(normalizeBaseurl('')).toBe('');
    expect(normalizeBaseurl('/')).toBe('');
    expect(normalizeBaseurl('blog/')).toBe('/blog');
    expect(normalizeBaseurl('/a/b/')).toBe('/a/b');
  });

  it('strips the prefix on segment boundaries only', () => {
    expect(stripBaseurl('/x', '')).toBe('/x');
    expect(stripBaseurl('/blog/x', '/blog')).toBe('/x');
    expect(stripBaseurl('/blog/', '/blog')).toBe('/');
    expect(stripBaseurl('/blog', '/blog')).toBe('redirect');
    expect(stripBaseurl('/blogger/x', '/blog')).toBeUndefined();
  });
});

describe('mimeType', () => {
  it('knows the table and falls back to octet-stream', () => {
    expect(mimeType('a/B.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.unknown')).toBe(DEFAULT_MIME_TYPE);
    expect(mimeType('Makefile')).toBe('application/octet-stream');
  });
});

describe('injection and events', () => {
  it('goes before the last </body>, or at the end', () => {
    expect(injectBeforeBodyEnd('<body>a</body><!-- </BODY > -->', 'S')).toBe('<body>a</body><!-- S</BODY > -->');
    expect(injectBeforeBodyEnd('<p>x</p>', 'S')).toBe('<p>x</p>S');
  });

  it('escapes the error text in the overlay', () => {
    expect(overlayMarkup('a <b> & "c"')).toContain('<pre style="white-space:pre-wrap;color:#ff8080;margin:1em 0 0">a &lt;b&gt; &amp; &quot;c&quot;</pre>');
  });

  it('frames multi-line SSE data as several data lines', () => {
    expect(sseMessage('error', 'one\ntwo')).toBe('event: error\ndata: one\ndata: two\n\n');
    expect(sseMessage('reload')).toBe('event: reload\ndata: \n\n');
  });

  it('parses single byte ranges', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-', 10)).toEqual([0, 9]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=5-100', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,3-4', 10)).toBeUndefined();
  });

  it('lays out log lines in Jekyll 20-column topics', () => {
    expect(topicLine('Regenerating:', '1 file(s) changed at 2026-11-24 23:10:01')).toBe('      Regenerating: 1 file(s) changed at 2026-11-24 23:10:01');
    expect(topicLine('', '...done in 0.04 seconds.')).toBe('                    ...done in 0.04 seconds.');
  });
});

describe('watchIgnore', () => {
  const source = path.resolve('/srv/site');
  const ignore = watchIgnore({
    source,
    destination: path.join(source, '_site'),
    exclude: ['notes', 'vendor/bundle/', '*.log', 'node_modules'],
    configFiles: [path.join(source, '_config.yml')],
  });
  const at = (rel: string) => ignore(path.join(source, rel));

  it('watches content', () => {
    expect(ignore(source)).toBe(false);
    expect(at('index.md')).toBe(false);
    expect(at('_posts/2026-01-01-a.md')).toBe(false);
    expect(at('notes.md')).toBe(false);
    expect(at('_site.md')).toBe(false);
  });

  it('ignores the destination, staging, caches, VCS, config files and excludes', () => {
    expect(at('_site')).toBe(true);
    expect(at('_site/index.html')).toBe(true);
    expect(at(`._site.utterson-staging-123`)).toBe(true);
    expect(at(`._site.utterson-staging-123-old/x.html`)).toBe(true);
    expect(at('.git/HEAD')).toBe(true);
    expect(at('sub/node_modules/x.js')).toBe(true);
    expect(at('.utterson-cache/a')).toBe(true);
    expect(at('.jekyll-cache/a')).toBe(true);
    expect(at('_config.yml')).toBe(true);
    expect(at('notes')).toBe(true);
    expect(at('notes/a.md')).toBe(true);
    expect(at('vendor/bundle/gems/x')).toBe(true);
    expect(at('logs/build.log')).toBe(true);
  });
});

describe('Regenerator', () => {
  const fake = { seconds: 0 } as unknown as BuildResult;

  it('runs one rebuild at a time and folds changes made meanwhile into one more', async () => {
    const runs: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const regen = new Regenerator(
      async (changed) => {
        runs.push(changed);
        if (runs.length === 1) await gate;
        return fake;
      },
      { onSuccess() {}, onFailure() {} },
    );
    const first = regen.request(['a.md']);
    const second = regen.request(['b.md']);
    const third = regen.request(['c.md', 'b.md']);
    release();
    await Promise.all([first, second, third]);
    expect(runs).toEqual([['a.md'], ['b.md', 'c.md']]);
  });

  it('reports failures and keeps going', async () => {
    const outcomes: string[] = [];
    let fail = true;
    const regen = new Regenerator(
      async () => {
        if (fail) throw new Error('boom');
        return fake;
      },
      { onSuccess: () => outcomes.push('ok'), onFailure: (e) => outcomes.push((e as Error).message) },
    );
    await regen.request(['x']);
    fail = false;
    await regen.request(['x']);
    expect(outcomes).toEqual(['boom', 'ok']);
  });

  it('takes no requests once closed', async () => {
    let runs = 0;
    const regen = new Regenerator(async () => (runs++, fake), { onSuccess() {}, onFailure() {} });
    await regen.close();
    await regen.request(['x']);
    expect(runs).toBe(0);
  });
});
