/** kramdown html_attributes: attribute maps in insertion order, empty ids dropped. */
import type Token from 'markdown-it/lib/token.mjs';

export type Attrs = Map<string, string>;

export function escapeAttr(v: string): string {
  return v.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function renderAttrs(attrs: Attrs | null | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of attrs) {
    if (k === 'id' && v.trim() === '') continue;
    out += ` ${k}="${escapeAttr(v)}"`;
  }
  return out;
}

export function tokenAttrs(token: Token): Attrs {
  return new Map(token.attrs ?? []);
}

export function setTokenAttrs(token: Token, attrs: Attrs): void {
  token.attrs = attrs.size ? [...attrs] : null;
}
