/** Command-line parsing with Jekyll's flag names. */
export interface FlagSpec {
  /** Config key the flag sets (Jekyll's option name). */
  key: string;
  type: 'boolean' | 'string' | 'number' | 'list';
  aliases: string[];
  help: string;
}

export const BUILD_FLAGS: FlagSpec[] = [
  { key: 'source', type: 'string', aliases: ['-s', '--source'], help: 'Source directory (defaults to ./)' },
  { key: 'destination', type: 'string', aliases: ['-d', '--destination'], help: 'Destination directory (defaults to ./_site)' },
  { key: 'config', type: 'list', aliases: ['--config'], help: 'Custom configuration file(s), comma-separated' },
  { key: 'show_drafts', type: 'boolean', aliases: ['-D', '--drafts'], help: 'Render posts in the _drafts folder' },
  { key: 'future', type: 'boolean', aliases: ['--future'], help: 'Publishes posts with a future date' },
  { key: 'unpublished', type: 'boolean', aliases: ['--unpublished'], help: 'Render posts that were marked as unpublished' },
  { key: 'baseurl', type: 'string', aliases: ['-b', '--baseurl'], help: 'Serve the website from the given base URL' },
  { key: 'limit_posts', type: 'number', aliases: ['--limit_posts'], help: 'Limits the number of posts to parse and publish' },
  { key: 'safe', type: 'boolean', aliases: ['--safe'], help: 'Safe mode: no symlinks out of the source' },
  { key: 'strict', type: 'boolean', aliases: ['--strict'], help: 'Fail (status 1, nothing written) if the build reports any warning' },
  { key: 'strict_front_matter', type: 'boolean', aliases: ['--strict_front_matter'], help: 'Fail if errors are present in front matter' },
  { key: 'jobs', type: 'number', aliases: ['-j', '--jobs'], help: 'Render threads (default: the number of cores; one on very large sites)' },
  { key: 'incremental', type: 'boolean', aliases: ['-I', '--incremental'], help: 'Rebuild only what changed since the last build (cache in .utterson-cache/)' },
  { key: 'profile', type: 'boolean', aliases: ['--profile'], help: 'Print a table of the slowest templates and the time of each phase' },
  { key: 'trace', type: 'boolean', aliases: ['-t', '--trace'], help: 'Show the full backtrace when an error occurs' },
  { key: 'quiet', type: 'boolean', aliases: ['-q', '--quiet'], help: 'Silence output' },
  { key: 'verbose', type: 'boolean', aliases: ['-V', '--verbose'], help: 'Print verbose output' },
];

/** `serve` takes the build flags plus Jekyll's serve flags (`--no-watch` becomes `watch: false` in serve). */
export const SERVE_FLAGS: FlagSpec[] = [
  ...BUILD_FLAGS,
  { key: 'host', type: 'string', aliases: ['-H', '--host'], help: 'Host to bind to (default 127.0.0.1)' },
  { key: 'port', type: 'number', aliases: ['-P', '--port'], help: 'Port to listen on (default 4000)' },
  { key: 'open_url', type: 'boolean', aliases: ['-o', '--open-url'], help: 'Print the address to open in a browser' },
  { key: 'watch', type: 'boolean', aliases: ['-w', '--watch'], help: 'Rebuild on changes (the default for serve)' },
  { key: 'no_watch', type: 'boolean', aliases: ['--no-watch'], help: 'Do not rebuild on changes' },
  { key: 'skip_initial_build', type: 'boolean', aliases: ['--skip-initial-build'], help: 'Serve the destination as it is, without building first' },
  { key: 'livereload', type: 'boolean', aliases: ['-l', '--livereload'], help: 'Reload open pages after each rebuild' },
  { key: 'livereload_port', type: 'number', aliases: ['--livereload-port'], help: 'Accepted for compatibility; live reload uses the site port' },
  { key: 'livereload_ignore', type: 'list', aliases: ['--livereload-ignore'], help: 'Globs of changed files that do not trigger a reload, comma-separated' },
  { key: 'livereload_min_delay', type: 'number', aliases: ['--livereload-min-delay'], help: 'Seconds a page waits before reconnecting to live reload' },
  { key: 'livereload_max_delay', type: 'number', aliases: ['--livereload-max-delay'], help: 'Accepted for compatibility' },
  { key: 'ssl_cert', type: 'string', aliases: ['--ssl-cert'], help: 'X.509 (SSL) certificate, relative to the source; serves HTTPS with --ssl-key' },
  { key: 'ssl_key', type: 'string', aliases: ['--ssl-key'], help: 'X.509 (SSL) private key, relative to the source' },
];

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | undefined;
  options: Record<string, unknown>;
  positionals: string[];
  help: boolean;
  version: boolean;
}

export function parseArgs(argv: string[], flags: FlagSpec[] = BUILD_FLAGS): ParsedArgs {
  const out: ParsedArgs = { command: undefined, options: {}, positionals: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    if (arg === '-v' || arg === '--version') {
      out.version = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (out.command === undefined) out.command = arg;
      else out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const spec = flags.find((f) => f.aliases.includes(name) || f.aliases.includes(name.replace(/-/g, '_')));
    if (!spec) throw new UsageError(`invalid option: ${arg}`);
    if (spec.type === 'boolean') {
      out.options[spec.key] = true;
      continue;
    }
    let value: string | undefined = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`missing argument: ${arg}`);
    if (spec.type === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} expects a non-negative whole number, got '${value}'`);
      out.options[spec.key] = n;
    } else if (spec.type === 'list') {
      const list = value.split(',').map((s) => s.trim()).filter(Boolean);
      out.options[spec.key] = [...((out.options[spec.key] as string[]) ?? []), ...list];
    } else {
      out.options[spec.key] = value;
    }
    value = undefined;
  }
  return out;
}
