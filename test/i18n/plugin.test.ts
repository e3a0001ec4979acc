// The translations plugin inside real builds: diagnostics, configuration and what views get.
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, writeSite } from './build-site.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function buildFiles(files: Record<string, string>) {
  const { source, cleanup } = writeSite({ '_layouts/show.html': SHOW, ...files });
  cleanups.push(cleanup);
  return buildSite(source);
}

/** A layout that prints what the plugin added to the view. */
const SHOW = '{{ page.lang }}|{% for t in page.translations %}{{ t.lang }}:{{ t.url }}:{{ t.title }};{% endfor %}|{% hreflang %}';

const post = (fm: string, body = 'x') => `---\nlayout: show\n${fm}\n---\n${body}\n`;

function warnings(diags: { severity: string; file?: string; message: string }[]) {
  return diags.filter((d) => d.severity === 'warning' && /Translation id|not one of the site's languages/.test(d.message)).map((d) => `${d.file}: ${d.message}`);
}

describe('translation diagnostics', () => {
  it('reports two documents of one language sharing an id, once, at the second', async () => {
    const { result } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\n',
      '_posts/2024-01-01-a.md': post('lng_pair: dup'),
      '_posts/2024-01-02-b.md': post('lng_pair: dup'),
      'ko/_posts/2024-01-01-a.md': post('lng_pair: dup'),
    });
    expect(warnings(result.diagnostics)).toEqual([
      "_posts/2024-01-02-b.md: Translation id 'dup' (lng_pair) is used by two en documents: _posts/2024-01-01-a.md and _posts/2024-01-02-b.md; links for en go to _posts/2024-01-01-a.md.",
    ]);
  });

  it('reports an id with a single member', async () => {
    const { result } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\n',
      'ko/about.md': post('lng_pair: id_about'),
    });
    expect(warnings(result.diagnostics)).toEqual(["ko/about.md: Translation id 'id_about' (lng_pair) has no other member: this ko version has no translation to link to."]);
  });

  it('reports a front matter language the site does not list', async () => {
    const { result, read } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\n',
      'fr.md': post('lang: fr\nlng_pair: p'),
      'index.md': post('lng_pair: p'),
    });
    expect(warnings(result.diagnostics)).toEqual(["fr.md: Language 'fr' is not one of the site's languages (en, ko)."]);
    // Still paired, listed after the known languages.
    expect(read('index.html')).toContain('en|fr:/fr.html:;|'); // pages have no title unless they set one
  });

  it('reports nothing about languages when the site names none', async () => {
    const { result } = await buildFiles({ 'fr.md': post('lang: fr'), 'de.md': post('lang: de') });
    expect(warnings(result.diagnostics)).toEqual([]);
  });

  it('uses the display path (relative to the source) for documents under collections_dir', async () => {
    const { result } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\ncollections_dir: content\n',
      'content/ko/_posts/2024-01-01-a.md': post('lng_pair: one'),
    });
    expect(warnings(result.diagnostics)).toEqual(["content/ko/_posts/2024-01-01-a.md: Translation id 'one' (lng_pair) has no other member: this ko version has no translation to link to."]);
  });
});

describe('translation views in a build', () => {
  it('takes languages from _data/lang when languages: is absent', async () => {
    const { read, result } = await buildFiles({
      '_data/lang/en.yml': 'x: 1\n',
      '_data/lang/ko.yml': 'x: 1\n',
      'about.md': post('title: About\nlng_pair: a'),
      'ko/about.md': post('title: 소개\nlng_pair: a'),
    });
    expect(warnings(result.diagnostics)).toEqual([]);
    expect(read('about.html')).toBe('en|ko:/ko/about.html:소개;|<link rel="alternate" hreflang="en" href="/about.html">\n<link rel="alternate" hreflang="ko" href="/ko/about.html">\n<link rel="alternate" hreflang="x-default" href="/about.html">');
    expect(read('ko/about.html')).toMatch(/^ko\|en:\/about.html:About;\|/);
  });

  it('pairs on translations.key when configured (and on translationKey), not on lng_pair', async () => {
    const { read } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\ntranslations:\n  key: ref\n',
      'a.md': post('title: A\nref: r1\nlng_pair: other'),
      'ko/a.md': post('title: KA\nref: r1'),
      'b.md': post('title: B\nlng_pair: other'),
      'ko/b.md': post('title: KB\ntranslationKey: tk'),
      'c.md': post('title: C\ntranslationKey: tk'),
    });
    expect(read('a.html')).toMatch(/^en\|ko:\/ko\/a.html:KA;\|/);
    expect(read('b.html')).toMatch(/^en\|\|$/);
    expect(read('c.html')).toMatch(/^en\|ko:\/ko\/b.html:KB;\|/);
  });

  it('keeps a lang the view already has; pairs it under the configured spelling', async () => {
    const { read } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\n',
      'a.md': post('lng_pair: a'),
      'ko/a.md': post('lng_pair: a\nlang: KO'),
    });
    expect(read('ko/a.html')).toMatch(/^KO\|en:/);
    expect(read('a.html')).toMatch(/^en\|ko:\/ko\/a.html:/);
  });

  it('does not link documents that are not written (unpublished, or in an output: false collection)', async () => {
    const { read, result } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\ncollections:\n  notes:\n    output: false\n',
      'a.md': post('lng_pair: a'),
      'ko/a.md': post('lng_pair: a\npublished: false'),
      '_notes/ko-a.md': post('lng_pair: a\nlang: ko'),
    });
    expect(read('a.html')).toMatch(/^en\|\|$/);
    expect(warnings(result.diagnostics)).toHaveLength(1);
  });

  it('pairs a page with a post of another language', async () => {
    const { read, result } = await buildFiles({
      '_config.yml': 'languages: [en, ko]\n',
      'news.md': post('title: News\nlng_pair: n'),
      'ko/_posts/2024-01-01-news.md': post('title: 소식\nlng_pair: n'),
    });
    expect(warnings(result.diagnostics)).toEqual([]);
    expect(read('news.html')).toMatch(/^en\|ko:\/ko\/2024\/01\/01\/news.html:소식;\|/);
    expect(read('ko/2024/01/01/news.html')).toMatch(/^ko\|en:\/news.html:News;\|/);
  });

  it('works with the site url and a default language that is not the first', async () => {
    const { read } = await buildFiles({
      '_config.yml': 'url: https://ex.org\nbaseurl: /b\nlanguages: [ko, en]\ndefault_lang: en\n',
      '_posts/2024-01-01-a.md': post('lng_pair: a\ntitle: A'),
      'ko/_posts/2024-01-01-a.md': post('lng_pair: a\ntitle: 가'),
    });
    const en = read('2024/01/01/a.html');
    expect(en).toBe(
      'en|ko:/ko/2024/01/01/a.html:가;|' +
        '<link rel="alternate" hreflang="ko" href="https://ex.org/b/ko/2024/01/01/a.html">\n' +
        '<link rel="alternate" hreflang="en" href="https://ex.org/b/2024/01/01/a.html">\n' +
        '<link rel="alternate" hreflang="x-default" href="https://ex.org/b/2024/01/01/a.html">',
    );
  });
});
