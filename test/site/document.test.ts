import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createContext } from '../../src/read/reader.js';
import { Collection } from '../../src/site/collection.js';
import { Document } from '../../src/site/document.js';

const source = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-doc-'));
afterAll(() => fs.rmSync(source, { recursive: true, force: true }));

function makeDoc(relativePath: string, frontMatter: Record<string, unknown> | null, config: Record<string, unknown> = {}): Document {
  const { config: cfg } = loadConfig({ source, time: '2025-01-01 00:00:00 +0000', ...config });
  const ctx = createContext(cfg, []);
  const posts = new Collection(ctx, 'posts', cfg.collections.posts);
  const doc = new Document(ctx, path.join(source, relativePath), relativePath, posts);
  doc.read(frontMatter, 'Hello\n\nWorld\n');
  return doc;
}

describe('posts: date and slug from the file name', () => {
  it('takes date, slug and a titleized title from the name', () => {
    const doc = makeDoc('_posts/2023-06-14-about-cors-3.md', null);
    expect(doc.data.slug).toBe('about-cors-3');
    expect(doc.data.title).toBe('About Cors 3');
    expect(doc.data.ext).toBe('.md');
    expect(String(doc.date)).toBe('2023-06-14 00:00:00 +0000');
    expect(doc.url).toBe('/2023/06/14/about-cors-3.html');
    expect(doc.destinationPath).toBe('2023/06/14/about-cors-3.html');
    expect(doc.id).toBe('/2023/06/14/about-cors-3');
  });

  it('a front matter date with an offset wins and is shown in the local zone', () => {
    const doc = makeDoc('_posts/2023-06-14-x.md', { date: '2023-06-14 09:00:00 +0900' });
    expect(doc.date.toISOString()).toBe('2023-06-14T00:00:00.000Z');
    expect(doc.url).toBe('/2023/06/14/x.html');
  });

  it('folders above _posts become categories, merged with front matter categories', () => {
    const doc = makeDoc('ko/_posts/2023-06-14-x.md', { categories: 'Web Dev', category: 'ignored-when-categories' });
    // Array(categories) + pluralized(category, categories): the singular key is added, not preferred.
    expect(doc.data.categories).toEqual(['ko', 'Web', 'Dev', 'ignored-when-categories']);
    const listed = makeDoc('ko/_posts/2023-06-14-y.md', { categories: ['Web', 'CORS'] });
    expect(listed.data.categories).toEqual(['ko', 'Web', 'CORS']);
    expect(listed.url).toBe('/ko/web/cors/2023/06/14/y.html');
  });

  it('tags come from tag or tags (a string splits on spaces)', () => {
    expect(makeDoc('_posts/2023-01-01-a.md', { tags: 'one two' }).data.tags).toEqual(['one', 'two']);
    expect(makeDoc('_posts/2023-01-01-b.md', { tag: 'solo', tags: ['x'] }).data.tags).toEqual(['solo']);
  });

  it('expands every placeholder of a custom permalink', () => {
    const doc = makeDoc('_posts/2023-02-05-Hello-World.md', { date: '2023-02-05 07:08:09 +0000', permalink: '/:year/:short_year/:month/:i_month/:day/:i_day/:hour/:minute/:second/:y_day/:title/:slug/:name:output_ext' });
    expect(doc.url).toBe('/2023/23/02/2/05/5/07/08/09/036/Hello-World/hello-world/2023-02-05-hello-world.html');
  });

  it('rejects an invalid date with the file in the message', () => {
    expect(() => makeDoc('_posts/2023-01-01-c.md', { date: 'not a date' })).toThrow(/Invalid date 'not a date'/);
  });
});

describe('permalink placeholders', () => {
  it('knows only UrlDrop names: Object members such as constructor are unknown, as in Jekyll', () => {
    const pools: Record<string, string> = { constructor: 'constructor', tostring: 'tostring', __proto__: '__proto__ or __proto_', hasownproperty: 'hasownproperty', nope: 'nope' };
    for (const [name, pool] of Object.entries(pools)) {
      const doc = makeDoc('_posts/2023-06-14-about.md', { permalink: `/:${name}/:title/` });
      expect(() => doc.url, name).toThrow(`The URL template doesn't have ${pool} keys. Check your permalink template!`);
    }
    const doc = makeDoc('_posts/2023-06-14-about.md', { permalink: '/:year/:i_month/:short_month/:y_day/:title_/:slug/' });
    // both checked with Jekyll 4.3.1: it writes 2023/6/Jun/165/about_/about/index.html and stops on :constructor
    expect(doc.url).toBe('/2023/6/Jun/165/about_/about/');
  });
});
