/**
 * kramdown-compatible Markdown (as Jekyll 4.3 configures kramdown 2.4 with the
 * GFM parser) on markdown-it. Create the converter once and reuse it.
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type MarkdownItOptions, type Renderer, type StateInline } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Token } from 'markdown-it';
import { resolveKramdownOptions, type ResolvedKramdownOptions } from './options.js';
import { typographyPlugin } from './typography.js';
import { blockExtensionsPlugin, applyBlockIals, resolveIals } from './block-extensions.js';
import { spanExtensionsPlugin, resolveSpanIals } from './span-extensions.js';
import { headerIdSuffix, autoIdsRule } from './auto-ids.js';
import { kramdownListsRule, listItemIals } from './lists.js';
import { footnotesRendering, footnotesPlacement } from './footnotes.js';
import { mathPlugin } from './math.js';
import { tocPlaceholder, tocPlugin } from './toc.js';
import { gfmEscape } from './escapes.js';
import { kramdownTable } from './tables.js';
import { kramdownHtmlBlock } from './html-blocks.js';
import { attrMap, renderTokenAttrs } from './html-attributes.js';
import { fenceGuard } from './fences.js';
import { kramdownCodeBlock } from './indented-code.js';
import { headersPlugin } from './headers.js';
import { kramdownDefinitionList, definitionListsRule } from './deflists.js';
import { rawSpanElements, spanHtml, noProcessingInstructions } from './inline-html.js';
import { loneBacktick } from './code-spans.js';
import { linkDestinationsPlugin, spacedReferenceLink } from './link-destinations.js';
import { kramdownEmphasis } from './emphasis-rule.js';
import { gfmStrikethrough } from './strikethrough.js';
import { lastLinkDefinitionWins, linkDefinitionAttributes } from './link-definitions.js';
import { abbreviationDefinition, replaceAbbreviations } from './abbreviations.js';
import { orderedListEndsParagraph, horizontalRuleInParagraph } from './paragraph-end.js';
import { standaloneImages } from './standalone-image.js';
import { kramdownBlockquote } from './blockquotes.js';
import { renderWithKramdownLayout } from './layout.js';
import { unicodeEmailAutolink, mailtoAutolinkText } from './autolinks.js';
import { renderKramdownCodeBlock, renderKramdownCodeSpan } from './code.js';
import { normalizeSource } from './normalize.js';
import { fastStateBlock } from './state-block.js';
import { createEnv } from './env.js';

export interface KramdownOptions {
  /** the `kramdown:` section of _config.yml, snake_case keys as in YAML */
  [key: string]: unknown;
}
export interface MarkdownOptions {
  kramdown?: KramdownOptions;
  /** site `highlighter`: 'rouge' (default) | 'none' */
  highlighter?: string;
}
export interface MarkdownConverter {
  convert(markdown: string): string;
}

const TEXT_SPECIAL = /[&<>]/;

