// Conversion time per MB: createMarkdownConverter() vs plain `new MarkdownIt()`.
// usage: npx tsx scripts/markdown-bench.ts [FILE.md ...]  (default: test/markdown/cases/*.md, repeated to ~2 MB)
import { readFileSync, readdirSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { createMarkdownConverter } from '../src/markdown/index.js';

const files = process.argv.slice(2);
const sources = files.length
  ? files.map((f) => readFileSync(f, 'utf8'))
  : readdirSync('test/markdown/cases')
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(`test/markdown/cases/${f}`, 'utf8'));
// many post-sized documents, as a site build converts them
const docs: string[] = [];
let size = 0;
while (size < 2_000_000) {
  for (const s of sources) {
    docs.push(s);
    size += Buffer.byteLength(s);
  }
}
const mb = size / 1_000_000;

function time(convert: (s: string) => string): number {
  for (const d of docs.slice(0, 200)) convert(d); // warm up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (const d of docs) convert(d);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return runs[2];
}

const plain = new MarkdownIt();
const kramdown = createMarkdownConverter();
const kramdownNoHl = createMarkdownConverter({ highlighter: 'none' });
const tPlain = time((s) => plain.render(s));
const tKd = time((s) => kramdown.convert(s));
const tKdNoHl = time((s) => kramdownNoHl.convert(s));
console.log(`input: ${docs.length} documents, ${mb.toFixed(2)} MB`);
console.log(`markdown-it plain:            ${(tPlain / mb).toFixed(1)} ms/MB`);
console.log(`kramdown-compatible:          ${(tKd / mb).toFixed(1)} ms/MB  (${(tKd / tPlain).toFixed(2)}x)`);
console.log(`kramdown-compatible, no Rouge: ${(tKdNoHl / mb).toFixed(1)} ms/MB  (${(tKdNoHl / tPlain).toFixed(2)}x)`);
