/**
 * The built-in theme's own plugin (on whenever `theme: utterson`), the Ruby a gem theme would
 * ship: the `:name.jpg` image shorthand, outline summaries, a table of contents and reading
 * time for the layouts, and the theme's plugin dependencies (as Jekyll requires a gem theme's
 * runtime dependencies: jekyll-seo-tag and jekyll-feed, for `{% seo %}` and `{% feed_meta %}`).
 */
import { BUILTIN_THEME_NAMES } from '../../read/reader.js';
import type { Site } from '../../site/site.js';
import { isHash } from '../../utils/merge.js';
import { feedPlugin } from '../jekyll-feed/index.js';
import { seoTagPlugin } from '../jekyll-seo-tag/index.js';
import type { Plugin } from '../plugin.js';
import { isShorthand, rewriteShorthandSrc, shorthandPath } from './image-shorthand.js';
import { outlineOf, withoutOutline } from './outline.js';
import { readingMinutes } from './reading-time.js';
import { headingsOf, tocHtml, topLevels } from './toc.js';

/** Plugins the theme's layouts need, enabled for theme sites that do not list them. */
export const THEME_DEPENDENCIES: Plugin[] = [seoTagPlugin, feedPlugin];

const activeCache = new WeakMap<Site, boolean>();

export function usesTheme(site: Site): boolean {
  let active = activeCache.get(site);
  if (active === undefined) {
    const theme = site.ctx.config.theme;
    active = typeof theme === 'string' && BUILTIN_THEME_NAMES.has(theme);
    activeCache.set(site, active);
  }
  return active;
}

function listed(site: Site, plugin: Plugin): boolean {
  const { config } = site.ctx;
  const names = [config.plugins, config.gems].flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  return names.includes(plugin.name) || (plugin.aliases ?? []).some((a) => names.includes(a));
}

/** Theme dependencies the site did not enable itself (so their hooks run once, from here). */
function missingDependencies(site: Site): Plugin[] {
  return usesTheme(site) ? THEME_DEPENDENCIES.filter((p) => !listed(site, p)) : [];
}

function outlineText(html: string | undefined): string | undefined {
  const text = html?.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** site.data.owner[lang].meta_common_description (MrGreen's per-language default). */
function commonDescription(site: Site, lang: unknown): string | undefined {
  const owners = site.data.owner;
  const owner = isHash(owners) ? owners[String(lang)] : undefined;
  const d = isHash(owner) ? owner.meta_common_description : undefined;
  return typeof d === 'string' && d !== '' ? d : undefined;
}

export const uttersonThemePlugin: Plugin = {
  name: 'utterson-theme',
  alwaysOn: true,

  generate(site) {
    for (const p of missingDependencies(site)) p.generate?.(site);
  },

  registerLiquid(liquid, site) {
    for (const p of missingDependencies(site)) p.registerLiquid?.(liquid, site);
    if (!usesTheme(site)) return;
    // `{{ page.img | post_img }}`: the site path of a front-matter image, for relative_url/absolute_url.
    liquid.registerFilter('post_img', { fn: (input) => shorthandPath(input), min: 0, max: 0 });
    // `{{ content | toc }}`: nested lists of links to the headings (the outline's are not sections).
    liquid.registerFilter('toc', { fn: (input) => tocHtml(topLevels(headingsOf(withoutOutline(typeof input === 'string' ? input : '')))), min: 0, max: 0 });
    // `{{ content | reading_minutes: 200 }}`: whole minutes, at least 1.
    liquid.registerFilter('reading_minutes', { fn: (input, wpm) => readingMinutes(input, wpm), min: 0, max: 1 });
  },

  decorateView(item, view, site) {
    for (const p of missingDependencies(site)) p.decorateView?.(item, view, site);
    if (!usesTheme(site)) return;
    // jekyll-seo-tag reads `image`; MrGreen posts name theirs `img`, often as the shorthand.
    if ((view.image === undefined || view.image === null) && view.img) view.image = shorthandPath(view.img);
    else if (isShorthand(view.image)) view.image = shorthandPath(view.image);
    // `summary`: the outline when the post has one, read when used (after conversion).
    Object.defineProperty(view, 'summary', {
      get: () => outlineOf(view.content) ?? null,
      enumerable: true,
      configurable: true,
    });
    // jekyll-seo-tag's description: the page's own, else its outline as text, else the owner's
    // meta_common_description in the page's language (else site.description, as seo does).
    if (view.description === undefined || view.description === null) {
      Object.defineProperty(view, 'description', {
        get: () => outlineText(outlineOf(view.content)) ?? commonDescription(site, view.lang),
        enumerable: true,
        configurable: true,
      });
    }
  },

  postRender(item, site) {
    for (const p of missingDependencies(site)) p.postRender?.(item, site);
    if (!usesTheme(site) || typeof item.output !== 'string') return;
    item.output = rewriteShorthandSrc(item.output, String(site.ctx.config.baseurl ?? ''));
  },
};
