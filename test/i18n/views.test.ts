import { describe, expect, it } from 'vitest';
import { groupView, otherMembers } from '../../src/i18n/views.js';
import type { TranslationGroup } from '../../src/i18n/pairing.js';

const group: TranslationGroup<string> = {
  id: 'x',
  members: [
    { item: 'en', id: 'x', lang: 'en', file: 'a.md' },
    { item: 'ko', id: 'x', lang: 'ko', file: 'ko/a.md' },
    { item: 'ja', id: 'x', lang: 'ja', file: 'ja/a.md' },
  ],
};
const facts = (item: string) => ({ url: `/${item}/`, title: item === 'ja' ? undefined : `T-${item}`, path: `${item}.md` });

describe('translation views', () => {
  it('gives each member lang, url, title and path in group order', () => {
    expect(groupView(group, facts)).toEqual([
      { lang: 'en', url: '/en/', title: 'T-en', path: 'en.md' },
      { lang: 'ko', url: '/ko/', title: 'T-ko', path: 'ko.md' },
      { lang: 'ja', url: '/ja/', title: null, path: 'ja.md' },
    ]);
  });
  it('page.translations are the other members, in order', () => {
    const views = groupView(group, facts);
    expect(otherMembers(group, views, 'ko').map((v) => v.lang)).toEqual(['en', 'ja']);
    expect(otherMembers(group, views, 'en').map((v) => v.lang)).toEqual(['ko', 'ja']);
    expect(otherMembers(group, views, 'other')).toHaveLength(3);
  });
});
