// Rendering on worker threads must give byte-identical output to rendering on one thread,
// including when templates read other documents' content (order-sensitive renders).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { MIN_DOCUMENTS_FOR_WORKERS, PageClaims, RenderWorkers, workerScript } from '../../src/render/parallel.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function makeSite(postLayout: string, extra: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-parallel-'));
  roots.push(dir);
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('_config.yml', 'title: P\ntime: "2025-01-01 00:00:00 +0000"\n');
  w('_layouts/post.html', postLayout);
  w('index.html', '---\n---\n{% for p in site.posts limit: 5 %}{{ p.content }}{% endfor %}{% for p in site.posts %}{{ p.excerpt }}{% endfor %}\n');
  for (let i = 0; i < MIN_DOCUMENTS_FOR_WORKERS + 50; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    w(`_posts/2020-${month}-${day}-post-${i}.md`, `---\nlayout: post\ntitle: Post ${i}\n---\n# Heading ${i}\n\nText *${i}* with \`code\`.\n`);
  }
  for (const [rel, text] of Object.entries(extra)) w(rel, text as string);
  return dir;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

async function buildBoth(src: string) {
  const one = path.join(src, '..', `${path.basename(src)}-one`);
  const two = path.join(src, '..', `${path.basename(src)}-two`);
  roots.push(one, two);
  await build({ source: src, destination: one, jobs: 1 });
  const parallel = await build({ source: src, destination: two, jobs: 2 });
  return { one: tree(one), two: tree(two), parallel };
}

/** buildBoth with the parallel build's work all on workers (UTTERSON_FORCE_WORKERS). */
async function buildBothOnWorkers(src: string) {
  process.env.UTTERSON_FORCE_WORKERS = '1';
  try {
    return await buildBoth(src);
  } finally {
    delete process.env.UTTERSON_FORCE_WORKERS;
  }
}

