/** Jekyll's Page: a file outside collections with front matter, rendered on its own. */
import { deepMerge, type Hash } from '../utils/merge.js';
import { converterOutputExt, extnameOf, permalinkExt, type SiteContext } from './context.js';
import { addPermalinkSuffix, fillFromHash, generateUrl, unescapePath } from './url.js';

const HTML_EXTENSIONS = new Set(['.html', '.xhtml', '.htm']);

export class Page {
  readonly ext: string;
  readonly basename: string;
  data: Hash = {};
  content = '';
  /** The content as read (after front matter), kept for renders that start over. */
  rawContent = '';
  /** File line on which the content starts (after front matter), for error positions. */
  contentLine = 1;
  output: string | undefined;
  /** Set by the pagination plugin. */
  pager: Hash | undefined;
  /** Generated with its output already final (a Sass source map): not rendered. */
  prerendered = false;
  private cachedUrl: string | undefined;

  constructor(
    readonly ctx: SiteContext,
    /** Absolute path of the source file (or of the theme file). */
    readonly path: string,
    /** Directory relative to the source: `` for the root, `/ko`, `/blog/sub`. */
    readonly dir: string,
    readonly name: string,
  ) {
    this.ext = extnameOf(name);
    this.basename = (this.ext ? name.slice(0, -this.ext.length) : name).replace(/\.*$/, '');
  }

  /** `ko/about.md` */
  get relativePath(): string {
    return `${this.dir}/${this.name}`.replace(/^\//, '');
  }

  get type(): string {
    return 'pages';
  }

  read(frontMatter: Hash | null, content: string, contentLine = 1): void {
    this.contentLine = contentLine;
    this.data = frontMatter ?? {};
    this.content = content;
    this.rawContent = content;
  }

  /** Front matter over the defaults that apply (Page#data with its default_proc). */
  get defaults(): Hash {
    return this.ctx.defaults.all(this.relativePath, this.type);
  }

  /** A data lookup that falls back to front matter defaults, as Page#data's default_proc does. */
  get(key: string): unknown {
    return key in this.data ? this.data[key] : this.ctx.defaults.find(this.relativePath, this.type, key);
  }

  get mergedData(): Hash {
    return deepMerge(this.defaults, this.data);
  }

  get permalink(): string | undefined {
    const p = this.data.permalink;
    return p === undefined || p === null || p === false ? undefined : String(p);
  }

  get outputExt(): string {
    return permalinkExt(this.permalink) ?? converterOutputExt(this.ctx, this.ext);
  }

  get html(): boolean {
    return HTML_EXTENSIONS.has(this.outputExt);
  }

  get index(): boolean {
    return this.basename === 'index';
  }

  get template(): string {
    if (!this.html) return '/:path/:basename:output_ext';
    if (this.index) return '/:path/';
    return addPermalinkSuffix('/:path/:basename', this.ctx.permalinkStyle);
  }

  get url(): string {
    this.cachedUrl ??= generateUrl(this.template, this.permalink, (t) =>
      fillFromHash(t, { path: this.dir, basename: this.basename, output_ext: this.outputExt }),
    );
    return this.cachedUrl;
  }

  /** Page#dir as Liquid shows it: the URL's directory. */
  get urlDir(): string {
    const url = this.url;
    if (url.endsWith('/')) return url;
    const d = url.slice(0, url.lastIndexOf('/') + 1);
    return d === '' ? '/' : d;
  }

  get destinationPath(): string {
    const url = this.url;
    let p = unescapePath(url);
    if (url.endsWith('/')) p = `${p}index`;
    if (!p.endsWith(this.outputExt)) p += this.outputExt;
    return p.replace(/^\/+/, '');
  }

  get displayPath(): string {
    return this.relativePath;
  }

  get excerptSeparator(): string {
    const sep = this.get('excerpt_separator') ?? this.ctx.config.excerpt_separator;
    return sep === null || sep === undefined ? '' : String(sep);
  }

  /** Sass files and `layout: none` are not placed in layouts. */
  get placeInLayout(): boolean {
    const ext = this.ext;
    const asset = ext === '.sass' || ext === '.scss' || ext === '.coffee';
    return !(asset || this.get('layout') === 'none');
  }
}
