/**
 * Which page or document each Liquid view was built for (recorded through
 * Plugin#decorateView), so a plugin can read an item's own front matter even after an
 * always-on plugin has added fields to its view (translations adds `lang` to every view,
 * which real Jekyll does not: jekyll-feed and jekyll-seo-tag read `lang` and must see only
 * the author's value).
 */
import type { Renderable } from '../plugin.js';
import type { Hash } from '../../utils/merge.js';

const items = new WeakMap<object, Renderable>();

export function rememberView(item: Renderable, view: Hash): void {
  items.set(view, item);
}

export function itemOfView(view: unknown): Renderable | undefined {
  return typeof view === 'object' && view !== null ? items.get(view) : undefined;
}

/** A field as the item's data has it (front matter and defaults), else as the view has it. */
export function ownField(view: unknown, key: string): unknown {
  const item = itemOfView(view);
  if (item) return 'collection' in item ? item.data[key] : item.get(key);
  return typeof view === 'object' && view !== null ? (view as Hash)[key] : undefined;
}
