import { describe, expect, it } from 'vitest';
import { headingOf } from '../../src/plugins/jekyll-titles-from-headings/index.js';
import { pathFromRoot, replaceRelativeLinks } from '../../src/plugins/jekyll-relative-links/index.js';
import { buildFiles, TIME } from './build-site.js';

describe('jekyll-titles-from-headings TITLE_REGEX (values from Ruby)', () => {
  it('matches as the Ruby expression does', () => {
    expect(headingOf('# Hello ##\nbody')).toBe('Hello ##');
    expect(headingOf('\n\n## Two\r\nx')).toBe('Two\r');
    expect(headingOf('Setext\n===\n\nbody')).toBe('Setext');
    expect(headingOf('#### deep\n')).toBeUndefined();
    expect(headingOf('text\nmore')).toBeUndefined();
    expect(headingOf('#NoSpace\n')).toBeUndefined();
  });
});

describe('jekyll-relative-links', () => {
  it('resolves paths against the document folder or the root', () => {
    expect(pathFromRoot('../a.md', 'docs/sub')).toBe('docs/a.md');
    expect(pathFromRoot('/a.md', 'docs')).toBe('a.md');
    expect(pathFromRoot('./b/c.md', '.')).toBe('b/c.md');
    expect(pathFromRoot('../../x.md', 'docs')).not.toBe('x.md');
  });

  it('rewrites inline and reference links, keeping fragments and titles', () => {
    const urls: Record<string, string> = { 'a.md': '/a.html', 'docs/b.md': '/docs/b/' };
    const out = replaceRelativeLinks('See [A](a.md#x "T") and [B][b].\n[b]: docs/b.md', 'index.md', (p) => urls[p]);
    // The reference definition gains a newline, as the plugin writes "\n[text]: url".
    expect(out).toBe('See [A](/a.html#x "T") and [B][b].\n\n[b]: /docs/b/');
  });
});

describe('GitHub Pages helper plugins in a build', () => {
  it('default-layout picks home, page and post and leaves set layouts alone', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-default-layout]\n`,
      '_layouts/home.html': 'H[{{ content }}]',
      '_layouts/page.html': 'P[{{ content }}]',
      '_layouts/post.html': 'O[{{ content }}]',
      'index.md': '---\n---\nx\n',
      'about.md': '---\n---\ny\n',
      'raw.md': '---\nlayout: null\n---\nz\n',
      '_posts/2024-01-01-p.md': '---\n---\nw\n',
    });
    expect(built.read('index.html')).toBe('H[<p>x</p>\n]');
    expect(built.read('about.html')).toBe('P[<p>y</p>\n]');
    expect(built.read('raw.html')).toBe('<p>z</p>\n');
    expect(built.read('2024/01/01/p.html')).toBe('O[<p>w</p>\n]');
  });

  it('optional-front-matter and readme-index turn plain Markdown into pages', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-optional-front-matter, jekyll-readme-index]\noptional_front_matter: { remove_originals: true }\n`,
      'plain.md': 'Plain\n',
      'docs/README.md': 'Docs\n',
    });
    expect(built.files).toEqual(['docs/README.md', 'docs/index.html', 'plain.html']);
    expect(built.read('docs/index.html')).toBe('<p>Docs</p>\n');
  });
});
