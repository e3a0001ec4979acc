/**
 * What templates see (Jekyll's drops): `site`, `page`, `layout`, `content`, `paginator`, `jekyll`.
 * Views are plain objects built once per build; fields that change while rendering (content,
 * output, excerpt, related posts) are getters, so a `site.posts` loop sees each post as it is now.
 */
import path from 'node:path';
import { compareDocuments, type Collection } from '../site/collection.js';
import type { Document } from '../site/document.js';
import { Excerpt } from '../site/excerpt.js';
import type { Page } from '../site/page.js';
import { posts, type Site } from '../site/site.js';
import type { StaticFile } from '../site/static-file.js';
import { deepMerge, type Hash } from '../utils/merge.js';
import { decorateSite, decorateView } from '../plugins/index.js';
import type { DependencyRecorder } from './deps.js';
import { DOCUMENT_VIEW, SITE_VIEW } from '../utils/views.js';

/** StaticFileDrop's fields, as `site.static_files` shows them. */
export function staticFileView(file: StaticFile): Hash {
  const view: Hash = {
    ...file.data,
    name: file.name,
    extname: file.extname,
    basename: file.basename,
    path: file.relativePath,
    collection: file.type ?? null,
  };
  Object.defineProperty(view, 'modified_time', { get: () => file.modifiedTime, enumerable: true });
  return view;
}

export const JEKYLL_VERSION = '4.3.1';

/** The document a view shows (non-enumerable, so templates and serializers never see it). */
const VIEWED_DOCUMENT = Symbol('viewedDocument');

export interface ViewHooks {
  /** Renders a document's excerpt on first use and returns it. */
  excerptOf(doc: Document): string;
}

export class Payload {
  readonly site: Hash;
  readonly jekyll: Hash;
  private readonly docViews = new Map<Document, Hash>();
  private readonly pageViews = new Map<Page, Hash>();
  private readonly staticViews = new Map<StaticFile, Hash>();
  /** Set while recording what each output reads (incremental rebuilds). */
  recorder: DependencyRecorder | undefined;
  /** The document being rendered, for `site.related_posts`. */
  current: Document | Page | undefined;
  /**
   * Documents whose render read another document's `content` or `output`. What such a render
   * sees depends on Jekyll's render order, so a parallel render redoes them in order.
   */
  readonly orderSensitive = new Set<Document>();
  /** Reads of another document's or page's `content` or `output` (a render worker has none converted). */
  crossReads = 0;
  /**
   * Reads of another page's `content`. Jekyll renders pages in order, so such a read sees earlier
   * pages converted and later ones raw: pages rendered on several threads are rendered again in order.
   */
  pageCrossReads = 0;

  constructor(
    readonly model: Site,
    /** Replaced when an incremental rebuild reuses these views with a new renderer. */
    public hooks: ViewHooks,
  ) {
    this.jekyll = { version: JEKYLL_VERSION, environment: process.env.JEKYLL_ENV || 'development' };
    this.site = this.buildSiteView();
    decorateSite(this.site, model);
  }

  docView(doc: Document): Hash {
    let view = this.docViews.get(doc);
    if (!view) {
      view = this.buildDocView(doc);
      this.docViews.set(doc, view);
      decorateView(doc, view, this.model);
    }
    return view;
  }

  pageView(page: Page): Hash {
    let view = this.pageViews.get(page);
    if (!view) {
      view = this.buildPageView(page);
      this.pageViews.set(page, view);
      decorateView(page, view, this.model);
    }
    return view;
  }

  staticView(file: StaticFile): Hash {
    let view = this.staticViews.get(file);
    if (!view) {
      view = staticFileView(file);
      this.staticViews.set(file, view);
    }
    return view;
  }

