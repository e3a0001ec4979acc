// Edit-to-reload latency of `utterson serve`: starts the dev server (live reload on) on a
// generated site, appends a sentence to one post, and times from the file write to the
// live-reload `reload` event the browser would get. Prints JSON: median and all samples (ms).
//   node scripts/bench/incremental.mjs <site> [edits] [folder to leave the output in]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../dist/serve/index.js';

const [site, editsArg, keepIn] = process.argv.slice(2);
const edits = Number(editsArg ?? 5);
// With a third argument (run.ts's folder of retired outputs), the output stays there for the
// caller to delete once all measurements are done.
const destination = fs.mkdtempSync(path.join(keepIn ?? os.tmpdir(), 'utterson-inc-bench-'));
const server = await serve({ source: site, destination, port: 0, livereload: true, log: { info() {}, warn() {}, error: (s) => process.stderr.write(s + '\n') } });

// A live-reload client, as the injected page script is.
const events = [];
let waiter;
const req = http.get(new URL('/__utterson/livereload', server.url), (res) => {
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      if (event) {
        events.push(event);
        if (waiter && event === waiter.event) {
          const w = waiter;
          waiter = undefined;
          w.resolve(performance.now());
        }
      }
    }
  });
});
await new Promise((r) => setTimeout(r, 300));

const posts = path.join(site, '_posts');
const files = fs.readdirSync(posts).sort();
const samples = [];
for (let i = 0; i < edits; i++) {
  const file = path.join(posts, files[Math.floor((files.length * (i + 1)) / (edits + 1))]);
  const original = fs.readFileSync(file, 'utf8');
  const done = new Promise((resolve) => (waiter = { event: 'reload', resolve }));
  const started = performance.now();
  fs.writeFileSync(file, `${original}\nAn edit made by the benchmark (${i}).\n`);
  const at = await done;
  samples.push(at - started);
  // Put it back and let that rebuild finish before the next sample.
  const restored = new Promise((resolve) => (waiter = { event: 'reload', resolve }));
  fs.writeFileSync(file, original);
  await restored;
}
req.destroy();
await server.close();
if (!keepIn) fs.rmSync(destination, { recursive: true, force: true });
const sorted = [...samples].sort((a, b) => a - b);
console.log(JSON.stringify({ median: sorted[Math.floor(sorted.length / 2)], samples: samples.map((s) => Math.round(s)) }));
