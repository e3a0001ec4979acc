/**
 * What jekyll-compose needs to know about a site: where posts and drafts of each language
 * live (`_posts/` for the default language, `<lang>/_posts/` for the others, under
 * `collections_dir`), which translation ids are taken, and how to write a file without
 * clobbering one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type SiteConfig } from '../../../config/load.js';
import { findLanguage, languageSettings, type LanguageSettings } from '../../../i18n/languages.js';
import { pairKey } from '../../../i18n/pairing.js';
import type { FlagSpec } from '../../args.js';
import { EXIT_BUILD_FAILED } from '../../command.js';
import type { Logger } from '../../log.js';
import { listFolder } from '../../../utils/list-folder.js';

export const SITE_FLAGS: FlagSpec[] = [
  { key: 'source', type: 'string', aliases: ['-s', '--source'], help: 'Source directory (defaults to ./)' },
  { key: 'config', type: 'list', aliases: ['--config'], help: 'Custom configuration file(s), comma-separated' },
  { key: 'force', type: 'boolean', aliases: ['-f', '--force'], help: 'Overwrite the file if it exists' },
  { key: 'trace', type: 'boolean', aliases: ['-t', '--trace'], help: 'Show the full backtrace when an error occurs' },
  { key: 'quiet', type: 'boolean', aliases: ['-q', '--quiet'], help: 'Silence output' },
];

export const LANG_FLAGS: FlagSpec[] = [
  { key: 'lang', type: 'string', aliases: ['-l', '--lang'], help: 'Language of the post: writes to <lang>/_posts/ unless it is default_lang' },
  { key: 'pair', type: 'string', aliases: ['--pair'], help: 'Translation id (lng_pair) shared with the other language versions' },
  { key: 'layout', type: 'string', aliases: ['--layout'], help: 'Layout in the front matter (default: post)' },
];

export interface ComposeSite {
  config: SiteConfig;
  source: string;
  languages: LanguageSettings;
  /** The front matter key that carries the translation id (`lng_pair` unless `translations.key`). */
  pairKey: string;
}

export class ComposeError extends Error {}

/** The compose commands' failure: a ComposeError is reported (exit 1), anything else is a bug and goes on up. */
export function composeFailure(err: unknown, log: Logger): number {
  if (!(err instanceof ComposeError)) throw err;
  log.error('Error:', err.message);
  return EXIT_BUILD_FAILED;
}

export function loadComposeSite(options: Record<string, unknown>): ComposeSite {
  const { config } = loadConfig({ source: options.source as string | undefined, config: options.config as string[] | undefined });
  const source = config.source;
  // languageSettings falls back to the files in _data/lang/ when `languages:` is not set.
  const langDir = path.join(source, String(config.data_dir ?? '_data'), 'lang');
  const lang: Record<string, unknown> = {};
  if (fs.existsSync(langDir)) {
    for (const f of fs.readdirSync(langDir)) {
      const m = /^(.+)\.(ya?ml|json|csv|tsv)$/i.exec(f);
      if (m) lang[m[1]] = {};
    }
  }
  return { config, source, languages: languageSettings(config, { lang }), pairKey: pairKey(config) };
}

/** The site's spelling of `--lang`, or an error naming the languages it has. */
export function resolveLang(site: ComposeSite, lang: unknown): string {
  if (lang === undefined) return site.languages.defaultLang;
  const found = findLanguage(String(lang), site.languages.languages);
  if (found === undefined) {
    throw new ComposeError(
      `Language '${String(lang)}' is not one of the site's languages (${site.languages.languages.join(', ')}); add it to \`languages:\` in _config.yml first.`,
    );
  }
  return found;
}

/** `_posts` / `_drafts` of a language, relative to the source. */
export function contentDir(site: ComposeSite, lang: string, kind: '_posts' | '_drafts'): string {
  const langDir = lang === site.languages.defaultLang ? '' : lang;
  return path.join(String(site.config.collections_dir ?? ''), langDir, kind);
}

export function isMultilingual(site: ComposeSite): boolean {
  return site.languages.languages.length > 1;
}

/** Every translation id used in the site's Markdown and HTML sources (front matter only). */
export function usedPairIds(site: ComposeSite): Set<string> {
  const ids = new Set<string>();
  const key = site.pairKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${key}:[ \\t]*['"]?([^'"#\\r\\n]+?)['"]?[ \\t]*(?:#.*)?$`, 'm');
  const walk = (dir: string, depth: number) => {
    for (const e of listFolder(dir)) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === '_site') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 8) walk(full, depth + 1);
      } else if (/\.(md|markdown|mkdn|mkd|mkdown|html|htm)$/i.test(e.name)) {
        const head = readHead(full);
        const fm = /^---\s*\r?\n([\s\S]*?)\r?\n---/.exec(head);
        const m = fm && re.exec(fm[1]);
        if (m) ids.add(m[1].trim());
      }
    }
  };
  walk(site.source, 0);
  return ids;
}

function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** `id_<slug>` in the MrGreen style (`id_About_CORS_1`), made unique among `taken`. */
export function newPairId(slug: string, taken: Set<string>): string {
  const base = `id_${slug.replace(/-/g, '_') || 'post'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** YAML double-quoted scalar: safe for any title (colons, `#`, quotes, `yes`). */
export function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** Writes a new file; refuses to replace an existing one unless `force`. */
export function writeNew(file: string, text: string, force: boolean, display: string): void {
  if (fs.existsSync(file) && !force) {
    throw new ComposeError(`A file already exists at ${display}; use --force to overwrite it.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Forward slashes in what we print, whatever the platform. */
export function display(rel: string): string {
  return rel.split(path.sep).join('/');
}
