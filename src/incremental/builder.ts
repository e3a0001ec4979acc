/**
 * Incremental rebuilds for `serve` (and the programmatic API): the site stays in memory with
 * a record of what every output read (src/render/deps.ts). A change re-renders exactly the
 * outputs that depend on it and rewrites only those files; anything whose consequences are
 * not tracked precisely — front matter, config, added, removed or renamed files — falls back
 * to a full build, so the result is always what a clean build would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { outputItems, readAndGenerate, type BuildOptions, type BuildResult } from '../build.js';
import { configKey, filesUnder, stampOf, type FileStamp, type IncrementalCache, type ItemRecord } from './cache.js';
import { loadConfig, type SiteConfig } from '../config/load.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { enabledPlugins } from '../plugins/index.js';
import { readDataDir } from '../read/data.js';
import { EntryFilter } from '../read/entry-filter.js';
import { readDocument, readLayout, readPage } from '../read/reader.js';
import { DependencyRecorder, type Renderable } from '../render/deps.js';
import { createRenderer, renderSite, type Renderer } from '../render/renderer.js';
import { Document } from '../site/document.js';
import { Excerpt } from '../site/excerpt.js';
import type { Page } from '../site/page.js';
import type { Site } from '../site/site.js';
import { isHash } from '../utils/merge.js';
import { JekyllTime, withTimeZone } from '../utils/time.js';
import { assertSafeDestination, insideDestination } from '../write/guards.js';
import { assertStrict } from '../diagnostics/strict.js';
import { findConflicts, writeSite } from '../write/writer.js';

export interface ChangeSet {
  /** Absolute paths. */
  changed: string[];
  added: string[];
  removed: string[];
  /** `site.time` moved since the outputs were rendered (builds across runs). */
  timeChanged?: boolean;
}

export interface RebuildResult {
  mode: 'full' | 'incremental' | 'none';
  /** Why a full build was needed. */
  reason?: string;
  /** Output paths (relative to the destination) written. */
  written: string[];
  rendered: number;
  diagnostics: Diagnostic[];
  seconds: number;
}

interface State {
  config: SiteConfig;
  configFiles: string[];
  site: Site;
  recorder: DependencyRecorder;
  /** Some render read another document's content: render order matters, so always rebuild fully. */
  orderSensitive: boolean;
  /** The views of the last renderer, reused while front matter stays the same. */
  payload: Renderer['payload'];
  byPath: Map<string, Renderable>;
  staticByPath: Map<string, Site['staticFiles'][number]>;
  filter: EntryFilter;
}

export class IncrementalBuilder {
  private state: State | undefined;
  /**
   * Resumed from a cache: only these items' content is converted (restored or rendered), so a
   * render that reads any other item's content needs a full build.
   */
  private converted: Set<Renderable> | undefined;
  /** After a failed incremental step the in-memory site may be half-updated: rebuild fully. */
  private dirty = true;

  constructor(private readonly options: BuildOptions = {}) {}

  get site(): Site | undefined {
    return this.state?.site;
  }

  get destination(): string | undefined {
    return this.state ? path.resolve(String(this.state.config.destination)) : undefined;
  }

  /** A RebuildResult in the shape `build()` returns (for callers that expect that). */
  toBuildResult(r: RebuildResult): BuildResult {
    const state = this.state!;
    return { config: state.config, configFiles: state.configFiles, site: state.site, written: r.written, diagnostics: r.diagnostics, seconds: r.seconds };
  }

  /** A change set from paths relative to the source, by what exists now and what was read. */
  changeSetFor(relativePaths: string[]): ChangeSet {
    const state = this.state;
    const source = state?.config.source ?? process.cwd();
    const set: ChangeSet = { changed: [], added: [], removed: [] };
    for (const rel of relativePaths) {
      const abs = path.resolve(source, rel);
      if (!fs.existsSync(abs)) set.removed.push(abs);
      else set.changed.push(abs);
    }
    return set;
  }

