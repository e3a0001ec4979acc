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

function once(convert: (s: string) => string): number {
  const t0 = process.hrtime.bigint();
  for (const d of docs) convert(d);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const plain = new MarkdownIt();
const kramdown = createMarkdownConverter();
const kramdownNoHl = createMarkdownConverter({ highlighter: 'none' });
const convs = [(s: string) => plain.render(s), (s: string) => kramdown.convert(s), (s: string) => kramdownNoHl.convert(s)];
for (const c of convs) for (const d of docs.slice(0, 300)) c(d); // warm up
// interleaved runs, so that load from other processes hits all three alike
const times: number[][] = [[], [], []];
for (let r = 0; r < 7; r++) convs.forEach((c, i) => times[i].push(once(c)));
const [tPlain, tKd, tKdNoHl] = times.map(median);
console.log(`input: ${docs.length} documents, ${mb.toFixed(2)} MB`);
console.log(`markdown-it plain:            ${(tPlain / mb).toFixed(1)} ms/MB`);
console.log(`kramdown-compatible:          ${(tKd / mb).toFixed(1)} ms/MB  (${(tKd / tPlain).toFixed(2)}x)`);
console.log(`kramdown-compatible, no Rouge: ${(tKdNoHl / mb).toFixed(1)} ms/MB  (${(tKdNoHl / tPlain).toFixed(2)}x)`);
