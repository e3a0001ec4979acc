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
    expect(countPosts(dir)).toEqual({ files: 3, bytes: 6 });
    expect(countPosts(path.join(dir, 'missing'))).toEqual({ files: 0, bytes: 0 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