  /**
   * What to keep on disk for the next `build --incremental`: the inputs read, each output's
   * dependencies, and the converted content that other outputs read.
   */
  snapshot(version: string): IncrementalCache | undefined {
    const state = this.state;
    if (!state || this.dirty) return undefined;
    const { site, recorder, config } = state;
    const files: Record<string, FileStamp> = {};
    const stamp = (p: string) => {
      if (files[p]) return;
      const s = stampOf(p);
      if (s) files[p] = s;
    };
    for (const f of state.configFiles) stamp(path.resolve(f));
    for (const item of state.byPath.values()) if (fs.existsSync(item.path)) stamp(item.path);
    for (const f of site.staticFiles) stamp(f.path);
    for (const l of site.layouts.values()) stamp(l.path);
    for (const deps of recorder.graph.values()) for (const inc of deps.includes) stamp(inc);
    for (const f of filesUnder(path.join(config.source, String(config.data_dir ?? '_data')))) stamp(f);
    for (const dir of site.sassLoadPaths) for (const f of filesUnder(dir)) stamp(f);
    const items: Record<string, ItemRecord> = {};
    const read = new Set<Renderable>();
    for (const [item, deps] of recorder.graph) {
      items[item.path] = {
        layouts: [...deps.layouts],
        includes: [...deps.includes],
        contentOf: [...deps.contentOf].map((d) => d.path),
        data: deps.data,
        time: deps.time,
        frontMatter: frontMatterKey(item),
      };
      for (const d of deps.contentOf) read.add(d);
    }
    const contents: Record<string, string> = {};
    for (const item of read) contents[item.path] = item.content;
    return {
      version: 1,
      key: configKey({ config, env: process.env.JEKYLL_ENV ?? '' }, version),
      time: String(site.ctx.time.getTime()),
      destination: path.resolve(String(config.destination)),
      orderSensitive: state.orderSensitive,
      files,
      items,
      contents,
      outputs: outputItems(site).map((i) => i.destinationPath),
    };
  }

  /**
   * Picks up where an earlier build left off (its cache): reads the site afresh, restores
   * the dependency records and the content other outputs read, and works out what changed.
   * Undefined when the cache cannot be trusted (other configuration or time, missing output).
   */
  static resume(options: BuildOptions, cache: IncrementalCache, version: string): { builder: IncrementalBuilder; changes: ChangeSet } | undefined {
    const { cwd = process.cwd(), jobs: _jobs, ...overrides } = options;
    const { config, files } = loadConfig(overrides, cwd);
    const dest = path.resolve(String(config.destination));
    if (cache.orderSensitive || cache.destination !== dest || !fs.existsSync(dest)) return undefined;
    return withTimeZone(config.timezone, () => {
      const diagnostics: Diagnostic[] = [];
      const site = readAndGenerate(config, diagnostics);
      if (cache.key !== configKey({ config, env: process.env.JEKYLL_ENV ?? '' }, version)) return undefined;
      if (cache.outputs.some((o) => !fs.existsSync(path.join(dest, o)))) return undefined;
      const byPath = indexRenderables(site);
      const recorder = new DependencyRecorder();
      for (const [key, rec] of Object.entries(cache.items)) {
        const item = byPath.get(key) ?? site.pages.find((p) => p.path === key);
        if (!item) return undefined; // an item the last build rendered is gone: rebuild
        // Front matter feeds lists, neighbours and generated pages: any change is a full build.
        if (rec.frontMatter !== frontMatterKey(item)) return undefined;
        const contentOf = new Set<Renderable>();
        for (const k of rec.contentOf) {
          const dep = byPath.get(k);
          if (dep) contentOf.add(dep);
        }
        recorder.graph.set(item, { layouts: new Set(rec.layouts), includes: new Set(rec.includes), contentOf, data: rec.data, time: Boolean(rec.time) });
      }
      for (const item of [...byPath.values(), ...site.pages]) if (!recorder.graph.has(item) && !(item as Page).prerendered) return undefined;
      // What other outputs read is restored as the last build converted it.
      const builder = new IncrementalBuilder(options);
      builder.converted = new Set();
      for (const [key, content] of Object.entries(cache.contents)) {
        const item = byPath.get(key);
        if (!item) continue;
        item.content = content;
        builder.converted.add(item);
      }
      const renderer = createRenderer(site, { recorder });
      builder.state = {
        config,
        configFiles: files,
        site,
        recorder,
        orderSensitive: false,
        payload: renderer.payload,
        byPath,
        staticByPath: new Map(site.staticFiles.map((f) => [f.path, f])),
        filter: new EntryFilter(config.source, config.include, config.exclude, Boolean(config.safe)),
      };
      builder.dirty = false;
      // Inputs now: changed when their content differs, added or removed otherwise.
      const changes: ChangeSet = { changed: [], added: [], removed: [], timeChanged: cache.time !== String(site.ctx.time.getTime()) };
      const now = new Set<string>();
      const consider = (p: string) => {
        if (now.has(p)) return;
        now.add(p);
        const before = cache.files[p];
        if (!before) {
          changes.added.push(p);
          return;
        }
        const stamp = stampOf(p, before);
        if (!stamp) changes.removed.push(p);
        else if (stamp.hash !== before.hash) changes.changed.push(p);
      };
      for (const item of byPath.values()) if (fs.existsSync(item.path)) consider(item.path);
      for (const f of site.staticFiles) consider(f.path);
      for (const l of site.layouts.values()) consider(l.path);
      for (const f of filesUnder(path.join(config.source, String(config.data_dir ?? '_data')))) consider(f);
      for (const dir of site.sassLoadPaths) for (const f of filesUnder(dir)) consider(f);
      for (const p of Object.keys(cache.files)) if (!now.has(p)) consider(p);
      return { builder, changes };
    });
  }

