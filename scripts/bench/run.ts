/**
 * `npm run bench`: builds deterministic synthetic Jekyll sites with Utterson (cold, median of
 * several runs) and, when they are installed, with Jekyll, Hugo and Eleventy, and prints
 * wall and CPU seconds, pages per second, peak RSS and the ratios.
 *
 *   npm run bench                       # 1,000, 4,000 and 10,000 posts, 3 runs each
 *   npm run bench -- --sizes 1000 --runs 5 --jekyll-runs 1
 *   npm run bench -- --no-jekyll --no-incremental   # Utterson's cold builds only
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSite } from './generate-site.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '1000,4000,10000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const jekyllRuns = Number(opt('jekyll-runs', '1'));
const jobs = opt('jobs', '');
const work = path.resolve(opt('dir', path.join(os.tmpdir(), 'utterson-bench')));

interface Measure {
  wall: number;
  cpu: number;
  rssMiB: number;
  files?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function medianOf(ms: Measure[]): Measure {
  return { wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)), rssMiB: median(ms.map((m) => m.rssMiB)), files: ms[0]?.files };
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function utterson(site: string, out: string): Measure {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/measure.mjs'), site, out, ...(jobs ? [jobs] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`utterson failed on ${site}:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** Times a foreign command with GNU time when present (CPU and RSS), else wall time only. */
function timed(cmd: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measure | undefined {
  const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = process.hrtime.bigint();
  const full = gnuTime ? [gnuTime, '-f', '__TIME__ %e %U %S %M', ...cmd] : cmd;
  const r = spawnSync(full[0], full.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(`  ${cmd[0]} failed: ${(r.stderr || '').split('\n').slice(-5).join('\n')}\n`);
    return undefined;
  }
  const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m) return { wall, cpu: NaN, rssMiB: NaN };
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMiB: Number(m[4]) / 1024 };
}

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const rows: string[][] = [];
const header = ['site', 'tool', 'wall s', 'cpu s', 'pages/s', 'peak RSS MiB', 'vs Utterson (wall)'];

console.log(`Utterson benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
console.log(`Medians of ${runs} Utterson runs${jobs ? ` with --jobs ${jobs}` : ''}; other tools: ${jekyllRuns} run(s).`);
if (!fs.existsSync(path.join(root, 'dist/build.js'))) {
  console.error('dist/ is missing: run `npm run compile` first.');
  process.exit(2);
}
const jekyll = which('jekyll');
const hugo = which('hugo');
const eleventy = fs.existsSync(path.join(root, 'node_modules/.bin/eleventy')) ? path.join(root, 'node_modules/.bin/eleventy') : which('eleventy');
console.log(`Jekyll: ${jekyll ?? 'not found'}; Hugo: ${hugo ? `${hugo} (needs a Hugo port of the site: not compared)` : 'not found'}; Eleventy: ${eleventy ? `${eleventy} (needs an Eleventy port of the site: not compared)` : 'not found'}\n`);

for (const size of sizes) {
  const site = path.join(work, `site-${size}`);
  const stamp = path.join(site, '.bench-generator');
  const generator = fs.readFileSync(path.join(root, 'scripts/bench/generate-site.ts'), 'utf8').length.toString();
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== generator) {
    process.stdout.write(`generating ${size}-post site… `);
    generateSite(site, size);
    fs.writeFileSync(stamp, generator);
    console.log('done');
  }
  const out = path.join(work, `out-${size}`);
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(utterson(site, out));
  const u = medianOf(ms);
  rows.push([`${size} posts`, 'utterson', fmt(u.wall), fmt(u.cpu), fmt((u.files ?? 0) / u.wall, 0), fmt(u.rssMiB, 0), '1.0×']);
  if (!args.includes('--no-incremental')) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/incremental.mjs'), site, '5'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status === 0 && line) {
      const inc = JSON.parse(line) as { median: number };
      rows.push(['', 'utterson serve: edit one post → reload', fmt(inc.median / 1000, 3), '', '', '', '']);
    } else process.stderr.write(`  incremental benchmark failed: ${r.stderr.split('\n').slice(-5).join('\n')}\n`);
  }
  if (jekyll && !args.includes('--no-jekyll')) {
    const js: Measure[] = [];
    for (let i = 0; i < jekyllRuns; i++) {
      const m = timed([jekyll, 'build', '-q', '-s', site, '-d', path.join(work, `jekyll-out-${size}`)], site, { JEKYLL_NO_BUNDLER_REQUIRE: 'true' });
      if (m) js.push(m);
    }
    if (js.length) {
      const j = medianOf(js);
      rows.push(['', 'jekyll 4.3', fmt(j.wall), fmt(j.cpu), fmt((u.files ?? 0) / j.wall, 0), fmt(j.rssMiB, 0), `${fmt(j.wall / u.wall, 1)}× slower`]);
    }
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
