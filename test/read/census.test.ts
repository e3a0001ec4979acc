import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPosts } from '../../src/read/census.js';

describe('countPosts', () => {
  it('counts files in _posts and <dir>/_posts with their bytes, nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-census-'));
    const w = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    w('_posts/2020-01-01-a.md', 'abc');
    w('_posts/2020/2020-01-02-b.md', 'de');
    w('ko/_posts/2020-01-01-a.md', 'f');
    w('_drafts/x.md', 'not a post');
    w('about.md', 'not a post');
    expect(countPosts(dir)).toMatchObject({ files: 3, bytes: 6 });
    expect(countPosts(dir).paths.map((p) => path.relative(dir, p)).sort()).toEqual(['_posts/2020-01-01-a.md', '_posts/2020/2020-01-02-b.md', 'ko/_posts/2020-01-01-a.md']);
    expect(countPosts(path.join(dir, 'missing'))).toEqual({ files: 0, bytes: 0, paths: [] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves symlinks out of the paths it hands to the read-ahead (nothing is read from elsewhere)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-census-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-outside-'));
    fs.mkdirSync(path.join(dir, '_posts'));
    fs.writeFileSync(path.join(dir, '_posts', '2020-01-01-a.md'), 'a');
    fs.writeFileSync(path.join(outside, 'secret.md'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, '_posts', '2020-01-02-link.md'));
    expect(countPosts(dir).paths).toEqual([path.join(dir, '_posts', '2020-01-01-a.md')]);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
