// A render worker started before the build (as bin/utterson.js does for `utterson build`) is
// adopted by the build's pool, or stopped when the site is too small for workers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { startEarlyWorker, takeEarlyWorker } from '../../src/render/early-worker.js';
import { MIN_DOCUMENTS_FOR_WORKERS, workerScript } from '../../src/render/parallel.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function makeSite(posts: number, config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-early-'));
  roots.push(dir, `${dir}-one`, `${dir}-two`);
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('_config.yml', config);
  w('_layouts/post.html', '<time>{{ page.date | date: "%Y-%m-%d %H:%M %z" }}</time> {{ site.time | date: "%H %z" }} {{ content }}');
  for (let i = 0; i < posts; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    w(`_posts/2020-03-${day}-p${i}.md`, `---\nlayout: post\ndate: 2020-03-${day} ${String(i % 24).padStart(2, '0')}:30:00 +0000\n---\nPost ${i}\n`);
  }
  return dir;
}

/** Every HTML file of `b` as in `a`. */
function expectSameHtml(a: string, b: string): void {
  const all = (root: string) => fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).sort();
  const files = all(a);
  expect(all(b)).toEqual(files);
  for (const f of files) expect(fs.readFileSync(path.join(b, f), 'utf8'), f).toBe(fs.readFileSync(path.join(a, f), 'utf8'));
}

/**
 * Builds `src` on one thread into `<src>-one`, then into `<src>-two` with an early worker
 * (all the rendering on it), started while the process zone is UTC and left to load its
 * modules before the build sets the site's zone: the worst case (it takes ~0.3 s; were it
 * still loading, this would only prove less). `env` is set for the worker's start.
 */
async function buildWithEarlyWorker(src: string, env: Record<string, string> = {}) {
  const saved = { ...process.env };
  try {
    process.env.TZ = 'UTC';
    await build({ source: src, destination: `${src}-one`, jobs: 1 });
    Object.assign(process.env, env);
    startEarlyWorker(workerScript()!);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // (all on the worker: the main thread would render these small posts before it is ready)
    process.env.UTTERSON_FORCE_WORKERS = '1';
    return await build({ source: src, destination: `${src}-two`, jobs: 2 });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe('the early render worker', () => {
  it('is adopted by the build, and dates come out in the configured zone, as on one thread', async () => {
    const src = makeSite(MIN_DOCUMENTS_FOR_WORKERS + 20, 'timezone: Asia/Seoul\ntime: "2025-01-01 12:00:00 +0000"\n');
    const parallel = await buildWithEarlyWorker(src);
    expect(takeEarlyWorker()).toBeUndefined(); // adopted (or stopped)
    expect(parallel.diagnostics.find((d) => d.message.startsWith('Rendered '))?.message).toMatch(/on 2 threads \((?!0 )\d+ by workers\)/);
    for (const name of fs.readdirSync(path.join(`${src}-one`, '2020/03/01'))) expect(fs.readFileSync(path.join(`${src}-one`, '2020/03/01', name), 'utf8')).toMatch(/\+0900/);
    expectSameHtml(`${src}-one`, `${src}-two`);
  });

  it('renders nothing when it saw another time zone; the main thread renders it all', async () => {
    const src = makeSite(MIN_DOCUMENTS_FOR_WORKERS + 20, 'timezone: Asia/Seoul\n');
    // the worker fixes its zone as it starts
    const parallel = await buildWithEarlyWorker(src, { UTTERSON_TEST_EARLY_DATE: '1' });
    expect(parallel.diagnostics.find((d) => d.message.startsWith('Rendered 220'))?.message).toMatch(/\(0 by workers\)/);
    expect(fs.readFileSync(path.join(`${src}-one`, '2020/03/01/p0.html'), 'utf8')).toMatch(/\+0900/);
    expectSameHtml(`${src}-one`, `${src}-two`);
  });

  it('is started by `utterson build` on a large site, with the same output as one thread', async () => {
    const src = makeSite(MIN_DOCUMENTS_FOR_WORKERS + 20, 'timezone: America/New_York\n');
    await build({ source: src, destination: `${src}-one`, jobs: 1 });
    const bin = path.resolve(__dirname, '../../bin/utterson.js');
    const r = spawnSync(process.execPath, [bin, 'build', '-V', '-s', src, '-d', `${src}-two`], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Kolkata' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Rendered 220 documents on \d+ threads/);
    expectSameHtml(`${src}-one`, `${src}-two`);
  });

  it('is stopped when the site is too small for workers', async () => {
    const src = makeSite(3, 'title: small\n');
    startEarlyWorker(workerScript()!);
    const slot = (globalThis as Record<symbol, { worker: { threadId: number } } | undefined>)[Symbol.for('utterson.earlyRenderWorker')];
    expect(slot).toBeDefined();
    await build({ source: src, destination: `${src}-two`, jobs: 2 });
    expect(takeEarlyWorker()).toBeUndefined();
  });
});
