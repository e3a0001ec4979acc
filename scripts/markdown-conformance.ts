// In-process equivalent of `kramdown-suite.mjs CASES -- tsx scripts/markdown-stdin.ts`
// (one process instead of one per case). Measuring aid only; tests do not use it.
// usage: npx tsx scripts/markdown-conformance.ts CASES_DIR [CONFORMANCE_DIR] [-v] [--filter RE]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownConverter } from '../src/markdown/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
// --ignore-highlight: drop Rouge token spans on both sides, to tell Markdown
// differences from syntax-highlighting differences (src/highlight's business)
const ignoreHighlight = args.includes('--ignore-highlight');
const stripTokens = (html: string) => (ignoreHighlight ? html.replace(/<span class="[\w -]+">|<\/span>/g, '') : html);
const fi = args.indexOf('--filter');
const filter = fi >= 0 ? new RegExp(args[fi + 1]) : null;
const positional = args.filter((a, i) => !a.startsWith('-') && (fi < 0 || i !== fi + 1));
const casesDir = resolve(positional[0] ?? '../shared/kramdown-cases');
const toolDir = resolve(positional[1] ?? resolve(casesDir, '../conformance'));
const suite = await import(pathToFileURL(resolve(toolDir, 'kramdown-suite.mjs')).href);
const norm = await import(pathToFileURL(resolve(toolDir, 'htmlnorm.mjs')).href);
const converter = createMarkdownConverter();
let pass = 0;
let exact = 0;
let fail = 0;
for (const c of suite.discoverCases(casesDir)) {
  if (!c.expected || (filter && !filter.test(c.name))) continue;
  let actual: string;
  try {
    actual = converter.convert(readFileSync(c.text, 'utf8'));
  } catch (e) {
    fail++;
    console.log(`FAIL ${c.name}: threw ${(e as Error).message}`);
    continue;
  }
  const cmp = norm.compareHtml(stripTokens(readFileSync(c.expected, 'utf8')), stripTokens(actual), {});
  if (cmp.equal) {
    pass++;
    if (readFileSync(c.expected, 'utf8') === actual) exact++;
  }
  else {
    fail++;
    const fd = norm.firstDifference(cmp.expected, cmp.actual);
    console.log(`FAIL ${c.name}\n     expected: ${fd?.expected}\n     actual:   ${fd?.actual}`);
    if (verbose) console.log(cmp.diff.split('\n').slice(2, 60).map((l: string) => '     ' + l).join('\n'));
  }
}
console.log(`${exact} of ${pass} passes byte-identical`);
console.log(`${pass} passed, ${fail} failed`);
