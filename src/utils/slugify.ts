/** Jekyll's `Utils.slugify` and `titleize_slug`. */
export type SlugifyMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'latin' | string;

const MODES = new Set(['raw', 'default', 'pretty', 'ascii', 'latin']);
const PATTERNS: Record<string, RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
};

export function slugify(input: string | null | undefined, mode: SlugifyMode = 'default', cased = false): string | null {
  if (input === null || input === undefined) return null;
  let s = String(input);
  if (!MODES.has(mode)) return cased ? s : s.toLowerCase();
  if (mode === 'latin') s = transliterate(s);
  const re = PATTERNS[mode] ?? PATTERNS.default;
  let slug = s.replace(re, '-').replace(/^-|-$/g, '');
  if (!cased) slug = slug.toLowerCase();
  return slug;
}

/** I18n.transliterate: Latin letters lose their marks; what it cannot map becomes `?`. */
export function transliterate(s: string): string {
  const special: Record<string, string> = { Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', ß: 'ss', Þ: 'Th', þ: 'th', Đ: 'D', đ: 'd', Ł: 'L', ł: 'l', Œ: 'OE', œ: 'oe', Ð: 'D', ð: 'd' };
  let out = '';
  for (const ch of s) {
    if (special[ch]) out += special[ch];
    else if (ch.charCodeAt(0) < 128) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base.length > 0 && /^[\x00-\x7f]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** `my-first-post` → `My First Post` (Ruby's String#capitalize per word). */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ');
}
