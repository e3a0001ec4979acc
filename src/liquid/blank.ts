/**
 * Liquid 5.4's blank bodies: a block whose every node is "blank" (whitespace-only text, assign,
 * capture, comment, an empty raw, or blocks that are blank themselves) is blank, and the control
 * tags (if, unless, case, for) with a blank body drop its text nodes when parsed
 * (BlockBody#remove_blank_strings), so `{% if x %}\n  {% assign a = 1 %}\n{% endif %}` writes
 * nothing. Outputs and every other tag (include, echo, break, increment…) are not blank.
 */
import { TypeGuards } from 'liquidjs';

const BLANK_TAGS = new Set(['assign', 'capture', 'comment', '#']);
const STRIPPING_TAGS = new Set(['if', 'unless', 'case', 'for']);
const WHITESPACE_OR_NOTHING = /^[ \t\r\n\f\v]*$/;

type Node = Record<string, any>;

/** Marks blank bodies in parsed templates and strips their text; returns whether the list is blank. */
export function stripBlankBodies(templates: unknown[]): boolean {
  let blank = true;
  for (const t of templates) if (!nodeIsBlank(t as Node)) blank = false;
  return blank;
}

function bodiesOf(node: Node): unknown[][] {
  const bodies: unknown[][] = [];
  if (Array.isArray(node.branches)) for (const b of node.branches) if (Array.isArray(b?.templates)) bodies.push(b.templates);
  if (Array.isArray(node.templates)) bodies.push(node.templates);
  if (Array.isArray(node.elseTemplates)) bodies.push(node.elseTemplates);
  return bodies;
}

function nodeIsBlank(node: Node): boolean {
  if (isText(node)) return WHITESPACE_OR_NOTHING.test(node.str);
  const name = node.name;
  if (typeof name !== 'string') return false; // an output
  // Blocks decide their own blankness from every body (visited even when the tag is not blank).
  const bodies = bodiesOf(node);
  let blank = true;
  for (const body of bodies) if (!stripBlankBodies(body)) blank = false;
  if (name === 'raw') return Array.isArray(node.tokens) && node.tokens.length === 0;
  if (BLANK_TAGS.has(name)) return true;
  if (bodies.length === 0) return false;
  if (blank && STRIPPING_TAGS.has(name)) for (const body of bodies) removeText(body);
  return blank && (STRIPPING_TAGS.has(name) || name === 'tablerow');
}

function removeText(body: unknown[]): void {
  for (let i = body.length - 1; i >= 0; i--) {
    const n = body[i] as Node;
    if (isText(n)) body.splice(i, 1);
  }
}

function isText(node: Node): boolean {
  return node.token !== undefined && TypeGuards.isHTMLToken(node.token) && typeof node.str === 'string';
}
