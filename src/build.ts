/**
 * One build, as Jekyll's Site#process reads: config → read → generate → render → write.
 * Each phase takes the Site value and hands it on; problems come back as diagnostics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type ConfigOverrides, type SiteConfig } from './config/load.js';
import { BuildError, type Diagnostic } from './diagnostics/diagnostic.js';
import { assertStrict } from './diagnostics/strict.js';
import { afterRead, generate } from './plugins/index.js';
import { createContext, readSite } from './read/reader.js';
import { countPosts } from './read/census.js';
import { readAhead, type ReadAhead } from './read/read-ahead.js';
import { SassThread } from './sass/offload.js';
import { stopEarlyWorker } from './render/early-worker.js';
import { MIN_DOCUMENTS_FOR_WORKERS, RenderWorkers, renderSiteParallel, workerCountFor } from './render/parallel.js';
import { RenderProfile } from './render/profile.js';
import { createRenderer, renderSite, type DocumentSink } from './render/renderer.js';
import type { Site } from './site/site.js';
import { loadCache, saveCache } from './incremental/cache.js';
import { IncrementalBuilder } from './incremental/builder.js';
import { uttersonVersion } from './utils/version.js';
import { withTimeZone } from './utils/time.js';
import { assertSafeDestination } from './write/guards.js';
import { findConflicts, Staging, stagingPathFor, writeSite, type OutputItem } from './write/writer.js';

export interface BuildOptions extends ConfigOverrides {
  /** Working directory that relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Render threads (default: the number of cores; 1 renders on the main thread only). */
  jobs?: number;
  /** Collect per-template and per-phase timings (`--profile`; renders on one thread). */
  profile?: boolean;
}

export interface BuildResult {
  config: SiteConfig;
  configFiles: string[];
  /**
   * The site model. Documents' outputs are read back from the destination (`readOutput()`);
   * their converted content is not kept once written.
   */
  site: Site;
  /** Output paths relative to the destination. */
  written: string[];
  diagnostics: Diagnostic[];
  /** Seconds the build took. */
  seconds: number;
  /** With `profile: true`: the timings. */
  profile?: RenderProfile;
}

export interface BuildHooks {
  /** Called once the configuration is known, before reading (the CLI prints source and destination). */
  onConfig?(config: SiteConfig, files: string[]): void;
  /** Rendering progress: documents and pages done out of the total. */
  onProgress?(done: number, total: number): void;
}

export async function build(options: BuildOptions = {}, hooks: BuildHooks = {}): Promise<BuildResult> {
  const started = process.hrtime.bigint();
  const { cwd = process.cwd(), jobs: requestedJobs, profile: wantProfile, ...overrides } = options;
  const { config, files } = loadConfig(overrides, cwd);
  hooks.onConfig?.(config, files);
  if (config.incremental === true) {
    stopEarlyWorker(); // (an incremental build renders on one thread)
    return buildIncrementally({ ...overrides, cwd }, config);
  }
  return withTimeZone(config.timezone, async () => {
    const diagnostics: Diagnostic[] = [];
    const dest = path.resolve(String(config.destination));
    assertSafeDestination(config.source, dest);

    const profile = wantProfile ? new RenderProfile() : undefined;
    let mark = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      profile?.phase(name, now - mark);
      mark = now;
    };
    // On a site large enough for them, helpers start before reading: render workers (they read
    // the site too, at the same time as the main thread) and the read-ahead of post files.
    const workers = new RenderWorkers(overrides, cwd);
    let sassThread: SassThread | undefined;
    let ahead: ReadAhead | undefined;
    if (!profile) {
      const census = countPosts(config.source);
      if (census.files >= MIN_DOCUMENTS_FOR_WORKERS) ahead = readAhead(census.paths);
      const jobs = requestedJobs ?? (census.bytes > ONE_THREAD_ABOVE_CHARS ? 1 : defaultJobs());
      workers.resize(workerCountFor(census.files, jobs));
    }
    stopEarlyWorker(); // unless the pool adopted it
    try {
      const site = readAndGenerate(config, diagnostics);
      lap('read');
      // Stylesheet pages are compiled on a thread that loads Dart Sass while documents render.
      if (!profile && site.pages.some((p) => /\.s[ac]ss$/i.test(p.name))) sassThread = SassThread.start();
      const renderer = createRenderer(site, { profile, onProgress: hooks.onProgress, sass: sassThread?.compile, sassPrefetch: sassThread?.prefetch });

      // Documents' outputs go to the staging directory as soon as they are final, so a large site
      // never holds them all; a destination several sources write is written at the end instead,
      // in Jekyll's order (the last one wins).
      const shared = sharedDestinations(outputItems(site));
      const staging = new Staging(dest);
      const streamed = new Set<string>();
      // On large sites converted content too goes to a scratch folder beside the staging one,
      // for the templates (feeds, archives) that read it back: a 20,000-post site then stays
      // within 1 GiB. Small sites keep it in memory; the extra file per document costs time.
      const scratch = `${staging.dir}-contents`;
      const textLength = totalTextLength(site);
      const spillContents = textLength > SPILL_CONTENTS_ABOVE_CHARS;
      if (spillContents) fs.mkdirSync(scratch, { recursive: true });
      let spilled = 0;
      const sink: DocumentSink = (doc) => {
        if (spillContents && doc.content.length > 0 && doc.contentSpilledTo === undefined) {
          const file = path.join(scratch, String(spilled++));
          fs.writeFileSync(file, doc.content);
          doc.contentSpilledTo = file;
          doc.content = '';
        }
        if (!doc.write || shared.has(doc.destinationPath)) return;
        if (doc.output === undefined) {
          // a render worker wrote it
          if (doc.spilledTo !== undefined) streamed.add(doc.destinationPath);
          return;
        }
        doc.spilledTo = staging.write({ kind: 'content', destinationPath: doc.destinationPath, source: doc.displayPath, content: doc.output });
        doc.output = undefined;
        streamed.add(doc.destinationPath);
      };
      let items: OutputItem[];
      try {
        // Template timings are collected on the main thread, so a profiled build renders there.
        // Each render worker reads its own copy of the site: on very large sites the default is
        // one thread, so memory stays bounded (--jobs still asks for more).
        const jobs = requestedJobs ?? (textLength > ONE_THREAD_ABOVE_CHARS ? 1 : defaultJobs());
        if (jobs > 1 && !profile) await renderSiteParallel(site, renderer, { jobs, overrides, cwd }, sink, workers, { stagingDir: staging.dir, shared, streamed });
        else {
          await workers.stop(); // started on the census's estimate, not needed after all
          renderSite(site, renderer, sink);
        }
        lap('render');
        const all = outputItems(site);
        diagnostics.push(...findConflicts(all));
        assertStrict(config.strict, diagnostics);
        items = all.filter((i) => !streamed.has(i.destinationPath));
      } catch (err) {
        staging.abort();
        fs.rmSync(scratch, { recursive: true, force: true });
        throw err;
      }
      try {
        writeSite(items, { dest, keepFiles: config.keep_files, removeOldInBackground: true }, staging);
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
        // Streamed outputs now live in the destination; set-aside contents are gone.
        for (const c of site.collections.values()) {
          for (const doc of c.docs) {
            if (doc.spilledTo !== undefined) doc.spilledTo = path.join(dest, doc.destinationPath);
            doc.contentSpilledTo = undefined;
          }
        }
      }
      lap('write');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { config, configFiles: files, site, written: [...streamed, ...items.map((i) => i.destinationPath)], diagnostics, seconds, profile };
    } finally {
      // whatever happened, no worker outlives the build (they would keep the process alive)
      await Promise.all([workers.stop(), sassThread?.stop(), ahead?.stop()]);
    }
  });
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * `build --incremental`: resume from `.utterson-cache/` when it matches this configuration and
 * re-render only what the changed inputs touch (written in place), else a full build; then
 * save the cache for the next run. Renders on one thread, since workers record no dependencies.
 */
