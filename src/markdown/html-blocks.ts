/**
 * kramdown block HTML: a block-level start tag at the start of a line opens an
 * element that runs to its matching end tag (blank lines included), kept raw
 * unless the `markdown` attribute asks for block ("1"/"block") or span parsing.
 * Text after the end tag on the same line starts a new block. Span-level tags
 * (em, a, span, ...) start paragraphs instead. Replaces markdown-it's html_block.
 */
import type { StateBlock } from 'markdown-it';
import { booleanOption, type KramdownEnv } from './env.js';
import { subParse } from './sub-parse.js';

export const HTML_SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup textarea tt var'.split(' '),
);
const CONTENT_MODEL_SPAN = new Set('a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(' '));
const CONTENT_MODEL_RAW = new Set('script style math option textarea pre code kbd samp var'.split(' '));
const VOID = new Set('area base br col embed hr img input keygen link meta param source track wbr'.split(' '));

const START_TAG = /^<([A-Za-z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const MARKDOWN_ATTR = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/;

function lineIndexAt(state: StateBlock, pos: number, from: number, endLine: number): number {
  let l = from;
  while (l < endLine && state.eMarks[l] < pos) l++;
  return l;
}

export function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!state.md.options.html) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const src = state.src;
  if (src.charCodeAt(start) !== 0x3c) return false;
  const limit = state.eMarks[endLine - 1] ?? src.length;

  if (src.startsWith('<!--', start)) {
    // kramdown: a comment does not end a paragraph (silent = terminator check)
    if (silent) return false;
    const end = src.indexOf('-->', start + 4);
    if (end < 0 || end > limit) return false;
    if (silent) return true;
    const close = end + 3;
    const lastLine = lineIndexAt(state, close, startLine, endLine);
    const tok = state.push('html_block', '', 0);
    tok.map = [startLine, lastLine + 1];
    tok.content = src.slice(start, close) + '\n';
    finish(state, lastLine, close);
    return true;
  }

  const m = START_TAG.exec(src.slice(start, Math.min(limit, start + 2000)));
  if (!m) {
    // a lone end tag of a block element: kramdown drops it? keep it raw like CommonMark
    // a stray end tag of a block element: kramdown writes it as escaped text in a paragraph
    const endTag = /^<\/([A-Za-z][\w:-]*)\s*>/.exec(src.slice(start, state.eMarks[startLine]));
    if (!endTag || HTML_SPAN_ELEMENTS.has(endTag[1].toLowerCase())) return false;
    if (silent) return endTag[1].toLowerCase() !== 'script';
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [startLine, startLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = '';
    const text = new state.Token('text', '', 0);
    text.content = endTag[0];
    inline.children = [text];
    state.push('paragraph_close', 'p', -1);
    finish(state, startLine, start + endTag[0].length);
    return true;
  }
  const name = m[1].toLowerCase();
  if (HTML_SPAN_ELEMENTS.has(name)) return false;
  // kramdown LAZY_END_HTML_START: a <script> line does not end a paragraph
  if (silent) return name !== 'script';

  const tagEnd = start + m[0].length;
  const mdAttr = MARKDOWN_ATTR.exec(m[2]);
  const startTag = serializeStartTag(name, mdAttr ? m[2].replace(MARKDOWN_ATTR, '') : m[2], m[3] === '/' || VOID.has(name));
  const env = state.env as unknown as KramdownEnv;
  const parseBlockHtml = booleanOption(env, 'parse_block_html', env.defaults?.parseBlockHtml ?? false);
  const mode = mdAttr ? (mdAttr[1] ?? mdAttr[2] ?? mdAttr[3]) : parseBlockHtml ? '1' : '0';

  if (m[3] === '/' || VOID.has(name)) {
    const tok = state.push('html_block', '', 0);
    tok.map = [startLine, startLine + 1];
    tok.content = startTag + '\n';
    finish(state, startLine, tagEnd);
    return true;
  }

  // find the matching end tag, counting nested elements of the same name
  const re = new RegExp(`<(/?)${name.replace(/[-:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'gi');
  re.lastIndex = tagEnd;
  let depth = 1;
  let closeStart = -1;
  let closeEnd = -1;
  for (let t = re.exec(src); t; t = re.exec(src)) {
    if (t.index > limit) break;
    if (t[1]) depth--;
    else if (!t[0].endsWith('/>')) depth++;
    if (depth === 0) {
      closeStart = t.index;
      closeEnd = t.index + t[0].length;
      break;
    }
  }
  if (closeStart < 0) {
    // no end tag: the element runs to the end of its paragraph-like chunk
    let l = startLine + 1;
    while (l < endLine && !state.isEmpty(l)) l++;
    const tok = state.push('html_block', '', 0);
    tok.map = [startLine, l];
    tok.content = src.slice(start, state.eMarks[l - 1]) + '\n';
    state.line = l;
    return true;
  }
  const lastLine = lineIndexAt(state, closeEnd, startLine, endLine);
  const inner = src.slice(tagEnd, closeStart);
  const endTagText = src.slice(closeStart, closeEnd);
  const model =
    mode === '0' ? 'raw' : mode === 'span' ? 'span' : mode === 'block' ? 'block' : CONTENT_MODEL_RAW.has(name) ? 'raw' : CONTENT_MODEL_SPAN.has(name) ? 'span' : 'block';

  if (model === 'raw') {
    const tok = state.push('html_block', '', 0);
    tok.map = [startLine, lastLine + 1];
    const body = MARKDOWN_ATTR.test(inner) ? nestedMarkdown(state, inner) : inner;
    tok.content = startTag + (CONTENT_MODEL_RAW.has(name) ? body : serializeRawContent(body)) + endTagText + '\n';
  } else if (model === 'span') {
    const open = state.push('html_block', '', 0);
    open.map = [startLine, lastLine + 1];
    open.content = startTag;
    const inline = state.push('inline', '', 0);
    inline.content = inner.replace(/^[ \t]*\n/, '\n').replace(/\n[ \t]*$/, '\n');
    inline.map = [startLine, lastLine + 1];
    inline.children = [];
    const close = state.push('html_block', '', 0);
    close.content = endTagText + '\n';
    close.meta = { opener: open };
  } else {
    const open = state.push('html_block', '', 0);
    open.map = [startLine, lastLine + 1];
    open.content = startTag + '\n';
    const body = inner.replace(/^[ \t]*\n/, '');
    subParse(state, body, body.length < inner.length ? startLine + 1 : startLine);
    const close = state.push('html_block', '', 0);
    close.content = endTagText + '\n';
    // an IAL after the end tag belongs to the element
    close.meta = { opener: open };
  }
  finish(state, lastLine, closeEnd);
  return true;
}

/**
 * Elements inside raw block HTML that carry a `markdown` attribute still have
 * their content parsed (kramdown's HTML parser honours it at any depth).
 */
function nestedMarkdown(state: StateBlock, html: string): string {
  const env = state.env as Record<string, unknown>;
  // nested conversions share ids and ALDs but not footnotes (they would be written twice)
  const subEnv = { alds: env.alds, idCounter: env.idCounter, inlineOptions: env.inlineOptions };
  let out = '';
  let pos = 0;
  const startRe = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;
  for (let m = startRe.exec(html); m; m = startRe.exec(html)) {
    const md = MARKDOWN_ATTR.exec(m[2]);
    if (!md) continue;
    const name = m[1].toLowerCase();
    const closeRe = new RegExp(`<(/?)${name.replace(/[-:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'gi');
    closeRe.lastIndex = startRe.lastIndex;
    let depth = 1;
    let close: RegExpExecArray | null = null;
    for (let t = closeRe.exec(html); t; t = closeRe.exec(html)) {
      if (t[1]) depth--;
      else depth++;
      if (depth === 0) {
        close = t;
        break;
      }
    }
    if (!close) continue;
    const mode = md[1] ?? md[2] ?? md[3];
    const inner = html.slice(startRe.lastIndex, close.index);
    const model = mode === '0' ? 'raw' : mode === 'span' ? 'span' : mode === 'block' ? 'block' : CONTENT_MODEL_RAW.has(name) ? 'raw' : CONTENT_MODEL_SPAN.has(name) ? 'span' : 'block';
    const body =
      model === 'raw'
        ? inner
        : model === 'span'
          ? state.md.renderInline(inner.trim(), subEnv)
          : '\n' + state.md.render(inner.replace(/^[ \t]*\n/, ''), subEnv);
    out += html.slice(pos, m.index) + serializeStartTag(name, m[2].replace(MARKDOWN_ATTR, ''), false) + body + close[0];
    pos = close.index + close[0].length;
    startRe.lastIndex = pos;
  }
  return out + html.slice(pos);
}

const CONTENT_TAG = /<!--[^]*?-->|<(\/?)([A-Za-z][\w:-]*)(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

function escapeRawText(s: string): string {
  return s.replace(/<|>|&(?!#?\w+;)/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Content of a raw HTML element as kramdown's HTML parser writes it back: tags
 * and comments kept, text escaped (a `<` that starts no tag, `>`, a bare `&`),
 * an end tag nothing opened written as text, script and style left untouched.
 */
function serializeRawContent(html: string): string {
  let out = '';
  let pos = 0;
  const open: string[] = [];
  CONTENT_TAG.lastIndex = 0;
  for (let m = CONTENT_TAG.exec(html); m; m = CONTENT_TAG.exec(html)) {
    out += escapeRawText(html.slice(pos, m.index));
    pos = m.index + m[0].length;
    if (m[2] === undefined) {
      out += m[0];
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at < 0) out += escapeRawText(m[0]);
      else {
        open.length = at;
        out += m[0];
      }
      continue;
    }
    out += m[0];
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, pos);
      if (end >= 0) {
        out += html.slice(pos, end);
        pos = end;
        CONTENT_TAG.lastIndex = end;
      }
      open.push(name);
    } else if (!m[0].endsWith('/>') && !VOID.has(name)) open.push(name);
  }
  return out + escapeRawText(html.slice(pos));
}

const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** kramdown writes the element it parsed: lower-case name, attributes double-quoted, `x` as `x=""`. */
function serializeStartTag(name: string, attrText: string, empty: boolean): string {
  let out = `<${name}`;
  for (const a of attrText.matchAll(ATTR)) {
    const v = a[2] ?? a[3] ?? a[4] ?? '';
    out += ` ${a[1]}="${v.replace(/"/g, '&quot;')}"`;
  }
  return out + (empty ? ' />' : '>');
}

/**
 * After a construct ending at `absEnd` on `line`: continue on the next line.
 * Text left on this line (with the lines that continue it, up to a blank line)
 * is parsed as blocks of its own, as kramdown parses what follows an end tag.
 */
function finish(state: StateBlock, line: number, absEnd: number): void {
  const rest = state.src.slice(absEnd, state.eMarks[line]);
  let next = line + 1;
  if (rest.trim() !== '') {
    let text = rest.replace(/^[ \t]+/, '');
    while (next < state.lineMax && !state.isEmpty(next)) {
      text += '\n' + state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
      next++;
    }
    subParse(state, text + '\n', line);
  }
  state.line = next;
}
