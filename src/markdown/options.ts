/**
 * kramdown options as Jekyll 4.3 sets them (Jekyll's DEFAULTS['kramdown'] plus
 * what Jekyll's KramdownParser adds), with the site's `kramdown:` settings merged over.
 */
import type { KramdownOptions } from './index.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../config/defaults.js';

export interface ResolvedKramdownOptions {
  autoIds: boolean;
  autoIdPrefix: string;
  tocLevels: number[];
  smartQuotes: [string, string, string, string];
  hardWrap: boolean;
  footnoteNr: number;
  footnoteBacklink: string;
  footnotePrefix: string;
  footnoteBacklinkInline: boolean;
  typographicSymbols: Record<string, string>;
  mathEngine: string | null;
  syntaxHighlighter: string | null;
  defaultLang: string;
  cssClass: string;
  guessLang: boolean;
  parseBlockHtml: boolean;
  parseSpanHtml: boolean;
  headerOffset: number;
  gfmQuirks: string[];
  raw: Record<string, unknown>;
}

const ENTITY_CHARS: Record<string, string> = {
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d',
  laquo: '\u00ab', raquo: '\u00bb', sbquo: '\u201a', bdquo: '\u201e',
  lsaquo: '\u2039', rsaquo: '\u203a', apos: "'", quot: '"',
};

function smartQuoteChar(name: string): string {
  const n = name.trim();
  if (/^\d+$/.test(n)) return String.fromCodePoint(Number(n));
  return ENTITY_CHARS[n] ?? n;
}

function parseTocLevels(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number);
  if (typeof v === 'string') {
    const m = /^(\d)\.\.(\d)$/.exec(v.trim());
    if (m) {
      const out: number[] = [];
      for (let i = Number(m[1]); i <= Number(m[2]); i++) out.push(i);
      return out;
    }
    return v.split(/\s*,\s*/).map(Number);
  }
  return [1, 2, 3, 4, 5, 6];
}

export function resolveKramdownOptions(user: KramdownOptions = {}, highlighter = 'rouge'): ResolvedKramdownOptions {
  const o: Record<string, unknown> = { ...JEKYLL_KRAMDOWN_DEFAULTS, ...user };
  const sq = String(o.smart_quotes ?? 'lsquo,rsquo,ldquo,rdquo').split(',').map(smartQuoteChar);
  const hlOpts = { ...((o.syntax_highlighter_opts as Record<string, unknown>) ?? {}) };
  // Jekyll: `highlighter: rouge` picks kramdown's rouge highlighter unless kramdown says otherwise.
  const syntaxHighlighter =
    o.syntax_highlighter !== undefined ? (o.syntax_highlighter as string | null) : highlighter === 'rouge' ? 'rouge' : null;
  const typo = (o.typographic_symbols as Record<string, string>) ?? {};
  const quirks = o.gfm_quirks === undefined ? ['paragraph_end'] : String(o.gfm_quirks).split(/\s*,\s*/);
  return {
    autoIds: o.auto_ids !== false,
    autoIdPrefix: String(o.auto_id_prefix ?? ''),
    tocLevels: parseTocLevels(o.toc_levels),
    smartQuotes: [sq[0], sq[1], sq[2], sq[3]] as [string, string, string, string],
    hardWrap: o.hard_wrap === true,
    footnoteNr: Number(o.footnote_nr ?? 1),
    footnoteBacklink: o.footnote_backlink === undefined ? '&#8617;' : String(o.footnote_backlink ?? ''),
    footnotePrefix: String(o.footnote_prefix ?? ''),
    footnoteBacklinkInline: o.footnote_backlink_inline === true,
    typographicSymbols: typo,
    mathEngine: o.math_engine === undefined ? 'mathjax' : (o.math_engine as string | null),
    syntaxHighlighter: syntaxHighlighter === 'none' ? null : syntaxHighlighter,
    defaultLang: String(hlOpts.default_lang ?? 'plaintext'),
    cssClass: String(hlOpts.css_class ?? 'highlight'),
    guessLang: hlOpts.guess_lang !== false && o.guess_lang !== false,
    parseBlockHtml: o.parse_block_html === true,
    parseSpanHtml: o.parse_span_html !== false,
    headerOffset: Number(o.header_offset ?? 0),
    gfmQuirks: quirks,
    raw: o,
  };
}
