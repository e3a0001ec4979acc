/**
 * Marks the Liquid view of a document (Jekyll's DocumentDrop), so that serializers can treat
 * it as Jekyll does: `jsonify` collapses `next`/`previous` below the top levels instead of
 * following the cycle they form.
 */
export const DOCUMENT_VIEW = Symbol.for('utterson.documentView');

/** Keys a collapsed neighbour document leaves out (DocumentDrop::NESTED_OBJECT_FIELD_BLACKLIST). */
export const NESTED_DOCUMENT_BLACKLIST = new Set(['content', 'output', 'excerpt', 'next', 'previous']);

export function isDocumentView(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[DOCUMENT_VIEW] === true;
}

/** Marks the `site` view (Jekyll's SiteDrop), which prints as its class name. */
export const SITE_VIEW = Symbol.for('utterson.siteView');

export function isSiteView(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[SITE_VIEW] === true;
}
