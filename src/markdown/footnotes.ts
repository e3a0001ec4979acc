/**
 * Footnotes as kramdown writes them (markdown-it-footnote parses them): markers
 * `<sup id="fnref:NAME" role="doc-noteref">`, the endnotes
 * `<div class="footnotes" role="doc-endnotes"><ol>` and backlinks appended to
 * the last paragraph (after a no-break space) or in a paragraph of their own.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token, StateCore } from 'markdown-it';
import type { ResolvedKramdownOptions } from './options.js';
import { escapeAttr, meta } from './html-attributes.js';

/** kramdown escape_html(:text) leaves entity references alone. */
function escapeText(s: string): string {
  return s.replace(/<|>|&(?!#?\w+;)/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function footnotesRendering(md: MarkdownIt, opts: ResolvedKramdownOptions): void {
  const r = md.renderer.rules;
  const name = (t: Token, env: unknown) => {
    const list = (env as { footnotes: { list: Array<{ label?: string }> } }).footnotes.list;
    const m = meta(t);
    const label = m.label ?? list[m.id]?.label ?? String(m.id + 1);
    return opts.footnotePrefix + label;
  };
  r.footnote_ref = (tokens, idx, _o, env) => {
    const t = tokens[idx];
    const n = name(t, env);
    const m = meta(t);
    const repeat = m.subId > 0 ? `:${m.subId}` : '';
    return (
      `<sup id="fnref:${escapeAttr(n)}${repeat}" role="doc-noteref">` +
      `<a href="#fn:${escapeAttr(n)}" class="footnote" rel="footnote">${m.id + footnoteNr(env)}</a></sup>`
    );
  };
  // {::options footnote_nr="10" /} in the text overrides the site's value
  const footnoteNr = (env: unknown) => {
    const inline = (env as { inlineOptions?: Record<string, string> }).inlineOptions?.footnote_nr;
    return inline !== undefined && /^\d+$/.test(inline) ? Number(inline) : opts.footnoteNr;
  };
  r.footnote_block_open = (_t, _i, _o, env) => {
    const nr = footnoteNr(env);
    return `<div class="footnotes" role="doc-endnotes">\n  <ol${nr !== 1 ? ` start="${nr}"` : ''}>\n`;
  };
  r.footnote_block_close = () => '  </ol>\n</div>\n';
  r.footnote_open = (tokens, idx, _o, env) => `    <li id="fn:${escapeAttr(name(tokens[idx], env))}" role="doc-endnote">\n`;
  r.footnote_close = () => '    </li>\n';
  r.footnote_anchor = (tokens, idx, _o, env) => {
    const t = tokens[idx];
    const m = meta(t);
    if (!opts.footnoteBacklink) return '';
    const n = escapeAttr(name(t, env));
    const text = escapeText(opts.footnoteBacklink);
    const prev = tokens[idx - 1];
    const inPara = prev.type === 'inline' || (prev.type === 'footnote_anchor' && meta(prev).inPara === true);
    m.inPara = inPara;
    const first = m.subId === 0;
    const link = first
      ? `<a href="#fnref:${n}" class="reversefootnote" role="doc-backlink">${text}</a>`
      : `<a href="#fnref:${n}:${m.subId}" class="reversefootnote" role="doc-backlink">${text}<sup>${m.subId + 1}</sup></a>`;
    const sep = inPara || !first ? '\u00a0' : '';
    const open = !inPara && first ? '<p>' : '';
    const next = tokens[idx + 1];
    const close = !inPara && !(next && next.type === 'footnote_anchor') ? '</p>\n' : '';
    return open + sep + link + close;
  };
}

/**
 * Core rule (last): a list carrying the `footnotes` reference (`* x\n{:footnotes}`)
 * is where kramdown writes the endnotes, instead of the end of the text.
 */
export function footnotesPlacement(state: StateCore): void {
  const tokens = state.tokens;
  const start = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const target = tokens.findIndex(
    (t) => (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && ((t.meta?.refs as string[] | undefined) ?? []).includes('footnotes'),
  );
  if (target < 0) return;
  let end = target;
  for (let depth = 0; end < tokens.length; end++) {
    depth += tokens[end].nesting;
    if (depth === 0) break;
  }
  const block = start >= 0 ? tokens.splice(start, tokens.findIndex((t) => t.type === 'footnote_block_close') - start + 1) : [];
  tokens.splice(target, end - target + 1, ...block);
}
