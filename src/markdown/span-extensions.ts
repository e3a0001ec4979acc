/**
 * kramdown span extensions: span IALs after an element (`*a*{: .cls}`,
 * `` `x`{:.language-ruby} ``, `[l](u){: rel="x"}`) and `{::comment}`,
 * `{::nomarkdown}`, `{::options}` inside a paragraph.
 * A span IAL right after plain text is kept as text, as kramdown does.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateInline } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseAttributeList, applyAttributeList, type AttributeList } from './attribute-list.js';
import { applyInlineOptions, type KramdownEnv } from './env.js';
import { attrMap, meta } from './html-attributes.js';

const ANY = String.raw`(?:\\\}|[^}])`;
const EXT_START = new RegExp(String.raw`\{::(\w+)(?:\s(${ANY}*?)|)(\/)?\}`, 'y');
const IAL_SPAN = new RegExp(String.raw`\{:(${ANY}+)\}`, 'y');

function spanExtensions(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x3a) return false;
  EXT_START.lastIndex = pos;
  let m = EXT_START.exec(src);
  if (m && m.index === pos) {
    const [whole, name, attrText, selfClosing] = m;
    if (name !== 'comment' && name !== 'nomarkdown' && name !== 'options') return false;
    let body: string | null = null;
    let end = pos + whole.length;
    if (!selfClosing) {
      const stop = new RegExp(String.raw`\{:\/(${name})?\}`, 'g');
      stop.lastIndex = end;
      const sm = stop.exec(src);
      if (!sm || sm.index >= state.posMax) return false;
      body = src.slice(end, sm.index);
      end = sm.index + sm[0].length;
    }
    if (!silent) {
      const attrs = parseAttributeList(attrText ?? '');
      if (name === 'comment' && body !== null) {
        const t = state.push('html_inline', '', 0);
        t.content = `<!-- ${body} -->`;
      } else if (name === 'nomarkdown' && body !== null) {
        const type = attrs.attrs.get('type');
        const t = state.push('html_inline', '', 0);
        t.content = !type || type.split(/\s+/).includes('html') ? body : '';
      } else if (name === 'options') applyInlineOptions(state.env as unknown as KramdownEnv, attrs);
    }
    state.pos = end;
    return true;
  }
  if (src.charCodeAt(pos + 2) === 0x3a || src.charCodeAt(pos + 2) === 0x2f) return false;
  // span IAL: only after an element, never after text
  if (state.pending.length > 0 || state.tokens.length === 0) return false;
  const prev = state.tokens[state.tokens.length - 1];
  if (prev.type === 'text' && !prev.meta?.delimiter && !isDelimiterText(state, prev)) return false;
  IAL_SPAN.lastIndex = pos;
  m = IAL_SPAN.exec(src);
  if (!m || m.index !== pos) return false;
  if (!silent) {
    const t = state.push('kd_span_ial', '', 0);
    t.meta = { ial: parseAttributeList(m[1]), source: m[0] };
  }
  state.pos = pos + m[0].length;
  return true;
}

/** markdown-it emphasis/strikethrough delimiters are text tokens until post-processing. */
function isDelimiterText(state: StateInline, tok: Token): boolean {
  const d = state.delimiters;
  return d.length > 0 && d[d.length - 1].token === state.tokens.indexOf(tok) && /^[*_~]+$/.test(tok.content);
}

/** After inline post-processing: move span IALs onto the element before them. */
export function resolveSpanIals(state: StateCore): void {
  const env = state.env as unknown as KramdownEnv;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const ch = block.children;
    for (let i = 0; i < ch.length; i++) {
      const t = ch[i];
      if (t.type !== 'kd_span_ial') continue;
      const target = spanTarget(ch, i - 1);
      if (!target) {
        t.type = 'text';
        t.content = meta(t).source;
        continue;
      }
      const attrs = attrMap(target);
      const ial = meta(t).ial as AttributeList;
      applyAttributeList(attrs, ial, env.alds);
      target.attrs = attrs.size ? [...attrs] : null;
      if (ial.refs.length) ((meta(target).refs ??= []) as string[]).push(...ial.refs);
      ch.splice(i, 1);
      i--;
    }
  }
}

function spanTarget(ch: Token[], i: number): Token | null {
  // markdown-it leaves emptied delimiter text tokens next to strong/del tokens
  while (i >= 0 && ch[i].type === 'text' && ch[i].content === '') i--;
  const t = ch[i];
  if (!t) return null;
  if (t.nesting === 0) return t.type === 'text' || t.type === 'softbreak' ? null : t;
  if (t.nesting === -1) {
    // walk back to the matching opening token
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      if (ch[j].nesting === -1) depth++;
      else if (ch[j].nesting === 1 && --depth === 0) return ch[j];
    }
  }
  return null;
}

export function spanExtensionsPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'kramdown_span_extensions', spanExtensions);
  md.renderer.rules.kd_span_ial = () => '';
}
