/**
 * Translations as a first-class concept (always on): every page and document view gets `lang`
 * (when it has none) and `translations` (its other language versions), `site.translations[id]`
 * lists each group, `{% hreflang %}` writes the alternate links, and pairing mistakes are
 * reported. The index is built once per build after reading; views only look it up.
 */
import type { Context, Emitter } from 'liquidjs';
import { detectLanguage, languageSettings, type LanguageSettings } from '../../i18n/languages.js';
import { hreflangLinks } from '../../i18n/hreflang.js';
import { pairKey, pairTranslations, translationId, type Entry, type TranslationGroup, type TranslationIndex } from '../../i18n/pairing.js';
import { groupView, otherMembers, type MemberView } from '../../i18n/views.js';
import { isHash, type Hash } from '../../utils/merge.js';
import type { Site } from '../../site/site.js';
import type { Plugin, Renderable } from '../plugin.js';

interface SiteTranslations {
  settings: LanguageSettings;
  key: string;
  index: TranslationIndex<Renderable>;
  langOf: Map<Renderable, string>;
  /** Member views per group, made on first use (URLs are final only after generate). */
  views: Map<TranslationGroup<Renderable>, MemberView[]>;
}

const bySite = new WeakMap<Site, SiteTranslations>();
/** Which item a Liquid `page` view belongs to, so `{% hreflang %}` finds its group. */
const itemOfView = new WeakMap<object, Renderable>();

function isDocument(item: Renderable): item is Extract<Renderable, { collection: unknown }> {
  return 'collection' in item;
}

function getter(item: Renderable): (key: string) => unknown {
  return isDocument(item) ? (key) => item.data[key] : (key) => item.get(key);
}

function languageOf(item: Renderable, settings: LanguageSettings) {
  const get = getter(item);
  return detectLanguage({ lang: get('lang'), lng: get('lng') }, item.relativePath, settings);
}

/** Items that can be linked to: every page, and the documents that are written. */
function linkable(site: Site): Renderable[] {
  const items: Renderable[] = [];
  for (const c of site.collections.values()) for (const doc of c.docs) if (doc.write) items.push(doc);
  items.push(...site.pages);
  return items;
}

/** Builds the site's translation index and reports what is wrong with it. */
export function indexTranslations(site: Site): SiteTranslations {
  const config = site.ctx.config;
  const settings = languageSettings(config, isHash(config.data) ? config.data : site.data);
  const key = pairKey(config);
  const langOf = new Map<Renderable, string>();
  const entries: Entry<Renderable>[] = [];
  for (const item of linkable(site)) {
    const detected = languageOf(item, settings);
    langOf.set(item, detected.lang);
    if (detected.unknown) {
      site.ctx.diagnostics.push({
        severity: 'warning',
        file: item.displayPath,
        message: `Language '${detected.lang}' is not one of the site's languages (${settings.languages.join(', ')}).`,
      });
    }
    entries.push({ item, id: translationId(getter(item), key), lang: detected.lang, file: item.displayPath });
  }
  const index = pairTranslations(entries, settings.languages, key);
  site.ctx.diagnostics.push(...index.diagnostics);
  const t: SiteTranslations = { settings, key, index, langOf, views: new Map() };
  bySite.set(site, t);
  return t;
}

function translationsOf(site: Site): SiteTranslations {
  return bySite.get(site) ?? indexTranslations(site);
}

function viewsOf(t: SiteTranslations, group: TranslationGroup<Renderable>): MemberView[] {
  let views = t.views.get(group);
  if (!views) {
    views = groupView(group, (item) => ({
      url: item.url,
      title: isDocument(item) ? item.data.title : item.get('title'),
      path: item.relativePath,
    }));
    t.views.set(group, views);
  }
  return views;
}

/** The group of the page being rendered: by its view, else by the id in the view. */
function groupOfView(t: SiteTranslations, page: unknown): TranslationGroup<Renderable> | undefined {
  if (!isHash(page)) return undefined;
  const item = itemOfView.get(page);
  if (item) return t.index.groupOf.get(item);
  const id = translationId((k) => page[k], t.key);
  return id === undefined ? undefined : t.index.groups.get(id);
}

export const translationsPlugin: Plugin = {
  name: 'utterson-translations',
  alwaysOn: true,

  afterRead(site) {
    indexTranslations(site);
  },

  decorateView(item, view, site) {
    const t = translationsOf(site);
    itemOfView.set(view, item);
    const group = t.index.groupOf.get(item);
    // A site that names no languages and pairs nothing gets no new variables: its Liquid
    // (jsonify of a page, `page.lang | default: …`) must see exactly what Jekyll gives it.
    if (!t.settings.explicit && !group) return;
    if (view.lang === undefined || view.lang === null || view.lang === '') {
      view.lang = t.langOf.get(item) ?? languageOf(item, t.settings).lang;
    }
    view.translations = group ? otherMembers(group, viewsOf(t, group), item) : [];
  },

  decorateSite(view, site) {
    const t0 = translationsOf(site);
    if (!t0.settings.explicit && t0.index.groups.size === 0) return;
    let groups: Hash | undefined;
    Object.defineProperty(view, 'translations', {
      get: () => {
        if (!groups) {
          const t = translationsOf(site);
          groups = {};
          for (const [id, group] of t.index.groups) groups[id] = viewsOf(t, group);
        }
        return groups;
      },
      enumerable: true,
      configurable: true,
    });
  },

  registerLiquid(liquid, site) {
    liquid.engine.registerTag('hreflang', {
      render(ctx: Context, emitter: Emitter) {
        const t = translationsOf(site);
        const group = groupOfView(t, ctx.getSync(['page']));
        if (!group) return;
        const { config } = site.ctx;
        emitter.write(hreflangLinks(viewsOf(t, group), { siteUrl: config.url, baseurl: config.baseurl, defaultLang: t.settings.defaultLang }));
      },
    });
  },
};
