/**
 * `serve`: build, serve the destination over HTTP, watch the source and rebuild, with
 * optional live reload, as `jekyll serve` does. The programmatic entry point is
 * `serve(options)`; the CLI wraps it (command.ts).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { IncrementalBuilder } from '../incremental/builder.js';
import { loadConfig } from '../config/load.js';
import { BuildError, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { fnmatchRegExp } from '../read/entry-filter.js';
import { LiveReloadHub, LIVERELOAD_PATH } from './livereload.js';
import { Regenerator, type Rebuilder } from './regenerator.js';
import { normalizeBaseurl } from './request-path.js';
import { createSiteHandler } from './server.js';
import { topicLine, type ServeLog } from './log.js';
import { watchSource, type SourceWatcher } from './watcher.js';

export type { Rebuilder } from './regenerator.js';

export interface ServeOptions extends BuildOptions {
  /** Interface to listen on (Jekyll's `host`, default 127.0.0.1). */
  host?: string;
  /** Port (Jekyll's `port`, default 4000); 0 picks a free one. */
  port?: number | string;
  baseurl?: string;
  /** Rebuild on changes (default true, as for `jekyll serve`). */
  watch?: boolean;
  skip_initial_build?: boolean;
  livereload?: boolean;
  /** Accepted for compatibility: live reload shares the site's port. */
  livereload_port?: number | string;
  /** Changed source paths matching these globs (File.fnmatch) do not trigger a reload. */
  livereload_ignore?: string[];
  /** Seconds a page waits before reconnecting to the live-reload stream (SSE `retry`). */
  livereload_min_delay?: number;
  /** Accepted for compatibility. */
  livereload_max_delay?: number;
  /** Certificate and key (PEM, relative to the source): serve over HTTPS. */
  ssl_cert?: string;
  ssl_key?: string;
  open_url?: boolean;
  trace?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** What a rebuild does (default: a full build with the same options). */
  rebuild?: Rebuilder;
  /** Quiet time before a batch of changes triggers a rebuild (ms, default 50). */
  debounceMs?: number;
  /** Where lines go (default: stdout for info, stderr for errors). */
  log?: ServeLog;
}

export interface ServerEvents {
  built: [result: BuildResult, changed: string[]];
  error: [error: unknown, text: string];
}

export class ServerHandle extends EventEmitter<ServerEvents> {
  /** The site's address, baseurl included, with a trailing slash. */
  url = '';
  host = '';
  port = 0;
  source = '';
  destination = '';
  baseurl = '';
  /** The last successful build. */
  lastResult: BuildResult | undefined;
  /** The text of the error of the last build when it failed; cleared by the next success. */
  errorText: string | undefined;
  /** @internal */ _rebuild: (changed: string[]) => Promise<void> = async () => {};
  /** @internal */ _close: () => Promise<void> = async () => {};

  /** Rebuilds now (as if `changed` had changed); resolves when done, success or failure. */
  rebuild(changed: string[] = []): Promise<void> {
    return this._rebuild(changed);
  }

  close(): Promise<void> {
    return this._close();
  }
}

/** Option keys that are about serving, not about the site; they are not passed to the config. */
const NOT_CONFIG = ['rebuild', 'debounceMs', 'log', 'trace', 'quiet', 'verbose', 'cwd'] as const;

