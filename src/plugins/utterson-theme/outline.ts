/**
 * MrGreen's outline: the part of a post between `<!-- outline-start -->` and
 * `<!-- outline-end -->` is its summary on post lists (in place of Jekyll's first-paragraph
 * excerpt, which would be the comment itself).
 */
const OUTLINE = /<!--\s*outline-start\s*-->([\s\S]*?)<!--\s*outline-end\s*-->/;

/** The HTML between the outline markers, trimmed; undefined when there are none. */
export function outlineOf(html: unknown): string | undefined {
  if (typeof html !== 'string') return undefined;
  const m = OUTLINE.exec(html);
  return m ? m[1]!.trim() : undefined;
}

/** The HTML with the outline (markers included) taken out. */
export function withoutOutline(html: string): string {
  return html.replace(OUTLINE, '');
}
