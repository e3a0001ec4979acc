import { describe, expect, it } from 'vitest';
import { compareLanguages, detectLanguage, findLanguage, languageSettings, parseLanguageList } from '../../src/i18n/languages.js';

describe('parseLanguageList', () => {
  it('reads a list, a separated string and a hash keyed by language', () => {
    expect(parseLanguageList(['en', 'ko'])).toEqual(['en', 'ko']);
    expect(parseLanguageList('en, ko ja')).toEqual(['en', 'ko', 'ja']);
    expect(parseLanguageList({ ko: { name: '한국어' }, en: {} })).toEqual(['ko', 'en']);
    expect(parseLanguageList([{ code: 'en' }, { lang: 'ko' }])).toEqual(['en', 'ko']);
  });
  it('drops blanks, duplicates and non-scalars', () => {
    expect(parseLanguageList(['en', '', null, 'en', ['x'], 'ko'])).toEqual(['en', 'ko']);
    expect(parseLanguageList(undefined)).toEqual([]);
    expect(parseLanguageList(42)).toEqual([]);
  });
});

describe('languageSettings', () => {
  it('takes languages and default_lang from the config', () => {
    expect(languageSettings({ languages: ['ko', 'en'], default_lang: 'en' }, {})).toEqual({ languages: ['ko', 'en'], defaultLang: 'en', explicit: true });
  });
  it('falls back to the language files under _data/lang', () => {
    expect(languageSettings({}, { lang: { en: { hi: 'Hi' }, ko: { hi: '안녕' } } })).toEqual({ languages: ['en', 'ko'], defaultLang: 'en', explicit: true });
  });
  it('prefers languages: over _data/lang', () => {
    expect(languageSettings({ languages: ['ja'] }, { lang: { en: {} } }).languages).toEqual(['ja']);
  });
  it('defaults to the first language, then the site lang, then en', () => {
    expect(languageSettings({ languages: ['ko', 'en'] }, {}).defaultLang).toBe('ko');
    expect(languageSettings({ lang: 'fr' }, {})).toEqual({ languages: ['fr'], defaultLang: 'fr', explicit: false });
    expect(languageSettings({}, {})).toEqual({ languages: ['en'], defaultLang: 'en', explicit: false });
  });
  it('puts a default_lang missing from the list first', () => {
    expect(languageSettings({ languages: ['ko'], default_lang: 'en' }, {}).languages).toEqual(['en', 'ko']);
  });
  it('uses the listed spelling of default_lang', () => {
    expect(languageSettings({ languages: ['pt-BR', 'en'], default_lang: 'pt-br' }, {}).defaultLang).toBe('pt-BR');
  });
});

describe('detectLanguage', () => {
  const settings = { languages: ['en', 'ko', 'ja'], defaultLang: 'en', explicit: true };
  it('uses lang front matter first', () => {
    expect(detectLanguage({ lang: 'ja' }, 'ko/_posts/2024-01-01-x.md', settings)).toEqual({ lang: 'ja', source: 'front matter' });
  });
  it('accepts lng as well', () => {
    expect(detectLanguage({ lng: 'ko' }, 'about.md', settings)).toEqual({ lang: 'ko', source: 'front matter' });
  });
  it('prefers lang over lng', () => {
    expect(detectLanguage({ lang: 'ja', lng: 'ko' }, 'about.md', settings).lang).toBe('ja');
  });
  it('matches front matter case-insensitively to the configured spelling', () => {
    expect(detectLanguage({ lang: 'KO' }, 'about.md', settings).lang).toBe('ko');
  });
  it('takes the first path segment when it is a language', () => {
    expect(detectLanguage({}, 'ko/_posts/2024-01-01-x.md', settings)).toEqual({ lang: 'ko', source: 'path' });
    expect(detectLanguage({}, 'ja/about.md', settings)).toEqual({ lang: 'ja', source: 'path' });
    expect(detectLanguage({}, '/ko/about.md', settings).lang).toBe('ko');
  });
  it('ignores segments that are not languages, deeper segments and file names', () => {
    expect(detectLanguage({}, 'blog/ko/x.md', settings)).toEqual({ lang: 'en', source: 'default' });
    expect(detectLanguage({}, 'docs/x.md', settings).lang).toBe('en');
    expect(detectLanguage({}, 'ko.md', settings).lang).toBe('en');
    expect(detectLanguage({}, '_posts/2024-01-01-x.md', settings)).toEqual({ lang: 'en', source: 'default' });
  });
  it('ignores blank and non-scalar front matter', () => {
    expect(detectLanguage({ lang: '', lng: null }, 'ko/x.md', settings).source).toBe('path');
    expect(detectLanguage({ lang: ['ko'] }, 'x.md', settings).source).toBe('default');
  });
  it('flags a front matter language the site does not list', () => {
    expect(detectLanguage({ lang: 'fr' }, 'x.md', settings)).toEqual({ lang: 'fr', source: 'front matter', unknown: true });
  });
  it('does not flag languages when the site lists none', () => {
    const implicit = { languages: ['en'], defaultLang: 'en', explicit: false };
    expect(detectLanguage({ lang: 'fr' }, 'x.md', implicit)).toEqual({ lang: 'fr', source: 'front matter', unknown: false });
  });
});

describe('findLanguage and compareLanguages', () => {
  it('finds the configured spelling', () => {
    expect(findLanguage('ZH-hant', ['en', 'zh-Hant'])).toBe('zh-Hant');
    expect(findLanguage('fr', ['en'])).toBeUndefined();
  });
  it('orders by the site order, unknown languages last by name', () => {
    const order = ['en', 'ko', 'ja'];
    expect(['ja', 'fr', 'en', 'de', 'ko'].sort((a, b) => compareLanguages(a, b, order))).toEqual(['en', 'ko', 'ja', 'de', 'fr']);
    expect(compareLanguages('ko', 'ko', order)).toBe(0);
  });
});
