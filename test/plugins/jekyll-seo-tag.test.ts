import { describe, expect, it } from 'vitest';
import { resolveAuthor, resolveImage, rubyJson, uriEscape, type SeoFilters } from '../../src/plugins/jekyll-seo-tag/drop.js';
import { buildFiles, TIME } from './build-site.js';

const filters: SeoFilters = {
  formatString: (v) => String(v ?? ''),
  dateToXmlschema: (v) => String(v),
  absoluteUrl: (v) => `https://x.example${String(v)}`,
};

describe('jekyll-seo-tag drops', () => {
  it('finds the author in page.author, page.authors[0], then site.author, and looks strings up in site.data.authors', () => {
    const site = { author: 'ann', data: { authors: { ann: { name: 'Ann A', twitter: '@anntw' } } } };
    // The data hash is merged over { name }, so its name wins.
    expect(resolveAuthor({}, site)).toMatchObject({ name: 'Ann A', twitter: 'anntw' });
    expect(resolveAuthor({ authors: ['Bo'] }, site)).toMatchObject({ name: 'Bo', twitter: 'Bo' });
    expect(resolveAuthor({ author: '' }, {})).toMatchObject({ name: undefined, twitter: null });
    expect(resolveAuthor({ author: { name: 'Org', type: 'Organization' } }, site).hash.type).toBe('Organization');
  });

  it('takes the image from path, facebook or twitter, made absolute and escaped', () => {
    expect(resolveImage({ image: '/a b.png' }, filters)?.path).toBe('https://x.example/a%20b.png');
    expect(resolveImage({ image: { twitter: 'https://t.example/i.png' } }, filters)?.path).toBe('https://t.example/i.png');
    expect(resolveImage({ image: { alt: 'no path' } }, filters)).toBeNull();
  });

  it('serializes JSON as Ruby does (no spaces, non-ASCII kept)', () => {
    expect(rubyJson({ a: 'é</x>', b: [1, true, null] })).toBe('{"a":"é</x>","b":[1,true,null]}');
    expect(uriEscape('/a b/ü?x=[1]')).toBe('/a%20b/%C3%BC?x=[1]');
  });
});

describe('jekyll-seo-tag in a build', () => {
  it('writes no canonical link without site.url and no <title> with title=false', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}title: Site\nplugins: [jekyll-seo-tag]\n`,
      'a.html': '---\ntitle: A\n---\n{% seo title=false %}',
      'b.html': '---\ntitle: B\n---\n{% seo %}',
    });
    const a = built.read('a.html');
    expect(a).not.toContain('<title>');
    expect(a).not.toContain('rel="canonical"');
    expect(a).toContain('<meta property="og:title" content="A" />');
    expect(a).toContain('<meta property="og:locale" content="en_US" />');
    expect(built.read('b.html')).toContain('<title>B | Site</title>');
  });

  it('honours whitespace control around {% seo %} and {% feed_meta %} (output of Jekyll 4.3.1)', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-seo-tag, jekyll-feed]\n`,
      'index.html': '---\n---\na\n  {%- seo title=false -%}\n  b {%- feed_meta -%} c\n',
    });
    expect(built.read('index.html')).toBe(
      [
        'a<!-- Begin Jekyll SEO tag v2.8.0 -->',
        '<meta name="generator" content="Jekyll v4.3.1" />',
        '<meta property="og:locale" content="en_US" />',
        '<meta property="og:type" content="website" />',
        '<meta name="twitter:card" content="summary" />',
        '<script type="application/ld+json">',
        '{"@context":"https://schema.org","@type":"WebSite","url":"/"}</script>',
        '<!-- End Jekyll SEO tag -->',
        'b<link type="application/atom+xml" rel="alternate" href="/feed.xml" />c',
        '',
      ].join('\n'),
    );
  });
});
