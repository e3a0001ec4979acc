/**
 * `npm run bench`: builds deterministic synthetic Jekyll sites with Utterson (cold, median of
 * several runs) and, when they are installed, the same site with Jekyll and its ports to Hugo
 * (hugo/generate.ts) and Eleventy 3 (eleventy/generate.ts: same posts, same pages), and prints
 * wall and CPU seconds, pages per second, peak RSS, output files and the ratios. Every build is
 * cold: the output folder and the tool's cache (.jekyll-cache, Hugo's resources/) are deleted.
 *
 *   npm run bench                       # 1,000, 4,000 and 10,000 posts, 3 runs each
 *   npm run bench -- --sizes 1000 --runs 5 --other-runs 1   # (--jekyll-runs is the old name)
 *   npm run bench -- --no-jekyll --no-hugo --no-eleventy --no-incremental   # Utterson only
 *
 * Hugo is found on PATH (Debian: `apt-get install hugo`); Eleventy as $ELEVENTY, `eleventy` on
 * PATH or node_modules/.bin/eleventy (e.g. `npm i @11ty/eleventy@3` in a folder of its own;
 * markdown-it-attrs and @11ty/eleventy-plugin-syntaxhighlight installed beside it are used).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEleventySite } from './eleventy/generate.js';
import { generateSite } from './generate-site.js';
import { generateHugoSite } from './hugo/generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '1000,4000,10000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const otherRuns = Number(opt('other-runs', opt('jekyll-runs', '1')));
const jobs = opt('jobs', '');
const work = path.resolve(opt('dir', path.join(os.tmpdir(), 'utterson-bench')));

interface Measure {
  wall: number;
  cpu: number;
  rssMiB: number;
  files?: number;
  html?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function medianOf(ms: Measure[]): Measure {
  return { wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)), rssMiB: median(ms.map((m) => m.rssMiB)), files: ms[0]?.files, html: ms[0]?.html };
}

/** Files written, and HTML pages among them: what shows that the ports build the same site. */
function countOutput(dir: string): { files: number; html: number } {
  let files = 0;
  let html = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    if (e.name.endsWith('.html')) html++;
  }
  return { files, html };
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Output of earlier runs is moved aside, not deleted, until every measurement is done: on this
 * benchmark's machine (ext4 mounted with `discard`) each deleted tree made the next tree's
 * file creation slower (6,622 files: 1.6, 3.3, 5.0, 6.8 s of system time over four
 * delete-and-write cycles, 0.5 s without deletions), which charged one tool's clean-up to the
 * next tool's build. Every tool's output goes the same way.
 */
const retired = path.join(work, '.retired');
let retiredCount = 0;
fs.rmSync(retired, { recursive: true, force: true }); // left by an interrupted run
function retire(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.mkdirSync(retired, { recursive: true });
  fs.renameSync(dir, path.join(retired, `${process.pid}-${retiredCount++}`));
}

/**
 * One cold Utterson build, measured as the other tools are: the command a user runs
 * (`utterson build`, process start-up and module loading included), timed from outside, into
 * an output folder deleted first (a previous site would be removed in the background while
 * the next build runs).
 */