async function buildIncrementally(options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const version = uttersonVersion();
  const cache = loadCache(config.source);
  const resumed = cache ? IncrementalBuilder.resume(options, cache, version) : undefined;
  const builder = resumed?.builder ?? new IncrementalBuilder(options);
  const result = resumed ? await builder.update(resumed.changes) : await builder.full(cache ? 'the cache does not match' : 'no cache yet');
  const snapshot = builder.snapshot(version);
  if (snapshot) saveCache(config.source, snapshot);
  const info: Diagnostic = {
    severity: 'info',
    message:
      result.mode === 'full'
        ? `Incremental build: full (${result.reason ?? 'needed'}).`
        : `Incremental build: ${result.rendered} output(s) re-rendered, ${result.written.length} file(s) written.`,
  };
  const out = builder.toBuildResult(result);
  return { ...out, diagnostics: [...out.diagnostics, info] };
}

/** The read and generate phases: the Site as it is before rendering (the render workers redo this). */
export function readAndGenerate(config: SiteConfig, diagnostics: Diagnostic[]): Site {
  const dest = path.resolve(String(config.destination));
  const ctx = createContext(config, diagnostics);
  const site = readSite(ctx, { config, ignore: [stagingPathFor(dest)] });
  afterRead(site);
  generate(site);
  return site;
}

/** Sites whose documents' text exceeds this set converted content aside while building. */
const SPILL_CONTENTS_ABOVE_CHARS = 64 * 1024 * 1024;
/** Above this, the default is to render on one thread (the 20,000-post benchmark site has ~177M). */
const ONE_THREAD_ABOVE_CHARS = 128 * 1024 * 1024;

function totalTextLength(site: Site): number {
  let n = 0;
  for (const c of site.collections.values()) for (const d of c.docs) n += d.content.length;
  return n;
}

/** Destinations that more than one output is written to. */
function sharedDestinations(items: OutputItem[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const i of items) {
    if (seen.has(i.destinationPath)) shared.add(i.destinationPath);
    seen.add(i.destinationPath);
  }
  return shared;
}

/** Site#each_site_file: pages, static files to write, documents to write. */
export function outputItems(site: Site): OutputItem[] {
  const items: OutputItem[] = [];
  for (const page of site.pages) {
    items.push({ kind: 'content', destinationPath: page.destinationPath, source: page.displayPath, content: page.output ?? '' });
  }
  for (const file of site.staticFiles) {
    if (!file.write) continue;
    items.push({ kind: 'copy', destinationPath: file.destinationPath, source: path.relative(site.ctx.source, file.path), from: file.path });
  }
  for (const c of site.collections.values()) {
    for (const doc of c.docs) {
      if (!doc.write) continue;
      items.push({ kind: 'content', destinationPath: doc.destinationPath, source: doc.displayPath, content: doc.output ?? '' });
    }
  }
  return items;
}

export { BuildError };