export async function serve(options: ServeOptions = {}): Promise<ServerHandle> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? defaultLog(Boolean(options.quiet));
  const overrides: Record<string, unknown> = { ...options };
  for (const key of NOT_CONFIG) delete overrides[key];
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete overrides[k];
  overrides.serving = true;
  if (overrides.watch === undefined) overrides.watch = true;

  // The configuration once, up front: host, port, baseurl and live reload may come from _config.yml.
  const { config, files } = loadConfig(overrides, cwd);
  const source = config.source;
  const destination = path.resolve(String(config.destination));
  const host = String(config.host ?? '127.0.0.1');
  const port = Number(config.port ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BuildError({ message: `Invalid port '${String(config.port)}'.` });
  const baseurl = normalizeBaseurl(config.baseurl);
  const livereload = Boolean(config.livereload);
  const reloadIgnored = toList(config.livereload_ignore).map((g) => fnmatchRegExp(g));
  const tls = tlsOptions(source, config.ssl_cert, config.ssl_key);
  const scheme = tls ? 'https' : 'http';
  const watching = Boolean(config.watch);
  const webrick = config.webrick as { headers?: Record<string, unknown> } | undefined;
  const headers = Object.fromEntries(Object.entries(webrick?.headers ?? {}).map(([k, v]) => [k, String(v)]));

  const handle = new ServerHandle();
  const minDelay = Number(config.livereload_min_delay);
  const hub = livereload ? new LiveReloadHub({ retryMs: minDelay > 0 ? minDelay * 1000 : undefined, onConnect: () => log.info(topicLine('LiveReload:', 'Browser connected')) }) : undefined;
  const handler = createSiteHandler({ destination, baseurl, livereload: hub, headers, currentError: () => handle.errorText });
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new BuildError({ message: `The port ${port} on ${host} is already in use; pick another with --port.` }) : err);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  Object.assign(handle, { host, port: actualPort, source, destination, baseurl, url: `${scheme}://${urlHost}:${actualPort}${baseurl}/` });

  // Jekyll points site.url at the local server in development, so absolute links stay local.
  const buildOptions: BuildOptions = { ...overrides, cwd, source, destination };
  if ((process.env.JEKYLL_ENV || 'development') === 'development') {
    buildOptions.url = `${scheme}://${host === '127.0.0.1' ? 'localhost' : urlHost}:${actualPort}`;
  }
  // Incremental by default: the site stays in memory with what each output read, and an edit
  // re-renders only what depends on it (src/incremental/builder.ts).
  const incremental = new IncrementalBuilder(buildOptions);
  const rebuilder: Rebuilder =
    options.rebuild ??
    (async (changed) => {
      // A manual rebuild (nothing named as changed) rebuilds everything.
      const r = changed.length === 0 ? await incremental.full('manual rebuild') : await incremental.update(incremental.changeSetFor(changed));
      return incremental.toBuildResult(r);
    });
  const printError = (err: unknown): string => {
    const text = errorText(err);
    text.split('\n').forEach((line, i) => log.error(topicLine(i === 0 ? 'Error:' : '', line)));
    if (options.trace && err instanceof Error && err.stack) log.error(err.stack);
    else log.error(topicLine('Error:', 'Run utterson build --trace for more information.'));
    return text;
  };
  const printDiagnostics = (result: BuildResult) => {
    for (const d of result.diagnostics) if (d.severity !== 'info' || options.verbose) log.error(formatDiagnostic(d));
  };

  let watcher: SourceWatcher | undefined;
  const closeAll = async () => {
    await watcher?.close();
    await regenerator.close();
    hub?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  let closing: Promise<void> | undefined;
  handle._close = () => (closing ??= closeAll());

  const regenerator = new Regenerator((changed) => rebuilder(changed, handle.lastResult, buildOptions), {
    onStart(changed, at) {
      if (changed.length === 0) return;
      log.info(topicLine('Regenerating:', `${changed.length} file(s) changed at ${localTimestamp(at)}`));
      for (const file of changed) log.info(topicLine('', file));
    },
    onSuccess(result, changed, seconds) {
      handle.lastResult = result;
      handle.errorText = undefined;
      printDiagnostics(result);
      log.info(topicLine('', `...done in ${round(seconds)} seconds.`));
      log.info(topicLine('', ''));
      // --livereload-ignore: a rebuild caused only by ignored files reloads nothing.
      const ignoredOnly = changed.length > 0 && changed.every((c) => reloadIgnored.some((re) => re.test(c)));
      if (!ignoredOnly) hub?.broadcast('reload', changed.join('\n'));
      handle.emit('built', result, changed);
    },
    onFailure(err, _changed) {
      const text = printError(err);
      handle.errorText = text;
      hub?.broadcast('error', text);
      if (handle.listenerCount('error') > 0) handle.emit('error', err, text);
    },
  });
  handle._rebuild = (changed) => regenerator.request(changed);

  for (const f of files) log.info(topicLine('Configuration file:', f));
  if (files.length === 0) log.info(topicLine('Configuration file:', 'none'));
  log.info(topicLine('Source:', source));
  log.info(topicLine('Destination:', destination));
  if (options.skip_initial_build) {
    log.warn(topicLine('Build Warning:', 'Skipping the initial build. This may result in an out-of-date site.'));
  } else {
    log.info(topicLine('Generating...', ''));
    try {
      const result = options.rebuild ? await build(buildOptions) : incremental.toBuildResult(await incremental.full());
      handle.lastResult = result;
      printDiagnostics(result);
      log.info(topicLine('', `done in ${round(result.seconds, 3)} seconds.`));
    } catch (err) {
      // As jekyll serve does: a site that cannot be built at all is not served.
      await handle.close();
      throw err;
    }
  }
  if (watching) {
    try {
      watcher = await watchSource({
        source,
        destination,
        exclude: config.exclude,
        configFiles: files,
        debounceMs: options.debounceMs,
        onChange: (changed) => void regenerator.request(changed),
        onError: (err) => log.error(topicLine('Watch Error:', err.message)),
      });
    } catch (err) {
      await handle.close();
      throw err;
    }
    log.info(topicLine('Auto-regeneration:', `enabled for '${source}'`));
  } else {
    log.info(topicLine('Auto-regeneration:', 'disabled. Use --watch to enable.'));
  }
  if (livereload) log.info(topicLine('LiveReload address:', `${scheme}://${urlHost}:${actualPort}${LIVERELOAD_PATH}`));
  log.info(topicLine('Server address:', handle.url));
  if (options.open_url) log.info(topicLine('Open:', `${handle.url} (open it in your browser)`));
  log.info(topicLine('Server running...', 'press ctrl-c to stop.'));
  return handle;
}

/** What the terminal and the overlay show for a failed build: file:line, message, code frame. */
export function errorText(err: unknown): string {
  if (err instanceof BuildError) {
    const d = err.diagnostic;
    // Some stages (Liquid) already end their message with the code frame; show it once.
    const once = d.frame && d.message.includes(d.frame.trimEnd()) ? { ...d, frame: undefined } : d;
    return formatDiagnostic(once).replace(/^Error: /, '');
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

function toList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);
}

/** Jekyll's serve: both or neither of ssl_cert and ssl_key, read relative to the source. */
function tlsOptions(source: string, cert: unknown, key: unknown): https.ServerOptions | undefined {
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new BuildError({ message: 'Missing --ssl_cert or --ssl_key. Both are required.' });
  const read = (file: unknown) => {
    const p = path.resolve(source, String(file));
    try {
      return fs.readFileSync(p);
    } catch {
      throw new BuildError({ file: p, message: `Cannot read the SSL file '${p}'.` });
    }
  };
  return { cert: read(cert), key: read(key) };
}

function defaultLog(quiet: boolean): ServeLog {
  return {
    info: (line) => {
      if (!quiet) process.stdout.write(`${line}\n`);
    },
    warn: (line) => process.stderr.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Jekyll's watcher prints `%Y-%m-%d %H:%M:%S` in local time. */
export function localTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function round(seconds: number, digits = 6): string {
  return String(Number(seconds.toFixed(digits)));
}
