/**
 * Rouge-compatible code highlighting: the markup kramdown 2.4 (Jekyll 4.3.1's Markdown converter)
 * and Jekyll's `{% highlight %}` tag write with Rouge 3.30, tokens from highlight.js mapped to
 * Rouge's Pygments short classes. The public surface below is what markdown/ and the Liquid
 * `highlight` tag call.
 */
import { formatTable, formatTokens } from './format.js';
import { rougeLexerTag } from './languages.js';
import { rougeTokens } from './rouge-lexer.js';

export { rougeLexerTag } from './languages.js';
export { rougeTokens } from './rouge-lexer.js';
export type { Token } from './token.js';

/**
 * kramdown's `syntax_highlighter_opts` (per call: pass the `span:`/`block:` merged view kramdown
 * uses for the element type) plus the element's own attributes.
 */
export interface CodeBlockOptions {
  /** kramdown `syntax_highlighter_opts.default_lang` (Jekyll sets plaintext). */
  defaultLang?: string;
  /** kramdown `syntax_highlighter_opts.css_class` (default `highlight`; goes on the `<pre>`). */
  cssClass?: string;
  /** kramdown `syntax_highlighter_opts.disable`: plain `<pre><code>` markup. */
  disable?: boolean;
  /** kramdown `guess_lang` (Jekyll default true). When false, plain text is not wrapped as Rouge output. */
  guessLang?: boolean;
  /** kramdown `syntax_highlighter_opts.line_numbers` (blocks): Rouge's table markup. */
  lineNumbers?: boolean;
  /**
   * kramdown `syntax_highlighter`, i.e. Jekyll's `highlighter` unless `kramdown.syntax_highlighter`
   * is set (default `rouge`). Anything else (`none`, or an unavailable one) gives plain markup.
   */
  highlighter?: string;
  /**
   * The element's other attributes in kramdown's order (IAL), e.g. `{ class: 'extra', id: 'x' }`.
   * For a fenced block kramdown puts `class` first (the fence sets `language-X` before the IAL is
   * merged); a `language-X` class here is used as the language when `lang` is undefined.
   */
  attributes?: Record<string, string>;
  /** kramdown's indentation of nested block output (e.g. inside a list item). */
  indent?: number;
}

