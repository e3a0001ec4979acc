/**
 * kramdown span HTML details on markdown-it's html_inline:
 *   - the `markdown` attribute is consumed, not written out;
 *   - elements whose content model is raw (code, kbd, samp, var, ...) keep their
 *     content untouched (no emphasis, no smart quotes or dashes).
 */
import type { StateInline, StateCore } from 'markdown-it';

const RAW_SPAN = /^<(code|kbd|samp|var|textarea|script|style|math)(?=[\s>])[^>]*>/i;
const MARKDOWN_ATTR = /\s+markdown\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/;

export function rawSpanElements(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
  const rest = state.src.slice(state.pos, state.posMax);
  const m = RAW_SPAN.exec(rest);
  if (!m) return false;
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
      if (m && t.content.includes('\n')) t.content = t.content.replace(/\n/g, ' ');
    }
  }
}

/** Wraps markdown-it's html_inline rule: kramdown has no processing instructions in text. */
export function noProcessingInstructions(original: (s: StateInline, silent: boolean) => boolean) {
  return (state: StateInline, silent: boolean): boolean =>
    state.src.charCodeAt(state.pos + 1) === 0x3f /* ? */ ? false : original(state, silent);
}
