import { describe, expect, it } from 'vitest';
import { addPermalinkSuffix, escapePath, fillFromDrop, fillFromHash, sanitizeUrl, unescapePath } from '../../src/site/url.js';

describe('permalink expansion', () => {
  it('fills document placeholders and keeps the trailing underscore rule', () => {
    const p = { year: '2023', month: '06', day: '14', title: 'About-CORS-3', categories: 'ko/cors', output_ext: '.html' };
    expect(fillFromDrop('/:categories/:year/:month/:day/:title:output_ext', p, 'x')).toBe('/ko/cors/2023/06/14/About-CORS-3.html');
    expect(fillFromDrop('/:year_:title/', p, 'x')).toBe('/2023_About-CORS-3/');
  });

  it('writes a value with `$&` or `$1` in it as it is (Jekyll 4.3.1: /2020/a$&b$1c/ for that slug)', () => {
    const p = { year: '2020', title: 'a$&b$1c' };
    expect(fillFromDrop('/:year/:title/', p, 'x')).toBe('/2020/a$&b$1c/');
    expect(fillFromDrop('/:year/:title_/', p, 'x')).toBe('/2020/a$&b$1c_/');
  });

  it('rejects unknown placeholders in document permalinks, naming the file', () => {
    expect(() => fillFromDrop('/:nope/', {}, '_posts/x.md')).toThrow(/nope keys.*_posts\/x\.md/);
  });

  it('drops /:key for nil values in hash placeholders (pages)', () => {
    expect(fillFromHash('/:path/:basename:output_ext', { path: '/ko', basename: 'about', output_ext: '.html' })).toBe('//ko/about.html');
    expect(fillFromHash('/x/:path/y', { path: null })).toBe('/x/y');
  });

  it('sanitizes like Jekyll: no .., no ./, no doubled slashes', () => {
    expect(sanitizeUrl('//ko/about.html')).toBe('/ko/about.html');
    expect(sanitizeUrl('/a/../b/./c')).toBe('/a/b/c');
  });

  it('escapes non-ASCII and spaces as Addressable does, and unescapes for the file name', () => {
    expect(escapePath('한글')).toBe('%ED%95%9C%EA%B8%80');
    expect(escapePath('a b#c')).toBe('a%20b%23c');
    expect(escapePath("ok-(1)!$&'*+,;=:@")).toBe("ok-(1)!$&'*+,;=:@");
    expect(unescapePath('/%ED%95%9C%EA%B8%80/a%20b')).toBe('/한글/a b');
  });

  it('adds suffixes per permalink style', () => {
    expect(addPermalinkSuffix('/:path/:basename', 'pretty')).toBe('/:path/:basename/');
    expect(addPermalinkSuffix('/:path/:basename', 'date')).toBe('/:path/:basename:output_ext');
    expect(addPermalinkSuffix('/:path/:basename', '/:title/')).toBe('/:path/:basename/');
    expect(addPermalinkSuffix('/:path/:basename', 'weekdate')).toBe('/:path/:basename');
  });
});
