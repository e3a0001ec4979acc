/** What templates see of translations: `page.translations` and `site.translations[id]`. */
import type { TranslationGroup } from './pairing.js';

export interface MemberView {
  lang: string;
  url: string;
  title: unknown;
  path: string;
}

export interface MemberFacts {
  url: string;
  title: unknown;
  path: string;
}

/** The group's members as views, in the group's (language) order. */
export function groupView<T>(group: TranslationGroup<T>, facts: (item: T) => MemberFacts): MemberView[] {
  return group.members.map((m) => {
    const f = facts(m.item);
    return { lang: m.lang, url: f.url, title: f.title ?? null, path: f.path };
  });
}

/** `page.translations`: the other members (same order as the group). */
export function otherMembers<T, V>(group: TranslationGroup<T>, views: readonly V[], self: T): V[] {
  const out: V[] = [];
  for (let i = 0; i < group.members.length; i++) if (group.members[i].item !== self) out.push(views[i]);
  return out;
}
