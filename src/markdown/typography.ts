/**
 * kramdown's text substitutions: smart quotes (its RubyPants-derived rules) and
 * typographic symbols (--- -- ... << >>), as markdown-it inline rules, plus the
 * text rule that stops at the characters these rules start on.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateInline } from 'markdown-it';
import type { ResolvedKramdownOptions } from './options.js';

// markdown-it's terminator set plus kramdown's span starts (quotes, '$', '|'), except the
// characters no rule here starts at on their own, which prose is full of: ':' (only
// markdown-it's linkify, which is off) and '.' and '-' (only as '...', '--'). Stopping at each
// of them sent it through the whole rule chain just to be added to the text ('.' and '-'
// stop it only doubled, as in '...' and '--').
// One regular expression search, not a loop in JavaScript: this sees every character of every post.
const STOP = /[\n!#$%&*+<=>@[\\\]^_`{}~'"]|\.\.|--/g;

/** Replacement for markdown-it's `text` rule: consume plain characters up to a possible span start. */
export function textRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  const src = state.src;
  STOP.lastIndex = start;
  let pos = max;
  if (STOP.test(src)) {
    const end = STOP.lastIndex;
    // a doubled stop ('..', '--') is two characters long; the others one
    const at = end - 2 >= start && (src.charCodeAt(end - 1) === 0x2e || src.charCodeAt(end - 1) === 0x2d) && src.charCodeAt(end - 2) === src.charCodeAt(end - 1) ? end - 2 : end - 1;
    if (at < max) pos = at;
  }
  if (pos === start) return false;
  if (!silent) state.pending += src.slice(start, pos);
  state.pos = pos;
  return true;
}

const SQ_PUNCT = String.raw`[!"#$%'()*+,\-./:;<=>?@\[\\\]^_\`{|}~]`;
const SQ_CLOSE = String.raw`[^ \\\t\r\n\[{(-]`;
type Subst = number | 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | 'ldquo' | 'lsquo' | 'rsquo';
// [regexp (sticky), substitutions]: a number re-emits that group, a name emits a quote.
const SQ_RULES: Array<[RegExp, Subst[]]> = [
  [/("|')(?=[_*]{1,2}\S)/y, ['lquote1']],
  [new RegExp(String.raw`("|')(?=${SQ_PUNCT}(?!\.\.)\B)`, 'y'), ['rquote1']],
  [/(\s?)"'(?=\w)/y, [1, 'ldquo', 'lsquo']],
  [/(\s?)'"(?=\w)/y, [1, 'lsquo', 'ldquo']],
  [/(\s?)'(?=\d\ds)/y, [1, 'rsquo']],
  [/(\s)('|")(?=\w)/y, [1, 'lquote2']],
  [new RegExp(String.raw`(${SQ_CLOSE}\s*)('|")`, 'y'), [1, 'rquote2']],
  [/("|')(?=\s|s\b|$)/my, ['rquote1']],
  [/([^]?)'/y, [1, 'lsquo']],
  [/([^]?)"/y, [1, 'ldquo']],
];

function quoteChar(kind: Subst, quote: string, sq: ResolvedKramdownOptions['smartQuotes']): string {
  const dbl = quote === '"';
  switch (kind) {
    case 'lquote1':
    case 'lquote2':
      return dbl ? sq[2] : sq[0];
    case 'rquote1':
    case 'rquote2':
      return dbl ? sq[3] : sq[1];
    case 'ldquo':
      return sq[2];
    case 'lsquo':
      return sq[0];
    case 'rsquo':
      return sq[1];
    default:
      return '';
  }
}

/** kramdown reads the quote to replace from the group named by the last digit (lquote2 -> group 2). */
function quoteGroup(kind: Subst): number {
  return typeof kind === 'string' && kind.endsWith('2') ? 2 : 1;
}

export function smartQuotesRule(opts: ResolvedKramdownOptions) {
  const sq = opts.smartQuotes;
  return function smartQuotes(state: StateInline, silent: boolean): boolean {
    const c = state.src.charCodeAt(state.pos);
    if (c !== 0x22 && c !== 0x27) return false;
    // kramdown's scanner starts one character before the quote when that
    // character is plain text of the same run (not consumed by another parser).
    // a line break is a newline character in kramdown's text, markdown-it makes it a token
    const lastTok = state.pending.length === 0 ? state.tokens[state.tokens.length - 1] : undefined;
    const prev =
      state.pending.length > 0
        ? state.pending[state.pending.length - 1]
        : lastTok && (lastTok.type === 'softbreak' || lastTok.type === 'hardbreak')
          ? '\n'
          : '';
    // the rules look at most a few characters ahead; a window keeps this O(1)
    const end = Math.min(state.posMax, state.pos + 12);
    const s = prev + state.src.slice(state.pos, end) + (end < state.posMax ? 'x' : '');
    for (const [re, subs] of SQ_RULES) {
      re.lastIndex = 0;
      const m = re.exec(s);
      if (!m) continue;
      if (m[0].length <= prev.length) continue;
      if (silent) return false;
      let out = '';
      for (const sub of subs) {
        if (typeof sub === 'number') out += m[sub] ?? '';
        else out += quoteChar(sub, m[quoteGroup(sub)] ?? m[0].slice(-1), sq);
      }
      // the re-emitted prefix is already pending; keep only what replaces the quotes
      const consumed = m[0].length - prev.length;
      if (prev && out.startsWith(prev)) out = out.slice(prev.length);
      else if (prev && typeof subs[0] !== 'number') return false;
      const tok = state.push('text', '', 0);
      tok.content = out;
      tok.meta = { smartQuote: true };
      state.pos += consumed;
      return true;
    }
    return false;
  };
}

export function typographicSymbolsRule(opts: ResolvedKramdownOptions) {
  const custom = opts.typographicSymbols;
  const sym = (name: string, dflt: string) => custom[name] ?? dflt;
  return function typographicSyms(state: StateInline, silent: boolean): boolean {
    const src = state.src;
    const pos = state.pos;
    const c = src[pos];
    let text: string | null = null;
    let len = 0;
    if (c === '-' && src[pos + 1] === '-') {
      if (src[pos + 2] === '-') {
        text = sym('mdash', '\u2014');
        len = 3;
      } else {
        text = sym('ndash', '\u2013');
        len = 2;
      }
    } else if (c === '.' && src.startsWith('...', pos)) {
      text = sym('hellip', '\u2026');
      len = 3;
    } else if (c === '<' && src[pos + 1] === '<') {
      if (src[pos + 2] === ' ') {
        text = custom.laquo_space ?? '\u00ab\u00a0';
        len = 3;
      } else {
        text = sym('laquo', '\u00ab');
        len = 2;
      }
    } else if (c === '>' && src[pos + 1] === '>') {
      if (state.pending.endsWith(' ')) {
        if (!silent) state.pending = state.pending.slice(0, -1);
        text = custom.raquo_space ?? '\u00a0\u00bb';
      } else text = sym('raquo', '\u00bb');
      len = 2;
    }
    if (text === null || pos + len > state.posMax) return false;
    if (!silent) {
      const tok = state.push('text', '', 0);
      tok.content = text;
      tok.meta = { typographic: true };
    }
    state.pos += len;
    return true;
  };
}

export function typographyPlugin(md: MarkdownIt, opts: ResolvedKramdownOptions): void {
  md.inline.ruler.at('text', textRule);
  md.inline.ruler.after('text', 'kramdown_typographic_syms', typographicSymbolsRule(opts));
  md.inline.ruler.after('kramdown_typographic_syms', 'kramdown_smart_quotes', smartQuotesRule(opts));
}
