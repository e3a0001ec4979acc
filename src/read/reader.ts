/**
 * The read phase (Jekyll's Reader#read): layouts, then the source tree (posts and drafts in
 * every `_posts`/`_drafts`, pages, static files), `include:` entries, collections, theme
 * assets and data. Returns the Site value that later phases work on.
 */
import fg from 'fast-glob';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config/load.js';
import { FrontmatterDefaults } from '../config/frontmatter-defaults.js';
import { BuildError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Collection } from '../site/collection.js';
import type { SiteContext } from '../site/context.js';
import { DATE_FILENAME, DATELESS_FILENAME, Document } from '../site/document.js';
import type { Layout } from '../site/layout.js';
import { Page } from '../site/page.js';
import type { Site } from '../site/site.js';
import { StaticFile } from '../site/static-file.js';
import { deepMerge, isHash, type Hash } from '../utils/merge.js';
import { JekyllTime, parseTime } from '../utils/time.js';
import { resolvesInside } from './confine.js';
import { readDataDir } from './data.js';
import { EntryFilter } from './entry-filter.js';
import { contentAfterFrontMatter, hasYamlHeader, readUtf8, splitFrontMatter } from './front-matter.js';

/** The built-in theme ships beside the compiled code: <package>/theme. */
export const BUILTIN_THEME_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../theme');
export const BUILTIN_THEME_NAMES = new Set(['utterson', 'utterson-theme']);

export interface ReadOptions {
  config: SiteConfig;
  /** Extra paths (absolute) never read as content, such as the staging directory. */
  ignore?: string[];
}

export function createContext(config: SiteConfig, diagnostics: Diagnostic[]): SiteContext {
  const source = config.source;
  const collectionsDir = String(config.collections_dir ?? '');
  const time = config.time ? parseTime(String(config.time), undefined) : undefined;
  if (config.time && !time) throw new BuildError({ message: `Invalid time in _config.yml: '${String(config.time)}'.` });
  const now = time ? new JekyllTime(time.getTime(), -new Date(time.getTime()).getTimezoneOffset() || 0) : nowLocal();
  const warnings: string[] = [];
  const defaults = new FrontmatterDefaults(config.defaults, source, collectionsDir, warnings);
  for (const w of warnings) diagnostics.push({ severity: 'warning', message: w });
  const future = Boolean(config.future);
  const unpublished = Boolean(config.unpublished);
  const ctx: SiteContext = {
    config,
    source,
    collectionsPath: collectionsDir ? path.join(source, collectionsDir) : source,
    time: now,
    permalinkStyle: String(config.permalink),
    defaults,
    markdownExts: new Set(
      String(config.markdown_ext ?? '')
        .split(',')
        .map((e) => `.${e.trim().toLowerCase()}`),
    ),
    diagnostics,
    publishable(item) {
      const canPublish = item.data.published !== false || unpublished;
      const inFuture = item.date !== undefined && !future && Math.floor(item.date.getTime() / 1000) > Math.floor(now.getTime() / 1000);
      return canPublish && !inFuture;
    },
  };
  return ctx;
}

function nowLocal(): JekyllTime {
  const ms = Date.now();
  return new JekyllTime(ms, -new Date(ms).getTimezoneOffset() || 0);
}

