/**
 * Jekyll's Document: a file in a collection (posts, drafts, or a custom collection).
 * Holds front matter merged over defaults, the raw content, and after rendering the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BuildError } from '../diagnostics/diagnostic.js';
import { deepMergeInPlace, type Hash } from '../utils/merge.js';
import { slugify, titleizeSlug } from '../utils/slugify.js';
import { strftime } from '../utils/strftime.js';
import { JekyllTime, parseTime, YamlDate } from '../utils/time.js';
import type { Collection } from './collection.js';
import { converterOutputExt, extnameOf, permalinkExt, type SiteContext } from './context.js';
import { Excerpt } from './excerpt.js';
import { fillFromDrop, generateUrl, unescapePath } from './url.js';

export const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
export const DATELESS_FILENAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

export class Document {
  readonly extname: string;
  readonly basename: string;
  readonly basenameWithoutExt: string;
  data: Hash = {};
  content = '';
  /** The content as read (after front matter), kept for renders that start over. */
  rawContent = '';
  /** File line on which the content starts (after front matter), for error positions. */
  contentLine = 1;
  output: string | undefined;
  /**
   * Where the output was written early (a build streams outputs into its staging directory
   * and lets go of them); a template that asks for `output` afterwards reads it back.
   */
  spilledTo: string | undefined;
  /** Likewise for the converted content, kept in a scratch folder beside the staging one. */
  contentSpilledTo: string | undefined;
  /** Set by the collection after sorting, for page.next / page.previous. */
  next: Document | undefined;
  previous: Document | undefined;
  private cachedUrl: string | undefined;

  constructor(
    readonly ctx: SiteContext,
    /** Absolute path of the source file. */
    readonly path: string,
    /** Path relative to the collections directory (`_posts/2020-01-01-x.md`, `ko/_posts/…`). */
    readonly relativePath: string,
    readonly collection: Collection,
    readonly isDraft = false,
  ) {
    this.extname = extnameOf(relativePath);
    this.basename = path.slice(path.lastIndexOf('/') + 1);
    this.basenameWithoutExt = this.extname ? this.basename.slice(0, -this.extname.length) : this.basename;
    // Document#initialize calls draft?, which stores `draft` in the data of every document.
    this.data.draft = isDraft;
    // Document#initialize: categories from the folders above the collection's directory.
    this.mergeData({ categories: this.categoriesFromPath(isDraft ? '_drafts' : collection.relativeDirectory) }, 'file path');
  }

  get type(): string {
    return this.collection.label;
  }

  /** Document#read after the file's text was split: defaults, front matter, post data. */
  read(frontMatter: Hash | null, content: string, contentLine = 1): void {
    this.contentLine = contentLine;
    const defaults = this.ctx.defaults.all(this.relativePath, this.type);
    if (Object.keys(defaults).length > 0) this.mergeData(defaults, 'front matter defaults');
    this.content = content;
    this.rawContent = content;
    if (frontMatter) this.mergeData(frontMatter, 'YAML front matter');
    this.populateTitle();
    this.populateCategories();
    this.populateTags();
    if (this.excerptSeparator !== '' && this.data.excerpt === undefined) this.data.excerpt = new Excerpt(this);
  }

  get yamlFile(): boolean {
    return this.extname === '.yaml' || this.extname === '.yml';
  }
  get assetFile(): boolean {
    return this.extname === '.sass' || this.extname === '.scss' || this.extname === '.coffee';
  }

  get date(): JekyllTime {
    let date = this.data.date;
    if (!(date instanceof JekyllTime)) {
      date = this.ctx.time;
      this.data.date = date;
    }
    return date as JekyllTime;
  }

  /** The content, from memory or from where it was set aside. */
  readContent(): string {
    if (this.contentSpilledTo === undefined) return this.content;
    return fs.readFileSync(this.contentSpilledTo, 'utf8');
  }

  /** The output, from memory or from where it was streamed. */
  readOutput(): string | undefined {
    if (this.output !== undefined) return this.output;
    return this.spilledTo === undefined ? undefined : fs.readFileSync(this.spilledTo, 'utf8');
  }

  get published(): boolean {
    return this.data.published !== false;
  }

  get excerptSeparator(): string {
    const sep = this.data.excerpt_separator ?? this.ctx.config.excerpt_separator;
    return sep === null || sep === undefined ? '' : String(sep);
  }

  get permalink(): string | undefined {
    const p = this.data.permalink;
    return p === undefined || p === null || p === false ? undefined : String(p);
  }

  get outputExt(): string {
    return permalinkExt(this.permalink) ?? converterOutputExt(this.ctx, this.extname);
  }

  /** Document#cleaned_relative_path */
  get cleanedRelativePath(): string {
    const noExt = this.extname ? this.relativePath.slice(0, -this.extname.length) : this.relativePath;
    return noExt.replace(this.collection.relativeDirectory, '').replace(/\.*$/, '');
  }

  /**
   * UrlDrop: the placeholders a document's permalink may use. Each is computed when the
   * template asks for it (a permalink names a handful of the two dozen).
   */
  urlPlaceholders(): Record<string, string> {
    const placeholders = Object.create(URL_PLACEHOLDERS) as Record<string, string>;
    (placeholders as unknown as { [DOC]: Document })[DOC] = this;
    return placeholders;
  }

  get url(): string {
    if (this.cachedUrl === undefined) {
      const placeholders = this.urlPlaceholders();
      try {
        this.cachedUrl = generateUrl(this.collection.urlTemplate, this.permalink, (t) => fillFromDrop(t, placeholders, this.relativePath));
      } catch (err) {
        throw new BuildError({ file: this.displayPath, message: (err as Error).message });
      }
    }
    return this.cachedUrl;
  }

  /** Document#destination, relative to the destination root. */
  get destinationPath(): string {
    const url = this.url;
    let p = unescapePath(url);
    if (url.endsWith('/')) p = `${p}index.html`;
    else if (!p.endsWith(this.outputExt)) p += this.outputExt;
    return p.replace(/^\/+/, '');
  }

  /** Document#id */
  get id(): string {
    const slug = this.data.slug ?? this.basenameWithoutExt;
    return path.posix.join(path.posix.dirname(this.url), String(slug));
  }

  /** Path for messages: relative to the source. */
  get displayPath(): string {
    // (asked for by every message, write and sink: path.relative is not free)
    return (this.cachedDisplayPath ??= path.relative(this.ctx.source, this.path));
  }

  private cachedDisplayPath: string | undefined;

  get write(): boolean {
    return this.collection.write && this.ctx.publishable(this);
  }

  mergeData(other: Hash, source: string): void {
    let incoming = other;
    if (other.categories !== undefined && other.categories !== null) {
      incoming = { ...other };
      if (typeof incoming.categories === 'string') incoming.categories = incoming.categories.split(/\s+/).filter(Boolean);
      if (Array.isArray(this.data.categories) && Array.isArray(incoming.categories)) {
        incoming.categories = [...new Set([...(this.data.categories as unknown[]), ...(incoming.categories as unknown[])])];
      }
    }
    // Jekyll merges in place (deep_merge_hashes!). A document's data is its own object (made
    // in the constructor, never handed in), so its top level can be changed in place instead of
    // copied twice in each of the five merges every document goes through.
    deepMergeInPlace(this.data, incoming);
    if ('date' in this.data && this.data.date !== null && this.data.date !== undefined) {
      this.data.date = this.parseDate(this.data.date, source);
    }
  }

  private parseDate(value: unknown, source: string): JekyllTime {
    // Utils.parse_date(value.to_s).localtime: re-read in the local zone.
    const parsed = value instanceof JekyllTime && !(value instanceof YamlDate) ? value : parseTime(String(value), undefined);
    if (!parsed) {
      throw new BuildError({
        file: this.displayPath,
        message: `Invalid date '${String(value)}': Document '${this.relativePath}' does not have a valid date in the ${source}.`,
      });
    }
    return toLocal(parsed);
  }

  private categoriesFromPath(specialDir: string): string[] {
    if (this.relativePath.startsWith(specialDir)) return [];
    const idx = this.relativePath.indexOf(specialDir);
    const superdirs = idx >= 0 ? this.relativePath.slice(0, idx) : this.relativePath;
    return superdirs.split('/').filter((c) => c !== '' && c !== specialDir && c !== this.basename);
  }

  private populateTitle(): void {
    let slug: string | undefined;
    let ext: string | undefined;
    const dated = DATE_FILENAME.exec(this.relativePath);
    if (dated) {
      [, , slug, ext] = dated;
      const fileDate = dated[1];
      if (this.data.date === undefined || this.data.date === null || (this.data.date instanceof Date && Math.floor(this.data.date.getTime() / 1000) === Math.floor(this.ctx.time.getTime() / 1000))) {
        this.mergeData({ date: fileDate }, 'filename');
      }
    } else {
      const dateless = DATELESS_FILENAME.exec(this.relativePath);
      if (dateless) [, slug, ext] = dateless;
    }
    slug = (slug ?? this.basenameWithoutExt).replace(/\.*$/, '');
    if (this.data.title === undefined || this.data.title === null || this.data.title === false) this.data.title = titleizeSlug(slug);
    if (this.data.slug === undefined || this.data.slug === null || this.data.slug === false) this.data.slug = slug;
    if (this.data.ext === undefined || this.data.ext === null || this.data.ext === false) this.data.ext = ext;
  }

  private populateCategories(): void {
    const fromData = this.data.categories;
    const own = Array.isArray(fromData) ? fromData : fromData === undefined || fromData === null ? [] : [fromData];
    const categories = [...own, ...pluralizedArray(this.data, 'category', 'categories')].flat(Infinity).map((c) => String(c));
    this.mergeData({ categories: [...new Set(categories)] }, 'categories');
  }

  private populateTags(): void {
    this.mergeData({ tags: pluralizedArray(this.data, 'tag', 'tags').flat(Infinity) }, 'tags');
  }
}

