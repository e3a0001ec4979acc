/**
 * kramdown autolinks: `<mailto:x@y>` shows the address without "mailto:",
 * and `<x@y>` accepts any Unicode letters or digits (kramdown's [[:alnum:]]).
 */
import type { StateInline, StateCore } from 'markdown-it';


const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (m, dec, hex, name) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? m),
  );
}

const EMAIL = /<([\p{L}\p{N}\-_.]+?@[\p{L}\p{N}\-_.]+?)>/uy;

export function unicodeEmailAutolink(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
  EMAIL.lastIndex = state.pos;
  const m = EMAIL.exec(state.src);
  if (!m || state.pos + m[0].length > state.posMax) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', `mailto:${m[1]}`]];
    open.markup = 'autolink';
    open.info = 'auto';
    const text = state.push('text', '', 0);
    text.content = m[1];
    const close = state.push('link_close', 'a', -1);
    close.markup = 'autolink';
    close.info = 'auto';
  }
  state.pos += m[0].length;
  return true;
}

export function mailtoAutolinkText(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const ch = block.children;
    for (let i = 0; i + 1 < ch.length; i++) {
      if (ch[i].type === 'link_open' && ch[i].markup === 'autolink' && ch[i + 1].type === 'text') {
        // kramdown decodes entities in autolinks and shows addresses without "mailto:"
        const href = String(ch[i].attrGet('href') ?? '');
        ch[i].attrSet('href', decodeEntities(href));
        ch[i + 1].content = decodeEntities(ch[i + 1].content.replace(/^mailto:/, ''));
      }
    }
  }
}
