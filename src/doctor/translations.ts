/**
 * Translation pairs, checked on their own (the translations plugin reports the same mistakes
 * during a build; this check does not depend on it): an id with a single member, and two
 * members of one language under one id.
 */
import { detectLanguage, languageSettings } from '../i18n/languages.js';
import { pairKey, translationId } from '../i18n/pairing.js';
import type { Site } from '../site/site.js';
import type { Problem } from './problem.js';

interface Member {
  file: string;
  lang: string;
}

export function checkTranslations(site: Site): Problem[] {
  const config = site.ctx.config;
  const settings = languageSettings(config, site.data);
  const key = pairKey(config);
  const groups = new Map<string, Member[]>();
  const items: { file: string; relativePath: string; get: (k: string) => unknown }[] = [];
  for (const c of site.collections.values()) {
    for (const doc of c.docs) if (doc.write) items.push({ file: doc.displayPath, relativePath: doc.relativePath, get: (k) => doc.data[k] });
  }
  for (const page of site.pages) items.push({ file: page.displayPath, relativePath: page.relativePath, get: (k) => page.get(k) });

  const seen = new Set<string>();
  for (const item of items) {
    // One source can have several outputs (jekyll-paginate's page2/ … of index.html): count it once.
    if (seen.has(item.file)) continue;
    seen.add(item.file);
    const id = translationId(item.get, key);
    if (id === undefined) continue;
    const lang = detectLanguage({ lang: item.get('lang'), lng: item.get('lng') }, item.relativePath, settings).lang;
    const list = groups.get(id) ?? [];
    list.push({ file: item.file, lang });
    groups.set(id, list);
  }

  const problems: Problem[] = [];
  for (const [id, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    members.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const langs = new Set(members.map((m) => m.lang));
    if (members.length === 1) {
      const missing = settings.languages.filter((l) => l !== members[0].lang);
      problems.push({
        kind: 'translation',
        file: members[0].file,
        message: `${key} '${id}' has a single member (${members[0].lang})${missing.length ? `; no ${missing.join('/')} version shares it` : ''}.`,
      });
      continue;
    }
    for (const lang of langs) {
      const same = members.filter((m) => m.lang === lang);
      if (same.length > 1) {
        problems.push({
          kind: 'translation',
          file: same[1].file,
          message: `${key} '${id}' is used by ${same.length} ${lang} documents: ${same.map((m) => m.file).join(', ')}.`,
        });
      }
    }
  }
  return problems;
}
