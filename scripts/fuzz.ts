/**
 * The long fuzzing campaign (CI runs a bounded number of cases in test/reliability/fuzz.test.ts):
 *
 *   npx tsx scripts/fuzz.ts --runs 10000 [--target fm,md,liquid,build] [--seed 42] [--hang-ms 10000]
 *
 * Each target runs in a worker thread that announces every case before running it; the main
 * thread terminates a worker that stays silent for --hang-ms and reports that input as a hang
 * (a synchronous loop cannot be interrupted from inside). Crashes — exceptions other than the
 * reported-error kind, or internal JavaScript errors inside it — are counted by signature and
 * the shortest input of each is printed. Builds get a tenth of the runs (they are slower).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

type Target = 'fm' | 'md' | 'liquid' | 'build';
const TARGETS: Target[] = ['fm', 'md', 'liquid', 'build'];

type FromWorker = { type: 'case'; index: number; input: string } | { type: 'crash'; signature: string; input: string; message: string } | { type: 'done'; runs: number; slowestMs: number; slowestInput: string };
interface Job {
  target: Target;
  runs: number;
  seed: number;
}

if (isMainThread) await campaign();
else await work(workerData as Job);

async function campaign(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(opt('runs') ?? 1000);
  const seed = Number(opt('seed') ?? Date.now() % 2 ** 31);
  const hangMs = Number(opt('hang-ms') ?? 10000);
  const targets = (opt('target')?.split(',') ?? TARGETS) as Target[];
  console.log(`seed ${seed}, ${runs} runs per target (builds: ${Math.max(1, Math.round(runs / 10))}), hang after ${hangMs} ms`);
  let problems = 0;
  for (const target of targets) {
    const want = target === 'build' ? Math.max(1, Math.round(runs / 10)) : runs;
    const r = await runTarget(target, want, seed, hangMs);
    problems += r.crashes.size + r.hangs.length;
    console.log(`\n${target}: ${r.cases} cases, ${r.crashes.size} distinct crash(es), ${r.hangs.length} hang(s), slowest case ${r.slowestMs.toFixed(0)} ms`);
    for (const [sig, c] of r.crashes) console.log(`  CRASH ×${c.count} ${sig}\n    input: ${c.input}\n    ${c.message.split('\n').slice(0, 6).join('\n    ')}`);
    for (const h of r.hangs) console.log(`  HANG input: ${h}`);
    if (r.slowestInput) console.log(`  slowest input: ${r.slowestInput.slice(0, 300)}`);
  }
  process.exitCode = problems > 0 ? 1 : 0;
}

async function runTarget(target: Target, runs: number, seed: number, hangMs: number) {
  const crashes = new Map<string, { count: number; input: string; message: string }>();
  const hangs: string[] = [];
  let cases = 0;
  let slowestMs = 0;
  let slowestInput = '';
  let attempt = 0;
  let deaths = 0;
  while (cases < runs) {
    const job: Job = { target, runs: runs - cases, seed: seed + attempt++ };
    const outcome = await new Promise<'done' | 'hang' | 'died'>((resolve) => {
      // Worker threads do not inherit tsx's loader: the worker registers it, then loads this file.
      const api = import.meta.resolve('tsx/esm/api');
      const boot = `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(import.meta.url)}); })().catch((e) => { throw e; });`;
      const worker = new Worker(boot, { eval: true, workerData: job });
      let last = '';
      let timer = setTimeout(onHang, hangMs);
      function onHang(): void {
        hangs.push(last);
        cases++;
        void worker.terminate();
        resolve('hang');
      }
      worker.on('message', (m: FromWorker) => {
        clearTimeout(timer);
        timer = setTimeout(onHang, hangMs);
        if (m.type === 'case') {
          last = m.input;
          cases++;
        } else if (m.type === 'crash') {
          const c = crashes.get(m.signature);
          if (!c) crashes.set(m.signature, { count: 1, input: m.input, message: m.message });
          else {
            c.count++;
            if (m.input.length < c.input.length) c.input = m.input;
          }
        } else {
          clearTimeout(timer);
          if (m.slowestMs > slowestMs) [slowestMs, slowestInput] = [m.slowestMs, m.slowestInput];
          void worker.terminate();
          resolve('done');
        }
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        const sig = `worker died: ${String(err).split('\n')[0]}`;
        crashes.set(sig, { count: (crashes.get(sig)?.count ?? 0) + 1, input: last, message: String((err as Error).stack ?? err) });
        resolve('died');
      });
    });
    if (outcome === 'done') break;
    if (outcome === 'died' && ++deaths > 5) break; // a worker that cannot start: reported above
  }
  return { cases, crashes, hangs, slowestMs, slowestInput };
}

async function work(job: Job): Promise<void> {
  const fc = (await import('fast-check')).default;
  const T = await import('../test/reliability/fuzz-targets.js');
  const post = (m: FromWorker) => parentPort!.postMessage(m);
  let slowestMs = 0;
  let slowestInput = '';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-fuzz-'));
  const record = (input: unknown, err: unknown) => {
    const e = err as Error;
    const message = String(e?.stack ?? e);
    // The signature: the message's first line without numbers and quoted bits, and the top frame.
    const head = String(e?.message ?? e).split('\n')[0].replace(/\d+/g, 'N').replace(/'[^']*'|"[^"]*"/g, '…').slice(0, 160);
    const frame = /\n\s+at [^\n]*?\(?([^()\s]+\.(?:ts|js):\d+)/.exec(message)?.[1] ?? '';
    post({ type: 'crash', signature: `${head} @ ${frame.replace(/^.*\/(src|node_modules)\//, '$1/')}`, input: fc.stringify(input).slice(0, 2000), message });
  };
  const timed = async (input: unknown, fn: () => unknown) => {
    post({ type: 'case', index: 0, input: fc.stringify(input).slice(0, 4000) });
    const t = performance.now();
    try {
      await fn();
    } catch (err) {
      record(input, err);
    }
    const ms = performance.now() - t;
    if (ms > slowestMs) [slowestMs, slowestInput] = [ms, fc.stringify(input)];
  };
  const params = { numRuns: job.runs, seed: job.seed };
  try {
    if (job.target === 'build') {
      await fc.assert(fc.asyncProperty(T.siteSpec, (spec) => timed(spec, () => T.checkBuild(spec, path.join(root, 'case')))), params);
    } else {
      const [arb, check] = job.target === 'fm' ? [T.frontMatterFile, T.checkFrontMatter] : job.target === 'md' ? [T.markdownText, T.checkMarkdown] : [T.liquidTemplate, T.checkLiquid];
      await fc.assert(fc.asyncProperty(arb, (input: string) => timed(input, () => check(input))), params);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  post({ type: 'done', runs: job.runs, slowestMs, slowestInput });
}