export function readSite(ctx: SiteContext, options: ReadOptions): Site {
  const { config } = ctx;
  const source = ctx.source;
  const dest = path.resolve(String(config.destination));
  const safe = Boolean(config.safe);
  const filter = new EntryFilter(source, config.include, config.exclude, safe, new Map());
  const themeRoot = resolveTheme(config, ctx.diagnostics);
  const ignored = new Set([dest, ...(options.ignore ?? [])]);

  const collections = new Map<string, Collection>();
  for (const [label, meta] of Object.entries(config.collections)) {
    const clean = label.replace(/[^a-z0-9_\-.]/gi, '');
    collections.set(clean, new Collection(ctx, clean, meta));
  }
  const postsCollection = collections.get('posts')!;

  const site: Site = {
    ctx,
    dest,
    layouts: readLayouts(ctx, filter, themeRoot),
    pages: [],
    staticFiles: [],
    collections,
    data: {},
    includesDirs: [path.join(source, String(config.includes_dir ?? '_includes')), ...(themeRoot ? [path.join(themeRoot, '_includes')] : [])],
    sassLoadPaths: sassLoadPaths(config, source, themeRoot),
    themeRoot,
  };

  const collectionsDir = String(config.collections_dir ?? '');
  const readDirectory = (dir: string): void => {
    const base = path.join(source, dir);
    let names: string[];
    try {
      names = fs.readdirSync(base).sort();
    } catch {
      return;
    }
    const dirs: string[] = [];
    const pageNames: string[] = [];
    const staticNames: string[] = [];
    for (const name of filter.filter(names, dir)) {
      const abs = path.join(base, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(abs);
      } catch {
        continue; // a dangling symlink
      }
      if (stat.isDirectory()) dirs.push(name);
      else if (hasYamlHeader(abs)) pageNames.push(name);
      else staticNames.push(name);
    }
    if (!collectionsDir || dir.startsWith(`/${collectionsDir}`)) {
      postsCollection.docs.push(...readPosts(ctx, filter, postsCollection, dir, '_posts'));
      if (config.show_drafts) postsCollection.docs.push(...readPosts(ctx, filter, postsCollection, dir, '_drafts'));
    }
    for (const name of dirs) {
      const abs = path.join(base, name);
      if (ignored.has(abs)) continue;
      readDirectory(`${dir}/${name}`);
    }
    for (const name of pageNames) {
      const page = readPage(ctx, path.join(base, name), dir, name);
      if (page && ctx.publishable(page)) site.pages.push(page);
    }
    for (const name of staticNames) site.staticFiles.push(new StaticFile(ctx, path.join(base, name), dir, name));
  };
  readDirectory('');
  readIncludedFiles(ctx, site, filter);

  for (const c of collections.values()) c.sortDocs();
  // Reader#sort_files!: a stable sort by name, so pages sharing a name (MrGreen's per-language
  // tabs/about.md) keep the walk's order: subfolders before the folder's own pages.
  site.pages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  site.staticFiles.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));

  for (const c of collections.values()) {
    if (c.label === 'posts' || c.label === 'data') continue;
    readCollection(ctx, filter, c, site);
  }
  if (themeRoot) readThemeAssets(ctx, site, themeRoot);

  site.data = readDataDir(path.join(source, String(config.data_dir ?? '_data')), {
    source,
    skip: (p) => filter.symlinkOutside(p),
    csvReader: isHash(config.csv_reader) ? config.csv_reader : undefined,
  });
  if (themeRoot) {
    const themeData = readDataDir(path.join(themeRoot, '_data'), { source: themeRoot });
    site.data = deepMerge(themeData, site.data);
  }

  const limit = Number(config.limit_posts ?? 0);
  if (limit > 0 && postsCollection.docs.length > limit) {
    postsCollection.docs = postsCollection.docs.slice(-limit);
    postsCollection.sortDocs();
  }
  return site;
}

function resolveTheme(config: SiteConfig, diagnostics: Diagnostic[]): string | undefined {
  const theme = config.theme;
  if (theme === undefined || theme === null) return undefined;
  if (typeof theme === 'string' && BUILTIN_THEME_NAMES.has(theme)) return BUILTIN_THEME_ROOT;
  diagnostics.push({ severity: 'warning', message: `Theme '${String(theme)}' is not available; Utterson has its built-in theme 'utterson'. Building without a theme.` });
  return undefined;
}

function sassLoadPaths(config: SiteConfig, source: string, themeRoot: string | undefined): string[] {
  const sass = isHash(config.sass) ? config.sass : {};
  const dirs = [path.resolve(source, String(sass.sass_dir ?? '_sass'))];
  if (themeRoot) dirs.push(path.join(themeRoot, '_sass'));
  if (Array.isArray(sass.load_paths)) for (const p of sass.load_paths) dirs.push(path.resolve(source, String(p)));
  return dirs;
}

/** Reads one layout file (the incremental rebuild re-reads a changed one). */
export function readLayout(abs: string, root: string, name: string): Layout {
  const display = path.relative(root, abs);
  const split = splitFrontMatter(readUtf8(abs, display), display);
  return { name, path: abs, displayPath: display, data: split.frontMatter ?? {}, content: split.content, contentLine: split.contentLine };
}

