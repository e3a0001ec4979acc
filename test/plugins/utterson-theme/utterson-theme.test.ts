import { compileString } from 'sass';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isShorthand, rewriteShorthandSrc, shorthandPath } from '../../../src/plugins/utterson-theme/image-shorthand.js';
import { outlineOf, withoutOutline } from '../../../src/plugins/utterson-theme/outline.js';
import { readingMinutes, wordCount } from '../../../src/plugins/utterson-theme/reading-time.js';
import { headingsOf, tocHtml, topLevels } from '../../../src/plugins/utterson-theme/toc.js';
import { buildFiles } from '../build-site.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the :name.jpg image shorthand', () => {
  it('recognises only a colon followed by a file name', () => {
    expect(isShorthand(':post_pic1.jpg')).toBe(true);
    expect(isShorthand('/assets/x.jpg')).toBe(false);
    expect(isShorthand('https://x/y.jpg')).toBe(false);
    expect(isShorthand(':a/b.jpg')).toBe(false);
    expect(shorthandPath(':post_pic1.jpg')).toBe('/assets/img/posts/post_pic1.jpg');
    expect(shorthandPath('/img/a.png')).toBe('/img/a.png');
  });

  it('rewrites src attributes, with the baseurl, in plain and escaped HTML', () => {
    expect(rewriteShorthandSrc('<img src=":a.jpg" alt="x" />', '/blog/')).toBe('<img src="/blog/assets/img/posts/a.jpg" alt="x" />');
    expect(rewriteShorthandSrc("<img src=':a.jpg'>", '')).toBe("<img src='/assets/img/posts/a.jpg'>");
    expect(rewriteShorthandSrc('&lt;img src=&quot;:a.jpg&quot;', '')).toBe('&lt;img src=&quot;/assets/img/posts/a.jpg&quot;');
    // Not a src, or not the shorthand: left alone.
    expect(rewriteShorthandSrc('<a href=":a.jpg">:a.jpg</a><img src="http://x/a.jpg">', '')).toBe('<a href=":a.jpg">:a.jpg</a><img src="http://x/a.jpg">');
  });
});

describe('outline summaries', () => {
  it('takes the HTML between the markers', () => {
    const html = '<p>x</p>\n<!-- outline-start -->\n<h3>Intro</h3>\n<!-- outline-end -->\n<p>rest</p>';
    expect(outlineOf(html)).toBe('<h3>Intro</h3>');
    expect(withoutOutline(html)).toBe('<p>x</p>\n\n<p>rest</p>');
    expect(outlineOf('<p>no outline</p>')).toBeUndefined();
    expect(outlineOf(undefined)).toBeUndefined();
  });
});

describe('table of contents', () => {
  it('nests the two highest heading levels that have ids', () => {
    const html = '<h4 id="a">A</h4><h5 id="a1">A <em>1</em></h5><h6 id="deep">x</h6><h4 id="b">B</h4><h4>no id</h4>';
    const headings = topLevels(headingsOf(html));
    expect(headings.map((h) => h.id)).toEqual(['a', 'a1', 'b']);
    expect(tocHtml(headings)).toBe('<ul><li><a href="#a">A</a><ul><li><a href="#a1">A 1</a></li></ul></li><li><a href="#b">B</a></li></ul>');
  });

  it('nests a skipped level one step and starts deeper headings at the top', () => {
    expect(tocHtml(headingsOf('<h2 id="a">A</h2><h4 id="c">C</h4><h2 id="b">B</h2>'))).toBe(
      '<ul><li><a href="#a">A</a><ul><li><a href="#c">C</a></li></ul></li><li><a href="#b">B</a></li></ul>',
    );
    expect(tocHtml(headingsOf('<h3 id="c">C</h3><h2 id="a">A</h2>'))).toBe('<ul><li><a href="#c">C</a></li><li><a href="#a">A</a></li></ul>');
    expect(tocHtml([])).toBe('');
  });
});

