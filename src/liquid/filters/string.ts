/** Liquid's and Jekyll's string filters, with Ruby's String semantics. */
import { KeywordArgs, charCount, chars, isHash, rubyToS, toS, truthy } from '../ruby.js';
import { toInt } from '../variable.js';
import { def, type FilterTable } from './types.js';
import { slugify as slugifyText } from '../../utils/slugify.js';

/** Ruby `String#split(pattern)`: " " splits awk-style, "" splits chars, trailing empties dropped. */
export function rubySplit(s: string, pattern: string, limit = 0): string[] {
  let parts: string[];
  if (pattern === ' ') {
    const t = s.replace(/^[\s\0]+/, '');
    if (t === '') return [];
    if (limit > 0) {
      parts = [];
      let rest = t;
      while (parts.length < limit - 1) {
        const m = /[\s\0]+/.exec(rest);
        if (!m) break;
        parts.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
        if (rest === '') break;
      }
      if (rest !== '' || parts.length === 0) parts.push(rest);
      return parts;
    }
    parts = t.split(/[\s\0]+/);
  } else if (pattern === '') {
    parts = chars(s);
  } else {
    parts = s.split(pattern);
  }
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Ruby `str.slice(offset, length)` on characters; undefined where Ruby answers nil. */
export function rubySlice<T>(items: T[], offset: number, length: number): T[] | undefined {
  const n = items.length;
  let start = offset < 0 ? n + offset : offset;
  if (start < 0 || start > n || length < 0) return undefined;
  return items.slice(start, start + length);
}

const HTML_ESCAPE: Record<string, string> = { '&': '&amp;', '>': '&gt;', '<': '&lt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPE[c]);
}

function capitalize(s: string): string {
  const cs = chars(s);
  if (!cs.length) return '';
  return cs[0].toUpperCase() + cs.slice(1).join('').toLowerCase();
}

function rubyStrip(s: string): string {
  return s.replace(/^[\s\0]+|[\s\0]+$/g, '');
}

function subFirst(s: string, find: string, repl: string): string {
  const i = s.indexOf(find);
  return i < 0 ? s : s.slice(0, i) + repl + s.slice(i + find.length);
}

function subLast(s: string, find: string, repl: string): string {
  const i = s.lastIndexOf(find);
  return i < 0 ? s : s.slice(0, i) + repl + s.slice(i + find.length);
}

const CJK = '\\p{Script=Han}\\p{Script=Katakana}\\p{Script=Hiragana}\\p{Script=Hangul}';
const CJK_RE = new RegExp(`[${CJK}]`, 'gu');
const WORD_RE = new RegExp(`[^${CJK}\\s]+`, 'gu');

/** Jekyll's `Utils.slugify` on Liquid values (the input and mode as Ruby's to_s). */
export function slugify(input: unknown, mode?: unknown, cased = false): string | null {
  if (input === null || input === undefined) return null;
  return slugifyText(rubyToS(input), mode === null || mode === undefined ? undefined : rubyToS(mode), cased);
}

function kw(args: unknown[]): Record<string, unknown> {
  const last = args[args.length - 1];
  return last instanceof KeywordArgs ? last.values : {};
}

export const stringFilters: FilterTable = {
  downcase: def((input) => rubyToS(input).toLowerCase()),
  upcase: def((input) => rubyToS(input).toUpperCase()),
  capitalize: def((input) => capitalize(rubyToS(input))),
  escape: def((input) => (input === null || input === undefined ? null : escapeHtml(rubyToS(input)))),
  h: def((input) => (input === null || input === undefined ? null : escapeHtml(rubyToS(input)))),
  escape_once: def((input) => rubyToS(input).replace(/["><']|&(?!([a-zA-Z]+|(#\d+));)/g, (c) => HTML_ESCAPE[c])),
  append: def((input, s) => rubyToS(input) + rubyToS(s), 1),
  prepend: def((input, s) => rubyToS(s) + rubyToS(input), 1),
  strip: def((input) => rubyStrip(rubyToS(input))),
  lstrip: def((input) => rubyToS(input).replace(/^[\s\0]+/, '')),
  rstrip: def((input) => rubyToS(input).replace(/[\s\0]+$/, '')),
  strip_newlines: def((input) => rubyToS(input).replace(/\r?\n/g, '')),
  newline_to_br: def((input) => rubyToS(input).replace(/\r?\n/g, '<br />\n')),
  strip_html: def((input) =>
    rubyToS(input)
      .replace(/<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/g, '')
      .replace(/<[\s\S]*?>/g, ''),
  ),
  replace: def((input, a, b) => rubyToS(input).split(rubyToS(a)).join(rubyToS(b)), 1, 2),
  replace_first: def((input, a, b) => subFirst(rubyToS(input), rubyToS(a), rubyToS(b)), 1, 2),
  replace_last: def((input, a, b) => subLast(rubyToS(input), rubyToS(a), rubyToS(b)), 2),
  remove: def((input, a) => rubyToS(input).split(rubyToS(a)).join(''), 1),
  remove_first: def((input, a) => subFirst(rubyToS(input), rubyToS(a), ''), 1),
  remove_last: def((input, a) => subLast(rubyToS(input), rubyToS(a), ''), 1),
  split: def((input, pattern) => rubySplit(rubyToS(input), rubyToS(pattern)), 1),
  slice: def(
    (input, offset, length) => {
      const o = toInt(offset);
      const l = length === undefined || length === null ? 1 : toInt(length);
      if (Array.isArray(input)) return rubySlice(input, o, l) ?? [];
      return rubySlice(chars(rubyToS(input)), o, l)?.join('') ?? '';
    },
    1,
    2,
  ),
  truncate: def(
    (input, length = 50, ellipsis = '...') => {
      if (input === null || input === undefined) return null;
      const s = chars(rubyToS(input));
      const len = toInt(length);
      const e = rubyToS(ellipsis);
      const l = Math.max(0, len - chars(e).length);
      return s.length > len ? s.slice(0, l).join('') + e : s.join('');
    },
    0,
    2,
  ),
  truncatewords: def(
    (input, words = 15, ellipsis = '...') => {
      if (input === null || input === undefined) return null;
      const s = rubyToS(input);
      let n = toInt(words);
      if (n <= 0) n = 1;
      const list = rubySplit(s, ' ', n + 1);
      if (list.length <= n) return s;
      list.pop();
      return list.join(' ') + rubyToS(ellipsis);
    },
    0,
    2,
  ),
  size: def((input) => {
    if (typeof input === 'string') return charCount(input);
    if (Array.isArray(input)) return input.length;
    if (isHash(input)) return Object.keys(input).length;
    if (typeof input === 'number' && Number.isInteger(input)) return 8;
    return 0;
  }),
  default: def(
    (input, dflt = '', ...rest) => {
      const opts = kw([dflt, ...rest]);
      if (dflt instanceof KeywordArgs) dflt = '';
      const allowFalse = truthy(opts.allow_false);
      const falsy = allowFalse ? input === null || input === undefined : !truthy(input);
      const empty = (typeof input === 'string' || Array.isArray(input)) ? input.length === 0 : isHash(input) ? Object.keys(input).length === 0 : false;
      return falsy || empty ? dflt : input;
    },
    0,
    2,
  ),
  base64_encode: def((input) => Buffer.from(rubyToS(input), 'utf8').toString('base64')),
  base64_decode: def((input) => Buffer.from(rubyToS(input), 'base64').toString('utf8')),
  base64_url_safe_encode: def((input) => Buffer.from(rubyToS(input), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_')),
  base64_url_safe_decode: def((input) => Buffer.from(rubyToS(input).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')),

  // Jekyll
  normalize_whitespace: def((input) => rubyStrip(rubyToS(input).replace(/\s+/g, ' '))),
  number_of_words: def(
    function (input, mode) {
      if (input === null || input === undefined) throw new Error("undefined method `split' for nil:NilClass");
      const s = rubyToS(input);
      const split = () => rubySplit(s, ' ').length;
      if (mode === 'cjk') return (s.match(CJK_RE)?.length ?? 0) + (s.match(WORD_RE)?.length ?? 0);
      if (mode === 'auto') {
        const cjk = s.match(CJK_RE)?.length ?? 0;
        return cjk === 0 ? split() : cjk + (s.match(WORD_RE)?.length ?? 0);
      }
      return split();
    },
    0,
    1,
  ),
  slugify: def((input, mode) => slugify(input, mode), 0, 1),
  xml_escape: def((input) =>
    rubyToS(input).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!),
  ),
  to_integer: def((input) => {
    if (input === true) return 1;
    if (input === false) return 0;
    if (typeof input === 'string') {
      const m = /^\s*[-+]?\d+/.exec(input.replace(/_/g, ''));
      return m ? Number.parseInt(m[0], 10) : 0;
    }
    if (input === null || input === undefined) return 0;
    const n = Number(input.valueOf());
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  }),
};

export { toS };
