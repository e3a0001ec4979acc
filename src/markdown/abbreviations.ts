/**
 * kramdown abbreviations: `*[HTML]: Hyper Text Markup Language` anywhere in the
 * text (the last definition of a name wins, an empty title is allowed, an IAL
 * under the definition gives the <abbr> attributes); every occurrence of the
 * name in text, on word boundaries, becomes `<abbr title="...">`.
 */
import type { StateBlock, StateCore, Token } from 'markdown-it';
import { escapeAttr, renderAttrs, attrMap, meta } from './html-attributes.js';

const DEFINITION = /^\*\[(.+?)\]:(.*)$/;

export function abbreviationDefinition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x2a || state.src.charCodeAt(pos + 1) !== 0x5b) return false;
  const m = DEFINITION.exec(state.src.slice(pos, state.eMarks[startLine]));
  if (!m) return false;
  if (silent) return true;
  const tok = state.push('kd_abbr_def', '', 0);
  tok.block = true;
  tok.hidden = true;
  tok.map = [startLine, startLine + 1];
  tok.meta = { name: m[1], title: m[2].trim() };
  state.line = startLine + 1;
  return true;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Core rule (after IALs are resolved): replace abbreviations in text tokens. */
export function replaceAbbreviations(state: StateCore): void {
  const defs = new Map<string, { title: string; attrs: string }>();
  for (const t of state.tokens) {
    if (t.type === 'kd_abbr_def') {
      const attrs = attrMap(t);
      const m = meta(t);
      defs.set(String(m.name), { title: String(m.title), attrs: renderAttrs(attrs) });
    }
  }
  if (defs.size === 0) return;
  const names = [...defs.keys()].sort((a, b) => b.length - a.length);
  const union = names.map(escapeRe).join('|');
  const re = new RegExp(`(^|[^\\p{L}\\p{N}_])(${union})(?![\\p{L}\\p{N}_])`, 'gu');
  const Token = state.Token;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let changed = false;
    for (const t of block.children) {
      if (t.type !== 'text' || !t.content) {
        out.push(t);
        continue;
      }
      re.lastIndex = 0;
      let last = 0;
      let m: RegExpExecArray | null;
      const pieces: Token[] = [];
      while ((m = re.exec(t.content))) {
        const start = m.index + m[1].length;
        if (start > last) {
          const text = new Token('text', '', 0);
          text.content = t.content.slice(last, start);
          pieces.push(text);
        }
        const def = defs.get(m[2])!;
        const abbr = new Token('html_inline', '', 0);
        abbr.content = `<abbr${def.attrs}${def.title ? ` title="${escapeAttr(def.title)}"` : ''}>${escapeText(m[2])}</abbr>`;
        pieces.push(abbr);
        last = start + m[2].length;
        re.lastIndex = last;
      }
      if (pieces.length === 0) {
        out.push(t);
        continue;
      }
      if (last < t.content.length) {
        const text = new Token('text', '', 0);
        text.content = t.content.slice(last);
        pieces.push(text);
      }
      out.push(...pieces);
      changed = true;
    }
    if (changed) block.children = out;
  }
}
