/**
 * Reading time: words at `wpm` words a minute. Words are runs between spaces (Korean puts
 * spaces between words too); a Chinese or Japanese ideograph or kana counts as one word, since
 * those scripts do not use spaces.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

export function wordCount(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ');
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words + cjk;
}

export function readingMinutes(input: unknown, wpm: unknown = 200): number {
  const rate = Number(wpm) > 0 ? Number(wpm) : 200;
  return Math.max(1, Math.ceil(wordCount(typeof input === 'string' ? input : '') / rate));
}
