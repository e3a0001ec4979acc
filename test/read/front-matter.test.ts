import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/read/front-matter.js';

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
