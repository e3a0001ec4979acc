import { describe, expect, it } from 'vitest';
import type { StateCore } from 'markdown-it';
import { normalizeSource } from '../../src/markdown/normalize.js';
import { createMarkdownConverter } from '../../src/markdown/index.js';

// markdown-it's own normalize rule, which normalizeSource replaces
const markdownItNormalize = (src: string) => src.replace(/\r\n?|\n/g, '\n').replace(/\0/g, '\uFFFD');

describe('source normalization', () => {
  it('gives what markdown-it normalize gives', () => {
    for (const src of ['', 'a\nb\n', 'a\r\nb\rc\n\r\n', '\r\r\n\n', 'nul\0here\0', 'mixed\r\n\0\r', 'no line end']) {
      const state = { src } as StateCore;
      normalizeSource(state);
      expect(state.src, JSON.stringify(src)).toBe(markdownItNormalize(src));
    }
  });

  it('is what the converter uses: CRLF and NUL sources convert as their normalized text', () => {
    const md = createMarkdownConverter();
    const text = '# Title\n\nA paragraph\nwith two lines.\n\n* one\n* two\n\n    code\0here\n';
    expect(md.convert(text.replace(/\n/g, '\r\n'))).toBe(md.convert(text.replace(/\0/g, '\uFFFD')));
    expect(md.convert('a\rb\r')).toBe(md.convert('a\nb\n'));
  });
});
