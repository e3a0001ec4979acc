/**
 * A table of contents built from the headings of rendered HTML (for `toc: true` in front
 * matter): headings that have an id, of the two highest levels the post uses (posts that
 * start sections at h4 get h4 and h5), nested by level as kramdown's {:toc} nests them.
 */
export interface Heading {
  level: number;
  id: string;
  /** Inner HTML with tags removed (links inside headings would nest anchors). */
  text: string;
}

const HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/gi;
const ID_ATTR = /\sid=(["'])(.*?)\1/i;

export function headingsOf(html: string, minLevel = 2, maxLevel = 6): Heading[] {
  const out: Heading[] = [];
  for (const m of html.matchAll(HEADING)) {
    const level = Number(m[1]);
    const id = ID_ATTR.exec(m[2]!)?.[2];
    if (level < minLevel || level > maxLevel || !id) continue;
    const text = m[3]!.replace(/<[^>]*>/g, '').trim();
    if (text !== '') out.push({ level, id, text });
  }
  return out;
}

/** The headings of the `levels` highest levels present. */
export function topLevels(headings: Heading[], levels = 2): Heading[] {
  const present = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b).slice(0, levels);
  return headings.filter((h) => present.includes(h.level));
}

/** Nested `<ul>`s of links to the headings; "" when there are none. */
export function tocHtml(headings: Heading[]): string {
  if (headings.length === 0) return '';
  const base = Math.min(...headings.map((h) => h.level));
  let html = '<ul>';
  let depth = 1; // open <ul>s
  let first = true;
  for (const h of headings) {
    // A list opens only inside an item, so a skipped level nests one step, not two.
    const target = first ? 1 : Math.min(h.level - base + 1, depth + 1);
    if (target > depth) {
      html += '<ul>';
      depth++;
    } else if (!first) {
      html += '</li>';
      while (depth > target) {
        html += '</ul></li>';
        depth--;
      }
    }
    html += `<li><a href="#${h.id}">${h.text}</a>`;
    first = false;
  }
  html += '</li>';
  while (depth > 1) {
    html += '</ul></li>';
    depth--;
  }
  return html + '</ul>';
}
