/**
 * Configuration problems: keys Jekyll renamed or removed, settings Utterson does not act on,
 * settings that contradict each other, and likely misspellings of keys Jekyll reads.
 * Custom keys are normal in Jekyll sites (`site.my_key`), so only near-misses are reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/load.js';
import type { Problem } from './problem.js';

/** Keys that were renamed or removed, with what to do instead. */
export const DEPRECATED_KEYS: Record<string, string> = {
  gems: "'gems' was renamed to 'plugins' in Jekyll 3.5; Utterson still reads it, but use 'plugins'.",
  relative_permalinks: "'relative_permalinks' was removed in Jekyll 3.0; permalinks are always relative to the site root.",
  pygments: "'pygments' was removed in favour of 'highlighter' (Rouge); delete it.",
  auto: "'auto' was replaced by the --watch switch of `serve`.",
  server: "'server' was replaced by the `serve` command.",
  layouts: "'layouts' was renamed to 'layouts_dir'.",
  data_source: "'data_source' was renamed to 'data_dir'.",
  markdown_ext_list: "'markdown_ext_list' is not read; use 'markdown_ext'.",
};

/** Keys Jekyll 4.3, its common plugins and Utterson read: the dictionary for "did you mean". */
export const KNOWN_KEYS = [
  'source', 'destination', 'collections_dir', 'cache_dir', 'plugins_dir', 'layouts_dir', 'data_dir', 'includes_dir',
  'collections', 'safe', 'include', 'exclude', 'keep_files', 'encoding', 'markdown_ext', 'strict_front_matter',
  'show_drafts', 'limit_posts', 'future', 'unpublished', 'whitelist', 'plugins', 'markdown', 'highlighter', 'lsi',
  'excerpt_separator', 'incremental', 'detach', 'port', 'host', 'baseurl', 'show_dir_listing', 'permalink',
  'paginate', 'paginate_path', 'timezone', 'quiet', 'verbose', 'defaults', 'liquid', 'kramdown', 'sass',
  'title', 'description', 'url', 'author', 'email', 'lang', 'theme', 'feed', 'redirect_from', 'sitemap',
  'languages', 'default_lang', 'translations', 'livereload', 'webrick', 'csv_reader', 'tag_page_dir', 'logo',
  'social', 'twitter', 'facebook', 'webmaster_verifications', 'locale', 'tagline', 'strict', 'gist',
  'optional_front_matter', 'require_front_matter', 'readme_index', 'titles_from_headings', 'relative_links',
];

export function checkConfig(config: SiteConfig, configFiles: string[]): Problem[] {
  const problems: Problem[] = [];
  const texts = configFiles.map((f) => ({ file: f, text: safeRead(f) }));
  const fileOf = (key: string): string | undefined => {
    const re = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:=]`, 'm');
    const hit = [...texts].reverse().find((t) => re.test(t.text));
    const file = hit?.file ?? configFiles[configFiles.length - 1];
    return file ? relativeToSource(config.source, file) : undefined;
  };
  const add = (key: string, message: string) => problems.push({ kind: 'config', file: fileOf(key), message });
  const has = (key: string) => config[key] !== undefined && config[key] !== null && config[key] !== false;

  for (const [key, message] of Object.entries(DEPRECATED_KEYS)) {
    if (key in config && config[key] !== null) add(key, message);
  }

  const markdown = String(config.markdown ?? 'kramdown');
  if (markdown.toLowerCase() !== 'kramdown') add('markdown', `'markdown: ${markdown}' is not available; Utterson converts Markdown the way kramdown does.`);
  const highlighter = String(config.highlighter ?? 'rouge');
  if (!['rouge', 'none', 'null', 'false'].includes(highlighter.toLowerCase())) {
    add('highlighter', `'highlighter: ${highlighter}' is not available; code is highlighted the way Rouge does it.`);
  }
  if (has('lsi')) add('lsi', "'lsi: true' (related posts by latent semantic indexing) is not supported; site.related_posts holds the most recent posts.");

  const pluginNames = [...list(config.plugins), ...list(config.gems)];
  if (has('paginate_path') && config.paginate_path !== '/page:num' && !has('paginate')) {
    add('paginate_path', "'paginate_path' is set but 'paginate' is not: no pages are paginated until 'paginate: <posts per page>' is set.");
  }
  if (has('paginate') && !pluginNames.includes('jekyll-paginate')) {
    add('paginate', "'paginate' is set but 'jekyll-paginate' is not in 'plugins': nothing is paginated.");
  }
  if (has('paginate') && !/:num/.test(String(config.paginate_path ?? ''))) {
    add('paginate_path', `'paginate_path: ${String(config.paginate_path)}' has no ':num': every page would go to the same place.`);
  }
  if (has('paginate') && !(Number.isInteger(Number(config.paginate)) && Number(config.paginate) > 0)) {
    add('paginate', `'paginate: ${String(config.paginate)}' should be the number of posts per page.`);
  }

  const url = config.url;
  if (typeof url === 'string' && url !== '') {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(url)) add('url', `'url: ${url}' is not an absolute URL (e.g. https://example.com); absolute_url and feeds will be wrong.`);
    else if (/\/$/.test(url)) add('url', `'url: ${url}' ends with '/': absolute URLs will contain '//'. Remove the trailing slash.`);
  }
  const baseurl = config.baseurl;
  if (typeof baseurl === 'string' && baseurl !== '' && baseurl !== '/') {
    if (!baseurl.startsWith('/')) add('baseurl', `'baseurl: ${baseurl}' should start with '/' (e.g. /${baseurl.replace(/^\/+|\/+$/g, '')}).`);
    if (baseurl.endsWith('/')) add('baseurl', `'baseurl: ${baseurl}' should not end with '/': links would contain '//'.`);
    if (/^[a-z]+:\/\//i.test(baseurl)) add('baseurl', `'baseurl' is a path (e.g. /blog); the host belongs in 'url'.`);
  }

  // Jekyll's doctor: _posts at the root is not read when collections_dir is set.
  const collectionsDir = String(config.collections_dir ?? '');
  if (collectionsDir !== '' && fs.existsSync(path.join(config.source, '_posts'))) {
    add('collections_dir', `'_posts' is outside the custom collections_dir; move it into '${collectionsDir}/' or its posts are not read.`);
  }

  for (const key of Object.keys(config)) {
    if (KNOWN_KEYS.includes(key) || key in DEPRECATED_KEYS || key.length < 5) continue;
    const near = KNOWN_KEYS.find((k) => k.length >= 5 && editDistance(key, k) <= (k.length >= 8 ? 2 : 1));
    if (near) add(key, `Unknown key '${key}': did you mean '${near}'?`);
  }
  return problems;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function relativeToSource(source: string, file: string): string {
  const rel = path.relative(source, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/** Levenshtein distance, with adjacent transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
