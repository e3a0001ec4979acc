/**
 * kramdown span HTML details on markdown-it's html_inline:
 *   - the `markdown` attribute is consumed, not written out;
 *   - elements whose content model is raw (code, kbd, samp, var, ...) keep their
 *     content untouched (no emphasis, no smart quotes or dashes).
 */
import type { StateInline, StateCore } from 'markdown-it';
import { booleanOption, type KramdownEnv } from './env.js';

const RAW_SPAN = /^<(code|kbd|samp|var|textarea|script|style|math)(?=[\s>])[^>]*>/i;
const MARKDOWN_ATTR = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/;

const START_TAG = /^<([A-Za-z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/;
const TAG = /<\/?[A-Za-z][\w:-]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Find the end tag matching an element opened just before `from`. */
function matchingEnd(src: string, name: string, from: number): { start: number; end: number } | null {
  const re = new RegExp(`<(/?)${name.replace(/[-:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let t = re.exec(src); t; t = re.exec(src)) {
    if (t[1]) depth--;
    else if (!t[0].endsWith('/>')) depth++;
    if (depth === 0) return { start: t.index, end: t.index + t[0].length };
  }
  return null;
}

/** Content of a `markdown="0"` element: text escaped, tags kept, nested markdown="1" elements parsed. */
function rawContent(state: StateInline, html: string): string {
  let out = '';
  let pos = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    out += escapeText(html.slice(pos, m.index));
    const start = START_TAG.exec(m[0]);
    const md = start ? MARKDOWN_ATTR.exec(start[2]) : null;
    const mode = md ? (md[1] ?? md[2] ?? md[3]) : null;
    if (start && md && mode !== '0') {
      const end = matchingEnd(html, start[1], m.index + m[0].length);
      if (end) {
        out += m[0].replace(MARKDOWN_ATTR, '') + state.md.renderInline(html.slice(m.index + m[0].length, end.start), state.env) + html.slice(end.start, end.end);
        pos = end.end;
        TAG.lastIndex = pos;
        continue;
      }
    }
    out += m[0].replace(MARKDOWN_ATTR, '');
    pos = m.index + m[0].length;
  }
  return out + escapeText(html.slice(pos));
}

export function rawSpanElements(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
  const rest = state.src.slice(state.pos, state.posMax);
  const st = START_TAG.exec(rest);
  const mdAttr = st ? MARKDOWN_ATTR.exec(st[2]) : null;
  const env = state.env as unknown as KramdownEnv;
  const parseSpanHtml = booleanOption(env, 'parse_span_html', env.defaults?.parseSpanHtml ?? true);
  const mode = mdAttr ? (mdAttr[1] ?? mdAttr[2] ?? mdAttr[3]) : parseSpanHtml ? '1' : '0';
  if (st && mode === '0') {
    const end = matchingEnd(rest, st[1], st[0].length);
    if (!end) return false;
    if (!silent) {
      const t = state.push('html_inline', '', 0);
      t.content = st[0].replace(MARKDOWN_ATTR, '') + rawContent(state, rest.slice(st[0].length, end.start)) + rest.slice(end.start, end.end);
    }
    state.pos += end.end;
    return true;
  }
  const m = RAW_SPAN.exec(rest);
  if (!m) {
    // tags with XML namespaces (`<some:url>`), which CommonMark's tag syntax lacks
    const ns = /^<\/?[A-Za-z][\w-]*:[\w:-]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/.exec(rest);
    if (!ns) return false;
    if (!silent) {
      const t = state.push('html_inline', '', 0);
      t.content = ns[0];
    }
    state.pos += ns[0].length;
    return true;
  }
  const close = rest.toLowerCase().indexOf(`</${m[1].toLowerCase()}>`, m[0].length);
  if (close < 0) return false;
  const end = close + m[1].length + 3;
  if (!silent) {
    const t = state.push('html_inline', '', 0);
    t.content = rest.slice(0, end);
  }
  state.pos += end;
  return true;
}

// kramdown HTML_BLOCK_ELEMENTS: inside a paragraph their tags are plain text
const BLOCK_ELEMENTS = new Set(
  'address article aside applet blockquote body dd details div dl fieldset figure figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(' '),
);
const TAG_NAME = /^<\/?([A-Za-z][\w:-]*)/;

/** Core rule: drop `markdown` attributes; block-level tags and processing instructions inside text become text. */
export function spanHtml(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const open: string[] = [];
    for (const t of block.children) {
      if (t.type !== 'html_inline') continue;
      const m = TAG_NAME.exec(t.content);
      if (t.content.startsWith('<?') || (m && BLOCK_ELEMENTS.has(m[1].toLowerCase()))) {
        t.type = 'text';
        continue;
      }
      if (m) {
        const name = m[1].toLowerCase();
        if (t.content[1] === '/') {
          // an end tag nothing opened is text to kramdown
          const at = open.lastIndexOf(name);
          if (at < 0) {
            t.type = 'text';
            continue;
          }
          open.length = at;
        } else if (!t.content.endsWith('/>')) open.push(name);
      }
      if (t.content.includes('markdown')) t.content = t.content.replace(MARKDOWN_ATTR, '');
      // kramdown re-writes the tag it parsed: line breaks inside it become spaces
      if (m && t.content.includes('\n')) t.content = t.content.replace(/^<[^>]*>/, (tag) => tag.replace(/\n/g, ' '));
    }
  }
}

/** Wraps markdown-it's html_inline rule: kramdown has no processing instructions in text. */
export function noProcessingInstructions(original: (s: StateInline, silent: boolean) => boolean) {
  return (state: StateInline, silent: boolean): boolean =>
    state.src.charCodeAt(state.pos + 1) === 0x3f /* ? */ ? false : original(state, silent);
}