function escapeText(s: string): string {
  // every text token passes here, and most have nothing to escape
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function rendering(md: MarkdownItInstance, opts: ResolvedKramdownOptions): void {
  const r = md.renderer.rules;
  const attrsOf = (t: Token) => attrMap(t);
  // {::options syntax_highlighter_opts="{default_lang: ruby}" /} changes the default language
  const withInline = (env: unknown): ResolvedKramdownOptions => {
    const hl = (env as { inlineOptions?: Record<string, string> }).inlineOptions?.syntax_highlighter_opts;
    const lang = hl ? /default_lang:\s*([\w+#.-]+)/.exec(hl) : null;
    return lang ? { ...opts, defaultLang: lang[1] } : opts;
  };
  r.fence = (tokens, idx, _o, env) => {
    const t = tokens[idx];
    // kramdown-parser-gfm: the language is the info string's first word, up to a '?'
    const m = /^(\S+?)(?:\?\S*)?(?:\s|$)/.exec(t.info.trim());
    const attrs = attrsOf(t);
    if (m) {
      const cls = attrs.get('class');
      attrs.delete('class');
      attrs.set('class', cls ? `language-${m[1]} ${cls}` : `language-${m[1]}`);
    }
    return renderKramdownCodeBlock(t.content, attrs, m ? m[1] : undefined, withInline(env));
  };
  // kramdown's alt text is the source between the brackets, only backslash escapes resolved
  r.image = (tokens, idx, _options, _env, self) => {
    const t = tokens[idx];
    t.attrSet('alt', t.content.replace(/\\([\\.*_+`<>()\[\]{}#!:|"'$=~-])/g, '$1'));
    return self.renderToken(tokens, idx, _options as Required<MarkdownItOptions>);
  };
  // kramdown escapes only & < > in text
  r.text = (tokens, idx) => escapeText(tokens[idx].content);
  r.code_block = (tokens, idx, _o, env) => renderKramdownCodeBlock(tokens[idx].content, attrsOf(tokens[idx]), undefined, withInline(env));
  r.code_inline = (tokens, idx, _o, env) => renderKramdownCodeSpan(tokens[idx].content, attrsOf(tokens[idx]), withInline(env));
  const cell = (open: string) => (tokens: Token[], idx: number, options: MarkdownItOptions, env: unknown, self: Renderer) => {
    // kramdown fills an empty cell with a no-break space
    const inline = tokens[idx + 1];
    const empty = inline && inline.type === 'inline' && inline.content.trim() === '';
    const html = self.renderToken(tokens, idx, options as Required<MarkdownItOptions>);
    void open;
    void env;
    return empty ? html + '\u00a0' : html;
  };
  r.s_open = () => '<del>';
  r.s_close = () => '</del>';
  r.th_open = cell('th');
  r.td_open = cell('td');
}

export function createMarkdownConverter(options: MarkdownOptions = {}): MarkdownConverter {
  const opts = resolveKramdownOptions(options.kramdown ?? {}, options.highlighter ?? 'rouge');
  const md = new MarkdownIt({ html: true, xhtmlOut: true, breaks: opts.hardWrap, linkify: false, typographer: false });
  md.core.ruler.at('normalize', normalizeSource);
  md.block.State = fastStateBlock(md.block.State) as typeof md.block.State;
  md.use(footnote);
  md.block.ruler.before('reference', 'kramdown_abbreviation_definition', abbreviationDefinition, { alt: ['paragraph'] });
  md.block.ruler.before('paragraph', 'kramdown_definition_list', kramdownDefinitionList, { alt: [] });
  md.inline.ruler.at('escape', gfmEscape);
  md.block.ruler.at('table', kramdownTable, { alt: [] });
  // kramdown tries block HTML before tables
  md.block.ruler.disable('html_block');
  md.block.ruler.before('table', 'kramdown_html_block', kramdownHtmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
  fenceGuard(md);
  md.block.ruler.at('code', kramdownCodeBlock);
  md.block.ruler.at('blockquote', kramdownBlockquote, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  headersPlugin(md);
  md.inline.ruler.before('html_inline', 'kramdown_raw_span_elements', rawSpanElements);
  const backticks = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: (s: StateInline, b: boolean) => boolean }> }).__rules__.find((r) => r.name === 'backticks')!.fn;
  md.inline.ruler.at('backticks', loneBacktick(backticks));
  const htmlInline = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: (s: StateInline, b: boolean) => boolean }> }).__rules__.find((r) => r.name === 'html_inline')!.fn;
  md.inline.ruler.at('html_inline', noProcessingInstructions(htmlInline));
  // kramdown writes link targets and texts as they are in the source
  md.normalizeLink = (url) => url;
  linkDestinationsPlugin(md);
  md.inline.ruler.before('link', 'kramdown_spaced_reference_link', spacedReferenceLink);
  lastLinkDefinitionWins(md);
  md.inline.ruler.at('emphasis', kramdownEmphasis);
  const hr = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: Parameters<typeof horizontalRuleInParagraph>[0] }> }).__rules__.find((r) => r.name === 'hr')!.fn;
  md.block.ruler.at('hr', horizontalRuleInParagraph(hr), { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('paragraph', 'kramdown_ordered_list_ends_paragraph', orderedListEndsParagraph, { alt: ['paragraph'] });
  md.inline.ruler.at('strikethrough', gfmStrikethrough);
  md.normalizeLinkText = (url) => url;
  md.inline.ruler.before('autolink', 'kramdown_email_autolink', unicodeEmailAutolink);
  // kramdown html_attributes: attributes in order, an empty id left out
  md.renderer.renderAttrs = renderTokenAttrs;
  typographyPlugin(md, opts);
  blockExtensionsPlugin(md);
  spanExtensionsPlugin(md);
  mathPlugin(md, opts.mathEngine);
  tocPlugin(md, opts);
  md.core.ruler.after('block', 'kramdown_header_id_suffix', headerIdSuffix);
  md.core.ruler.after('kramdown_header_id_suffix', 'kramdown_block_ials', applyBlockIals);
  md.core.ruler.after('kramdown_block_ials', 'kramdown_list_item_ials', listItemIals);
  md.core.ruler.after('inline', 'kramdown_span_ials', resolveSpanIals);
  md.core.ruler.after('kramdown_span_ials', 'kramdown_resolve_ials', resolveIals);
  md.core.ruler.after('kramdown_resolve_ials', 'kramdown_link_definition_attributes', linkDefinitionAttributes);
  md.core.ruler.after('kramdown_link_definition_attributes', 'kramdown_auto_ids', autoIdsRule(opts));
  md.core.ruler.after('kramdown_auto_ids', 'kramdown_lists', kramdownListsRule);
  md.core.ruler.after('kramdown_lists', 'kramdown_deflists', definitionListsRule);
  md.core.ruler.after('kramdown_deflists', 'kramdown_toc', tocPlaceholder);
  md.core.ruler.after('kramdown_toc', 'kramdown_inline_html', spanHtml);
  md.core.ruler.after('kramdown_toc', 'kramdown_mailto_text', mailtoAutolinkText);
  md.core.ruler.push('kramdown_abbreviations', replaceAbbreviations);
  md.core.ruler.push('kramdown_standalone_images', standaloneImages);
  md.core.ruler.push('kramdown_footnotes_placement', footnotesPlacement);
  footnotesRendering(md, opts);
  md.renderer.rules.kd_abbr_def = () => '';
  md.renderer.rules.kd_link_def = () => '';
  rendering(md, opts);
  return {
    convert(markdown: string): string {
      const env = createEnv();
      env.defaults = opts;
      const tokens = md.parse(markdown, env as unknown as Record<string, unknown>);
      return renderWithKramdownLayout(md, tokens, md.options, env as unknown as Record<string, unknown>, markdown);
    },
  };
}
