/**
 * Pairing translations: documents and pages that share a translation id (`lng_pair:` in the
 * MrGreen convention, Hugo's `translationKey:`, or the key named by `translations.key`) form
 * one group. One pass over the site, so it is built once per build, never per page.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isHash, type Hash } from '../utils/merge.js';
import { compareLanguages } from './languages.js';

export const DEFAULT_PAIR_KEY = 'lng_pair';
/** Hugo's name for the same thing, accepted so content moved from Hugo pairs as it did. */
export const HUGO_PAIR_KEY = 'translationKey';

/** The front matter key that carries the translation id: `translations: { key: … }` or `lng_pair`. */
export function pairKey(config: Hash): string {
  const t = config.translations;
  const key = isHash(t) ? t.key : undefined;
  return typeof key === 'string' && key.trim() !== '' ? key.trim() : DEFAULT_PAIR_KEY;
}

/** The translation id in an item's data, if any (a string or number; blank means none). */
export function translationId(get: (key: string) => unknown, key: string): string | undefined {
  for (const k of key === HUGO_PAIR_KEY ? [key] : [key, HUGO_PAIR_KEY]) {
    const v = get(k);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  }
  return undefined;
}

export interface Entry<T> {
  item: T;
  /** Translation id, or undefined for items that are not paired. */
  id: string | undefined;
  lang: string;
  /** For diagnostics: the path relative to the source. */
  file: string;
}

export interface TranslationGroup<T> {
  id: string;
  /** Every member, in the site's language order (then by file, so the order is stable). */
  members: Entry<T>[];
}

export interface TranslationIndex<T> {
  groups: Map<string, TranslationGroup<T>>;
  groupOf: Map<T, TranslationGroup<T>>;
  diagnostics: Diagnostic[];
}

/** Groups entries by id; reports ids shared by two items of one language and ids with one item. */
export function pairTranslations<T>(entries: Iterable<Entry<T>>, languages: readonly string[], key = DEFAULT_PAIR_KEY): TranslationIndex<T> {
  const groups = new Map<string, TranslationGroup<T>>();
  const groupOf = new Map<T, TranslationGroup<T>>();
  for (const entry of entries) {
    if (entry.id === undefined) continue;
    let group = groups.get(entry.id);
    if (!group) groups.set(entry.id, (group = { id: entry.id, members: [] }));
    group.members.push(entry);
    groupOf.set(entry.item, group);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of groups.values()) {
    // Groups are a handful of items, so sorting each costs next to nothing over the whole site.
    group.members.sort((a, b) => compareLanguages(a.lang, b.lang, languages) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    if (group.members.length === 1) {
      diagnostics.push({
        severity: 'warning',
        file: group.members[0].file,
        message: `Translation id '${group.id}' (${key}) has no other member: this ${group.members[0].lang} version has no translation to link to.`,
      });
      continue;
    }
    for (let i = 1; i < group.members.length; i++) {
      const prev = group.members[i - 1];
      const cur = group.members[i];
      if (prev.lang !== cur.lang) continue;
      const first = group.members.find((m) => m.lang === cur.lang)!;
      diagnostics.push({
        severity: 'warning',
        file: cur.file,
        message: `Translation id '${group.id}' (${key}) is used by two ${cur.lang} documents: ${first.file} and ${cur.file}; links for ${cur.lang} go to ${first.file}.`,
      });
    }
  }
  return { groups, groupOf, diagnostics };
}

/** One member per language: the first of each (duplicates were reported). */
export function onePerLanguage<M extends { lang: string }>(members: readonly M[]): M[] {
  const seen = new Set<string>();
  return members.filter((m) => !seen.has(m.lang) && seen.add(m.lang));
}
