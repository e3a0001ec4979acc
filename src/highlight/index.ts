/**
 * Rouge-compatible code highlighting (placeholder emitter: escapes text, no tokens yet).
 * The public surface below is what markdown/ and the Liquid `highlight` tag call.
 */

export interface CodeBlockOptions {
  /** kramdown `syntax_highlighter_opts.default_lang` (Jekyll: plaintext). */
  defaultLang?: string;
  /** kramdown `syntax_highlighter_opts.css_class` (default `highlight`). */
  cssClass?: string;
  /** kramdown `syntax_highlighter_opts.disable`: plain `<pre><code>` markup. */
  disable?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Token markup (Pygments short classes inside spans) for `code` in language `lang`. */
export function highlightTokens(code: string, _lang: string | undefined): string {
  return escapeHtml(code);
}

/** kramdown + Rouge markup for a fenced or indented code block. */
export function renderCodeBlock(code: string, lang: string | undefined, opts: CodeBlockOptions = {}): string {
  const language = lang || opts.defaultLang || 'plaintext';
  const cssClass = opts.cssClass ?? 'highlight';
  return `<div class="language-${language} highlighter-rouge"><div class="${cssClass}"><pre class="${cssClass}"><code>${highlightTokens(code, language)}</code></pre></div></div>\n`;
}

/** kramdown + Rouge markup for inline code (`x`{:.language-ruby}). */
export function renderInlineCode(code: string, lang: string | undefined, opts: CodeBlockOptions = {}): string {
  const language = lang || opts.defaultLang || 'plaintext';
  return `<code class="language-${language} highlighter-rouge">${highlightTokens(code, language)}</code>`;
}

export interface HighlightTagOptions {
  linenos?: boolean | 'inline' | 'table';
  hlLines?: number[];
}

/** Markup of Jekyll's `{% highlight lang %}` tag. */
export function renderHighlightTag(code: string, lang: string, opts: HighlightTagOptions = {}): string {
  const body = highlightTokens(code.replace(/^\n+|\s+$/g, ''), lang);
  void opts;
  return `<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${body}</code></pre></figure>`;
}
