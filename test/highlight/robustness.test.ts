import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rougeLexerTag, rougeTokens } from '../../src/highlight/index.js';
import { lexWithProfile } from '../../src/highlight/lexer.js';
import { profileFor, profileForHljs } from '../../src/highlight/languages.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Broken variants of real code: truncated mid-token, lines shuffled, an unclosed quote or comment. */
function variants(code: string, seed: number): string[] {
  const rand = rng(seed);
  const lines = code.split('\n');
  const out = [code.slice(0, Math.floor(rand() * code.length)), code.slice(Math.floor(rand() * code.length))];
  const shuffled = [...lines].sort(() => rand() - 0.5).join('\n');
  out.push(shuffled, `"${code}`, `/* ${code}`, `${code}\n\`\`\`\n<<EOF\n`, code.replace(/\n/g, '\r\n'), '', ' ', '\n\n');
  return out;
}

describe('every profile keeps the text intact on broken input', () => {
  for (const lang of readdirSync(corpus).sort()) {
    it(lang, () => {
      const tag = rougeLexerTag(lang)!;
      const profile = profileFor(tag);
      let seed = 1;
      for (const f of readdirSync(join(corpus, lang)).filter((n) => n.endsWith('.txt'))) {
        const code = readFileSync(join(corpus, lang, f), 'utf8');
        for (const v of variants(code, seed++)) {
          // The profile itself, not only the safety net in rougeTokens, must keep every character.
          if (profile && v) expect(lexWithProfile(v, profile, profileForHljs).map((t) => t.text).join('')).toBe(v);
          expect(rougeTokens(v, tag).map((t) => t.text).join('')).toBe(v);
        }
      }
    });
  }
});
