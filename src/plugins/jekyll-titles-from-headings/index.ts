/**
 * jekyll-titles-from-headings: a Markdown page without `title` takes the text of its first
 * heading (`#`–`###` or setext) as its title, stripped of markup; `strip_title` removes that
 * heading from the content; `collections: true` does the same for documents.
 */
import { stringFilters } from '../../liquid/filters/string.js';
import { createMarkdownConverter, type MarkdownConverter } from '../../markdown/index.js';
import type { Document } from '../../site/document.js';
import { Excerpt } from '../../site/excerpt.js';
import type { Page } from '../../site/page.js';
import { allDocuments, type Site } from '../../site/site.js';
import { isHash, type Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { isMarkdownExt } from '../shared/generated-page.js';

/** TITLE_REGEX, anchored at the start of the content; Ruby's `.` stops only at `\n`. */
export const TITLE_REGEX = /^[ \t\r\n\f\v]*(?:#{1,3}[ \t\r\n\f\v]+([^\n]*)(?:[ \t\r\n\f\v]+#{1,3})?|([^\n]*)\r?\n[-=]+[ \t\r\n\f\v]*)(?=\n|$)/;
const EXTRA_MARKUP = /\[\^[^\]]*\]/g;

function option(site: Site, key: string): unknown {
  const c = site.ctx.config.titles_from_headings;
  return isHash(c) ? c[key] : undefined;
}

/** markdownify | strip_html | normalize_whitespace, then footnote marks dropped. */
export function stripMarkup(text: string, markdown: Pick<MarkdownConverter, 'convert'>): string {
  const call = (name: string, v: unknown) => stringFilters[name].fn.call(undefined as never, v) as string;
  return call('normalize_whitespace', call('strip_html', markdown.convert(text))).replace(EXTRA_MARKUP, '');
}

/** The heading text a content starts with, or undefined. */
export function headingOf(content: string): string | undefined {
  const m = TITLE_REGEX.exec(content);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function addTitles(site: Site): void {
  if (option(site, 'enabled') === false) return;
  const config = site.ctx.config;
  let markdown: MarkdownConverter | undefined;
  const converter = () => (markdown ??= createMarkdownConverter({ kramdown: isHash(config.kramdown) ? config.kramdown : {}, highlighter: String(config.highlighter ?? 'rouge') }));
  const items: (Page | Document)[] = [...site.pages];
  if (option(site, 'collections') === true) items.push(...allDocuments(site).filter((d) => d.write));
  for (const item of items) {
    const isPage = !('collection' in item);
    if (!isMarkdownExt(site, isPage ? item.ext : item.extname)) continue;
    // Documents' titles are inferred from their file names, so they are always replaced.
    if (isPage && item.data.title !== undefined && item.data.title !== null) continue;
    const heading = headingOf(item.content ?? '');
    item.data.title = heading !== undefined ? stripMarkup(heading, converter()) : item.data.title;
    const data: Hash = item.data;
    const strip = 'strip_title' in data ? data.strip_title === true : option(site, 'strip_title') === true;
    if (strip && item.content) {
      item.content = item.content.replace(TITLE_REGEX, '').trim();
      if (!isPage && item.collection.label === 'posts' && item.excerptSeparator !== '') item.data.excerpt = new Excerpt(item);
    }
  }
}

// `rewritesContent` (incremental rebuilds) is typed here too until the interface has it.
export const titlesFromHeadingsPlugin: Plugin & { rewritesContent?: boolean } = {
  rewritesContent: true,
  name: 'jekyll-titles-from-headings',
  generate: addTitles,
};