  /** A clean build of everything, recording dependencies. */
  async full(reason = 'initial build'): Promise<RebuildResult> {
    const started = process.hrtime.bigint();
    this.dirty = true;
    this.converted = undefined;
    const { cwd = process.cwd(), jobs: _jobs, ...overrides } = this.options;
    const { config, files } = loadConfig(overrides, cwd);
    return withTimeZone(config.timezone, () => {
      const diagnostics: Diagnostic[] = [];
      const dest = path.resolve(String(config.destination));
      assertSafeDestination(config.source, dest);
      const site = readAndGenerate(config, diagnostics);
      const recorder = new DependencyRecorder();
      const renderer = createRenderer(site, { recorder });
      renderSite(site, renderer);
      const items = outputItems(site);
      diagnostics.push(...findConflicts(items));
      assertStrict(config.strict, diagnostics);
      writeSite(items, { dest, keepFiles: config.keep_files, removeOldInBackground: true });
      this.state = {
        config,
        configFiles: files,
        site,
        recorder,
        orderSensitive: renderer.payload.orderSensitive.size > 0,
        payload: renderer.payload,
        byPath: indexRenderables(site),
        staticByPath: new Map(site.staticFiles.map((f) => [f.path, f])),
        filter: new EntryFilter(config.source, config.include, config.exclude, Boolean(config.safe)),
      };
      this.dirty = false;
      return { mode: 'full', reason, written: items.map((i) => i.destinationPath), rendered: recorder.graph.size, diagnostics, seconds: elapsed(started) };
    });
  }

