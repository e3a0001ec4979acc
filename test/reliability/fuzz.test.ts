/**
 * Bounded fuzzing for CI (the long campaign is scripts/fuzz.ts): the front matter splitter and
 * YAML loader, the Markdown converter, the Liquid layer and whole builds of small generated
 * sites. Inputs are size-bounded so a case takes milliseconds; fast-check's time limits end a
 * run early instead of letting a slow target stall the suite, and a build that never settles
 * fails its case through the per-run timeout. Fixed seeds keep CI reproducible.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkBuild, checkFrontMatter, checkLiquid, checkMarkdown, frontMatterFile, liquidTemplate, markdownText, siteSpec } from './fuzz-targets.js';
import { cleanup, tempDir } from './support.js';

afterAll(cleanup);

const bounded = (numRuns: number, seed: number) => ({ numRuns, seed, interruptAfterTimeLimit: 8000, markInterruptAsFailure: false });

describe('fuzzing', () => {
  it('front matter splitter and YAML loader: only reported errors', () => {
    fc.assert(fc.property(frontMatterFile, checkFrontMatter), bounded(1000, 101));
  });

  it('Markdown converter: never throws', () => {
    fc.assert(fc.property(markdownText, checkMarkdown), bounded(1000, 202));
  });

  it('Liquid layer: only Liquid errors', () => {
    fc.assert(fc.property(liquidTemplate, checkLiquid), bounded(1000, 303));
  });

  it('whole builds: only BuildErrors, nothing written outside the destination', async () => {
    const root = tempDir('utterson-fuzz-build-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(siteSpec, (spec) => checkBuild(spec, path.join(root, String(n++)))),
      { ...bounded(60, 404), timeout: 20000 },
    );
    fs.rmSync(root, { recursive: true, force: true });
  }, 60000);
});
