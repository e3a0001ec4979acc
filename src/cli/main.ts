/** `utterson <command>`: build, clean, help, version. Returns the process exit status. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.js';
import { loadConfig } from '../config/load.js';
import { BuildError } from '../diagnostics/diagnostic.js';
import { assertSafeDestination } from '../write/guards.js';
import { runServe } from '../serve/command.js';
import { BUILD_FLAGS, parseArgs, SERVE_FLAGS, UsageError } from './args.js';
import { createLogger } from './log.js';

/** Exit statuses: 0 success, 1 the build failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_BUILD_FAILED = 1;
export const EXIT_USAGE = 2;

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8'));
  return String(pkg.version);
}

const HELP = `utterson — a Jekyll-compatible static site generator for Node.js

Usage:
  utterson <command> [options]

Commands:
  build, b     Build your site into the destination (_site by default)
  serve, s     Build, serve on http://127.0.0.1:4000 and rebuild on changes
  clean        Remove the destination and Utterson's caches
  help         Show this help

Options:
${BUILD_FLAGS.map((f) => `  ${f.aliases.join(', ').padEnd(26)} ${f.help}`).join('\n')}
  -h, --help                 Show this help
  -v, --version              Print the version

Serve options:
${SERVE_FLAGS.filter((f) => !BUILD_FLAGS.includes(f)).map((f) => `  ${f.aliases.join(', ').padEnd(26)} ${f.help}`).join('\n')}

Environment:
  JEKYLL_ENV                 Sets jekyll.environment (default: development)
`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    // Serve's flags are a superset of build's: parse with them to find the command, then strictly.
    parsed = parseArgs(argv, SERVE_FLAGS);
    if (parsed.command !== 'serve' && parsed.command !== 's') parsed = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`utterson: ${err.message}\nRun 'utterson --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  if (parsed.version && !parsed.command) {
    process.stdout.write(`utterson ${version()}\n`);
    return EXIT_OK;
  }
  const command = parsed.command ?? (parsed.help ? 'help' : undefined);
  if (parsed.help || command === 'help' || command === undefined) {
    process.stdout.write(HELP);
    return command === undefined && !parsed.help ? EXIT_USAGE : EXIT_OK;
  }
  const log = createLogger({ quiet: Boolean(parsed.options.quiet), verbose: Boolean(parsed.options.verbose) });
  const trace = Boolean(parsed.options.trace);
  try {
    switch (command) {
      case 'build':
      case 'b':
        return await runBuild(parsed.options, log);
      case 'serve':
      case 's':
        return await runServe(parsed.options);
      case 'clean':
        return runClean(parsed.options, log);
      default:
        process.stderr.write(`utterson: unknown command '${command}'\nRun 'utterson --help' for usage.\n`);
        return EXIT_USAGE;
    }
  } catch (err) {
    if (err instanceof BuildError) {
      log.diagnostic(err.diagnostic);
      if (trace && err.cause) process.stderr.write(`${(err.cause as Error).stack ?? String(err.cause)}\n`);
      log.error('Error:', 'the build could not be completed; the destination was left as it was.');
      return EXIT_BUILD_FAILED;
    }
    const e = err as Error;
    log.error('Error:', trace ? (e.stack ?? String(e)) : `${e.message}\n${' '.repeat(19)}Use --trace to view the backtrace.`);
    return EXIT_BUILD_FAILED;
  }
}

async function runBuild(options: Record<string, unknown>, log: ReturnType<typeof createLogger>): Promise<number> {
  const { trace: _trace, quiet: _quiet, verbose: _verbose, ...overrides } = options;
  const started = Date.now();
  const result = await build(overrides, {
    onConfig(config, files) {
      for (const f of files) log.info('Configuration file:', f);
      if (files.length === 0) log.info('Configuration file:', 'none');
      log.info('Source:', config.source);
      log.info('Destination:', String(config.destination));
      log.info('Generating...');
    },
  });
  for (const d of result.diagnostics) log.diagnostic(d);
  log.info('', `done in ${((Date.now() - started) / 1000).toFixed(3)} seconds.`);
  return EXIT_OK;
}

function runClean(options: Record<string, unknown>, log: ReturnType<typeof createLogger>): number {
  const { config } = loadConfig({ source: options.source as string | undefined, destination: options.destination as string | undefined, config: options.config as string[] | undefined });
  const dest = path.resolve(String(config.destination));
  assertSafeDestination(config.source, dest);
  for (const target of [dest, path.join(config.source, '.utterson-cache')]) {
    if (fs.existsSync(target)) {
      fs.rmSync(target, { recursive: true, force: true });
      log.info('Cleaner:', `Removing ${target}...`);
    } else {
      log.info('Cleaner:', `Nothing to do for ${target}.`);
    }
  }
  return EXIT_OK;
}
