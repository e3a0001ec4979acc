/**
 * The render phase (Site#render): every document of every collection, then every page:
 * Liquid on the content, the converter (Markdown, Sass), then the chain of layouts.
 */
import path from 'node:path';
import { BuildError, codeFrame, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createJekyllLiquid, LiquidRenderError, type JekyllLiquid } from '../liquid/engine.js';
import { createMarkdownConverter } from '../markdown/index.js';
import { compileSass as compileSassHere, sassOptionsFromConfig, type SassOptions } from '../sass/compile.js';
import type { SassCompiler, SassPrefetch } from '../sass/offload.js';
import { converterKind, type ConverterKind } from '../site/context.js';
import type { Document } from '../site/document.js';
import { Excerpt } from '../site/excerpt.js';
import { Page } from '../site/page.js';
import { allDocuments, posts, type Site } from '../site/site.js';
import { deepMerge, isHash, type Hash } from '../utils/merge.js';
import type { DependencyRecorder } from './deps.js';
import type { RenderProfile } from './profile.js';
import { Payload } from './payload.js';
import { postRender, registerLiquid } from '../plugins/index.js';

const LIQUID_CONSTRUCT = /{%|{{/;

export interface Renderer {
  payload: Payload;
  liquid: JekyllLiquid;
  /** Counts a finished document or page for the progress report. */
  tick(): void;
  renderDocument(doc: Document): void;
  renderPage(page: Page): void;
  /** Pages only the main thread renders: stylesheets (its Sass thread, their source map pages). */
  needsMainThread(page: Page): boolean;
}

export interface RendererOptions {
  /** Records what each output reads, for incremental rebuilds. */
  recorder?: DependencyRecorder;
  /** Collects `--profile` statistics. */
  profile?: RenderProfile;
  /** Told how many documents and pages are rendered, every so often. */
  onProgress?(done: number, total: number): void;
  /**
   * Views of an earlier renderer of the same site to reuse (incremental rebuilds, where front
   * matter did not change): building every post's view again costs more than the render.
   */
  payload?: Payload;
  /** Compiles stylesheets (default: on this thread; build() passes its Sass thread's). */
  sass?: SassCompiler;
  /** Starts compiling stylesheet pages before the documents render (build()'s Sass thread). */
  sassPrefetch?: SassPrefetch;
}

export function createRenderer(site: Site, options: RendererOptions = {}): Renderer {
  const recorder = options.recorder;
  const profile = options.profile;
  const { config } = site.ctx;
  const diagnostics = site.ctx.diagnostics;
  const markdown = createMarkdownConverter({ kramdown: isHash(config.kramdown) ? config.kramdown : {}, highlighter: String(config.highlighter ?? 'rouge') });
  const sassOptions: SassOptions = sassOptionsFromConfig(config, site.sassLoadPaths);
  const compileSass = options.sass ?? compileSassHere;
  const warn = (d: Omit<Diagnostic, 'severity'>) => diagnostics.push({ severity: 'warning', ...d });

  const liquid = createJekyllLiquid({
    source: site.ctx.source,
    includesDirs: site.includesDirs,
    config,
    safe: Boolean(config.safe),
    markdownify: (text) => markdown.convert(text),
    sassify: (text, syntax) => compileSass(text, syntax, 'sassify', sassOptions).css,
    resolvePostUrl: (name) => resolvePostUrl(site, name),
    resolveLinkUrl: (rel) => resolveLinkUrl(site, rel),
    onInclude:
      recorder || profile
        ? (file) => {
            recorder?.include(file);
            profile?.countInclude(path.relative(site.ctx.source, file));
          }
        : undefined,
  });

  registerLiquid(liquid, site);

  const convert = (kind: ConverterKind, text: string, file: string, onSourceMap?: (json: string) => void): string => {
    switch (kind) {
      case 'markdown':
        return markdown.convert(text);
      case 'sass':
      case 'scss': {
        const withMap = onSourceMap !== undefined && sassOptions.sourceMap;
        const result = compileSass(text, kind, file, sassOptions, (message) => warn({ file, message }), withMap);
        if (result.map !== undefined) onSourceMap!(result.map);
        return result.css;
      }
      default:
        return text;
    }
  };

  /** jekyll-sass-converter's SourceMapPage: `<name>.css.map` beside the stylesheet page. */
  const addSourceMapPage = (cssPage: Page, json: string): void => {
    const name = `${cssPage.basename}.css.map`;
    const mapPage = new Page(site.ctx, `${cssPage.path}.map`, cssPage.dir, name);
    mapPage.read({ ...cssPage.data }, json);
    mapPage.output = json;
    mapPage.prerendered = true;
    site.pages.push(mapPage);
  };

  /** Renders a template; a Liquid error becomes a BuildError at the file's own line. */
  const renderLiquid = (template: string, file: string, scope: Hash, firstLine = 1, cache = true): string => {
    const started = profile ? performance.now() : 0;
    try {
      const out = liquid.renderSync(liquid.parse(template, file, cache), scope);
      profile?.record(file, Buffer.byteLength(out), performance.now() - started);
      return out;
    } catch (err) {
      if (!(err instanceof LiquidRenderError)) throw err;
      // Errors inside an include name the include; lines of this template move by its front matter.
      const here = err.file === file || err.file === '';
      const offset = here ? firstLine - 1 : 0;
      throw new BuildError(
        {
          file: err.file || file,
          line: err.line + offset,
          column: err.column,
          message: err.reason,
          frame: here ? codeFrame(template, err.line, err.column, 2, firstLine) : err.frame,
        },
        { cause: err },
      );
    }
  };

  const hooks = {
    excerptOf(doc: Document): string {
      const excerpt = doc.data.excerpt as Excerpt;
      if (excerpt.output === undefined) {
        let out = excerpt.content;
        if (doc.data.render_with_liquid !== false && !doc.yamlFile && LIQUID_CONSTRUCT.test(out)) {
          out = renderLiquid(out, `${doc.displayPath}#excerpt`, scopeFor(payload.excerptView(excerpt), null, undefined), doc.contentLine, false);
        }
        excerpt.output = convert(converterKind(site.ctx, doc.extname), out, doc.displayPath);
      }
      return excerpt.output;
    },
  };
  const payload: Payload = options.payload ?? new Payload(site, hooks);
  payload.hooks = hooks;

  const scopeFor = (page: Hash, paginator: Hash | null | undefined, layout: Hash | undefined): Hash => ({
    site: payload.site,
    page,
    paginator: paginator ?? null,
    layout,
    content: undefined,
    jekyll: payload.jekyll,
    highlighter_prefix: null,
    highlighter_suffix: null,
  });

  /** Renderer#place_in_layouts */
  const placeInLayouts = (content: string, layoutName: unknown, scope: Hash, where: string): string => {
    if (layoutName !== undefined && layoutName !== null) recorder?.layout(String(layoutName));
    let layout = layoutName === undefined || layoutName === null ? undefined : site.layouts.get(String(layoutName));
    if (!layout) {
      if (layoutName !== undefined && layoutName !== null) {
        warn({ file: where, message: `Layout '${String(layoutName)}' requested in ${where} does not exist.` });
      }
      return content;
    }
    const used = new Set([layout]);
    let output = content;
    scope.layout = undefined;
    while (layout) {
      scope.content = output;
      scope.layout = deepMerge(layout.data, (scope.layout as Hash | undefined) ?? {});
      output = renderLiquid(layout.content, layout.displayPath, scope, layout.contentLine);
      const parentName: unknown = layout.data.layout;
      const parent: typeof layout | undefined = parentName === undefined || parentName === null ? undefined : site.layouts.get(String(parentName));
      if (!parent || used.has(parent)) break;
      used.add(parent);
      recorder?.layout(parent.name);
      layout = parent;
    }
    return output;
  };

  const renderConvertible = (opts: {
    view: Hash;
    paginator: Hash | null | undefined;
    layoutName: unknown;
    content: string;
    file: string;
    kind: ConverterKind;
    withLiquid: boolean;
    /** Keep the parse of its Liquid for the next render of the same text. */
    cacheLiquid?: boolean;
    inLayout: boolean;
    setContent: (c: string) => void;
    onSourceMap?: (json: string) => void;
    contentLine: number;
  }): string => {
    const layout = opts.layoutName === undefined || opts.layoutName === null ? undefined : site.layouts.get(String(opts.layoutName));
    const scope = scopeFor(opts.view, opts.paginator, layout ? { ...layout.data } : undefined);
    let output = opts.content;
    // A document's own text is rendered once: caching its parse would only hold memory. Pages
    // keep theirs: the pages of a paginated index (600 at 4,000 posts) share one text.
    if (opts.withLiquid) output = renderLiquid(output, opts.file, scope, opts.contentLine, opts.cacheLiquid === true);
    output = convert(opts.kind, output, opts.file, opts.onSourceMap);
    opts.setContent(output);
    if (opts.inLayout) output = placeInLayouts(output, opts.layoutName, scope, opts.file);
    return output;
  };

  const renderConvertibleFlat = (opts: Parameters<typeof renderConvertible>[0]): string => flat(renderConvertible(opts));

  payload.recorder = recorder;

  // Stylesheet pages are rendered after every document, and their compile (Dart Sass loading,
  // then the compile itself: ~0.7 s of the MrGreen demo) then held up the main thread. They are
  // rendered once more here, before the documents, and what they give is sent to the Sass thread
  // at once; renderPage's own render asks for the same text, and takes that result, unless the
  // text came out different (a stylesheet reading documents, say): then it compiles anew.
  if (options.sassPrefetch) {
    for (const page of site.pages) {
      const kind = converterKind(site.ctx, page.ext);
      if ((kind !== 'scss' && kind !== 'sass') || page.prerendered) continue;
      let text = page.content;
      if (page.get('render_with_liquid') !== false && LIQUID_CONSTRUCT.test(text)) {
        // a rehearsal: its messages are the real render's to give, its failures too
        const before = diagnostics.length;
        const layoutName = page.get('layout');
        const layout = layoutName === undefined || layoutName === null ? undefined : site.layouts.get(String(layoutName));
        payload.current = page;
        try {
          text = renderLiquid(text, page.displayPath, scopeFor(payload.pageView(page), page.pager ?? null, layout ? { ...layout.data } : undefined), page.contentLine, false);
        } catch {
          continue;
        } finally {
          payload.current = undefined;
          diagnostics.length = before;
        }
      }
      options.sassPrefetch(text, kind, page.displayPath, sassOptions, sassOptions.sourceMap);
    }
  }
  let done = 0;
  let lastReport = 0;
  const total = () => site.pages.length + [...site.collections.values()].reduce((n, c) => n + c.docs.length, 0);

  return {
    payload,
    liquid,
    tick() {
      done++;
      if (!options.onProgress) return;
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        options.onProgress(done, total());
      }
    },
    renderDocument(doc) {
      payload.current = doc;
      recorder?.begin(doc);
      // Jekyll warns while reading; here once per document, by the thread that renders it (an
      // excerpt may be rendered on several threads, or never).
      const excerpt = doc.data.excerpt;
      if (excerpt instanceof Excerpt) for (const w of excerpt.warnings) warn({ file: doc.displayPath, message: w });
      // What a render starts from, after plugins' read-time changes: renders that start over use it.
      doc.rawContent = doc.content;
      const asset = doc.assetFile;
      doc.output = renderConvertibleFlat({
        view: payload.docView(doc),
        paginator: null,
        layoutName: doc.data.layout,
        content: doc.content,
        file: doc.displayPath,
        kind: converterKind(site.ctx, doc.extname),
        contentLine: doc.contentLine,
        withLiquid: doc.data.render_with_liquid !== false && !doc.yamlFile && LIQUID_CONSTRUCT.test(doc.content),
        inLayout: !(asset || doc.yamlFile || doc.data.layout === 'none'),
        setContent: (c) => {
          doc.content = flat(c);
        },
      });
      postRender(doc, site);
      recorder?.end();
    },
    needsMainThread(page) {
      const kind = converterKind(site.ctx, page.ext);
      return kind === 'scss' || kind === 'sass';
    },
    renderPage(page) {
      if (page.prerendered) return;
      payload.current = page;
      recorder?.begin(page);
      page.rawContent = page.content;
      const layoutName = page.get('layout');
      page.output = renderConvertibleFlat({
        view: payload.pageView(page),
        paginator: page.pager ?? null,
        layoutName,
        content: page.content,
        file: page.displayPath,
        kind: converterKind(site.ctx, page.ext),
        contentLine: page.contentLine,
        withLiquid: page.get('render_with_liquid') !== false && LIQUID_CONSTRUCT.test(page.content),
        cacheLiquid: true,
        inLayout: page.placeInLayout,
        setContent: (c) => {
          page.content = flat(c);
        },
        onSourceMap: (json) => addSourceMapPage(page, json),
      });
      postRender(page, site);
      recorder?.end();
    },
  };
}

/** Called with each document once its output is final (the build streams it to staging). */
export type DocumentSink = (doc: Document) => void;

/** Renders the whole site in Jekyll's order: collections' documents, then pages. */
export function renderSite(site: Site, renderer: Renderer = createRenderer(site), sink?: DocumentSink): void {
  const docs: Document[] = [];
  for (const c of site.collections.values()) docs.push(...c.docs);
  let i = 0;
  // Documents of `output: false` collections are rendered too: their `output` is visible to Liquid.
  renderDocuments(renderer, docs, () => (i < docs.length ? i++ : -1), sink && ((_index, doc) => sink(doc)));
  renderPages(renderer, site);
}

/** Renders documents in the order `next()` hands out their indices (-1: no more). */
export function renderDocuments(renderer: Renderer, docs: Document[], next: () => number, onRendered?: (index: number, doc: Document) => void): void {
  for (let i = next(); i >= 0; i = next()) {
    const doc = docs[i];
    withLocation(doc.displayPath, () => renderer.renderDocument(doc));
    renderer.tick();
    onRendered?.(i, doc);
  }
}

export function renderPages(renderer: Renderer, site: Site): void {
  for (const page of site.pages) {
    withLocation(page.displayPath, () => renderer.renderPage(page));
    renderer.tick();
  }
}

/** Back to the state after reading, for a render that must start over. */
export function resetRenderState(site: Site): void {
  for (const c of site.collections.values()) {
    for (const doc of c.docs) {
      doc.content = doc.rawContent;
      doc.output = undefined;
      doc.spilledTo = undefined;
      doc.contentSpilledTo = undefined;
      if (doc.data.excerpt instanceof Excerpt) doc.data.excerpt.output = undefined;
    }
  }
}

/**
 * Renders build strings by concatenation, which V8 keeps as trees of pieces (cons strings)
 * costing several times their length. Reading a character flattens one in place; kept
 * contents and outputs are flattened, which took a 5,000-post build from 725 to 575 MiB.
 */
export function flat(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}

export function withLocation(file: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof BuildError) throw err;
    const e = err as Error & { file?: string; line?: number; column?: number; frame?: string };
    throw new BuildError({ file: e.file ?? file, line: e.line, column: e.column, frame: e.frame, message: e.message }, { cause: err });
  }
}

/** `{% post_url 2010-07-21-name %}`: the URL of the post with that file name (any folder). */
export function resolvePostUrl(site: Site, name: string): string | undefined {
  const wanted = name.trim();
  for (const doc of posts(site).docs) {
    const rel = doc.relativePath.replace(/\.[^.]+$/, '');
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (base === wanted || rel.endsWith(`/${wanted}`) || rel.replace(/(^|\/)_posts\//, '$1') === wanted) return doc.url;
  }
  return undefined;
}

/** `{% link path %}`: the URL of the page, document or static file at that source path. */
export function resolveLinkUrl(site: Site, relativePath: string): string | undefined {
  const wanted = relativePath.trim().replace(/^\//, '');
  for (const page of site.pages) if (page.relativePath === wanted) return page.url;
  for (const doc of allDocuments(site)) {
    if (doc.relativePath === wanted || path.relative(site.ctx.source, doc.path) === wanted) return doc.url;
  }
  for (const file of site.staticFiles) if (file.relativePath.replace(/^\//, '') === wanted) return file.url;
  return undefined;
}
