/** `utterson <command>`: finds the command, parses its flags, runs it, returns the exit status. */
import { BuildError } from '../diagnostics/diagnostic.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT_BUILD_FAILED, EXIT_OK, EXIT_USAGE } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { createLogger } from './log.js';
import { uttersonVersion } from '../utils/version.js';

export { EXIT_BUILD_FAILED, EXIT_OK, EXIT_USAGE };

export function version(): string {
  return uttersonVersion();
}

export function helpText(): string {
  const lines = [
    'utterson — a Jekyll-compatible static site generator for Node.js',
    '',
    'Usage:',
    '  utterson <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${[c.name, ...c.aliases].join(", ").padEnd(18)} ${c.summary}`),
    `  ${'help'.padEnd(18)} Show this help (utterson help <command> for its options)`,
    '',
    'Options:',
    '  -h, --help     Show help',
    '  -v, --version  Print the version',
    '',
    'Environment:',
    '  JEKYLL_ENV     Sets jekyll.environment (default: development)',
    '  NO_COLOR       Disables colored output',
    '',
  ];
  return lines.join('\n');
}

function commandHelp(name: string): string | undefined {
  const c = findCommand(name);
  if (!c) return undefined;
  return [
    `utterson ${c.name}${c.aliases.length ? ` (${c.aliases.join(', ')})` : ''}: ${c.summary}`,
    '',
    'Options:',
    ...c.flags.map((f) => `  ${f.aliases.join(', ').padEnd(26)} ${f.help}`),
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // The command is the first word that names one (flags may come first: `utterson -s site build`).
  const byName = argv.findIndex((a) => !a.startsWith('-') && (findCommand(a) !== undefined || a === 'help'));
  const first = byName >= 0 ? byName : argv.findIndex((a) => !a.startsWith('-'));
  const name = first >= 0 ? argv[first] : undefined;
  const command = name ? findCommand(name) : undefined;

  if (!command) {
    if (argv.includes('-v') || argv.includes('--version')) {
      process.stdout.write(`utterson ${version()}\n`);
      return EXIT_OK;
    }
    if (name === 'help') {
      const topic = argv[first + 1];
      process.stdout.write((topic && commandHelp(topic)) || helpText());
      return EXIT_OK;
    }
    if (name === undefined) {
      process.stdout.write(helpText());
      return argv.includes('-h') || argv.includes('--help') ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`utterson: unknown command '${name}'\nRun 'utterson --help' for usage.\n`);
    return EXIT_USAGE;
  }

  let parsed;
  try {
    parsed = parseArgs(argv, command.flags);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`utterson: ${err.message}\nRun 'utterson help ${command.name}' for its options.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  if (parsed.help) {
    process.stdout.write(commandHelp(command.name)!);
    return EXIT_OK;
  }
  const log = createLogger({ quiet: Boolean(parsed.options.quiet), verbose: Boolean(parsed.options.verbose) });
  const trace = Boolean(parsed.options.trace);
  try {
    return await command.run(parsed.options, { log, positionals: parsed.positionals, trace });
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
