// The translations fixture (test/i18n/site): built with build() and checked here, since Jekyll
// has no translations feature to take a golden from.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type Built } from './build-site.js';

const source = fileURLToPath(new URL('./site/', import.meta.url));

let site: Built;
beforeAll(async () => {
  site = await buildSite(source);
});

function hreflangs(html: string): string[] {
  return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
}

function navLinks(html: string): string[] {
  const nav = /<nav class="translations"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1];
  return [...nav.matchAll(/<a hreflang="([^"]+)" href="([^"]+)" data-path="([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`);
}

describe('translations fixture site', () => {
  it('builds without warnings', () => {
    expect(site.result.diagnostics).toEqual([]);
  });

  it('pairs an English post with its Korean translation under ko/_posts', () => {
    const en = site.read('2024/05/01/hello/index.html');
    expect(en).toContain('<html lang="en">');
    expect(navLinks(en)).toEqual(['ko /blog/ko/2024/05/01/annyeong/ ko/_posts/2024-05-01-annyeong.md 안녕하세요']);
    const ko = site.read('ko/2024/05/01/annyeong/index.html');
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('다른 언어로 읽기:');
    expect(navLinks(ko)).toEqual(['en /blog/2024/05/01/hello/ _posts/2024-05-01-hello.md Hello']);
  });

  it('writes the hreflang set, the page itself and x-default included, with site.url and baseurl', () => {
    const expected = [
      'en https://example.com/blog/2024/05/01/hello/',
      'ko https://example.com/blog/ko/2024/05/01/annyeong/',
      'x-default https://example.com/blog/2024/05/01/hello/',
    ];
    expect(hreflangs(site.read('2024/05/01/hello/index.html'))).toEqual(expected);
    expect(hreflangs(site.read('ko/2024/05/01/annyeong/index.html'))).toEqual(expected);
  });

  it('pairs pages across lng_pair, translationKey, lng and a path language, in language order (en, ko, ja)', () => {
    const ja = site.read('ja/about/index.html');
    expect(ja).toContain('<html lang="ja">');
    expect(navLinks(ja)).toEqual(['en /blog/about/ about.md About', 'ko /blog/ko/about/ ko/about.md 소개']);
    expect(navLinks(site.read('about/index.html'))).toEqual(['ko /blog/ko/about/ ko/about.md 소개', 'ja /blog/ja/about/ ja/about.md 概要']);
    expect(hreflangs(site.read('ko/about/index.html'))).toEqual([
      'en https://example.com/blog/about/',
      'ko https://example.com/blog/ko/about/',
      'ja https://example.com/blog/ja/about/',
      'x-default https://example.com/blog/about/',
    ]);
  });

  it('gives unpaired pages the default language, no translations and no hreflang links', () => {
    const solo = site.read('2024/06/01/english-only/index.html');
    expect(solo).toContain('<html lang="en">');
    expect(solo).toContain('<nav class="translations" data-count="0">');
    expect(hreflangs(solo)).toEqual([]);
  });

  it('lists every group in site.translations', () => {
    const index = site.read('index.html');
    expect(index).toContain('<li id="id_hello">en=/2024/05/01/hello/, ko=/ko/2024/05/01/annyeong/</li>');
    expect(index).toContain('<li id="id_about">en=/about/, ko=/ko/about/, ja=/ja/about/</li>');
    expect(index).toContain('<p class="hello">Hello / 안녕하세요</p>');
    expect(index).toContain('<p class="lang">en</p>');
  });

  it('keeps pairing in Liquid working (site.posts | where: "lng_pair"), now with lang on every post', () => {
    expect(site.read('2024/05/01/hello/index.html')).toContain('<p class="liquid-pairs">ko en </p>');
  });
});