function utterson(site: string, out: string): Measure {
  retire(out);
  const cmd = [process.execPath, path.join(root, 'bin/utterson.js'), 'build', '-q', '-s', site, '-d', out, ...(jobs ? ['-j', jobs] : [])];
  const m = timed(cmd, site, { TZ: 'UTC' });
  if (!m) throw new Error(`utterson failed on ${site}`);
  return { ...m, ...countOutput(out) };
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

/** Runs a foreign build `otherRuns` times, cold each time (`clean` empties output and caches). */
function coldRuns(clean: () => void, cmd: string[], cwd: string, out: string, env: NodeJS.ProcessEnv = {}): Measure | undefined {
  const ms: Measure[] = [];
  for (let i = 0; i < otherRuns; i++) {
    clean();
    const m = timed(cmd, cwd, env);
    if (m) ms.push({ ...m, ...countOutput(out) });
  }
  return ms.length ? medianOf(ms) : undefined;
}

/** Writes a site (or port) unless it is there already from the same generator code. */
function ensureSite(dir: string, label: string, generators: string[], write: () => void): void {
  const stamp = path.join(dir, '.bench-generator');
  const hash = createHash('sha256');
  for (const g of generators) hash.update(fs.readFileSync(path.join(root, 'scripts/bench', g), 'utf8')).update('\0');
  const digest = hash.digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return;
  process.stdout.write(`generating ${label}… `);
  write();
  fs.writeFileSync(stamp, digest);
  console.log('done');
}

/** The Eleventy install's own folder (its node_modules holds the optional Markdown plugins). */
function eleventyHome(bin: string): string {
  const real = fs.realpathSync(bin);
  const i = real.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return i >= 0 ? real.slice(0, i) : path.dirname(real);
}

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const ratio = (other: number, u: number) => (other >= u ? `${fmt(other / u, 1)}× slower` : `${fmt(u / other, 1)}× faster`);
const rows: string[][] = [];
const header = ['site', 'tool', 'wall s', 'cpu s', 'pages/s', 'peak RSS MiB', 'files', 'HTML pages', 'vs Utterson (wall)'];
const row = (site: string, tool: string, m: Measure, vs: string) =>
  rows.push([site, tool, fmt(m.wall), fmt(m.cpu), fmt((m.html ?? 0) / m.wall, 0), fmt(m.rssMiB, 0), String(m.files ?? ''), String(m.html ?? ''), vs]);

console.log(`Utterson benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
console.log(`Medians of ${runs} Utterson runs${jobs ? ` with --jobs ${jobs}` : ''}; other tools: ${otherRuns} run(s). All builds cold.`);
if (!fs.existsSync(path.join(root, 'dist/build.js'))) {
  console.error('dist/ is missing: run `npm run compile` first.');
  process.exit(2);
}
const version = (cmd: string[]) => spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' }).stdout?.trim().split('\n')[0] ?? '';
const jekyll = args.includes('--no-jekyll') ? undefined : which('jekyll');
const hugo = args.includes('--no-hugo') ? undefined : which('hugo');
const localEleventy = path.join(root, 'node_modules/.bin/eleventy');
const eleventy = args.includes('--no-eleventy') ? undefined : (process.env.ELEVENTY || which('eleventy') || (fs.existsSync(localEleventy) ? localEleventy : undefined));
const notFound = (name: string, flag: string, how: string) => (args.includes(flag) ? `${name}: skipped (${flag})` : `${name}: NOT FOUND, not compared (${how})`);
console.log(jekyll ? `Jekyll: ${jekyll} (${version([jekyll, '--version'])})` : notFound('Jekyll', '--no-jekyll', 'install Jekyll 4.3'));
console.log(hugo ? `Hugo: ${hugo} (${version([hugo, 'version']).split(' ')[1] ?? '?'}), building the Hugo port of each site` : notFound('Hugo', '--no-hugo', 'apt-get install hugo'));
const eleventyPlugins = (bin: string) => {
  const req = createRequire(path.join(eleventyHome(bin), 'package.json'));
  const found = (name: string) => { try { req.resolve(name); return true; } catch { return false; } };
  return found('markdown-it-attrs') && found('@11ty/eleventy-plugin-syntaxhighlight')
    ? 'with markdown-it-attrs and Prism highlighting'
    : 'WITHOUT markdown-it-attrs / @11ty/eleventy-plugin-syntaxhighlight beside it: attribute lines stay text, code is not highlighted';
};
console.log(eleventy ? `Eleventy: ${eleventy} (${version([eleventy, '--version'])}), building the Eleventy port of each site, ${eleventyPlugins(eleventy)}` : notFound('Eleventy', '--no-eleventy', 'set ELEVENTY=/path/to/bin/eleventy or put eleventy on PATH'));
console.log('');

for (const size of sizes) {
  const site = path.join(work, `site-${size}`);
  ensureSite(site, `${size}-post site`, ['generate-site.ts'], () => generateSite(site, size));
  const out = path.join(work, `out-${size}`);
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(utterson(site, out));
  const u = medianOf(ms);
  row(`${size} posts`, 'utterson', u, '1.0×');
  if (!args.includes('--no-incremental')) {
    fs.mkdirSync(retired, { recursive: true });
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/incremental.mjs'), site, '5', retired], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status === 0 && line) {
      const inc = JSON.parse(line) as { median: number };
      rows.push(['', 'utterson serve: edit one post → reload', fmt(inc.median / 1000, 3), '', '', '', '', '', '']);
    } else process.stderr.write(`  incremental benchmark failed: ${r.stderr.split('\n').slice(-5).join('\n')}\n`);
  }
  const rm = (...dirs: string[]) => () => dirs.forEach(retire);
  if (jekyll) {
    const jOut = path.join(work, `jekyll-out-${size}`);
    // Jekyll 4 keeps converted Markdown in .jekyll-cache: without deleting it, runs after the first are warm.
    const j = coldRuns(rm(jOut, path.join(site, '.jekyll-cache')), [jekyll, 'build', '-q', '-s', site, '-d', jOut], site, jOut, { JEKYLL_NO_BUNDLER_REQUIRE: 'true', TZ: 'UTC' });
    if (j) row('', 'jekyll 4.3', j, ratio(j.wall, u.wall));
  }
  if (hugo) {
    const hSite = path.join(work, `hugo-site-${size}`);
    const hOut = path.join(work, `hugo-out-${size}`);
    ensureSite(hSite, `Hugo port of the ${size}-post site`, ['generate-site.ts', 'hugo/generate.ts'], () => generateHugoSite(hSite, size));
    const cache = path.join(hSite, 'resources');
    const h = coldRuns(rm(hOut, cache), [hugo, '--quiet', '-s', hSite, '-d', hOut, '--cacheDir', path.join(cache, 'cache')], hSite, hOut, { TZ: 'UTC' });
    if (h) row('', `hugo ${version([hugo, 'version']).split(' ')[1]?.replace(/^v/, '').replace(/[+-].*/, '') ?? ''} (port)`, h, ratio(h.wall, u.wall));
  }
  if (eleventy) {
    const eSite = path.join(work, `eleventy-site-${size}`);
    const eOut = path.join(work, `eleventy-out-${size}`);
    ensureSite(eSite, `Eleventy port of the ${size}-post site`, ['generate-site.ts', 'eleventy/generate.ts'], () => generateEleventySite(eSite, size));
    const e = coldRuns(rm(eOut), [eleventy, '--quiet', '--input', '.', '--output', eOut], eSite, eOut, { TZ: 'UTC', BENCH_ELEVENTY_MODULES: eleventyHome(eleventy) });
    if (e) row('', `eleventy ${version([eleventy, '--version'])} (port)`, e, ratio(e.wall, u.wall));
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`
pages/s counts each tool's own HTML pages. The Hugo and Eleventy ports build the same posts and
pages (Hugo's one extra page is /page/1/, the redirect it always writes for the first pager
page); what differs is listed at the top of scripts/bench/hugo/generate.ts and
scripts/bench/eleventy/generate.ts.`);
// now that nothing is measured any more
fs.rmSync(retired, { recursive: true, force: true });
