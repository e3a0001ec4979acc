import { describe, expect, it } from 'vitest';
import { LiquidRenderError } from '../../src/liquid/engine.js';
import { conformanceDir, groupRenderer, loadExpected, loadGroups } from './conformance-harness.js';

/**
 * Cases where Utterson is known to differ from Jekyll 4.3.1, with the reason. Each must still
 * differ (so a fix forces its removal from this list); everything else must match exactly.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'control/comment': 'Liquid 5.4 parses tags inside {% comment %} and raises on broken ones; liquidjs skips the body',
  'strict-mode/for-in-garbage': 'error_mode strict re-checks {{ }}, assign and echo only; for markup keeps liquidjs parsing',
  'output/hash-with-bools': 'YAML 1.1 (Psych) reads keys on/off as booleans; the harness reads YAML 1.2 like the build',
  'output/page-question-key': 'YAML 1.1 (Psych) reads `yes` as true; the harness reads YAML 1.2 like the build',
  'string/markdownify-nil': 'the test stub (markdown-it) stands in for the build\'s kramdown converter',
  'string/markdownify-paragraphs': 'the test stub (markdown-it) stands in for the build\'s kramdown converter',
  'string/scssify': 'the test stub (dart-sass, expanded) stands in for jekyll-sass-converter (libsass)',
  'string/sassify': 'the test stub (dart-sass, expanded) stands in for jekyll-sass-converter (libsass)',
};

/** Error cases where Utterson raises too, but words the error differently from Liquid/Jekyll. */
const ERROR_WORDING_DIFFERS = new Set([
  'errors/bad-for-syntax',
  'errors/sort-nil-property-mixed',
  'render/render-tag',
  'render/render-with',
  'strict-mode/if-garbage',
  'strict-mode/if-single-equals',
  'strict-mode/unless-garbage',
  'string/number-of-words-nil', // Ruby 3.1 appends error_highlight's code snippet
]);

/** Jekyll's message without Liquid's "Liquid error (line 1): " prefix, whitespace collapsed. */
function rubyReason(message: string): string {
  return message.replace(/^Liquid (syntax )?error( \(line \d+\))?: /, '').replace(/\s+/g, ' ').trim();
}

const expected = loadExpected();
const groups = loadGroups();

describe('Liquid conformance with Jekyll 4.3.1', () => {
  it('has a golden for every case and at least 300 cases', () => {
    const keys = [...groups].flatMap(([g, { cases }]) => cases.map((c) => `${g}/${c.name}`));
    expect(keys.length).toBeGreaterThanOrEqual(300);
    expect(keys.filter((k) => !(k in expected))).toEqual([]);
  });

  for (const [group, { config, cases }] of groups) {
    describe(group, () => {
      const render = groupRenderer(config);
      for (const c of cases) {
        const key = `${group}/${c.name}`;
        const want = expected[key];
        it(c.name, () => {
          const got = render(c);
          const same = 'error' in want ? 'error' in got : 'output' in got && got.output === want.output;
          if (key in KNOWN_DIFFERENCES) {
            expect(same, `${key} now matches Jekyll: remove it from KNOWN_DIFFERENCES`).toBe(false);
            return;
          }
          if ('error' in want) {
            expect('error' in got ? got.error : got.output).toBeInstanceOf(LiquidRenderError);
            if ('error' in got && !ERROR_WORDING_DIFFERS.has(key)) {
              const ours = (got.error as LiquidRenderError).reason.split(conformanceDir + '/site').join('<site>');
              expect(rubyReason(ours)).toBe(rubyReason(want.error));
            }
          } else {
            expect('output' in got ? got.output : got.error).toBe(want.output);
          }
        });
      }
    });
  }
});
