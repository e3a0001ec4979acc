/**
 * The `site` Liquid view of each build, captured through Plugin#decorateSite, so values a
 * plugin creates while generating (before views exist) can hand out the very same drops later.
 */
import type { Site } from '../../site/site.js';
import type { Hash } from '../../utils/merge.js';

const views = new WeakMap<Site, Hash>();

export function rememberSiteView(site: Site, view: Hash): void {
  views.set(site, view);
}

export function siteView(site: Site): Hash {
  const view = views.get(site);
  if (!view) throw new Error('site view requested before rendering started');
  return view;
}
