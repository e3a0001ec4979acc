// Property: after any sequence of edits, an incremental rebuild leaves the destination
// byte-identical to a clean build of the same source.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { IncrementalBuilder } from '../../src/incremental/builder.js';
import { applyEdit, edit, freshSite, tree } from './edits.js';

describe('incremental rebuilds', () => {
  it('re-renders only what depends on a body edit, and writes only those files', async () => {
    const { src, root } = freshSite();
    const builder = new IncrementalBuilder({ source: src, destination: path.join(root, 'out') });
    await builder.full();
    fs.appendFileSync(path.join(src, '_posts/2024-01-03-three.md'), '\nAppended.\n');
    const r = await builder.update({ changed: [path.join(src, '_posts/2024-01-03-three.md')], added: [], removed: [] });
    expect(r.mode).toBe('incremental');
    // The post itself and the home page, which reads its excerpt and content.
    expect(r.written.sort()).toEqual(['2024/01/03/three.html', 'index.html']);
    const title = await builder.update({ changed: [path.join(src, '_config.yml')], added: [], removed: [] });
    expect(title.mode).toBe('full');
  });

  it('matches a clean build after every step of random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const { src, root } = freshSite();
        const out = path.join(root, 'out');
        const clean = path.join(root, 'clean');
        const builder = new IncrementalBuilder({ source: src, destination: out });
        await builder.full();
        for (const e of edits) {
          await builder.update(applyEdit(src, e));
          await build({ source: src, destination: clean, jobs: 1 });
          expect(tree(out), `after ${JSON.stringify(e)}`).toEqual(tree(clean));
        }
      }),
      { numRuns: 25, seed: 20261124 },
    );
  }, 120_000);
});
