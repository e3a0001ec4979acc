/**
 * The one small interface every built-in plugin implements (Jekyll's generators, hooks,
 * tags and filters). A plugin touches the build only through these calls, so adding one
 * means adding one folder and one line in ./registry.ts.
 */
import type { JekyllLiquid } from '../liquid/engine.js';
import type { Document } from '../site/document.js';
import type { Page } from '../site/page.js';
import type { Site } from '../site/site.js';
import type { Hash } from '../utils/merge.js';

export type Renderable = Document | Page;

export interface Plugin {
  /** The gem name users list under `plugins:` (e.g. `jekyll-feed`). */
  name: string;
  /** Other names that enable it (e.g. `jekyll-paginate` for a v1 alias). */
  aliases?: string[];
  /** On whether or not `plugins:` names it (Utterson's own features, such as translations). */
  alwaysOn?: boolean;
  /**
   * Changes documents' or pages' content or front matter after reading (titles from headings,
   * relative links…): an edited file then needs a full rebuild to get the same changes.
   */
  rewritesContent?: boolean;
  /** After reading, before generating: may add or change what was read. */
  afterRead?(site: Site): void;
  /** Jekyll's generate phase: add pages, documents and static files. */
  generate?(site: Site): void;
  /** Register Liquid tags (`liquid.engine.registerTag`) and filters (`liquid.registerFilter`). */
  registerLiquid?(liquid: JekyllLiquid, site: Site): void;
  /** Add fields to a document's or page's Liquid view when it is built (once per build). */
  decorateView?(item: Renderable, view: Hash, site: Site): void;
  /** Add fields to the `site` Liquid view. */
  decorateSite?(view: Hash, site: Site): void;
  /** Jekyll's :post_render hook: change an item's final output. */
  postRender?(item: Renderable, site: Site): void;
}
