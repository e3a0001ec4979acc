/**
 * Code blocks (indented and fenced) and code spans, rendered the way kramdown's
 * HTML converter does with a syntax highlighter: the language comes from a
 * `language-*` class, the highlighter's class is added to the element's IAL
 * attributes. The highlighted body comes from src/highlight.
 */
import { highlightCodeBlock, renderCodeBlock, renderInlineCode, escapeHtml } from '../highlight/index.js';
import type { ResolvedKramdownOptions } from './options.js';
import { renderAttrs, type Attrs } from './html-attributes.js';

const LANGUAGE_CLASS = /\blanguage-(\S+)/;

/** kramdown extract_code_language */
function extractLanguage(attrs: Attrs): string | undefined {
  const cls = attrs.get('class');
  const m = cls ? LANGUAGE_CLASS.exec(cls) : null;
  return m ? m[1] : undefined;
}

/** kramdown add_syntax_highlighter_to_class_attr */
function addHighlighterClass(attrs: Attrs, lang: string | undefined, highlighterClass: string): void {
  let cls = ((attrs.get('class') ?? '') + ' ' + highlighterClass).replace(/^\s+/, '');
  if (lang) {
    let replaced = false;
    cls = cls.replace(/\blanguage-\S+/, () => {
      replaced = true;
      return `language-${lang}`;
    });
    if (!replaced) cls = `language-${lang} ${cls}`;
  }
  attrs.set('class', cls);
}

export function renderKramdownCodeBlock(code: string, attrsIn: Attrs, fenceLang: string | undefined, opts: ResolvedKramdownOptions): string {
  const attrs = new Map(attrsIn);
  let lang = extractLanguage(attrs);
  if (lang) {
    const rest = attrs.get('class')!.replace(LANGUAGE_CLASS, '').trim();
    if (rest) attrs.set('class', rest);
    else attrs.delete('class');
  }
  const effective = fenceLang || lang;
  if (opts.syntaxHighlighter) {
    const hlOptions = { defaultLang: opts.defaultLang, cssClass: opts.cssClass };
    const highlighted = highlightCodeBlock(code, effective, hlOptions);
    if (highlighted) {
      addHighlighterClass(attrs, lang ?? (effective ? highlighted.lang : opts.defaultLang), 'highlighter-rouge');
      return `<div${renderAttrs(attrs)}>${highlighted.inner}</div>\n`;
    }
    // the highlighter declined (unknown language): kramdown writes plain markup
    const out = renderCodeBlock(code, effective, hlOptions);
    if (out.startsWith('<pre')) return out.endsWith('\n') ? out : out + '\n';
  }
  const codeAttr = lang ? ` class="language-${escapeHtml(lang)}"` : '';
  return `<pre${renderAttrs(attrs)}><code${codeAttr}>${escapeHtml(code.replace(/\n$/, ''))}\n</code></pre>\n`;
}

const ROUGE_SPAN = /^<code[^>]*>([^]*)<\/code>$/;

export function renderKramdownCodeSpan(code: string, attrsIn: Attrs, opts: ResolvedKramdownOptions): string {
  const attrs = new Map(attrsIn);
  const lang = extractLanguage(attrs);
  if (opts.syntaxHighlighter) {
    const out = renderInlineCode(code, lang, { defaultLang: opts.defaultLang });
    const m = ROUGE_SPAN.exec(out);
    if (m) {
      addHighlighterClass(attrs, lang ?? opts.defaultLang, 'highlighter-rouge');
      return `<code${renderAttrs(attrs)}>${m[1]}</code>`;
    }
  }
  return `<code${renderAttrs(attrs)}>${escapeHtml(code)}</code>`;
}