describe('reading time', () => {
  it('counts words, and CJK ideographs one by one', () => {
    expect(wordCount('<p>one two <b>three</b></p> — 4')).toBe(4);
    expect(wordCount('출처 비교 과정')).toBe(3);
    expect(wordCount('日本語')).toBe(3);
    expect(readingMinutes('word '.repeat(401), 200)).toBe(3);
    expect(readingMinutes('', 200)).toBe(1);
  });
});

describe('the theme stylesheet', () => {
  it("styles Rouge's markup in light and dark from its own partial", () => {
    const rouge = readFileSync(path.join(ROOT, 'theme/_sass/utterson/_rouge.scss'), 'utf8');
    const css = compileString(rouge, { loadPaths: [path.join(ROOT, 'theme/_sass')] }).css;
    for (const cls of ['k', 'kd', 'nf', 's', 's1', 'c1', 'mi', 'o', 'p', 'nt', 'na', 'gi', 'gd']) expect(css).toContain(`.highlight .${cls}`);
    // The dark palette applies both by preference and by the toggle.
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\s+:root:not\(\[data-theme=light\]\) \.highlight \{\s+--hl-bg: #1b1f24;/);
    expect(css).toMatch(/\[data-theme=dark\] \.highlight \{\s+--hl-bg: #1b1f24;/);
    expect(readFileSync(path.join(ROOT, 'theme/_sass/utterson/_syntax.scss'), 'utf8')).toContain('@import "rouge";');
  });
});

describe('the utterson-theme plugin in a build', () => {
  const post = [
    '---',
    'title: Hello',
    'layout: post',
    'img: ":pic.jpg"',
    'toc: true',
    '---',
    '',
    '<!-- outline-start -->',
    '',
    'The *outline*.',
    '',
    '<!-- outline-end -->',
    '',
    '## First',
    '',
    '![A picture](:pic.jpg)',
    '',
    '## Second',
    '',
  ].join('\n');

  it('resolves images, summaries, the TOC and seo/feed tags on a theme site', async () => {
    const site = await buildFiles({
      '_config.yml': 'theme: utterson\nbaseurl: /blog\nurl: https://example.com\n',
      '_posts/2024-01-02-hello.md': post,
      'index.html': '---\nlayout: home\n---\n',
      'list.html': '---\n---\n{% for p in site.posts %}[{{ p.summary | strip }}|{{ p.img | post_img }}]{% endfor %}',
    });
    expect(site.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const html = site.read('2024/01/02/hello.html');
    expect(html).toContain('<img src="/blog/assets/img/posts/pic.jpg" alt="A picture" />');
    expect(html).toContain('<meta property="og:image" content="https://example.com/blog/assets/img/posts/pic.jpg" />');
    expect(html).toContain('<meta name="description" content="The outline." />');
    expect(html).toMatch(/<nav class="toc"[^>]*>[\s\S]*<a href="#first">First<\/a>[\s\S]*<a href="#second">Second<\/a>/);
    expect(html).toContain('rel="alternate" href="https://example.com/blog/feed.xml"');
    expect(site.files).toContain('feed.xml');
    expect(site.read('list.html')).toBe('[<p>The <em>outline</em>.</p>|/assets/img/posts/pic.jpg]');
    expect(site.read('index.html')).toContain('src="/blog/assets/img/posts/pic.jpg"');
  });

  it('does nothing on a site without the theme', async () => {
    const site = await buildFiles({
      '_posts/2024-01-02-hello.md': post.replace('toc: true\n', '').replace('layout: post\n', ''),
      'list.html': '---\n---\n[{{ site.posts.first.summary }}]',
    });
    expect(site.read('2024/01/02/hello.html')).toContain('<img src=":pic.jpg" alt="A picture" />');
    expect(site.read('list.html')).toBe('[]');
    expect(site.files).not.toContain('feed.xml');
  });
});
