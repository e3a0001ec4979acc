/**
 * kramdown emphasis (a port of parse_emphasis): `*`/`_` open <em>, `**`/`__`
 * open <strong>, the content is parsed until a closing delimiter that follows
 * a non-space character (for <em>, not one that starts `**`; for `_`, not one
 * followed by a letter or digit); an element never nests inside its own kind;
 * a failed `**` is retried as an em opened by its first `*`. Replaces markdown-it's emphasis rule.
 */
import type { StateInline } from 'markdown-it';

type Kind = 'em' | 'strong';
interface EmphasisState {
  kdEmphasisStack?: Kind[];
}

function escapeRe(s: string): string {
  return s.replace(/\*/g, '\\*');
}

interface DelimPatterns {
  /** the delimiter doubled and not followed by a third (an em must not close on `**`) */
  twice: RegExp;
  /** the delimiter followed by a letter or digit (`_` must not close inside a word) */
  beforeAlnum: RegExp;
}
const PATTERNS = new Map<string, DelimPatterns>(
  ['*', '**', '_', '__'].map((d) => [
    d,
    { twice: new RegExp(`^${escapeRe(d + d)}(?!${escapeRe(d)})`), beforeAlnum: new RegExp(`^${escapeRe(d)}[\\p{L}\\p{N}]`, 'u') },
  ]),
);

/** Parse inline content until `stop` holds at a position; false (state untouched) when it never does. */
function parseUntil(state: StateInline, delim: string, kind: Kind, type: string): boolean {
  const src = state.src;
  const rules = state.md.inline.ruler.getRules('');
  const { twice, beforeAlnum } = PATTERNS.get(delim)!;
  const startTokens = state.tokens.length;
  while (state.pos < state.posMax) {
    if (src.startsWith(delim, state.pos)) {
      const prev = src[state.pos - 1];
      const hasChildren = state.tokens.length > startTokens || state.pending.length > 0;
      const rest = src.slice(state.pos, state.pos + delim.length + 1);
      if (
        prev !== undefined && !/\s/.test(prev) &&
        (kind !== 'em' || !twice.test(src.slice(state.pos, state.pos + delim.length * 2 + 1))) &&
        (type !== '_' || !beforeAlnum.test(rest)) &&
        hasChildren
      ) {
        return true;
      }
    }
    let ok = false;
    const before = state.pos;
    for (const rule of rules) {
      if (rule(state, false)) {
        ok = state.pos > before;
        if (ok) break;
      }
    }
    if (!ok) state.pending += src[state.pos++];
  }
  return false;
}

export function kramdownEmphasis(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const c = src[start];
  if (c !== '*' && c !== '_') return false;
  if (silent) return false;
  const s = state as StateInline & EmphasisState;
  const stack = (s.kdEmphasisStack ??= []);
  const result = src[start + 1] === c ? c + c : c;
  const kind: Kind = result.length === 2 ? 'strong' : 'em';
  const literal = () => {
    state.pending += result;
    state.pos = start + result.length;
    return true;
  };
  const after = src[start + result.length];
  if ((c === '_' && /\p{L}-?\p{L}*$/u.test(src.slice(Math.max(0, start - 40), start))) || after === undefined || /\s/.test(after) || stack.includes(kind)) {
    return literal();
  }
  // footnote markers count their uses in env; a failed attempt must not count them
  const env = state.env as { footnotes?: { list?: Array<{ count: number }>; refs?: Record<string, number> } };
  const attempt = (delim: string, k: Kind, contentStart: number): boolean => {
    const footnotes = env.footnotes;
    const savedList = footnotes?.list ? footnotes.list.map((f) => ({ entry: f, count: f.count })) : null;
    const savedRefs = footnotes?.refs ? { ...footnotes.refs } : null;
    const savedPending = state.pending;
    const savedTokens = state.tokens.length;
    const savedDelims = state.delimiters.length;
    const open = state.push(`${k}_open`, k === 'em' ? 'em' : 'strong', 1);
    open.markup = delim;
    state.pos = contentStart;
    stack.push(k);
    const found = parseUntil(state, delim, k, c);
    stack.pop();
    if (found) {
      const close = state.push(`${k}_close`, k === 'em' ? 'em' : 'strong', -1);
      close.markup = delim;
      state.pos += delim.length;
      return true;
    }
    if (footnotes?.list) {
      footnotes.list.length = savedList ? savedList.length : 0;
      if (savedList) for (const { entry, count } of savedList) entry.count = count;
    }
    if (footnotes?.refs && savedRefs) Object.assign(footnotes.refs, savedRefs);
    state.tokens.length = savedTokens;
    state.delimiters.length = savedDelims;
    state.pending = savedPending;
    state.pos = start;
    return false;
  };
  if (attempt(result, kind, start + result.length)) return true;
  if (kind === 'strong' && !stack.includes('em')) {
    // kramdown: a `**` that finds no end is retried as `*` opening an em whose text starts with `*`
    if (attempt(c, 'em', start + 1)) return true;
  }
  return literal();
}