  /** Applies a set of file changes: incrementally when it can be exact, else a full build. */
  async update(changes: ChangeSet): Promise<RebuildResult> {
    const started = process.hrtime.bigint();
    const state = this.state;
    if (!state || this.dirty) return this.full('previous build failed or none yet');
    const plan = this.plan(state, changes);
    if (plan.full) return this.full(plan.full);
    if (state.orderSensitive && !plan.empty) return this.full('templates read other documents\' content, so render order matters');
    const rewriter = enabledPlugins(state.site).find((p) => p.rewritesContent);
    if (rewriter && (plan.docs.length > 0 || plan.pages.length > 0)) return this.full(`${rewriter.name} rewrites content after reading`);
    if (plan.empty) return { mode: 'none', written: [], rendered: 0, diagnostics: [], seconds: elapsed(started) };
    this.dirty = true;
    let result: Omit<RebuildResult, 'seconds'>;
    try {
      result = withTimeZone(state.config.timezone, () => this.apply(state, plan));
    } catch (err) {
      if (err instanceof FullRebuildNeeded) return this.full(err.message);
      throw err; // stays dirty: the next change rebuilds everything
    }
    this.dirty = false;
    return { ...result, seconds: elapsed(started) };
  }

  private plan(state: State, changes: ChangeSet): Plan {
    const { config, site } = state;
    const source = config.source;
    const dest = path.resolve(String(config.destination));
    const plan: Plan = { docs: [], pages: [], layouts: [], includes: [], statics: [], data: false, sass: false, time: Boolean(changes.timeChanged), empty: !changes.timeChanged };
    const ignored = (p: string) => p === dest || p.startsWith(dest + path.sep) || path.basename(p).includes('.utterson-staging-') || p.split(path.sep).includes('.utterson-cache');
    const configFiles = new Set(state.configFiles.map((f) => path.resolve(f)));
    const inDir = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);
    const layoutsDir = path.join(source, String(config.layouts_dir ?? '_layouts'));
    const dataDir = path.join(source, String(config.data_dir ?? '_data'));

