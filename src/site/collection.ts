/** Jekyll's Collection: a labelled set of documents (and static files) under `_<label>/`. */
import type { Hash } from '../utils/merge.js';
import type { SiteContext } from './context.js';
import type { Document } from './document.js';
import type { StaticFile } from './static-file.js';
import { addPermalinkSuffix } from './url.js';

export class Collection {
  docs: Document[] = [];
  files: StaticFile[] = [];

  constructor(
    readonly ctx: SiteContext,
    readonly label: string,
    readonly metadata: Hash,
  ) {}

  get relativeDirectory(): string {
    return `_${this.label}`;
  }

  /** Absolute directory. */
  get directory(): string {
    return `${this.ctx.collectionsPath}/${this.relativeDirectory}`;
  }

  get write(): boolean {
    return Boolean(this.metadata.output);
  }

  get urlTemplate(): string {
    const p = this.metadata.permalink;
    if (typeof p === 'string' && p !== '') return p;
    return addPermalinkSuffix('/:collection/:path', this.ctx.permalinkStyle);
  }

  /** Collection#sort_docs!: `order`, else `sort_by`, else date then path. */
  sortDocs(): void {
    const order = this.metadata.order;
    const sortBy = this.metadata.sort_by;
    if (Array.isArray(order)) {
      const byPath = new Map(this.docs.sort(compareDocuments).map((d) => [d.relativePath, d]));
      const result: Document[] = [];
      for (const entry of order) {
        const key = `${this.relativeDirectory}/${String(entry)}`;
        const doc = byPath.get(key);
        if (doc) {
          result.push(doc);
          byPath.delete(key);
        }
      }
      this.docs = [...result, ...byPath.values()];
    } else if (typeof sortBy === 'string') {
      this.docs.sort((a, b) => {
        const av = a.data[sortBy];
        const bv = b.data[sortBy];
        if ((av === undefined || av === null) && bv !== undefined && bv !== null) return 1;
        if (av !== undefined && av !== null && (bv === undefined || bv === null)) return -1;
        const c = compareValues(av, bv);
        return c === 0 ? compareDocuments(a, b) : c;
      });
    } else {
      this.docs.sort(compareDocuments);
    }
    for (let i = 0; i < this.docs.length; i++) {
      this.docs[i].previous = this.docs[i - 1];
      this.docs[i].next = this.docs[i + 1];
    }
  }
}

/**
 * Document#<=>: by date, then by path. A document without a date compares as nil, so by path
 * (reading `date` would default it to the site time, which Jekyll has not done yet here).
 */
export function compareDocuments(a: Document, b: Document): number {
  const da = a.data.date;
  const db = b.data.date;
  if (da instanceof Date && db instanceof Date) {
    const d = da.getTime() - db.getTime();
    if (d !== 0) return d;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function compareValues(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
