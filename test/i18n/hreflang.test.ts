import { describe, expect, it } from 'vitest';
import { absoluteUrl, hreflangLinks } from '../../src/i18n/hreflang.js';

const opts = { siteUrl: 'https://example.com', baseurl: '', defaultLang: 'en' };

describe('hreflangLinks', () => {
  it('lists every language version, the page itself included, then x-default', () => {
    const out = hreflangLinks([{ lang: 'en', url: '/about/' }, { lang: 'ko', url: '/ko/about/' }], opts);
    expect(out).toBe(
      [
        '<link rel="alternate" hreflang="en" href="https://example.com/about/">',
        '<link rel="alternate" hreflang="ko" href="https://example.com/ko/about/">',
        '<link rel="alternate" hreflang="x-default" href="https://example.com/about/">',
      ].join('\n'),
    );
  });
  it('has no x-default when the default language has no version', () => {
    const out = hreflangLinks([{ lang: 'ko', url: '/ko/a/' }, { lang: 'ja', url: '/ja/a/' }], opts);
    expect(out).not.toContain('x-default');
    expect(out.split('\n')).toHaveLength(2);
  });
  it('writes nothing for a page without translations', () => {
    expect(hreflangLinks([{ lang: 'en', url: '/a/' }], opts)).toBe('');
    expect(hreflangLinks([], opts)).toBe('');
  });
  it('links one version per language when an id is used twice in one language', () => {
    const out = hreflangLinks([{ lang: 'en', url: '/a/' }, { lang: 'en', url: '/b/' }, { lang: 'ko', url: '/ko/a/' }], opts);
    expect(out).not.toContain('/b/');
    expect(out.match(/hreflang="en"/g)).toHaveLength(1);
  });
  it('puts baseurl between site.url and the page URL', () => {
    const out = hreflangLinks([{ lang: 'en', url: '/a/' }, { lang: 'ko', url: '/ko/a/' }], { ...opts, baseurl: '/blog' });
    expect(out).toContain('href="https://example.com/blog/ko/a/"');
  });
  it('escapes attribute values', () => {
    const out = hreflangLinks([{ lang: 'en', url: '/a?x=1&y="2"' }, { lang: 'ko', url: '/b/' }], opts);
    expect(out).toContain('href="https://example.com/a?x=1&amp;y=&quot;2&quot;"');
  });
});

describe('absoluteUrl', () => {
  it('joins site.url, baseurl and the URL with single slashes', () => {
    expect(absoluteUrl('/a/', 'https://example.com/', 'blog/')).toBe('https://example.com/blog/a/');
    expect(absoluteUrl('a.html', 'https://example.com', '/blog')).toBe('https://example.com/blog/a.html');
    expect(absoluteUrl('/a/', 'https://example.com', '/')).toBe('https://example.com/a/');
  });
  it('is root-relative without site.url', () => {
    expect(absoluteUrl('/a/', undefined, null)).toBe('/a/');
    expect(absoluteUrl('/a/', '', '/docs')).toBe('/docs/a/');
  });
  it('keeps absolute URLs', () => {
    expect(absoluteUrl('https://other.example/x', 'https://example.com', '/blog')).toBe('https://other.example/x');
  });
  it('percent-encodes non-ASCII but not what is already escaped', () => {
    expect(absoluteUrl('/ko/소개/', 'https://example.com', '')).toBe('https://example.com/ko/%EC%86%8C%EA%B0%9C/');
    expect(absoluteUrl('/ko/%EC%86%8C/', 'https://example.com', '')).toBe('https://example.com/ko/%EC%86%8C/');
  });
});