/** Utils.pluralized_array_from_hash: the singular key wins; a plural string splits on whitespace. */
export function pluralizedArray(data: Hash, singular: string, plural: string): unknown[] {
  let value: unknown = data[singular];
  if (value === undefined || value === null) {
    const pv = data[plural];
    if (typeof pv === 'string') value = pv.split(/\s+/).filter(Boolean);
    else if (Array.isArray(pv)) value = pv.filter((v) => v !== null && v !== undefined);
    else value = undefined;
  }
  return [value].flat(Infinity).filter((v) => v !== null && v !== undefined);
}

/** Time#localtime in the process zone (Jekyll sets ENV['TZ'] from `timezone`). */
export function toLocal(t: JekyllTime): JekyllTime {
  const offset = -new Date(t.getTime()).getTimezoneOffset() || 0;
  // already local: every merge of a document's data localizes its date again
  if (t.utcOffset === offset && t.constructor === JekyllTime) return t;
  return new JekyllTime(t.getTime(), offset);
}

const DOC = Symbol('document');
const docOf = (placeholders: object): Document => (placeholders as { [DOC]: Document })[DOC];
const dateFormat = (f: string) =>
  function (this: object): string {
    return strftime(docOf(this).date, f);
  };
const categoriesOf = (doc: Document): unknown[] => (Array.isArray(doc.data.categories) ? (doc.data.categories as unknown[]) : []);
const slugOf = (doc: Document): string | undefined => (doc.data.slug === undefined || doc.data.slug === null ? undefined : String(doc.data.slug));
/**
 * The placeholder getters, defined once and shared by every document's placeholders (which
 * only hold the document, under a symbol). A prototype without Object's own members, so that
 * `:constructor` in a permalink is an unknown placeholder, as in Jekyll.
 */
