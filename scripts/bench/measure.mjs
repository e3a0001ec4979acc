// Runs one Utterson build in this process and prints its cost as JSON:
// wall seconds, CPU seconds (user + system, all threads), peak RSS in MiB.
//   node scripts/bench/measure.mjs <source> <destination> [jobs]
import { build } from '../../dist/build.js';

const [source, destination, jobs] = process.argv.slice(2);
const started = process.hrtime.bigint();
const result = await build({ source, destination, quiet: true, ...(jobs ? { jobs: Number(jobs) } : {}) });
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const usage = process.resourceUsage();
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
process.stdout.write(
  JSON.stringify({
    wall,
    cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    rssMiB: usage.maxRSS / 1024,
    files: result.written.length,
    errors,
  }) + '\n',
);