  excerptView(excerpt: Excerpt): Hash {
    const doc = excerpt.doc;
    const data = { ...doc.data };
    delete data.layout;
    delete data.excerpt;
    const view: Hash = {
      ...data,
      collection: doc.collection.label,
      name: doc.data.name ?? doc.basename,
      path: excerpt.relativePath,
      relative_path: excerpt.relativePath,
      id: `${doc.id}#excerpt`,
      url: doc.url,
      date: doc.date,
      layout: doc.data.layout,
      excerpt: null,
    };
    Object.defineProperty(view, 'content', { get: () => excerpt.content, enumerable: true });
    Object.defineProperty(view, 'output', { get: () => excerpt.output ?? null, enumerable: true });
    return view;
  }

  /**
   * A document view's live fields, in DocumentDrop's order. The getters are shared by all the
   * views of this payload and find their document on the view (`this`): V8 keeps such views in
   * its fast object layout, where per-view closures, or turning a front matter key (`excerpt`)
   * into a getter after copying it, drop them to dictionary mode — a view then cost ~10 µs to
   * build instead of ~1.5, and a large site builds one per document on every thread.
   */
  private readonly docViewGetters: ReadonlyMap<string, (this: Hash) => unknown> = this.makeDocViewGetters();

  private makeDocViewGetters(): Map<string, (this: Hash) => unknown> {
    const payload = this;
    const docOf = (view: Hash) => (view as Record<symbol, unknown>)[VIEWED_DOCUMENT] as Document;
    const noteCrossRead = (doc: Document) => {
      payload.recorder?.readContentOf(doc);
      const current = payload.current;
      if (current === doc) return;
      payload.crossReads++;
      if (current !== undefined && 'collection' in current) payload.orderSensitive.add(current);
    };
    return new Map<string, (this: Hash) => unknown>([
      ['content', function (this: Hash) {
        const doc = docOf(this);
        noteCrossRead(doc);
        return doc.readContent();
      }],
      ['output', function (this: Hash) {
        const doc = docOf(this);
        noteCrossRead(doc);
        return doc.readOutput() ?? null;
      }],
      ['excerpt', function (this: Hash) {
        const doc = docOf(this);
        payload.recorder?.readContentOf(doc);
        const excerpt = doc.data.excerpt;
        return excerpt instanceof Excerpt ? payload.hooks.excerptOf(doc) : excerpt === undefined || excerpt === null ? '' : String(excerpt);
      }],
      ['next', function (this: Hash) {
        const doc = docOf(this);
        return doc.next ? payload.docView(doc.next) : null;
      }],
      ['previous', function (this: Hash) {
        const doc = docOf(this);
        return doc.previous ? payload.docView(doc.previous) : null;
      }],
    ]);
  }

  private buildDocView(doc: Document): Hash {
    const view: Hash = {};
    Object.defineProperty(view, DOCUMENT_VIEW, { value: true, enumerable: false });
    Object.defineProperty(view, VIEWED_DOCUMENT, { value: doc, enumerable: false });
    const getters = this.docViewGetters;
    // The front matter first, in its order; a key that is also a live field is that field.
    const data = doc.data;
    for (const key of Object.keys(data)) {
      const get = getters.get(key);
      if (get) Object.defineProperty(view, key, { get, enumerable: true, configurable: true });
      else if (key === '__proto__') Object.defineProperty(view, key, { value: data[key], enumerable: true, configurable: true, writable: true });
      else view[key] = data[key];
    }
    view.collection = doc.collection.label;
    view.name = data.name ?? doc.basename;
    view.path = doc.relativePath;
    view.relative_path = doc.relativePath;
    view.id = doc.id;
    view.url = doc.url;
    view.date = doc.date;
    for (const [key, get] of getters) if (!Object.hasOwn(view, key)) Object.defineProperty(view, key, { get, enumerable: true });
    return view;
  }