describe('parallel rendering', () => {
  it('has a compiled worker to run (npm test compiles first)', () => {
    expect(workerScript()).toBeDefined();
  });

  it('writes the same files as a single-threaded render', async () => {
    const src = makeSite('<article>{{ page.title }} {{ content }} prev={{ page.previous.title }}</article>\n');
    const { one, two, parallel } = await buildBoth(src);
    expect(Object.keys(two).length).toBeGreaterThan(MIN_DOCUMENTS_FOR_WORKERS);
    expect(two).toEqual(one);
    const info = parallel.diagnostics.find((d) => d.message.startsWith('Rendered '));
    expect(info?.message).toMatch(/on 2 threads \(\d+ by workers\)\.$/);
    // Workers write what they render; the site model still reads every output back.
    for (const doc of parallel.site.collections.get('posts')!.docs) expect(doc.readOutput()).toBe(two[doc.destinationPath.replace(/^\//, '')]);
    expect(parallel.written.length).toBe(Object.keys(two).length);
  });

  it('leaves a destination several documents write to the last of them, as on one thread', async () => {
    const clash = (n: number) => `---\nlayout: post\ntitle: Clash ${n}\npermalink: /same/\n---\nclash ${n}\n`;
    const src = makeSite('<article>{{ page.title }} {{ content }}</article>\n', { '_posts/2021-01-01-a.md': clash(1), '_posts/2021-01-02-b.md': clash(2) });
    const { one, two } = await buildBoth(src);
    expect(two).toEqual(one);
    expect(two['same/index.html']).toContain('Clash 2');
  });

  it('keeps a pool usable when it is shrunk (the extra worker stopping is not a failure)', async () => {
    const src = makeSite('{{ content }}');
    const pool = new RenderWorkers({ source: src, destination: path.join(src, '..', `${path.basename(src)}-pool`) }, src);
    pool.resize(2);
    pool.resize(1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the stopped worker exit
    const taken = pool.take();
    expect(taken?.length).toBe(1);
    await Promise.all(taken!.map((w) => w.terminate()));
  });

  it('fails cleanly, naming the file, when the site cannot be read (workers already started)', async () => {
    const src = makeSite('{{ content }}', { '_posts/2021-01-01-bad.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) });
    const dest = path.join(src, '..', `${path.basename(src)}-bad`);
    roots.push(dest);
    await expect(build({ source: src, destination: dest, jobs: 2 })).rejects.toThrow(/2021-01-01-bad\.md|Invalid UTF-8/);
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('falls back to Jekyll order when a document reads another one’s content', async () => {
    // In Jekyll the previous post is already converted, the next one is still raw Markdown.
    const src = makeSite('<article>{{ content }}<aside>{{ page.previous.content }}|{{ page.next.content }}</aside></article>\n');
    const { one, two, parallel } = await buildBoth(src);
    expect(two).toEqual(one);
    const sample = one['2020/01/02/post-1.html'];
    expect(sample).toContain('<h1 id="heading-0">Heading 0</h1>');
    expect(sample).toContain('# Heading 2');
    expect(parallel.diagnostics.some((d) => /rendered again in order/.test(d.message))).toBe(true);
  });

  it('renders pages on the workers too, handing back those that read converted content', async () => {
    // index.html reads posts' content (handed back: a worker has none converted); the pager-like
    // pages read only titles and excerpts (rendered where they are pulled).
    const lists: Record<string, string> = {};
    for (let i = 0; i < 40; i++) lists[`list-${i}.html`] = `---\n---\n{% for p in site.posts offset: ${i} limit: 5 %}<a href="{{ p.url }}">{{ p.title }}</a>{{ p.excerpt }}{% endfor %}\n`;
    const src = makeSite('<article>{{ content }}</article>\n', lists);
    // (the main thread takes no pages here, or it would render these small ones before a worker starts)
    const { one, two, parallel } = await buildBothOnWorkers(src);
    expect(two).toEqual(one);
    const info = parallel.diagnostics.find((d) => /^Rendered \d+ pages/.test(d.message));
    const m = /\((\d+) by workers, (\d+) handed back/.exec(info?.message ?? '');
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(40);
    expect(Number(m![2])).toBe(1); // index.html
    expect(parallel.written.length).toBe(Object.keys(two).length);
  });

  it('renders pages again in order when one reads another page’s content', async () => {
    // In Jekyll a page sees the pages before it converted and the ones after it raw.
    const pages: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      const reads = `{% for q in site.pages %}{% if q.title == "P${(i + 7) % 30}" or q.title == "P${(i + 23) % 30}" %}<{{ q.content | slice: 0, 12 }}>{% endif %}{% endfor %}`;
      pages[`p${String(i).padStart(2, '0')}.html`] = `---\ntitle: P${i}\n---\n[own:{{ page.title | downcase }}]${reads}\n`;
    }
    const src = makeSite('{{ content }}', pages);
    const { one, two, parallel } = await buildBothOnWorkers(src);
    expect(two).toEqual(one);
    expect(one['p10.html']).toContain('<[own:{{ page>'); // P17, a later page: still raw
    expect(one['p10.html']).toContain('<[own:p3]<[ow>'); // P3, an earlier one: rendered
    expect(parallel.diagnostics.some((d) => /Pages read other pages' content/.test(d.message))).toBe(true);
  });

  it('gives pages\' messages in page order, whichever thread rendered them', async () => {
    const pages: Record<string, string> = {};
    // (each takes a few milliseconds, so that the worker gets some before the main thread has them all)
    const slow = '{% for i in (1..3000) %}{% assign x = i | plus: 1 %}{% endfor %}';
    for (let i = 0; i < 30; i++) pages[`w${String(i).padStart(2, '0')}.html`] = `---\nlayout: missing-${i}\n---\nw${i}${slow}\n`;
    const src = makeSite('{{ content }}', pages);
    const { parallel } = await buildBoth(src);
    const missing = (d: { message: string }) => /Layout 'missing-(\d+)'/.exec(d.message)?.[1];
    const order = parallel.diagnostics.map(missing).filter((n) => n !== undefined).map(Number);
    expect(order).toEqual([...Array(30).keys()]);
    expect(parallel.diagnostics.find((d) => /^Rendered \d+ pages/.test(d.message))?.message).toMatch(/\((?!0 )\d+ by workers/);
  });

  it('warns once about an excerpt that cut a Liquid block, whichever thread renders it', async () => {
    const src = makeSite('{{ content }}', {
      '_posts/2021-06-01-cut.md': '---\ntitle: Cut\n---\n{% if true %}\nfirst\n\nsecond\n{% endif %}\n',
    });
    const { parallel } = await buildBoth(src);
    const warnings = parallel.diagnostics.filter((d) => /Excerpt modified/.test(d.message));
    expect(warnings).toHaveLength(1);
  });
});

describe('PageClaims', () => {
  it('hands every page out once, from the front to workers and from the back to the main thread', () => {
    // Threads simulated by views on one shared memory, taking turns in any order.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 120 }), (count, turns) => {
        const main = new PageClaims(count);
        const workers = [new PageClaims(count, main.memory), new PageClaims(count, main.memory)];
        const got: number[] = [];
        const done = [false, false, false];
        const take = (who: number) => {
          if (done[who]) return;
          const i = who === 0 ? main.fromBack() : workers[who - 1].fromFront();
          if (i < 0) done[who] = true;
          else got.push(i);
        };
        for (const who of turns) take(who);
        for (const who of [0, 1, 2]) while (!done[who]) take(who);
        expect([...got].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      }),
    );
  });

  it('stops the front once closed', () => {
    const claims = new PageClaims(5);
    expect(claims.fromFront()).toBe(0);
    claims.close();
    expect(new PageClaims(5, claims.memory).fromFront()).toBe(-1);
    expect(claims.fromBack()).toBe(4);
  });
});
