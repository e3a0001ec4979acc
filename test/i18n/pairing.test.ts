import { describe, expect, it } from 'vitest';
import { onePerLanguage, pairKey, pairTranslations, translationId, type Entry } from '../../src/i18n/pairing.js';

const entry = (item: string, id: string | undefined, lang: string): Entry<string> => ({ item, id, lang, file: item });

describe('pairKey', () => {
  it('is lng_pair unless translations.key names another', () => {
    expect(pairKey({})).toBe('lng_pair');
    expect(pairKey({ translations: { key: 'ref' } })).toBe('ref');
    expect(pairKey({ translations: { key: '  ' } })).toBe('lng_pair');
    expect(pairKey({ translations: 'ref' })).toBe('lng_pair');
  });
});

describe('translationId', () => {
  const get = (data: Record<string, unknown>) => (k: string) => data[k];
  it('reads the configured key', () => {
    expect(translationId(get({ lng_pair: 'id_a' }), 'lng_pair')).toBe('id_a');
    expect(translationId(get({ ref: 'r1', lng_pair: 'x' }), 'ref')).toBe('r1');
  });
  it("accepts Hugo's translationKey when the key is absent", () => {
    expect(translationId(get({ translationKey: 'h' }), 'lng_pair')).toBe('h');
    expect(translationId(get({ lng_pair: 'a', translationKey: 'h' }), 'lng_pair')).toBe('a');
  });
  it('turns numbers into strings and trims', () => {
    expect(translationId(get({ lng_pair: 7 }), 'lng_pair')).toBe('7');
    expect(translationId(get({ lng_pair: ' a ' }), 'lng_pair')).toBe('a');
  });
  it('treats blanks and other values as no id', () => {
    for (const v of ['', '  ', null, undefined, false, true, ['a'], { a: 1 }]) {
      expect(translationId(get({ lng_pair: v }), 'lng_pair')).toBeUndefined();
    }
  });
});

describe('pairTranslations', () => {
  const languages = ['en', 'ko', 'ja'];

  it('groups by id and leaves unpaired items out', () => {
    const index = pairTranslations([entry('a-en', 'a', 'en'), entry('solo', undefined, 'en'), entry('a-ko', 'a', 'ko'), entry('b-ja', 'b', 'ja'), entry('b-en', 'b', 'en')], languages);
    expect([...index.groups.keys()]).toEqual(['a', 'b']);
    expect(index.groups.get('a')!.members.map((m) => m.item)).toEqual(['a-en', 'a-ko']);
    expect(index.groupOf.get('a-ko')).toBe(index.groups.get('a'));
    expect(index.groupOf.has('solo')).toBe(false);
    expect(index.diagnostics).toEqual([]);
  });

  it('orders members by the site language order, not by name or input order', () => {
    const index = pairTranslations([entry('x-ja', 'x', 'ja'), entry('x-fr', 'x', 'fr'), entry('x-ko', 'x', 'ko'), entry('x-en', 'x', 'en')], languages);
    expect(index.groups.get('x')!.members.map((m) => m.lang)).toEqual(['en', 'ko', 'ja', 'fr']);
  });

  it('reports an id with a single member', () => {
    const index = pairTranslations([entry('ko/_posts/a.md', 'lonely', 'ko')], languages);
    expect(index.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'ko/_posts/a.md',
        message: "Translation id 'lonely' (lng_pair) has no other member: this ko version has no translation to link to.",
      },
    ]);
  });

  it('reports two documents of one language sharing an id, at the second one', () => {
    const index = pairTranslations([entry('_posts/b.md', 'd', 'en'), entry('ko/a.md', 'd', 'ko'), entry('_posts/a.md', 'd', 'en')], languages, 'ref');
    expect(index.groups.get('d')!.members.map((m) => m.item)).toEqual(['_posts/a.md', '_posts/b.md', 'ko/a.md']);
    expect(index.diagnostics).toHaveLength(1);
    expect(index.diagnostics[0]).toMatchObject({ severity: 'warning', file: '_posts/b.md' });
    expect(index.diagnostics[0].message).toBe("Translation id 'd' (ref) is used by two en documents: _posts/a.md and _posts/b.md; links for en go to _posts/a.md.");
  });

  it('reports each extra duplicate once', () => {
    const index = pairTranslations([entry('a', 'd', 'en'), entry('b', 'd', 'en'), entry('c', 'd', 'en')], languages);
    expect(index.diagnostics.map((d) => d.file)).toEqual(['b', 'c']);
  });

  it('pairs a large site: 100,000 items into 50,000 groups', () => {
    const many: Entry<number>[] = [];
    for (let i = 0; i < 100_000; i++) many.push({ item: i, id: `id${i >> 1}`, lang: i % 2 ? 'ko' : 'en', file: String(i) });
    const index = pairTranslations(many, languages);
    expect(index.groups.size).toBe(50_000);
    expect(index.diagnostics).toEqual([]);
  });
});

describe('onePerLanguage', () => {
  it('keeps the first member of each language', () => {
    expect(onePerLanguage([{ lang: 'en', n: 1 }, { lang: 'en', n: 2 }, { lang: 'ko', n: 3 }])).toEqual([{ lang: 'en', n: 1 }, { lang: 'ko', n: 3 }]);
  });
});