const URL_PLACEHOLDER_GETTERS: Record<string, (this: object) => string> = {
  collection() { return docOf(this).collection.label; },
  output_ext() { return docOf(this).outputExt; },
  path() { return docOf(this).cleanedRelativePath; },
  name() { return slugify(docOf(this).basenameWithoutExt) ?? ''; },
  title() {
    const doc = docOf(this);
    return slugify(slugOf(doc), 'pretty', true) ?? slugify(doc.basenameWithoutExt, 'pretty', true) ?? '';
  },
  slug() {
    const doc = docOf(this);
    return slugify(slugOf(doc)) ?? slugify(doc.basenameWithoutExt) ?? '';
  },
  categories() { return [...new Set(categoriesOf(docOf(this)).map((c) => String(c).toLowerCase()))].join('/'); },
  slugified_categories() { return [...new Set(categoriesOf(docOf(this)).map((c) => slugify(String(c)) ?? ''))].join('/'); },
  year: dateFormat('%Y'),
  month: dateFormat('%m'),
  day: dateFormat('%d'),
  hour: dateFormat('%H'),
  minute: dateFormat('%M'),
  second: dateFormat('%S'),
  i_day: dateFormat('%-d'),
  i_month: dateFormat('%-m'),
  short_month: dateFormat('%b'),
  long_month: dateFormat('%B'),
  short_year: dateFormat('%y'),
  w_year: dateFormat('%G'),
  week: dateFormat('%V'),
  w_day: dateFormat('%u'),
  short_day: dateFormat('%a'),
  long_day: dateFormat('%A'),
  y_day: dateFormat('%j'),
};
const URL_PLACEHOLDERS: object = Object.create(
  null,
  Object.fromEntries(Object.entries(URL_PLACEHOLDER_GETTERS).map(([key, get]) => [key, { get, enumerable: true }])),
);
