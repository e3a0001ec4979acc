/** Loads the conformance cases and renders them the way the build will: site + page scope. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import * as sass from 'sass';
import { createJekyllLiquid, LiquidRenderError } from '../../src/liquid/engine.js';
import { localTime } from '../../src/liquid/filters/date.js';
import { parseTime } from '../../src/utils/time.js';

export const conformanceDir = join(dirname(fileURLToPath(import.meta.url)), 'conformance');
const siteDir = join(conformanceDir, 'site');

export interface Case {
  group: string;
  name: string;
  tpl: string;
  page?: string;
}
export type Expectation = { output: string } | { error: string };

/** YAML as the build reads it (js-yaml's YAML 1.2 core schema), with timestamps as times that keep their offset. */
function yamlSchema(timeZone: string | undefined) {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[Tt ]\d{1,2}:\d{2}:\d{2}(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/.test(v)) return parseTime(v, timeZone) ?? v;
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  return { load: (text: string) => convert(yaml.load(text)) };
}

export function loadGroups(): Map<string, { config?: string; cases: Case[] }> {
  const groups = new Map<string, { config?: string; cases: Case[] }>();
  for (const file of readdirSync(join(conformanceDir, 'cases')).sort()) {
    if (!file.endsWith('.yml')) continue;
    const group = file.replace(/\.yml$/, '');
    const doc = yaml.load(readFileSync(join(conformanceDir, 'cases', file), 'utf8')) as { config?: string; cases: Omit<Case, 'group'>[] };
    groups.set(group, { config: doc.config, cases: doc.cases.map((c) => ({ ...c, group })) });
  }
  return groups;
}

export function loadExpected(): Record<string, Expectation> {
  return JSON.parse(readFileSync(join(conformanceDir, 'expected.json'), 'utf8'));
}

const POSTS: Record<string, string> = {
  '2010-07-21-hello-world': '/2010/07/21/hello-world.html',
  '2011-01-02-second-post': '/2011/01/02/second-post.html',
  'sub/2012-03-04-nested-post': '/sub/2012/03/04/nested-post.html',
};
const DOCS: Record<string, string> = {
  'about.md': '/about.html',
  '_posts/2010-07-21-hello-world.md': '/2010/07/21/hello-world.html',
  '_recipes/soup.md': '/recipes/soup.html',
};

const md = new MarkdownIt({ html: true });

/** A renderer for one group: the fixture site's config plus the group's overrides. */
export function groupRenderer(groupConfig: string | undefined) {
  const base = yaml.load(readFileSync(join(siteDir, '_config.yml'), 'utf8')) as Record<string, any>;
  const extra = (groupConfig ? yaml.load(groupConfig) : {}) as Record<string, any>;
  const config = { ...base, ...extra };
  const tz: string | undefined = config.timezone;
  const schema = yamlSchema(tz);
  const reload = schema.load(readFileSync(join(siteDir, '_config.yml'), 'utf8')) as Record<string, any>;
  const fullConfig = { ...reload, ...extra };
  const data = {
    people: schema.load(readFileSync(join(siteDir, '_data/people.yml'), 'utf8')),
    settings: schema.load(readFileSync(join(siteDir, '_data/settings.yml'), 'utf8')),
    products: JSON.parse(readFileSync(join(siteDir, '_data/products.json'), 'utf8')),
  };
  const time = localTime(parseTime(String(config.time), tz)!, tz);
  const site = { ...fullConfig, time, data };
  const engine = createJekyllLiquid({
    source: siteDir,
    includesDirs: [join(siteDir, '_includes')],
    config: fullConfig,
    markdownify: (text) => md.render(text),
    sassify: (text, syntax) => sass.compileString(text, { syntax: syntax === 'sass' ? 'indented' : 'scss' }).css + '\n',
    resolvePostUrl: (name) => POSTS[name],
    resolveLinkUrl: (path) => DOCS[path],
  });
  return (c: Case): { output: string } | { error: LiquidRenderError | Error } => {
    const front = (c.page ? schema.load(c.page) : {}) as Record<string, unknown>;
    const page = { ...front, url: `/cases/${c.name}.html`, path: `cases/${c.name}.html`, name: `${c.name}.html` };
    try {
      const parsed = engine.parse(c.tpl, `cases/${c.name}.html`);
      return { output: engine.renderSync(parsed, { site, page, jekyll: { version: '4.3.1', environment: 'development' } }) };
    } catch (e) {
      return { error: e as Error };
    }
  };
}
