/**
 * kramdown 2.4 standalone images: a paragraph holding only an image whose IAL
 * has the `standalone` reference becomes <figure> with the image and a
 * <figcaption> of its alt text; the image's class and id move to the figure
 * unless the paragraph has its own.
 */
import type { StateCore } from 'markdown-it';
import { attrMap, renderAttrs, meta } from './html-attributes.js';

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function standaloneImages(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const p = tokens[i];
    const inline = tokens[i + 1];
    if (p.type !== 'paragraph_open' || p.hidden || inline.type !== 'inline' || !inline.children) continue;
    const kids = inline.children.filter((c) => !(c.type === 'text' && c.content === ''));
    if (kids.length !== 1 || kids[0].type !== 'image') continue;
    const img = kids[0];
    if (!((img.meta?.refs as string[] | undefined) ?? []).includes('standalone')) continue;
    const figure = attrMap(p);
    const image = new Map<string, string>([['src', String(img.attrGet('src') ?? '')], ['alt', img.content]]);
    for (const [k, v] of attrMap(img)) if (k !== 'src' && k !== 'alt') image.set(k, v);
    const alt = image.get('alt') ?? '';
    for (const k of ['class', 'id']) {
      if (image.has(k) && !figure.has(k)) {
        figure.set(k, image.get(k)!);
        image.delete(k);
      }
    }
    const html = new state.Token('html_block', '', 0);
    html.block = true;
    html.map = p.map;
    html.content = `<figure${renderAttrs(figure)}>\n  <img${renderAttrs(image)} />\n  <figcaption>${escapeText(alt)}</figcaption>\n</figure>\n`;
    meta(html).standalone = true;
    tokens.splice(i, 3, html);
  }
}
