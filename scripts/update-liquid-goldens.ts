/**
 * Regenerates test/liquid/conformance/expected.json with real Jekyll 4.3.1 (the oracle).
 *
 *   npx tsx scripts/update-liquid-goldens.ts
 *
 * Each cases/<group>.yml becomes one scratch Jekyll site: the fixture site (conformance/site)
 * plus the group's config overrides, with one page per case whose body is the case template
 * between markers. After `jekyll build` the text between the markers is the expected output.
 * A case that makes Jekyll abort is recorded as { error } (Jekyll's message) and the build rerun
 * without it. Needs Ruby + Debian's jekyll and ruby-jekyll-include-cache; CI only reads the JSON.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const conformance = join(root, 'test/liquid/conformance');
const BEGIN = '[[BEGIN]]';
const END = '[[END]]';

interface Case {
  name: string;
  tpl: string;
  page?: string;
}
interface Group {
  config?: string;
  cases: Case[];
}
type Expected = Record<string, { output: string } | { error: string }>;

function loadGroups(): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const file of readdirSync(join(conformance, 'cases')).sort()) {
    if (!file.endsWith('.yml')) continue;
    groups.set(file.replace(/\.yml$/, ''), yaml.load(readFileSync(join(conformance, 'cases', file), 'utf8')) as Group);
  }
  return groups;
}

function buildGroup(groupName: string, group: Group, out: Expected): void {
  const pending = new Map(group.cases.map((c) => [c.name, c]));
  for (let attempt = 0; attempt < 50 && pending.size > 0; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), `liquid-goldens-${groupName}-`));
    try {
      cpSync(join(conformance, 'site'), dir, { recursive: true });
      writeFileSync(join(dir, '_extra.yml'), group.config ?? '{}\n');
      mkdirSync(join(dir, 'cases'));
      for (const c of pending.values()) {
        writeFileSync(join(dir, 'cases', `${c.name}.html`), `---\n${c.page ?? ''}\n---\n${BEGIN}${c.tpl}${END}`);
      }
      let log = '';
      try {
        log = execFileSync('jekyll', ['build', '-s', dir, '-d', join(dir, '_site'), '--config', `${join(dir, '_config.yml')},${join(dir, '_extra.yml')}`], {
          env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true', TZ: 'UTC' },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        log = `${err.stdout ?? ''}\n${err.stderr ?? ''}`;
        const m = /Liquid Exception: (.*?) in cases\/([\w-]+)\.html/.exec(log) ?? /Error: (.*?)\n[\s\S]*?cases\/([\w-]+)\.html/.exec(log);
        const name = m?.[2];
        if (!m || !name || !pending.has(name)) throw new Error(`jekyll failed for group ${groupName}:\n${log}`);
        // The scratch folder's name would make the goldens change on every run.
        out[`${groupName}/${name}`] = { error: m[1].split(dir).join('<site>') };
        pending.delete(name);
        continue;
      }
      for (const c of pending.values()) {
        const file = join(dir, '_site', 'cases', `${c.name}.html`);
        if (!existsSync(file)) throw new Error(`no output for ${groupName}/${c.name}\n${log}`);
        const html = readFileSync(file, 'utf8');
        const start = html.indexOf(BEGIN);
        const end = html.lastIndexOf(END);
        if (start < 0 || end < 0) throw new Error(`markers missing in ${groupName}/${c.name}: ${html}`);
        out[`${groupName}/${c.name}`] = { output: html.slice(start + BEGIN.length, end) };
      }
      pending.clear();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const out: Expected = {};
const only = process.argv[2];
const target = join(conformance, 'expected.json');
if (only && existsSync(target)) Object.assign(out, JSON.parse(readFileSync(target, 'utf8')));
for (const [name, group] of loadGroups()) {
  if (only && name !== only) continue;
  for (const key of Object.keys(out)) if (key.startsWith(`${name}/`)) delete out[key];
  buildGroup(name, group, out);
  process.stdout.write(`${name}: ${group.cases.length} cases\n`);
}
const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
writeFileSync(target, `${JSON.stringify(sorted, null, 1)}\n`);
process.stdout.write(`wrote ${Object.keys(sorted).length} expectations to ${target}\n`);