    for (const p of [...changes.added, ...changes.removed]) {
      if (ignored(p) || this.notContent(state, p)) continue;
      return { ...plan, full: `${path.relative(source, p)} was ${changes.added.includes(p) ? 'added' : 'removed'}` };
    }
    for (const p of changes.changed) {
      if (ignored(p)) continue;
      const rel = path.relative(source, p);
      if (configFiles.has(p)) return { ...plan, full: `${rel} changed` };
      if (site.themeRoot && inDir(p, site.themeRoot) && !inDir(p, path.join(site.themeRoot, '_includes')) && !inDir(p, path.join(site.themeRoot, '_layouts'))) {
        return { ...plan, full: `theme file ${p} changed` };
      }
      const item = state.byPath.get(p);
      if (item) {
        if (item instanceof Document) plan.docs.push(item);
        else plan.pages.push(item);
      } else if (inDir(p, layoutsDir) || (site.themeRoot && inDir(p, path.join(site.themeRoot, '_layouts')))) {
        const layout = [...site.layouts.values()].find((l) => l.path === p);
        if (!layout) return { ...plan, full: `layout ${rel} is new to the site` };
        plan.layouts.push(layout.name);
      } else if (site.includesDirs.some((d) => inDir(p, d))) {
        plan.includes.push(p);
      } else if (inDir(p, dataDir)) {
        plan.data = true;
      } else if (site.sassLoadPaths.some((d) => inDir(p, d))) {
        plan.sass = true;
      } else if (state.staticByPath.has(p)) {
        plan.statics.push(p);
      } else if (!this.notContent(state, p)) {
        return { ...plan, full: `${rel} changed` };
      } else continue;
      plan.empty = false;
    }
    return plan;
  }

  /** Paths the build never reads: outside the source, or filtered out like Jekyll's reader does. */
  private notContent(state: State, p: string): boolean {
    const source = state.config.source;
    const rel = path.relative(source, p);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return !(state.site.themeRoot && p.startsWith(state.site.themeRoot + path.sep));
    const parts = rel.split(path.sep);
    let base = '';
    for (const part of parts) {
      // Underscore folders are read by their own readers (posts, layouts, data…): they count.
      if (part.startsWith('_')) return false;
      if (!state.filter.keep(part, base)) return true;
      base = `${base}/${part}`;
    }
    return false;
  }

  private apply(state: State, plan: Plan): Omit<RebuildResult, 'seconds'> {
    const { site, recorder, config } = state;
    const diagnostics: Diagnostic[] = [];
    site.ctx.diagnostics.length = 0;
    const toRender = new Set<Renderable>();

    for (const doc of plan.docs) {
      const reason = this.rereadDocument(state, doc);
      if (reason) throw new FullRebuildNeeded(reason);
      toRender.add(doc);
      for (const r of recorder.readersOf(doc)) toRender.add(r);
    }
    for (const page of plan.pages) {
      const reason = this.rereadPage(state, page);
      if (reason) throw new FullRebuildNeeded(reason);
      toRender.add(page);
      for (const r of recorder.readersOf(page)) toRender.add(r);
    }
    for (const name of plan.layouts) {
      const old = site.layouts.get(name)!;
      site.layouts.set(name, readLayout(old.path, old.displayPath === old.path ? path.dirname(old.path) : old.path.slice(0, -old.displayPath.length), name));
      for (const r of recorder.usersOf((d) => d.layouts.has(name))) toRender.add(r);
    }
    if (plan.includes.length > 0) {
      const changed = new Set(plan.includes);
      for (const r of recorder.usersOf((d) => [...d.includes].some((i) => changed.has(i)))) toRender.add(r);
      // Excerpts rendered with the old include are cached on their documents.
      resetExcerpts(site);
    }
    if (plan.data) {
      site.data = readDataDir(path.join(config.source, String(config.data_dir ?? '_data')), { source: config.source });
      for (const r of recorder.usersOf((d) => d.data)) toRender.add(r);
      resetExcerpts(site);
    }
    if (plan.sass) {
      for (const page of site.pages) if (/\.s[ac]ss$/i.test(page.ext)) toRender.add(page);
    }
    if (plan.time) {
      for (const r of recorder.usersOf((d) => d.time)) toRender.add(r);
      resetExcerpts(site);
    }

    // A fresh renderer, so parse caches (includes, layouts) never serve old text; the views
    // are reused, since no front matter changed.
    const renderer = createRenderer(site, { recorder, payload: state.payload });
    const ordered = [...toRender].sort((a, b) => renderRank(site, a) - renderRank(site, b));
    const outputs: { destinationPath: string; content: string }[] = [];
    for (const item of ordered) {
      // Every render starts from the text as read (a previous render replaced `content`).
      item.content = item.rawContent;
      item.output = undefined;
      if (item instanceof Document) {
        renderer.renderDocument(item);
        if (renderer.payload.orderSensitive.size > 0) throw new FullRebuildNeeded(`${item.displayPath} reads other documents' content`);
        this.checkReadsConverted(item);
        if (item.write) outputs.push({ destinationPath: item.destinationPath, content: item.output ?? '' });
      } else {
        removeSourceMapPage(site, item);
        renderer.renderPage(item);
        this.checkReadsConverted(item);
        outputs.push({ destinationPath: item.destinationPath, content: item.output ?? '' });
        const map = site.pages.find((p) => p.prerendered && p.path === `${item.path}.map`);
        if (map) outputs.push({ destinationPath: map.destinationPath, content: map.output ?? '' });
      }
    }
    const dest = path.resolve(String(config.destination));
    assertStrict(config.strict, site.ctx.diagnostics);
    const written: string[] = [];
    for (const out of outputs) {
      writeInPlace(dest, out.destinationPath, out.content);
      written.push(out.destinationPath);
    }
    for (const p of plan.statics) {
      const file = state.staticByPath.get(p)!;
      if (!file.write) continue;
      const target = insideDestination(dest, file.destinationPath);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(p, `${target}.utterson-tmp`);
      fs.renameSync(`${target}.utterson-tmp`, target);
      written.push(file.destinationPath);
    }
    diagnostics.push(...site.ctx.diagnostics);
    return { mode: 'incremental', written, rendered: ordered.length, diagnostics };
  }

  /** After a resume, a render may only read content this process has converted. */
  private checkReadsConverted(item: Renderable): void {
    if (!this.converted) return;
    this.converted.add(item);
    for (const d of this.state!.recorder.graph.get(item)?.contentOf ?? []) {
      if (!this.converted.has(d)) throw new FullRebuildNeeded(`${item.displayPath} now reads ${d.displayPath}, which the cache does not hold`);
    }
  }

  /** Re-reads a document; a reason string when its front matter changed (needs a full build). */
  private rereadDocument(state: State, doc: Document): string | undefined {
    const fresh = new Document(doc.ctx, doc.path, doc.relativePath, doc.collection, doc.isDraft);
    readDocument(doc.ctx, fresh);
    if (!sameData(withoutExcerpt(doc.data), withoutExcerpt(fresh.data))) return `front matter of ${doc.displayPath} changed`;
    doc.content = fresh.content;
    doc.rawContent = fresh.rawContent;
    doc.output = undefined;
    if (fresh.data.excerpt instanceof Excerpt) doc.data.excerpt = new Excerpt(doc);
    else doc.data.excerpt = fresh.data.excerpt;
    return undefined;
  }

  private rereadPage(state: State, page: Page): string | undefined {
    if (page.prerendered) return `${page.displayPath} is generated`;
    const fresh = readPage(page.ctx, page.path, page.dir, page.name);
    if (!fresh || !sameData(page.data, fresh.data)) return `front matter of ${page.displayPath} changed`;
    page.content = fresh.content;
    page.rawContent = fresh.rawContent;
    page.output = undefined;
    return undefined;
  }
}