/** Layouts read their YAML as Convertible#read_yaml: bad front matter is a warning unless strict_front_matter. */
function readLayoutLeniently(ctx: SiteContext, abs: string, root: string, name: string): Layout {
  try {
    return readLayout(abs, root, name);
  } catch (err) {
    if (!(err instanceof BuildError) || ctx.config.strict_front_matter || !/YAML Exception/.test(err.diagnostic.message)) throw err;
    ctx.diagnostics.push({ ...err.diagnostic, severity: 'warning' });
    const rest = contentAfterFrontMatter(readUtf8(abs, err.diagnostic.file ?? abs));
    return { name, path: abs, displayPath: path.relative(root, abs), data: {}, content: rest.content, contentLine: rest.contentLine };
  }
}

function readLayouts(ctx: SiteContext, filter: EntryFilter, themeRoot: string | undefined): Map<string, Layout> {
  const layouts = new Map<string, Layout>();
  const allowed = themeRoot ? [ctx.source, themeRoot] : [ctx.source];
  const readFrom = (dir: string, root: string, onlyMissing: boolean) => {
    if (!fs.existsSync(dir)) return;
    const entries = fg.sync('**/*.*', { cwd: dir, dot: false, followSymbolicLinks: !ctx.config.safe }).sort();
    // Matched against exclude as if at the root (Jekyll's LayoutReader); confined just below.
    for (const entry of filter.filter(entries, '', false)) {
      if (!resolvesInside(path.join(dir, entry), allowed)) continue; // a symlink leading elsewhere
      const name = entry.split('.').slice(0, -1).join('.');
      if (onlyMissing && layouts.has(name)) continue;
      layouts.set(name, readLayoutLeniently(ctx, path.join(dir, entry), root, name));
    }
  };
  readFrom(path.join(ctx.source, String(ctx.config.layouts_dir ?? '_layouts')), ctx.source, false);
  if (themeRoot) readFrom(path.join(themeRoot, '_layouts'), themeRoot, true);
  return layouts;
}

function readPosts(ctx: SiteContext, filter: EntryFilter, collection: Collection, dir: string, magicDir: '_posts' | '_drafts'): Document[] {
  const base = path.join(ctx.source, dir, magicDir);
  if (!fs.existsSync(base)) return [];
  const entries = filter.filter(fg.sync('**/*', { cwd: base, dot: false, followSymbolicLinks: !ctx.config.safe }).sort(), `${dir}/${magicDir}`);
  const matcher = magicDir === '_posts' ? DATE_FILENAME : DATELESS_FILENAME;
  const docs: Document[] = [];
  // (relative to the collections folder: the folder's part once, the entries appended)
  const baseRelative = path.relative(ctx.collectionsPath, base).split(path.sep).join('/');
  for (const entry of entries) {
    if (!matcher.test(entry)) continue;
    const abs = path.join(base, entry);
    const relativePath = baseRelative === '' ? entry : `${baseRelative}/${entry}`;
    const doc = new Document(ctx, abs, relativePath, collection, magicDir === '_drafts');
    if (!readDocument(ctx, doc)) continue;
    if (ctx.publishable(doc)) docs.push(doc);
    else if (doc.published || ctx.config.unpublished) {
      ctx.diagnostics.push({ severity: 'info', file: doc.displayPath, message: `Skipping: ${doc.relativePath} has a future date` });
    }
  }
  return docs;
}

/** Reads a document's file; false when it cannot be used (reported as a diagnostic). */
export function readDocument(ctx: SiteContext, doc: Document): boolean {
  const display = doc.displayPath;
  if (doc.yamlFile) {
    // A .yml document is all data (Document#read for YAML files).
    doc.read(null, '');
    return true;
  }
  const text = readUtf8(doc.path, display);
  try {
    const split = splitFrontMatter(text, display);
    doc.read(split.frontMatter, split.content, split.contentLine);
    if (doc.isDraft && (doc.data.date === undefined || doc.data.date === ctx.time)) {
      const ms = fs.statSync(doc.path).mtimeMs;
      doc.data.date = new JekyllTime(Math.floor(ms / 1000) * 1000, -new Date(ms).getTimezoneOffset() || 0);
    }
  } catch (err) {
    if (err instanceof BuildError && !ctx.config.strict_front_matter && /YAML Exception/.test(err.diagnostic.message)) {
      // Jekyll logs the YAML error and goes on with the file's defaults (Document#handle_read_error).
      ctx.diagnostics.push({ ...err.diagnostic, severity: 'error' });
      const rest = contentAfterFrontMatter(text);
      doc.read(null, rest.content, rest.contentLine);
      return true;
    }
    throw err;
  }
  return true;
}

