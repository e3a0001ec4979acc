// `build --incremental` across runs (a new process each time in real use; a new build() here):
// the cache in .utterson-cache/ must lead to the same destination as a clean build.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { applyEdit, edit, freshSite, tree } from './edits.js';

const info = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.find((d) => d.message.startsWith('Incremental build:'))?.message;

describe('build --incremental across runs', () => {
  it('re-renders nothing when nothing changed, and only what an edit touches', async () => {
    const { src, root } = freshSite();
    const out = path.join(root, 'out');
    expect(info(await build({ source: src, destination: out, incremental: true }))).toMatch(/full \(no cache yet\)/);
    expect(fs.existsSync(path.join(src, '.utterson-cache/incremental-v1.json'))).toBe(true);
    expect(info(await build({ source: src, destination: out, incremental: true }))).toBe('Incremental build: 0 output(s) re-rendered, 0 file(s) written.');
    fs.appendFileSync(path.join(src, '_posts/2024-01-03-three.md'), '\nAppended.\n');
    const r = await build({ source: src, destination: out, incremental: true });
    expect(info(r)).toBe('Incremental build: 2 output(s) re-rendered, 2 file(s) written.');
    expect(r.written.sort()).toEqual(['2024/01/03/three.html', 'index.html']);
    const clean = path.join(root, 'clean');
    await build({ source: src, destination: clean, jobs: 1 });
    expect(tree(out)).toEqual(tree(clean));
  });

  it('re-renders what shows site.time when the time is not pinned', async () => {
    const { src, root } = freshSite();
    fs.writeFileSync(path.join(src, '_config.yml'), 'title: Inc\ntimezone: UTC\n');
    fs.appendFileSync(path.join(src, 'about.md'), '\n{{ site.time | date: "%Y" }}\n');
    const out = path.join(root, 'out');
    await build({ source: src, destination: out, incremental: true });
    const r = await build({ source: src, destination: out, incremental: true });
    expect(r.written).toEqual(['about.html']);
  });

  it('matches a clean build after every step of random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        const { src, root } = freshSite();
        const out = path.join(root, 'out');
        const clean = path.join(root, 'clean');
        await build({ source: src, destination: out, incremental: true });
        for (const e of edits) {
          applyEdit(src, e);
          await build({ source: src, destination: out, incremental: true });
          await build({ source: src, destination: clean, jobs: 1 });
          expect(tree(out), `after ${JSON.stringify(e)}`).toEqual(tree(clean));
        }
      }),
      { numRuns: 15, seed: 424242 },
    );
  }, 120_000);
});
