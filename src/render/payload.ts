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

  private buildDocView(doc: Document): Hash {
    const view: Hash = { ...doc.data };
    Object.defineProperty(view, DOCUMENT_VIEW, { value: true, enumerable: false });
    const hooks = this.hooks;
    Object.assign(view, {
      collection: doc.collection.label,
      name: doc.data.name ?? doc.basename,
      path: doc.relativePath,
      relative_path: doc.relativePath,
      id: doc.id,
      url: doc.url,
      date: doc.date,
    });
    const noteCrossRead = () => {
      this.recorder?.readContentOf(doc);
      const current = this.current;
      if (current !== doc && current !== undefined && 'collection' in current) this.orderSensitive.add(current);
    };
    Object.defineProperty(view, 'content', {
      get: () => {
        noteCrossRead();
        return doc.readContent();
      },
      enumerable: true,
    });
    Object.defineProperty(view, 'output', {
      get: () => {
        noteCrossRead();
        return doc.readOutput() ?? null;
      },
      enumerable: true,
    });
    Object.defineProperty(view, 'excerpt', {
      get: () => (this.recorder?.readContentOf(doc), doc.data.excerpt instanceof Excerpt ? this.hooks.excerptOf(doc) : doc.data.excerpt === undefined || doc.data.excerpt === null ? '' : String(doc.data.excerpt)),
      enumerable: true,
    });
    Object.defineProperty(view, 'next', { get: () => (doc.next ? this.docView(doc.next) : null), enumerable: true });
    Object.defineProperty(view, 'previous', { get: () => (doc.previous ? this.docView(doc.previous) : null), enumerable: true });
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
