import { describe, expect, it } from 'vitest';
import { gfmHeaderId } from '../../src/markdown/auto-ids.js';
import { createEnv } from '../../src/markdown/env.js';

// kramdown-parser-gfm's generate_gfm_header_id, on any text: the reference the ASCII fast path must equal
const reference = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');

describe('GFM header ids', () => {
  it('are the same on ASCII text as the Unicode rule gives, for every ASCII character', () => {
    const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    const texts = [all, ...Array.from(all, (c) => `a${c}b`), 'Hello, World!', 'Tabs\tand  spaces', 'snake_case-and-kebab', 'C++ & C#', '100% (done)'];
    for (const text of texts) expect(gfmHeaderId(text, createEnv(), ''), JSON.stringify(text)).toBe(reference(text));
  });

  it('keep letters, marks and digits of any script, and number repeats', () => {
    const env = createEnv();
    for (const text of ['Ünïcödé Überschrift', '한국어 제목 2', 'Ελληνικά', 'e\u0301te\u0301']) expect(gfmHeaderId(text, createEnv(), ''), text).toBe(reference(text));
    expect(gfmHeaderId('Intro', env, 'p-')).toBe('p-intro');
    expect(gfmHeaderId('Intro', env, 'p-')).toBe('p-intro-1');
  });
});
