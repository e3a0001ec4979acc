import { describe, expect, it } from 'vitest';
import { feedCollections, feedPath } from '../../src/plugins/jekyll-feed/index.js';
import { buildFiles, TIME } from './build-site.js';

describe('jekyll-feed configuration', () => {
  it('always has a posts feed, configured by the top-level path and categories', () => {
    const c = feedCollections({ path: '/atom.xml', categories: ['a', 'a', 'b'], collections: ['notes'] });
    expect([...c.keys()]).toEqual(['notes', 'posts']);
    expect(c.get('posts')).toEqual({ path: '/atom.xml', categories: ['a', 'b'] });
    expect(feedPath(c, 'posts', null)).toBe('/atom.xml');
    expect(feedPath(c, 'posts', 'a')).toBe('/feed/a.xml');
    expect(feedPath(c, 'notes', null)).toBe('/feed/notes.xml');
    expect(feedPath(c, 'notes', 'x')).toBe('/feed/notes/x.xml');
  });
});

describe('jekyll-feed in a build', () => {
  it('links the configured path with feed_meta, escaping the title', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}name: "A & B"\nplugins: [jekyll-feed]\nfeed: { path: atom.xml }\n`,
      'index.html': '---\n---\n{% feed_meta %}',
    });
    expect(built.read('index.html')).toBe('<link type="application/atom+xml" rel="alternate" href="/atom.xml" title="A &amp; B" />');
    expect(built.files).toContain('atom.xml');
  });

  it('omits xml:lang on entries whose post has no lang, and skips the feed in development when asked', async () => {
    const site = {
      '_config.yml': `${TIME}lang: de\nplugins: [jekyll-feed]\n`,
      '_posts/2024-01-01-a.md': '---\ntitle: A\n---\nA\n',
      '_posts/2024-01-02-b.md': '---\ntitle: B\nlang: fr\n---\nB\n',
    };
    const xml = (await buildFiles(site)).read('feed.xml');
    expect(xml).toContain('<entry><title type="html">A</title>');
    expect(xml).toContain('<entry xml:lang="fr"><title type="html">B</title>');
    const off = await buildFiles({ ...site, '_config.yml': `${TIME}plugins: [jekyll-feed]\nfeed: { disable_in_development: true }\n` });
    expect(off.files).not.toContain('feed.xml');
  });
});
