/** Jekyll's converter filters: markdownify, smartify, sassify, scssify. */
import { rubyToS } from '../ruby.js';
import { def, type FilterTable, type FilterThis } from './types.js';

/**
 * Jekyll's smartify: kramdown's SmartyPants parser (smart quotes, entities, typographic symbols,
 * span HTML) and HTML converter with entities output as characters. The quote rules and the
 * scan loop follow kramdown's (a quote's rule sees the character before it).
 */
const SQ_PUNCT = `[!"#$%'()*+,\\-./:;<=>?@[\\\\\\]^_\`{|}~]`;
const SQ_CLOSE = `[^ \\\\\\t\\r\\n\\[{(-]`;
type Quote = 'l' | 'r';
const SQ_RULES: [RegExp, (m: RegExpExecArray) => [string, ...Quote[]]][] = [
  [/("|')(?=[_*]{1,2}\S)/y, () => ['', 'l']],
  [new RegExp(`("|')(?=${SQ_PUNCT}(?!\\.\\.)\\B)`, 'y'), () => ['', 'r']],
  [/(\s?)"'(?=\w)/y, (m) => [m[1], 'l', 'l']],
  [/(\s?)'"(?=\w)/y, (m) => [m[1], 'l', 'l']],
  [/(\s?)'(?=\d\ds)/y, (m) => [m[1], 'r']],
  [/(\s)('|")(?=\w)/y, (m) => [m[1], 'l']],
  [new RegExp(`(${SQ_CLOSE})('|")`, 'y'), (m) => [m[1], 'r']],
  [/("|')(?=\s|s\b|$)/y, () => ['', 'r']],
  [/([\s\S]?)'/y, (m) => [m[1], 'l']],
  [/([\s\S]?)"/y, (m) => [m[1], 'l']],
];

const SPAN_ELEMENTS = new Set('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label option q rb rbc rp rt rtc ruby samp select small span strong sub sup textarea tt var'.split(' '));
const RAW_CONTENT = new Set('script style math option textarea pre code kbd samp var'.split(' '));
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', deg: '°', times: '×', euro: '€', middot: '·', bull: '•' };

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const START = /[^\\]?["']|&|--|\.\.\.|(?:\\| )?(?:<<|>>)|<(?=[a-zA-Z/!?])/g;

export function smartypants(src: string): string {
  return spans(src, 0, undefined).out;
}

function spans(src: string, from: number, until: string | undefined): { out: string; pos: number } {
  let out = '';
  let pos = from;
  const q = (kind: Quote, ch: string) => (ch === '"' ? (kind === 'l' ? '“' : '”') : kind === 'l' ? '‘' : '’');
  for (;;) {
    if (until !== undefined) {
      const close = src.toLowerCase().indexOf(`</${until}`, pos);
      START.lastIndex = pos;
      const m = START.exec(src);
      if (close >= 0 && (!m || close <= m.index)) {
        out += escapeText(src.slice(pos, close));
        const end = src.indexOf('>', close);
        return { out, pos: end < 0 ? src.length : end + 1 };
      }
    }
    START.lastIndex = pos;
    const m = START.exec(src);
    if (!m) {
      out += escapeText(src.slice(pos));
      return { out, pos: src.length };
    }
    out += escapeText(src.slice(pos, m.index));
    const p = m.index;
    const tok = m[0];
    if (/["']$/.test(tok)) {
      for (const [re, fn] of SQ_RULES) {
        re.lastIndex = p;
        const r = re.exec(src);
        if (!r) continue;
        const [text, ...kinds] = fn(r);
        out += escapeText(text);
        const quoteChars = r[0].slice(text.length).replace(/[^"']/g, '');
        kinds.forEach((k, i) => (out += q(k, quoteChars[i] ?? quoteChars[0])));
        pos = p + r[0].length;
        break;
      }
      continue;
    }
    if (tok === '&') {
      const e = /&(?:(\w+)|#(\d+)|#x([0-9a-fA-F]+));/y;
      e.lastIndex = p;
      const em = e.exec(src);
      if (em) {
        const ch = em[1] ? NAMED_ENTITIES[em[1]] : String.fromCodePoint(em[2] ? Number(em[2]) : Number.parseInt(em[3], 16));
        out += ch === undefined || ch === '&' || ch === '<' || ch === '>' ? em[0] : ch;
        pos = p + em[0].length;
      } else {
        out += '&amp;';
        pos = p + 1;
      }
      continue;
    }
    if (tok === '---' || tok.startsWith('--')) {
      const dash = src.startsWith('---', p) ? ['—', 3] : ['–', 2];
      out += dash[0];
      pos = p + (dash[1] as number);
      continue;
    }
    if (tok === '...') {
      out += '…';
      pos = p + 3;
      continue;
    }
    if (/<<|>>/.test(tok)) {
      const map: Record<string, string> = { '\\<<': '&lt;&lt;', '\\>>': '&gt;&gt;', '<< ': '« ', ' >>': ' »', '<<': '«', '>>': '»' };
      out += map[tok] ?? escapeText(tok);
      pos = p + tok.length;
      continue;
    }
    // span HTML
    const comment = /<!--[\s\S]*?-->/y;
    comment.lastIndex = p;
    const cm = comment.exec(src);
    if (cm) {
      out += cm[0];
      pos = p + cm[0].length;
      continue;
    }
    const tag = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/y;
    tag.lastIndex = p;
    const tm = tag.exec(src);
    const name = tm?.[1].toLowerCase();
    if (tm && name && SPAN_ELEMENTS.has(name)) {
      const attrs = [...tm[2].matchAll(/([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
        .map((a) => ` ${a[1]}="${(a[2] ?? a[3] ?? a[4] ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
        .join('');
      if (tm[3] || VOID.has(name)) {
        out += `<${tm[1]}${attrs} />`;
        pos = p + tm[0].length;
        continue;
      }
      out += `<${tm[1]}${attrs}>`;
      pos = p + tm[0].length;
      if (RAW_CONTENT.has(name)) {
        const close = src.toLowerCase().indexOf(`</${name}`, pos);
        const end = close < 0 ? src.length : close;
        out += src.slice(pos, end);
        const gt = close < 0 ? src.length : src.indexOf('>', close) + 1 || src.length;
        pos = gt;
      } else {
        const inner = spans(src, pos, name);
        out += inner.out;
        pos = inner.pos;
      }
      out += `</${tm[1]}>`;
      continue;
    }
    // Block-level or stray closing tags are kept as (escaped) text, whole.
    const closing = /<\/[a-zA-Z][\w:-]*\s*>/y;
    closing.lastIndex = p;
    const om = tm ?? closing.exec(src);
    if (om) {
      out += escapeText(om[0]);
      pos = p + om[0].length;
      continue;
    }
    out += '&lt;';
    pos = p + 1;
  }
}

export const markdownFilters: FilterTable = {
  markdownify: def(function (this: FilterThis, input) {
    const text = rubyToS(input);
    if (!this.env.markdownify) throw new Error('markdownify: no Markdown converter was given to the Liquid environment');
    return this.env.markdownify(text);
  }),
  smartify: def((input) => smartypants(rubyToS(input)).replace(/\n$/, '')),
  sassify: def(function (this: FilterThis, input) {
    if (!this.env.sassify) throw new Error('sassify: no Sass compiler was given to the Liquid environment');
    return this.env.sassify(rubyToS(input), 'sass');
  }),
  scssify: def(function (this: FilterThis, input) {
    if (!this.env.sassify) throw new Error('scssify: no Sass compiler was given to the Liquid environment');
    return this.env.sassify(rubyToS(input), 'scss');
  }),
};
