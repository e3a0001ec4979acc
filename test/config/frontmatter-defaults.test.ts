import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontmatterDefaults } from '../../src/config/frontmatter-defaults.js';

function tree(dirs: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-defaults-'));
  for (const d of dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  return root;
}

describe('front matter defaults', () => {
  const source = tree(['_posts', 'ko/_posts', 'en/_posts', 'projects/sub']);
  const sets = [
    { scope: { path: '' }, values: { layout: 'default', author: 'site' } },
    { scope: { path: '', type: 'posts' }, values: { layout: 'post' } },
    { scope: { path: 'projects' }, values: { layout: 'project' } },
    { scope: { path: 'projects', type: 'pages' }, values: { kind: 'page-in-projects' } },
    { scope: { path: '*/_posts' }, values: { translated: true } },
    { scope: { path: 'projects/sub' }, values: { author: 'sub' } },
    { values: { everywhere: 1 } },
  ];
  const defaults = new FrontmatterDefaults(sets, source, '');

  it('a longer path wins, then a scope with a type', () => {
    expect(defaults.all('about.md', 'pages')).toMatchObject({ layout: 'default', author: 'site', everywhere: 1 });
    expect(defaults.all('_posts/2020-01-01-a.md', 'posts')).toMatchObject({ layout: 'post' });
    expect(defaults.all('projects/x.md', 'pages')).toMatchObject({ layout: 'project', kind: 'page-in-projects' });
    expect(defaults.all('projects/sub/y.md', 'pages')).toMatchObject({ author: 'sub', layout: 'project' });
  });

  it('matches globbed scope paths against the source tree', () => {
    expect(defaults.all('ko/_posts/2020-01-01-a.md', 'posts')).toMatchObject({ translated: true });
    expect(defaults.all('en/_posts/2020-01-01-a.md', 'posts')).toMatchObject({ translated: true });
    expect(defaults.all('_posts/2020-01-01-a.md', 'posts').translated).toBeUndefined();
  });

  it('finds a single key with the same precedence', () => {
    expect(defaults.find('projects/sub/y.md', 'pages', 'author')).toBe('sub');
    expect(defaults.find('_posts/a.md', 'posts', 'layout')).toBe('post');
    expect(defaults.find('_posts/a.md', 'posts', 'missing')).toBeUndefined();
  });

  it('maps the deprecated singular types and warns about invalid sets', () => {
    const warnings: string[] = [];
    const d = new FrontmatterDefaults([{ scope: { type: 'post' }, values: { a: 1 } }, { scope: {} }], source, '', warnings);
    expect(d.all('_posts/x.md', 'posts')).toEqual({ a: 1 });
    expect(warnings).toHaveLength(1);
  });
});
