/** Jekyll's `Utils.slugify` (every mode) and `titleize_slug`, shared by URLs, the CLI and Liquid. */
/** Jekyll's `Utils.slugify`. */
export function slugify(input: string | null | undefined, mode?: string, cased = false): string | null {
  if (input === null || input === undefined) return null;
  let s = String(input);
  const m = mode ?? 'default';
  if (!['raw', 'default', 'pretty', 'ascii', 'latin'].includes(m)) return cased ? s : s.toLowerCase();
  if (m === 'latin') s = transliterate(s);
  const re =
    m === 'raw'
      ? /\s+/g
      : m === 'pretty'
        ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu
        : m === 'ascii'
          ? /[^A-Za-z0-9]+/g
          : /[^\p{M}\p{L}\p{Nd}]+/gu;
  // `^-|-$` are line anchors in Ruby: one hyphen off each line's ends.
  let slug = s.replace(re, '-').replace(/^-|-$/gm, '');
  if (!cased) slug = slug.toLowerCase();
  return slug;
}

const TRANSLIT: Record<string, string> = {
  Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', ß: 'ss', Œ: 'OE', œ: 'oe', Ð: 'D', ð: 'd', Þ: 'TH', þ: 'th', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŋ: 'N', ŋ: 'n', Ŧ: 'T', ŧ: 't', Ħ: 'H', ħ: 'h', ĸ: 'k', ŉ: "'n",
};

/** I18n.transliterate with the default approximations: Latin letters lose accents, others become "?". */
export function transliterate(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (TRANSLIT[ch]) out += TRANSLIT[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += /^[\x00-\x7f]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** `my-first-post` → `My First Post` (Ruby's split drops trailing empty parts; String#capitalize per word). */
export function titleizeSlug(slug: string): string {
  const words = slug.split('-');
  while (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words.map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w)).join(' ');
}
