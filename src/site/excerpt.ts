/**
 * Jekyll's Excerpt: the part of a document before `excerpt_separator`, rendered on first use
 * (Liquid, then the document's converter, never a layout).
 */
import type { Document } from './document.js';

const LIQUID_TAG = /{%-?\s*(\w+)\s*.*?-?%}/gs;
const LINK_REF_DEFINITION = /^ {0,3}(?:(\[[^\]]+\])(:.+))$/gm;
/** Liquid block tags whose end tag an excerpt may have cut off. */
const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'capture', 'comment', 'raw', 'tablerow', 'highlight', 'ifchanged']);

export class Excerpt {
  readonly content: string;
  /** Set by the renderer once the excerpt is rendered. */
  output: string | undefined;
  readonly warnings: string[] = [];

  constructor(readonly doc: Document) {
    this.content = extractExcerpt(doc.content, doc.excerptSeparator, this.warnings, doc.relativePath);
  }

  get relativePath(): string {
    return `${this.doc.relativePath}/#excerpt`;
  }

  toString(): string {
    return this.output ?? this.content;
  }
}

export function extractExcerpt(content: string, separator: string, warnings: string[], where: string): string {
  const at = content.indexOf(separator);
  if (at < 0) return content;
  let head = content.slice(0, at);
  const tail = content.slice(at + separator.length);
  if (tail === '') return head;
  if (head.includes('{%')) {
    let modified = false;
    const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]).reverse();
    for (const name of names) {
      if (!BLOCK_TAGS.has(name)) continue;
      if (new RegExp(`{%-?\\s*end${name}.*?\\s*-?%}`, 's').test(head)) continue;
      modified = true;
      head += `\n{% end${name} %}`;
    }
    if (modified) warnings.push(`Excerpt modified in ${where}! Found a Liquid block containing the excerpt separator ${JSON.stringify(separator)}.`);
  }
  // Definitions are carried over only for references the head uses: no `[`, nothing to scan.
  if (!head.includes('[')) return head;
  const definitions: string[] = [];
  for (const m of tail.matchAll(LINK_REF_DEFINITION)) {
    if (head.includes(m[1])) definitions.push(m[1] + m[2]);
  }
  if (definitions.length === 0) return head;
  return `${head}\n\n${definitions.join('\n')}`;
}
