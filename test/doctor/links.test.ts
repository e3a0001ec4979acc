import { describe, expect, it } from 'vitest';
import { anchorIds, checkPageLinks, decodeEntities, existsInOutput, extractLinks, normalizeBaseurl, resolveLink } from '../../src/doctor/links.js';

describe('extractLinks', () => {
  it('finds href/src/srcset/poster on the elements that load or link, with entities decoded', () => {
    const html = [
      '<a href="/a/?x=1&amp;y=2">a</a><A HREF=\'/b/\'>b</A><area href=c.html>',
      '<link rel="stylesheet" href="/s.css"><link rel="preconnect" href="/nope">',
      '<img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x"><video src="/v.mp4" poster="/p.jpg"></video>',
      '<script src="/app.js"></script><iframe src="/embed/"></iframe><span href="/ignored">',
    ].join('\n');
    expect(extractLinks(html).map((l) => `${l.kind}:${l.value}`)).toEqual([
      'link:/a/?x=1&y=2',
      'link:/b/',
      'link:c.html',
      'asset:/s.css',
      'image:/i.png',
      'image:/i-1x.png',
      'image:/i-2x.png',
      'asset:/v.mp4',
      'image:/p.jpg',
      'asset:/app.js',
      'link:/embed/',
    ]);
  });

  it('skips comments, script and style bodies, and escaped markup in code', () => {
    const html = '<!-- <a href="/c"> --><script>document.write(\'<img src="/s.png">\')</script><style>/* <a href="/x"> */</style><pre><code>&lt;a href="/code"&gt;</code></pre>';
    expect(extractLinks(html)).toEqual([]);
  });

  it('decodes numeric and named entities', () => {
    expect(decodeEntities('&#47;a&#x2F;b&amp;c&unknown;')).toBe('/a/b&c&unknown;');
  });
});

describe('resolveLink', () => {
  it('leaves other sites, schemes and unrendered Liquid alone', () => {
    for (const link of ['', '//cdn.example.com/x.js', 'https://e.com/', 'mailto:a@b.c', 'tel:+1', 'data:image/png;base64,xx', 'javascript:void(0)', '{{ x }}', '?page=2']) {
      expect(resolveLink(link, 'index.html', '')).toEqual({ internal: false });
    }
  });

  it('resolves root links under baseurl and relative links against the page folder', () => {
    expect(resolveLink('/blog/about/', 'index.html', '/blog')).toEqual({ internal: true, path: '/about/' });
    expect(resolveLink('/blog', 'index.html', '/blog/')).toEqual({ internal: true, path: '/' });
    expect(resolveLink('/about/', 'index.html', '/blog')).toEqual({ internal: true, outsideBaseurl: true });
    expect(resolveLink('/blogger/', 'index.html', '/blog')).toEqual({ internal: true, outsideBaseurl: true });
    expect(resolveLink('../img/a%20b.png', 'posts/one/index.html', '')).toEqual({ internal: true, path: '/posts/img/a b.png' });
    expect(resolveLink('../other/?q=1#sec%C3%A9', 'posts/one/index.html', '')).toEqual({ internal: true, path: '/posts/other/', fragment: 'secé' });
    expect(resolveLink('#fn:1', 'posts/one/index.html', '')).toEqual({ internal: true, path: '/posts/one/index.html', fragment: 'fn:1' });
    expect(resolveLink('sub/', 'a/b.html', '')).toEqual({ internal: true, path: '/a/sub/' });
    expect(resolveLink('../../../../x.html', 'a/index.html', '')).toEqual({ internal: true, path: '/x.html' });
  });

  it('normalizes baseurl as relative_url does', () => {
    expect(normalizeBaseurl(null)).toBe('');
    expect(normalizeBaseurl('/')).toBe('');
    expect(normalizeBaseurl('blog/')).toBe('/blog');
  });
});

describe('existsInOutput', () => {
  const files = new Set(['index.html', 'about/index.html', 'post.html', 'img/a.png', 'docs/index.htm']);
  it('finds files the way a static host serves them', () => {
    expect(existsInOutput('/', files)).toBe(true);
    expect(existsInOutput('/about/', files)).toBe(true);
    expect(existsInOutput('/about', files)).toBe(true);
    expect(existsInOutput('/post', files)).toBe(true);
    expect(existsInOutput('/post.html', files)).toBe(true);
    expect(existsInOutput('/img/a.png', files)).toBe(true);
    expect(existsInOutput('/docs/', files)).toBe(true);
    expect(existsInOutput('/img/', files)).toBe(false);
    expect(existsInOutput('/post/', files)).toBe(false);
    expect(existsInOutput('/img/b.png', files)).toBe(false);
  });
});

describe('checkPageLinks', () => {
  it('reports each broken link of a page once, with why', () => {
    const files = new Set(['index.html', 'about/index.html']);
    const html = '<a href="/blog/about/">ok</a><a href="/blog/gone/">x</a><a href="/blog/gone/">again</a><img src="/about/me.png">';
    expect(checkPageLinks('index.html', html, files, '/blog')).toEqual([
      { kind: 'link', page: 'index.html', link: '/blog/gone/', reason: 'points to no file of the site' },
      { kind: 'image', page: 'index.html', link: '/about/me.png', reason: "is not under baseurl '/blog' (use the relative_url filter)" },
    ]);
  });
});

describe('fragments', () => {
  it('collects ids and <a name> anchors, not ones in comments', () => {
    expect([...anchorIds('<h2 id="intro">x</h2><a name="old"></a><sup id="fnref:1"></sup><!-- <p id="gone"> --><div name="not-an-anchor">')]).toEqual(['intro', 'old', 'fnref:1']);
  });

  it('reports fragments with no element in the target page, on the page itself or another', () => {
    const files = new Set(['index.html', 'about/index.html', 'img/a.png']);
    const pages: Record<string, Set<string>> = { 'index.html': new Set(['main', 'fn:1']), 'about/index.html': new Set(['team']) };
    const html = '<a href="#main">skip</a><a href="#fn:1">1</a><a href="#fn:2">2</a><a href="#top">top</a><a href="#">x</a>' +
      '<a href="/about/#team">ok</a><a href="/about/#history">no</a><a href="img/a.png#frag">file</a>';
    expect(checkPageLinks('index.html', html, files, '', (f) => pages[f])).toEqual([
      { kind: 'link', page: 'index.html', link: '#fn:2', reason: "points to no element with id 'fn:2' in this page" },
      { kind: 'link', page: 'index.html', link: '/about/#history', reason: "points to no element with id 'history' in about/index.html" },
    ]);
    // without ids, fragments are not checked
    expect(checkPageLinks('index.html', html, files, '')).toEqual([]);
  });
});
