import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUtf8, splitFrontMatter } from '../../src/read/front-matter.js';

// Expected contents are what Jekyll 4.3.1 wrote for the same files (checked with the real thing).
describe('splitFrontMatter', () => {
  it('drops every blank line right after the closing fence, as Ruby\'s \\s*$\\n? does', () => {
    expect(splitFrontMatter('---\n---\n\n\nA\n', 'a.html').content).toBe('A\n');
    expect(splitFrontMatter('---\n---  \n \n\nL{{ content }}', 'l.html').content).toBe('L{{ content }}');
    expect(splitFrontMatter('---\nx: 1\n---\n\n  \n\nC\n', 'c.txt').content).toBe('C\n');
  });

  it('keeps indentation of the first content line and counts the consumed lines', () => {
    const split = splitFrontMatter('---\nx: 1\n---\n\n  C\n', 'c.txt');
    expect(split.frontMatter).toEqual({ x: 1 });
    expect(split.content).toBe('  C\n');
    expect(split.contentLine).toBe(5);
  });
});

describe('readUtf8', () => {
  it('reads files of any size whole, one after another, through its reused buffer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-read-'));
    try {
      // 200 KB with a three-byte character across every 64 KiB boundary, then small files
      const big = ('€'.repeat(21845) + 'x').repeat(3) + 'end';
      const files: Array<[string, string]> = [
        ['big.md', big],
        ['small.md', 'small\n'],
        ['bom.md', '\uFEFFafter a BOM\n'],
        ['empty.md', ''],
        ['again.md', big.slice(0, 70000)],
        ['last.md', 'ü'],
      ];
      for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
      for (const [name, text] of files) expect(readUtf8(path.join(dir, name), name), name).toBe(text.replace(/^\uFEFF/, ''));
      fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0x61, 0x0a, 0x62, 0xff]));
      expect(() => readUtf8(path.join(dir, 'bad.md'), 'bad.md')).toThrow(/Invalid UTF-8/);
      expect(readUtf8(path.join(dir, 'small.md'), 'small.md')).toBe('small\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
