/**
 * Configuration: Jekyll's defaults ⊕ config files (in order) ⊕ command-line overrides,
 * as `Jekyll.configuration` builds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { BuildError } from '../diagnostics/diagnostic.js';
import { loadYaml, YamlError } from '../read/yaml.js';
import { deepMerge, isHash, type Hash } from '../utils/merge.js';
import { isValidTimeZone } from '../utils/time.js';
import { DEFAULT_EXCLUDES, jekyllDefaults, styleToPermalink } from './defaults.js';

export type SiteConfig = Hash & {
  source: string;
  destination: string;
  collections: Record<string, Hash>;
  include: string[];
  exclude: string[];
  keep_files: string[];
  permalink: string;
  baseurl: string | null;
  timezone: string | null;
};

export interface ConfigOverrides extends Hash {
  source?: string;
  destination?: string;
  /** Config files, in merge order; when absent `_config.yml|yaml|toml` in the source. */
  config?: string[];
}

export interface LoadedConfig {
  config: SiteConfig;
  /** Config files actually read (absolute). */
  files: string[];
}

export function loadConfig(overrides: ConfigOverrides = {}, cwd = process.cwd()): LoadedConfig {
  const { config: configFiles, ...rest } = overrides;
  const source = path.resolve(cwd, String(rest.source ?? '.'));
  let files: string[];
  let explicit = true;
  if (configFiles && configFiles.length > 0) {
    files = configFiles.map((f) => path.resolve(cwd, f));
  } else {
    explicit = false;
    const ext = ['yml', 'yaml', 'toml'].find((e) => fs.existsSync(path.join(source, `_config.${e}`))) ?? 'yml';
    files = [path.join(source, `_config.${ext}`)];
  }

  let merged: Hash = jekyllDefaults(source);
  const read: string[] = [];
  for (const file of files) {
    const data = readConfigFile(file, explicit);
    if (data === undefined) continue;
    read.push(file);
    merged = deepMerge(merged, data);
  }
  merged = deepMerge(merged, { ...rest, source });
  if (rest.destination !== undefined) merged.destination = path.resolve(cwd, String(rest.destination));
  else merged.destination = path.resolve(source, String(merged.destination ?? '_site'));
  return { config: finalize(merged), files: read };
}

function readConfigFile(file: string, explicit: boolean): Hash | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    if (!explicit) return undefined; // Jekyll: "Configuration file: none"
    throw new BuildError({ file, message: `The configuration file '${file}' could not be found.` });
  }
  let data: unknown;
  if (/\.toml$/i.test(file)) {
    try {
      data = parseToml(text);
    } catch (err) {
      const e = err as { line?: number; column?: number; message: string };
      throw new BuildError({ file, line: e.line, column: e.column, message: `Invalid TOML: ${e.message.split('\n')[0]}` });
    }
  } else if (/\.ya?ml$/i.test(file)) {
    try {
      data = loadYaml(text.replace(/^\uFEFF/, ''), file) ?? {};
    } catch (err) {
      if (err instanceof YamlError) {
        throw new BuildError({ file, line: err.line, column: err.column, message: `Invalid YAML in configuration: ${err.message}` });
      }
      throw err;
    }
  } else {
    throw new BuildError({ file, message: `No parser for '${file}' is available. Use a .y(a)ml or .toml file instead.` });
  }
  if (!isHash(data)) {
    throw new BuildError({ file, line: 1, message: `Configuration file: (INVALID) ${file} — the top level must be a mapping.` });
  }
  return data;
}

/**
 * Keys whose value Utterson uses as a string or a list: another type would surface later as
 * a confusing crash, so it is named here (Jekyll's own check covers include/exclude/plugins).
 */
const STRING_KEYS = ['permalink', 'baseurl', 'url', 'markdown_ext', 'layouts_dir', 'data_dir', 'includes_dir', 'collections_dir', 'plugins_dir', 'timezone', 'markdown', 'highlighter', 'excerpt_separator'];
const LIST_KEYS = ['keep_files', 'defaults', 'whitelist', 'gems'];

function checkTypes(config: Hash): void {
  for (const key of STRING_KEYS) {
    const v = config[key];
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
      throw new BuildError({ message: `'${key}' should be set as a string, but was: ${JSON.stringify(v)}.` });
    }
  }
  for (const key of LIST_KEYS) {
    const v = config[key];
    if (v !== undefined && v !== null && !Array.isArray(v)) {
      throw new BuildError({ message: `'${key}' should be set as an array, but was: ${JSON.stringify(v)}.` });
    }
  }
}

/** Configuration.from + validate + add_default_collections + add_default_excludes. */
function finalize(config: Hash): SiteConfig {
  for (const key of ['include', 'exclude'] as const) {
    if (key in config && config[key] !== null && !Array.isArray(config[key])) {
      throw new BuildError({ message: `'${key}' should be set as an array, but was: ${JSON.stringify(config[key])}.` });
    }
  }
  if ('plugins' in config && config.plugins !== null && !Array.isArray(config.plugins)) {
    throw new BuildError({ message: `'plugins' should be set as an array, but was: ${JSON.stringify(config.plugins)}.` });
  }
  checkTypes(config);
  let collections = config.collections;
  if (Array.isArray(collections)) collections = Object.fromEntries(collections.map((c) => [String(c), {}]));
  if (collections !== null && collections !== undefined && !isHash(collections)) {
    throw new BuildError({ message: 'Your `collections` key must be a hash or an array.' });
  }
  const colls: Record<string, Hash> = {};
  for (const [label, meta] of Object.entries(deepMerge({ posts: {} }, (collections as Hash) ?? {}))) {
    colls[label] = isHash(meta) ? { ...meta } : {};
  }
  colls.posts.output = true;
  if (config.permalink && colls.posts.permalink === undefined) colls.posts.permalink = styleToPermalink(config.permalink);
  config.collections = colls;
  if (Array.isArray(config.exclude)) config.exclude = [...new Set([...(config.exclude as unknown[]).map(String), ...DEFAULT_EXCLUDES])];
  else config.exclude = [];
  config.include = Array.isArray(config.include) ? (config.include as unknown[]).map(String) : [];
  config.keep_files = Array.isArray(config.keep_files) ? (config.keep_files as unknown[]).map(String) : [];
  const given = config.limit_posts;
  if (typeof config.limit_posts === 'string') config.limit_posts = Number(config.limit_posts);
  const limit = config.limit_posts;
  if (limit !== undefined && limit !== null && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0)) {
    throw new BuildError({ message: `limit_posts must be a non-negative number, but was: ${JSON.stringify(given)}.` });
  }
  if (config.timezone && !isValidTimeZone(String(config.timezone))) {
    throw new BuildError({ message: `Unknown timezone '${String(config.timezone)}' in configuration.` });
  }
  config.permalink = String(config.permalink ?? 'date');
  return config as SiteConfig;
}
