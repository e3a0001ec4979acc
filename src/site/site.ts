/** The Site value: everything read from the source, passed from stage to stage. */
import type { Hash } from '../utils/merge.js';
import type { Collection } from './collection.js';
import type { SiteContext } from './context.js';
import type { Document } from './document.js';
import type { Layout } from './layout.js';
import type { Page } from './page.js';
import type { StaticFile } from './static-file.js';

export interface Site {
  ctx: SiteContext;
  /** Absolute destination directory. */
  dest: string;
  layouts: Map<string, Layout>;
  pages: Page[];
  staticFiles: StaticFile[];
  /** In configuration order, `posts` first. */
  collections: Map<string, Collection>;
  data: Hash;
  /** Absolute include directories, first match wins: the site's, then the theme's. */
  includesDirs: string[];
  /** Absolute Sass load paths: `sass.sass_dir`, the theme's `_sass`, `sass.load_paths`. */
  sassLoadPaths: string[];
  /** Root of the theme in use, if any. */
  themeRoot: string | undefined;
}

export function posts(site: Site): Collection {
  return site.collections.get('posts')!;
}

/** Every document of every collection (Site#documents). */
export function allDocuments(site: Site): Document[] {
  const out: Document[] = [];
  for (const c of site.collections.values()) out.push(...c.docs);
  return out;
}