interface Plan {
  full?: string;
  empty: boolean;
  docs: Document[];
  pages: Page[];
  layouts: string[];
  includes: string[];
  statics: string[];
  data: boolean;
  sass: boolean;
  time: boolean;
}

class FullRebuildNeeded extends Error {}

function indexRenderables(site: Site): Map<string, Renderable> {
  const map = new Map<string, Renderable>();
  for (const c of site.collections.values()) for (const d of c.docs) map.set(d.path, d);
  for (const p of site.pages) if (!p.prerendered) map.set(p.path, p);
  return map;
}

/** Documents before pages, each in the order a full render visits them. */
function renderRank(site: Site, item: Renderable): number {
  if (item instanceof Document) {
    let i = 0;
    for (const c of site.collections.values()) {
      const at = c.docs.indexOf(item);
      if (at >= 0) return i + at;
      i += c.docs.length;
    }
    return i;
  }
  return 1e9 + site.pages.indexOf(item);
}

function removeSourceMapPage(site: Site, page: Page): void {
  const at = site.pages.findIndex((p) => p.prerendered && p.path === `${page.path}.map`);
  if (at >= 0) site.pages.splice(at, 1);
}

function resetExcerpts(site: Site): void {
  for (const c of site.collections.values()) {
    for (const d of c.docs) if (d.data.excerpt instanceof Excerpt) d.data.excerpt.output = undefined;
  }
}

function withoutExcerpt(data: Record<string, unknown>): Record<string, unknown> {
  const { excerpt, ...rest } = data;
  return excerpt instanceof Excerpt ? rest : data;
}

/** A fingerprint of an item's front matter (its excerpt object aside). */
function frontMatterKey(item: Renderable): string {
  const data = item instanceof Document ? withoutExcerpt(item.data) : item.data;
  return configKey(data, '');
}

/** Deep equality of front matter values (times by instant and offset). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof JekyllTime || b instanceof JekyllTime) {
    return a instanceof JekyllTime && b instanceof JekyllTime && a.getTime() === b.getTime() && a.utcOffset === b.utcOffset && String(a) === String(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  }
  if (isHash(a) && isHash(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && sameData(a[k], b[k]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return String(a) === String(b) && a.constructor === b.constructor;
  return false;
}

/** Writes one output file in place, through a temporary file and a rename. */
function writeInPlace(dest: string, relative: string, content: string): void {
  const target = insideDestination(dest, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.utterson-tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, target);
}

function elapsed(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}


export { FullRebuildNeeded };
export type { Renderer };