export function readPage(ctx: SiteContext, abs: string, dir: string, name: string): Page | undefined {
  const page = new Page(ctx, abs, dir, name);
  const text = readUtf8(abs, page.relativePath);
  let split: { frontMatter: Hash | null; content: string; contentLine: number };
  try {
    split = splitFrontMatter(text, page.relativePath);
  } catch (err) {
    // Convertible#read_yaml: without strict_front_matter, a warning and the page without data.
    if (!(err instanceof BuildError) || ctx.config.strict_front_matter || !/YAML Exception/.test(err.diagnostic.message)) throw err;
    ctx.diagnostics.push({ ...err.diagnostic, severity: 'warning' });
    split = { frontMatter: null, ...contentAfterFrontMatter(text) };
  }
  page.read(split.frontMatter, split.content, split.contentLine);
  if (page.data.permalink === '') throw new BuildError({ file: page.relativePath, message: `Invalid permalink in ${page.relativePath}` });
  return page;
}

/** Reader#read_included_excludes: top-level `include:` files not already read. */
function readIncludedFiles(ctx: SiteContext, site: Site, filter: EntryFilter): void {
  for (const entry of ctx.config.include) {
    const abs = path.join(ctx.source, entry);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      continue;
    }
    if (!stat.isFile() || filter.symlinkOutside(abs)) continue;
    const rel = path.relative(ctx.source, abs).split(path.sep).join('/');
    const dir = rel.includes('/') ? `/${rel.slice(0, rel.lastIndexOf('/'))}` : '';
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (hasYamlHeader(abs)) {
      if (site.pages.some((p) => p.path === abs)) continue;
      const page = readPage(ctx, abs, dir, name);
      if (page && ctx.publishable(page)) site.pages.push(page);
    } else {
      if (site.staticFiles.some((f) => f.path === abs)) continue;
      site.staticFiles.push(new StaticFile(ctx, abs, dir, name));
    }
  }
}

function readCollection(ctx: SiteContext, filter: EntryFilter, collection: Collection, site: Site): void {
  const dir = collection.directory;
  if (!fs.existsSync(dir) || filter.symlinkOutside(dir)) return;
  const entries = fg.sync('**/*', { cwd: dir, dot: true, followSymbolicLinks: !ctx.config.safe }).sort();
  for (const entry of filter.filter(entries, collection.relativeDirectory)) {
    const abs = path.join(dir, entry);
    if (hasYamlHeader(abs)) {
      const relativePath = path.relative(ctx.collectionsPath, abs).split(path.sep).join('/');
      const doc = new Document(ctx, abs, relativePath, collection);
      readDocument(ctx, doc);
      if (ctx.config.unpublished || doc.published) collection.docs.push(doc);
    } else {
      const relDir = path.posix.dirname(`${collection.relativeDirectory}/${entry}`);
      collection.files.push(new StaticFile(ctx, abs, relDir, path.posix.basename(entry), collection));
    }
  }
  site.staticFiles.push(...collection.files);
  collection.sortDocs();
}

/** ThemeAssetsReader: the theme's assets/ unless the site has a file at the same path. */
function readThemeAssets(ctx: SiteContext, site: Site, themeRoot: string): void {
  const assets = path.join(themeRoot, 'assets');
  if (!fs.existsSync(assets)) return;
  for (const entry of fg.sync('**/*', { cwd: assets, dot: true }).sort()) {
    const abs = path.join(assets, entry);
    const rel = `assets/${entry}`;
    const dir = path.posix.dirname(rel);
    const name = path.posix.basename(rel);
    if (hasYamlHeader(abs)) {
      if (site.pages.some((p) => p.relativePath === rel)) continue;
      const page = new Page(ctx, abs, dir, name);
      const split = splitFrontMatter(readUtf8(abs, `theme/${rel}`), `theme/${rel}`);
      page.read(split.frontMatter, split.content, split.contentLine);
      site.pages.push(page);
    } else {
      if (site.staticFiles.some((f) => f.relativePath === `/${rel}`)) continue;
      site.staticFiles.push(new StaticFile(ctx, abs, `/${dir}`, name));
    }
  }
}

export type { Hash };
