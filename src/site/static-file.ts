/** Jekyll's StaticFile: copied byte for byte; listed in `site.static_files`. */
import fs from 'node:fs';
import type { Collection } from './collection.js';
import { extnameOf, type SiteContext } from './context.js';
import { fillFromHash, sanitizeUrl, unescapePath } from './url.js';
import type { Hash } from '../utils/merge.js';
import { JekyllTime } from '../utils/time.js';

export class StaticFile {
  readonly extname: string;
  /** `/assets/img/x.jpg` (with the leading slash, as Jekyll has it). */
  readonly relativePath: string;
  private cachedUrl: string | undefined;
  private cachedData: Hash | undefined;

  constructor(
    readonly ctx: SiteContext,
    /** Absolute path of the file. */
    readonly path: string,
    /** Directory relative to the source, `/assets` or `` for the root. */
    readonly dir: string,
    readonly name: string,
    readonly collection?: Collection,
  ) {
    this.relativePath = `${dir}/${name}`;
    this.extname = extnameOf(name);
  }

  get basename(): string {
    return (this.extname ? this.name.slice(0, -this.extname.length) : this.name).replace(/\.*$/, '');
  }

  get type(): string | undefined {
    return this.collection?.label;
  }

  private get cleanedRelativePath(): string {
    let cleaned = this.extname ? this.relativePath.slice(0, -this.extname.length) : this.relativePath;
    cleaned = cleaned.replace(/\.*$/, '');
    if (this.collection) cleaned = cleaned.replace(this.collection.relativeDirectory, '');
    return cleaned;
  }

  get url(): string {
    if (this.cachedUrl === undefined) {
      let base: string;
      if (!this.collection) base = this.cleanedRelativePath;
      else {
        base = sanitizeUrl(
          fillFromHash(this.collection.urlTemplate, {
            collection: this.collection.label,
            path: this.cleanedRelativePath,
            output_ext: '',
            name: this.basename,
            title: '',
          }),
        );
      }
      this.cachedUrl = base.replace(/\/$/, '') + this.extname;
    }
    return this.cachedUrl;
  }

  get destinationPath(): string {
    return unescapePath(this.url).replace(/^\/+/, '');
  }

  /** Front matter defaults that apply, as `static_file.*` shows them. */
  get data(): Hash {
    this.cachedData ??= this.ctx.defaults.all(this.relativePath, this.type);
    return this.cachedData;
  }

  get modifiedTime(): JekyllTime {
    const ms = fs.statSync(this.path).mtimeMs;
    return new JekyllTime(Math.floor(ms / 1000) * 1000, -new Date(ms).getTimezoneOffset() || 0);
  }

  get write(): boolean {
    // StaticFile#write? matches defaults on the URL, not the path.
    const publishable = this.ctx.defaults.all(this.url, this.type).published !== false;
    if (!this.collection) return publishable;
    return publishable && this.collection.write;
  }
}