  private buildPageView(page: Page): Hash {
    const view = deepMerge(page.defaults, page.data);
    Object.assign(view, {
      dir: page.urlDir,
      name: page.name,
      path: page.data.path ?? page.relativePath,
      url: page.url,
    });
    Object.defineProperty(view, 'content', {
      get: () => {
        this.recorder?.readContentOf(page);
        if (this.current !== page) {
          this.crossReads++;
          this.pageCrossReads++;
        }
        return page.content;
      },
      enumerable: true,
    });
    if (!('excerpt' in view)) view.excerpt = null;
    return view;
  }

  private buildSiteView(): Hash {
    const model = this.model;
    const config = model.ctx.config;
    const view: Hash = { ...config };
    Object.defineProperty(view, SITE_VIEW, { value: true, enumerable: false });
    const lazy = (key: string, make: () => unknown) => {
      let value: unknown;
      let made = false;
      Object.defineProperty(view, key, {
        get: () => {
          if (!made) {
            value = make();
            made = true;
          }
          return value;
        },
        enumerable: true,
        configurable: true,
      });
    };
    for (const c of model.collections.values()) {
      if (c.label !== 'posts') lazy(c.label, () => c.docs.map((d) => this.docView(d)));
    }
    Object.defineProperty(view, 'data', {
      get: () => {
        this.recorder?.readData();
        // Read live: an incremental rebuild replaces the model's data when a data file changes.
        return config.data ?? model.data;
      },
      enumerable: true,
    });
    Object.defineProperty(view, 'time', {
      get: () => {
        this.recorder?.readTime();
        return model.ctx.time;
      },
      enumerable: true,
    });
    lazy('pages', () => model.pages.map((p) => this.pageView(p)));
    lazy('static_files', () => model.staticFiles.map((f) => this.staticView(f)));
    lazy('posts', () => [...posts(model).docs].reverse().map((d) => this.docView(d)));
    lazy('html_pages', () => model.pages.filter((p) => p.html || p.url.endsWith('/')).map((p) => this.pageView(p)));
    lazy('collections', () => [...model.collections.values()].sort((a, b) => (a.label < b.label ? -1 : 1)).map((c) => this.collectionView(c)));
    // Site#documents: every collection's documents and its static files.
    lazy('documents', () => [...model.collections.values()].flatMap((c) => [...c.docs.map((d) => this.docView(d)), ...c.files.map((f) => this.staticView(f))]));
    lazy('tags', () => this.postAttrHash('tags'));
    lazy('categories', () => this.postAttrHash('categories'));
    Object.defineProperty(view, 'related_posts', {
      get: () => (this.current && 'collection' in this.current ? this.relatedPosts(this.current as Document) : null),
      enumerable: true,
    });
    return view;
  }

  private collectionView(c: Collection): Hash {
    return {
      ...c.metadata,
      label: c.label,
      docs: c.docs.map((d) => this.docView(d)),
      files: c.files.map((f) => this.staticView(f)),
      directory: c.directory,
      relative_directory: c.relativeDirectory,
      output: c.write,
    };
  }

  /** Site#post_attr_hash: label → posts, newest first. */
  private postAttrHash(attr: 'tags' | 'categories'): Hash {
    const groups = new Map<string, Document[]>();
    for (const doc of posts(this.model).docs) {
      const values = doc.data[attr];
      if (!Array.isArray(values)) continue;
      for (const v of values) {
        const key = String(v);
        let list = groups.get(key);
        if (!list) groups.set(key, (list = []));
        list.push(doc);
      }
    }
    const out: Hash = {};
    for (const [k, list] of groups) out[k] = [...list].sort(compareDocuments).reverse().map((d) => this.docView(d));
    return out;
  }

  /** RelatedPosts#most_recent_posts (LSI is not supported). */
  private relatedPosts(doc: Document): Hash[] {
    const all = posts(this.model).docs;
    if (all.length <= 1) return [];
    return all.slice(-11).reverse().filter((d) => d !== doc).slice(0, 10).map((d) => this.docView(d));
  }
}

export function relativeToSource(site: Site, file: string): string {
  return path.relative(site.ctx.source, file);
}
