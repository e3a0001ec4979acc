/** kramdown html_attributes: attribute maps in insertion order, empty ids dropped. */
import type { Token } from 'markdown-it';

export type Attrs = Map<string, string>;

const ATTR_SPECIAL = /[&<>"]/;

export function escapeAttr(v: string): string {
  // most values need no escaping: a test is cheaper than a replace with a callback
  if (!ATTR_SPECIAL.test(v)) return v;
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

/**
 * renderAttrs(attrMap(token)) without the map, for the renderer's every tag: most tokens have
 * no attributes, and a map per tag was a ninth of what converting a post allocates. A list
 * naming a key twice (markdown-it's attrPush allows it) still goes through the map.
 */
export function renderTokenAttrs(token: Pick<Token, 'attrs'>): string {
  const attrs = token.attrs;
  if (!attrs || attrs.length === 0) return '';
  for (let i = 1; i < attrs.length; i++) {
    for (let j = 0; j < i; j++) if (attrs[j][0] === attrs[i][0]) return renderAttrs(attrMap(token));
  }
  let out = '';
  for (const [k, raw] of attrs) {
    const v = String(raw);
    if (k === 'id' && v.trim() === '') continue;
    out += ` ${k}="${escapeAttr(v)}"`;
  }
  return out;
}

/** A token's attributes as a string map (markdown-it allows numbers). */
export function attrMap(token: Pick<Token, 'attrs'>): Attrs {
  const m: Attrs = new Map();
  if (token.attrs) for (const [k, v] of token.attrs) m.set(k, String(v));
  return m;
}

/** Token.meta as a plain object (markdown-it types it loosely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function meta(token: Token): Record<string, any> {
  return (token.meta ??= {});
}

export function setTokenAttrs(token: Token, attrs: Attrs): void {
  token.attrs = attrs.size ? [...attrs] : null;
}
