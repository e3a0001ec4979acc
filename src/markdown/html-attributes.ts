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
