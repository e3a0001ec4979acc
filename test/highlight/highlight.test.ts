import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  renderCodeBlock,
  renderHighlightTag,
  renderInlineCode,
  type CodeBlockOptions,
  type HighlightTagOptions,
} from '../../src/highlight/index.js';
import { agreement, blockInner, charClasses } from './labels.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, 'corpus');
const MIN_AGREEMENT = 0.9;

/** Markup with the token spans taken out: what is left is wrapper and text. */
const unspanned = (html: string) => html.replace(/<span class="[^"]*">|<\/span>/g, '');

interface WrapperCase {
  name: string;
  kind: 'block' | 'span' | 'tag';
  lang?: string;
  code: string;
  markup?: string;
  options?: CodeBlockOptions & { highlighter?: string };
  attributes?: Record<string, string>;
}

const cases = JSON.parse(readFileSync(join(here, 'wrapper-cases.json'), 'utf8')) as WrapperCase[];
const goldens = JSON.parse(readFileSync(join(here, 'wrapper-goldens.json'), 'utf8')) as Record<string, string>;

function renderCase(c: WrapperCase): string {
  const opts: CodeBlockOptions = { ...c.options, attributes: c.attributes };
  if (c.kind === 'block') return renderCodeBlock(c.code, c.lang, opts);
  if (c.kind === 'span') return renderInlineCode(c.code, c.lang, opts);
  const tagOpts: HighlightTagOptions = { highlighter: c.options?.highlighter };
  const m = /linenos(?:=(\w+))?/.exec(c.markup ?? '');
  if (m) tagOpts.linenos = m[1] ?? 'inline';
  return renderHighlightTag(c.code, c.lang!, tagOpts);
}

describe('wrappers as kramdown 2.4 / Jekyll 4.3.1 write them', () => {
  for (const c of cases) {
    it(c.name, () => {
      const expected = goldens[c.name];
      expect(expected, 'golden missing: run scripts/update-highlight-goldens.rb').toBeDefined();
      const actual = renderCase(c);
      expect(unspanned(actual)).toBe(unspanned(expected!));
      // Agreement on classes is measured on the corpus; these short cases should match outright.
      expect(actual).toBe(expected);
    });
  }
});

const table: Array<[string, number, number, number]> = [];

describe('corpus: Rouge 3.30 token classes', () => {
  for (const lang of readdirSync(corpus).sort()) {
    it(lang, () => {
      let same = 0;
      let total = 0;
      let files = 0;
      for (const f of readdirSync(join(corpus, lang)).filter((n) => n.endsWith('.txt')).sort()) {
        const code = readFileSync(join(corpus, lang, f), 'utf8');
        const golden = readFileSync(join(corpus, lang, f.replace(/\.txt$/, '.html')), 'utf8');
        const actual = renderCodeBlock(code, lang);
        expect(unspanned(actual), `${lang}/${f}: wrapper or text`).toBe(unspanned(golden));
        const a = charClasses(blockInner(actual));
        const g = charClasses(blockInner(golden));
        const r = agreement(g.classes, a.classes);
        same += r.same;
        total += r.total;
        files++;
      }
      table.push([lang, files, total, same / total]);
      expect(same / total, `${lang}: share of characters with Rouge's class`).toBeGreaterThanOrEqual(MIN_AGREEMENT);
    });
  }
});

afterAll(() => {
  if (!table.length) return;
  const rows = table.map(([l, f, n, r]) => `  ${l.padEnd(12)} ${String(f).padStart(5)} ${String(n).padStart(7)} ${(100 * r).toFixed(1).padStart(7)}%`);
  console.log(`token-class agreement with Rouge 3.30 (per character)\n  language     files   chars   agreed\n${rows.join('\n')}`);
});