/** kramdown's escape_html(text, :all): &, < and > (quotes stay as they are). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** kramdown's escape_html(value, :attribute): also `"`, and leaves entity references alone. */
function escapeAttribute(text: string): string {
  return text.replace(/&(?:[\w:][-\w.:]*;|#\d+;|#x[0-9a-fA-F]+;)|[<>&"]/g, (m) =>
    m === '<' ? '&lt;' : m === '>' ? '&gt;' : m === '&' ? '&amp;' : m === '"' ? '&quot;' : m,
  );
}

function htmlAttributes(attr: Record<string, string>): string {
  let out = '';
  for (const [k, v] of Object.entries(attr)) {
    if (v == null || (k === 'id' && !v.trim())) continue;
    out += ` ${k}="${escapeAttribute(String(v))}"`;
  }
  return out;
}

// Jekyll renders the same code more than once (a post's excerpt and its content, feeds, paginated
// indexes): remember recent results. Keyed by lexer tag and code; small blocks only.
const CACHE_SIZE = 2000;
const CACHE_MAX_CODE = 64 * 1024;
const cache = new Map<string, string>();

/** Rouge::Formatters::HTML output for `code` lexed by the Rouge lexer `tag`. */
function tokenMarkup(code: string, tag: string): string {
  if (code.length > CACHE_MAX_CODE) return formatTokens(rougeTokens(code, tag));
  const key = `${tag}\0${code}`;
  let html = cache.get(key);
  if (html !== undefined) {
    cache.delete(key);
  } else {
    html = formatTokens(rougeTokens(code, tag));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, html);
  return html;
}

/** Token markup (Pygments short classes inside spans) for `code` in language `lang` (any name Rouge knows). */
export function highlightTokens(code: string, lang: string | undefined): string {
  const tag = (lang && rougeLexerTag(lang)) || 'plaintext';
  return tokenMarkup(code, tag);
}

/** kramdown's Rouge adapter: the Rouge lexer tag to use, or undefined when kramdown falls back to plain markup. */
function kramdownLexer(lang: string | undefined, opts: CodeBlockOptions): string | undefined {
  if ((opts.highlighter ?? 'rouge') !== 'rouge') return undefined;
  const defaultLang = opts.defaultLang ?? 'plaintext';
  const guessLang = opts.guessLang ?? true;
  const name = lang || defaultLang;
  if (!name && !guessLang) return undefined;
  const tag = name ? rougeLexerTag(name) : 'plaintext';
  if (opts.disable || !tag || (tag === 'plaintext' && !guessLang)) return undefined;
  return tag;
}

/** kramdown's extract_code_language!: the `language-X` class, removed from the attributes. */
function extractLanguage(attr: Record<string, string>): string | undefined {
  const cls = attr.class;
  if (!cls) return undefined;
  const m = /(?:^|\b)language-(\S+)/.exec(cls);
  if (!m) return undefined;
  const rest = cls.replace(/\blanguage-\S+/, '').trim();
  if (rest) attr.class = rest;
  else delete attr.class;
  return m[1];
}

/** kramdown's add_syntax_highlighter_to_class_attr: `language-X` first, `highlighter-rouge` last. */
function addHighlighterClass(attr: Record<string, string>, lang: string | undefined, highlighter: string): void {
  let cls = `${attr.class ?? ''} highlighter-${highlighter}`.trimStart();
  if (lang) {
    const m = /\blanguage-\S+/.exec(cls);
    cls = m ? cls.replace(/\blanguage-\S+/, `language-${lang}`) : `language-${lang} ${cls}`;
  }
  attr.class = cls;
}

/** The language name as it appears in a `language-X` class: a fence's `lang?opts` loses its options. */
function classLanguage(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const q = lang.indexOf('?');
  return q >= 0 ? lang.slice(0, q) || undefined : lang;
}

function prepare(lang: string | undefined, opts: CodeBlockOptions) {
  const attr: Record<string, string> = { ...opts.attributes };
  const fromClass = extractLanguage(attr);
  const classLang = classLanguage(lang) ?? fromClass;
  const highlightLang = lang || fromClass;
  return { attr, classLang, tag: kramdownLexer(highlightLang, opts) };
}

/**
 * kramdown + Rouge markup for a fenced or indented code block. `code` is the block's text as
 * kramdown holds it (normally ending with a newline); `lang` is the fence's language word
 * (`ruby`, `php?start_inline=1`) or undefined.
 */
export function renderCodeBlock(code: string, lang: string | undefined, opts: CodeBlockOptions = {}): string {
  const pad = ' '.repeat(opts.indent ?? 0);
  const { attr, classLang, tag } = prepare(lang, opts);
  if (tag) {
    const inner = highlightedInner(code, tag, opts);
    addHighlighterClass(attr, classLang ?? opts.defaultLang ?? 'plaintext', opts.highlighter ?? 'rouge');
    return `${pad}<div${htmlAttributes(attr)}>${inner}${pad}</div>\n`;
  }
  let body = escapeHtml(code).replace(/\r?\n$/, '');
  if (/\bshow-whitespaces\b/.test(opts.attributes?.class ?? '')) body = showWhitespaces(body);
  const codeAttr = classLang ? ` class="language-${escapeAttribute(classLang)}"` : '';
  return `${pad}<pre${htmlAttributes(attr)}><code${codeAttr}>${body}\n</code></pre>\n`;
}

/**
 * A highlighted block in parts, for callers that wrap it in their own element (kramdown's
 * converter puts its IAL attributes on the wrapper): the language the wrapper's class names and
 * the markup inside it. Undefined when the block is not highlighted (renderCodeBlock then writes
 * plain markup). Cheaper than taking renderCodeBlock's string apart again.
 */
export function highlightCodeBlock(code: string, lang: string | undefined, opts: CodeBlockOptions = {}): { lang: string; inner: string } | undefined {
  const { classLang, tag } = prepare(lang, opts);
  if (!tag) return undefined;
  return { lang: classLang ?? opts.defaultLang ?? 'plaintext', inner: highlightedInner(code, tag, opts) };
}

function highlightedInner(code: string, tag: string, opts: CodeBlockOptions): string {
  const tokens = tokenMarkup(code, tag);
  const inner = opts.lineNumbers ? formatTable(code, tokens) : tokens;
  return `<div class="highlight"><pre class="${opts.cssClass ?? 'highlight'}"><code>${inner}</code></pre></div>`;
}

/** kramdown's `show-whitespaces` class on unhighlighted blocks. */
function showWhitespaces(text: string): string {
  return text.replace(/(^[ \t]+)|([ \t]+$)|([ \t]+)/gm, (m, lead: string | undefined, trail: string | undefined) => {
    const suffix = lead ? '-l' : trail ? '-r' : '';
    return [...m].map((c) => (c === '\t' ? `<span class="ws-tab${suffix}">\t</span>` : `<span class="ws-space${suffix}">&#8901;</span>`)).join('');
  });
}

/** kramdown + Rouge markup for inline code (`x`{:.language-ruby}). */
export function renderInlineCode(code: string, lang: string | undefined, opts: CodeBlockOptions = {}): string {
  const attr: Record<string, string> = { ...opts.attributes };
  // kramdown's codespan keeps the language-X class where it is (extract_code_language without `!`).
  let fromClass: string | undefined;
  const m = /\blanguage-(\S+)/.exec(attr.class ?? '');
  if (m) fromClass = m[1];
  const language = fromClass ?? classLanguage(lang);
  if (lang && !fromClass) attr.class = attr.class ? `language-${classLanguage(lang)} ${attr.class}` : `language-${classLanguage(lang)}`;
  const tag = kramdownLexer(lang || fromClass, opts);
  let body: string;
  if (tag) {
    body = tokenMarkup(code, tag);
    addHighlighterClass(attr, language ?? opts.defaultLang ?? 'plaintext', opts.highlighter ?? 'rouge');
  } else {
    body = escapeHtml(code);
  }
  return `<code${htmlAttributes(attr)}>${body}</code>`;
}

export interface HighlightTagOptions {
  /** `linenos` (any value: Jekyll 4.3 always uses Rouge's table formatter). */
  linenos?: boolean | 'inline' | 'table' | string;
  /** Accepted for forward compatibility; Jekyll 4.3.1 has no `mark_lines`, so it changes nothing. */
  hlLines?: number[];
  /** Jekyll's `highlighter` setting (default `rouge`; `pygments` also means Rouge; others: no highlighting). */
  highlighter?: string;
}

/** Markup of Jekyll's `{% highlight lang %}` tag for the block's raw body. */
export function renderHighlightTag(code: string, lang: string, opts: HighlightTagOptions = {}): string {
  const language = lang.toLowerCase();
  const body = code.replace(/^[\n\r]+|[\n\r]+$/g, '');
  const highlighter = opts.highlighter ?? 'rouge';
  let output: string;
  if (highlighter === 'rouge' || highlighter === 'pygments') {
    const tag = rougeLexerTag(language) ?? 'plaintext';
    const tokens = tokenMarkup(body, tag);
    output = opts.linenos ? formatTable(body, tokens, { gutterClass: 'gutter', codeClass: 'code' }) : tokens;
  } else {
    // Liquid's `h` filter (CGI.escapeHTML), then String#strip.
    output = body
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
      .replace(/^[\s\0]+|[\s\0]+$/g, '');
  }
  const attrs = `class="language-${language.replace(/\+/g, '-')}" data-lang="${language}"`;
  return `<figure class="highlight"><pre><code ${attrs}>${output.replace(/(\r\n|\n|\r)$/, '')}</code></pre></figure>`;
}
