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

  it('estimates the size of a large census from a sample of its files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-census-'));
    fs.mkdirSync(path.join(dir, '_posts'));
    // 1,000 posts alternating 10 and 30 bytes: 20,000 bytes; the sample is evenly spaced
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, '_posts', `2020-01-01-p${String(i).padStart(4, '0')}.md`), 'x'.repeat(i % 2 ? 30 : 10));
    const census = countPosts(dir);
    expect(census.files).toBe(1000);
    expect(census.paths).toHaveLength(1000);
    expect(census.bytes).toBeGreaterThan(18_000);
    expect(census.bytes).toBeLessThan(22_000);
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

describe('countPosts and symlinked folders', () => {
  it('does not follow a _posts folder that is a symlink', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-census-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-outside-'));
    fs.writeFileSync(path.join(outside, '2020-01-01-secret.md'), 'secret');
    fs.symlinkSync(outside, path.join(dir, '_posts'));
    fs.mkdirSync(path.join(dir, 'ko'));
    fs.symlinkSync(outside, path.join(dir, 'ko', '_posts'));
    fs.mkdirSync(path.join(dir, '.hidden', '_posts'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.hidden', '_posts', '2020-01-01-h.md'), 'h');
    expect(countPosts(dir)).toEqual({ files: 0, bytes: 0, paths: [] });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
