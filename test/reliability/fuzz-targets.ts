/**
 * Fuzz targets shared by the bounded CI run (fuzz.test.ts) and the long campaign
 * (scripts/fuzz.ts): input generators (fast-check arbitraries, sizes bounded so every case
 * is quick) and the property each input must satisfy. A target "crashes" when it throws
 * something other than the error it reports bad input with, or when an internal JavaScript
 * error (TypeError, RangeError, …) hides inside that error's causes.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import { BuildError } from '../../src/diagnostics/diagnostic.js';
import { createJekyllLiquid, LiquidRenderError } from '../../src/liquid/engine.js';
import { createMarkdownConverter } from '../../src/markdown/index.js';
import { splitFrontMatter } from '../../src/read/front-matter.js';
import { loadYaml, YamlError } from '../../src/read/yaml.js';

/** JavaScript's own errors: a bug when they escape, whatever wraps them. */
function internal(err: unknown): Error | undefined {
  const seen = new Set<unknown>();
  let e: any = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof EvalError) return e;
    e = e.cause ?? e.originalError;
  }
  return undefined;
}

/** Throws (so fast-check records a failure) when `err` is not an expected, reported error. */
function expectReported(err: unknown, ...expected: Array<new (...a: any[]) => Error>): void {
  const bug = internal(err);
  if (bug) throw new Error(`internal error: ${bug.stack ?? bug.message}`);
  if (!expected.some((E) => err instanceof E)) throw err;
}

// ---- pieces ---------------------------------------------------------------------------

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const join = (parts: fc.Arbitrary<string>, max: number, sep = '') => fc.array(parts, { maxLength: max }).map((a) => a.join(sep));

const WORDS = ['a', 'b', 'title', 'x', 'é', '한', '😀', 'null', 'true', 'no', '1', '-1', '0x1F', '1e3', '.5', '2020-01-02', '2020-02-30 10:00:00 +09:00', '~'];
const YAML_TOKENS = [...WORDS, ': ', ':', '- ', '-', '? ', '[', ']', '{', '}', ', ', '&a ', '*a', '!!str ', '!!binary ', '!ruby/object ', '<<: ', '|', '>', '|-', "'", '"', '\\', '#', '%', '@', '`', '\t', ' ', '  ', '\n', '\n  ', '\n- ', '---', '...', '\r\n', '\u00a0', '\ufeff'];

/** YAML-ish text: mostly plausible structure, with every awkward token YAML has. */
export const yamlText = join(
  fc.oneof(
    { weight: 3, arbitrary: pick(YAML_TOKENS) },
    { weight: 2, arbitrary: fc.tuple(pick(WORDS), pick(WORDS)).map(([k, v]) => `\n${k}: ${v}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  ),
  40,
);

/** A file that may or may not have front matter. */
export const frontMatterFile = fc.oneof(
  fc.tuple(pick(['---\n', '---  \n', '--- \r\n', '---\n\n', '']), yamlText, pick(['\n---\n', '\n...\n', '\n---', '---\n', '\n--- x\n', '']), fc.string({ maxLength: 40 })).map((p) => p.join('')),
  fc.string({ maxLength: 80 }),
);

const MD_TOKENS = ['*', '**', '_', '__', '`', '```', '~~~', '#', '## ', '> ', '- ', '+ ', '1. ', '* ', '|', '| a | b |\n|---|---|\n', '[', ']', '(', ')', '![', '<', '>', '</div>', '<div markdown="1">', '{:', '{: .c #i}', '{::comment}', '{:/}', '{::nomarkdown}', '\\', '$$', '[^1]', '[^1]: ', '*[a]: ', ': ', '    ', '\t', '\n', '\n\n', '  \n', '&amp;', '&#x0;', '&#99999999;', 'http://x.y', '<http://a>', '--', '...', "'", '"', 'a', 'word', '한국어', '😀', '\u0000', '\r'];

/** Markdown-ish text from kramdown's syntax pieces. */
export const markdownText = join(fc.oneof({ weight: 4, arbitrary: pick(MD_TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }), 60);

const FILTERS = ['upcase', 'downcase', 'size', 'first', 'last', 'join: ","', 'split: " "', 'append: "x"', 'prepend: 1', 'plus: 1', 'minus: "a"', 'times: 2.5', 'divided_by: 0', 'modulo: 0', 'round', 'ceil', 'floor: 2', 'abs', 'slice: 1, 2', 'truncate: 3', 'truncatewords: -1', 'replace: "a", "b"', 'remove: "a"', 'strip_html', 'escape', 'url_encode', 'date: "%Y %j %-d %Z"', 'jsonify', 'inspect', 'sort', 'uniq', 'reverse', 'map: "title"', 'where: "a", 1', 'where_exp: "i", "i > 1"', 'group_by: "x"', 'sample', 'array_to_sentence_string', 'number_of_words', 'slugify: "pretty"', 'xml_escape', 'cgi_escape', 'uri_escape', 'absolute_url', 'relative_url', 'markdownify', 'default: 3', 'compact', 'concat: a', 'push: 1', 'pop', 'unshift', 'to_integer', 'nonexistent', 'date_to_xmlschema', 'date_to_long_string: "ordinal", "US"', 'normalize_whitespace', 'smartify', 'sort: "x", "last"', 'find: "a", 1', 'at: 1', 'newline_to_br', 'strip_newlines', 'split', 'plus'];
const EXPRS = ['a', 'b', 'x.y', 'arr', 'arr[0]', 'arr[-1]', 'arr.size', 'h', 'h.k', "h['k']", 'h[a]', 'nil', 'empty', 'blank', 'true', 'false', '1', '-2.5', '"s"', "'é'", '(1..3)', '(a..b)', 'forloop.index', 'page', 'site', 'page.title', '0.1', '999999999999999999999', ''];
const OPS = ['==', '!=', '<', '>', '<=', '>=', 'contains', 'and', 'or', '=', '<>'];

const expr = fc.tuple(pick(EXPRS), fc.array(pick(FILTERS), { maxLength: 3 })).map(([e, fs]) => [e, ...fs].join(' | '));
const cond = fc.tuple(pick(EXPRS), pick(OPS), pick(EXPRS)).map((p) => p.join(' '));

/** Liquid templates from a grammar of Jekyll's tags, filters and literals (nesting bounded). */
export const liquidTemplate: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.oneof(pick(['text ', 'é', '\n', '{', '}', '{{', '%}', '{%', '-}}', '{{-', ' ']), fc.string({ maxLength: 4 })) },
    { weight: 4, arbitrary: expr.map((e) => `{{ ${e} }}`) },
    { weight: 1, arbitrary: fc.tuple(pick(['{{', '{{-']), expr, pick(['}}', '-}}', '}', ''])).map((p) => p.join(' ')) },
    { weight: 2, arbitrary: fc.tuple(cond, tie('t'), tie('t')).map(([c, a, b]) => `{% if ${c} %}${a}{% elsif ${c} %}{% else %}${b}{% endif %}`) },
    { weight: 1, arbitrary: fc.tuple(cond, tie('t')).map(([c, a]) => `{% unless ${c} %}${a}{% endunless %}`) },
    { weight: 2, arbitrary: fc.tuple(pick(EXPRS), pick(['', 'limit: 2', 'offset: 1', 'reversed', 'limit: -1', 'offset: continue']), tie('t')).map(([e, o, a]) => `{% for i in ${e} ${o} %}${a}{{ i }}{% else %}none{% endfor %}`) },
    { weight: 1, arbitrary: fc.tuple(pick(EXPRS), tie('t')).map(([e, a]) => `{% case ${e} %}{% when 1, "s" %}${a}{% when nil %}n{% else %}e{% endcase %}`) },
    { weight: 1, arbitrary: fc.tuple(pick(['a', 'b', 'h', 'arr']), expr).map(([v, e]) => `{% assign ${v} = ${e} %}`) },
    { weight: 1, arbitrary: fc.tuple(pick(['a', 'b']), tie('t')).map(([v, a]) => `{% capture ${v} %}${a}{% endcapture %}`) },
    { weight: 1, arbitrary: pick(['{% increment c %}', '{% decrement c %}', '{% cycle "a", "b" %}', '{% break %}', '{% continue %}', '{% comment %}x{% endcomment %}', '{% raw %}{{ x }}{% endraw %}', '{% tablerow i in arr cols: 2 %}{{ i }}{% endtablerow %}', '{% include missing.html %}', '{% include ../x %}', '{% include {{ a }} %}', '{% include_relative x.md %}', '{% link x.md %}', '{% post_url 2020-01-01-x %}', '{% highlight ruby linenos %}a = 1{% endhighlight %}', '{% frob %}', '{% if %}', '{% endif %}', '{% for %}', '{% liquid assign a = 1\necho a %}', '{% echo a %}', '{% render "x" %}']) },
  ),
})).t.filter((t) => t.length <= 600);

// ---- properties ---------------------------------------------------------------------------

export function checkFrontMatter(text: string): void {
  try {
    const split = splitFrontMatter(text, 'fuzz.md');
    if (split.frontMatter !== null && typeof split.frontMatter !== 'object') throw new Error('front matter is not a mapping');
    if (!text.endsWith(split.content)) throw new Error('content is not the tail of the file');
  } catch (err) {
    expectReported(err, BuildError);
  }
  try {
    loadYaml(text, 'fuzz.yml');
  } catch (err) {
    expectReported(err, YamlError);
  }
}

let converter: ReturnType<typeof createMarkdownConverter> | undefined;
export function checkMarkdown(text: string): void {
  converter ??= createMarkdownConverter();
  const html = converter.convert(text);
  if (typeof html !== 'string') throw new Error('markdown did not return a string');
}

let liquid: ReturnType<typeof createJekyllLiquid> | undefined;
const SCOPE = () => ({
  a: 'x',
  b: 2,
  arr: [1, 'two', { title: 'T', x: 1 }, null],
  h: { k: 'v', a: [1] },
  page: { title: 'P', path: 'p.md', url: '/p.html' },
  site: { title: 'S', posts: [], data: {}, time: new Date(0) },
});
export function checkLiquid(template: string): void {
  liquid ??= createJekyllLiquid({
    source: os.tmpdir(),
    includesDirs: [path.join(os.tmpdir(), 'utterson-fuzz-no-includes')],
    config: { baseurl: '/b', url: 'https://e.x', liquid: {} },
    markdownify: (t) => (converter ??= createMarkdownConverter()).convert(t),
    resolveLinkUrl: () => undefined,
    resolvePostUrl: () => undefined,
  });
  try {
    const parsed = liquid.parse(template, 'fuzz.html');
    const out = liquid.renderSync(parsed, SCOPE());
    if (typeof out !== 'string') throw new Error('render did not return a string');
  } catch (err) {
    expectReported(err, LiquidRenderError);
  }
}

// ---- whole builds ---------------------------------------------------------------------------

export interface SiteSpec {
  config: string;
  pages: string[];
  posts: Array<{ date: string; slug: string; text: string }>;
  layout: string;
  include: string;
  data: string;
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9 ._-]{0,12}$/);
const permalink = pick(['', 'permalink: /p/:title/\n', 'permalink: /../x.html\n', 'permalink: /%2e%2e/y/\n', 'permalink: pretty\n', 'permalink: /same.html\n', 'permalink: ""\n', 'permalink: /a/b/c\n']);
const fmBody = fc.tuple(pick(['', 'layout: default\n', 'layout: missing\n', 'title: "T"\n', 'tags: [a, b]\n', 'published: false\n', 'date: 2019-02-30\n']), permalink, yamlText.filter((y) => !y.includes('---')), fc.oneof(liquidTemplate, markdownText));

export const siteSpec: fc.Arbitrary<SiteSpec> = fc.record({
  // Mostly configurations that load, so most cases get past the config phase.
  config: fc.oneof({ weight: 3, arbitrary: pick(['title: t\n', 'permalink: pretty\n', 'markdown: kramdown\nkramdown:\n  auto_ids: false\n', 'collections: [things]\n', 'exclude: [x]\n', 'safe: true\n', 'timezone: Asia/Seoul\n']) }, { weight: 1, arbitrary: yamlText }),
  pages: fc.array(fmBody.map(([a, b, y, body]) => `---\n${a}${b}${y}\n---\n${body}`), { maxLength: 3 }),
  posts: fc.array(fc.record({ date: pick(['2020-01-01', '2020-02-29', '2021-02-29', '1970-01-01', '2999-12-31', '2020-1-1']), slug, text: fmBody.map(([a, b, , body]) => `---\n${a}${b}---\n${body}`) }), { maxLength: 3 }),
  layout: fc.oneof(pick(['<html>{{ content }}</html>', '{% include inc.html %}{{ content }}', '{{ content | markdownify }}']), liquidTemplate),
  include: fc.oneof(pick(['inc', '{% include inc.html %}', '{{ include.x }}']), liquidTemplate),
  data: fc.oneof({ weight: 1, arbitrary: yamlText }, { weight: 2, arbitrary: pick(['a,b\n1,2\n', '{"a": [1, 2]}', '- 1\n- 2\n', 'k: v\n']) }),
});

/** Writes the site under root/site, builds it into root/site/_site, checks nothing else changed. */
export async function checkBuild(spec: SiteSpec, root: string): Promise<void> {
  const site = path.join(root, 'site');
  fs.rmSync(root, { recursive: true, force: true });
  const files: Record<string, string> = {
    '_config.yml': spec.config,
    '_layouts/default.html': spec.layout,
    '_includes/inc.html': spec.include,
    '_data/d.yml': spec.data,
    'index.md': '---\n---\nhome\n',
  };
  spec.pages.forEach((p, i) => (files[`page${i}.md`] = p));
  spec.posts.forEach((p, i) => (files[`_posts/${p.date}-${p.slug}${i}.md`] = p.text));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
    fs.writeFileSync(path.join(site, name), text);
  }
  fs.writeFileSync(path.join(root, 'outside.txt'), 'outside');
  const listing = () => listTree(root).filter((p) => !p.startsWith('site/_site/') && p !== 'site/_site' && !p.includes('.utterson-staging-'));
  const before = listing();
  try {
    await build({ source: site, destination: path.join(site, '_site'), jobs: 1 });
  } catch (err) {
    expectReported(err, BuildError);
  }
  const after = listing();
  if (after.join('\n') !== before.join('\n')) throw new Error(`files changed outside the destination:\n${after.filter((p) => !before.includes(p)).join('\n')}`);
  if (fs.readFileSync(path.join(root, 'outside.txt'), 'utf8') !== 'outside') throw new Error('outside.txt changed');
}

function listTree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    out.push(r);
    if (e.isDirectory()) out.push(...listTree(dir, r));
  }
  return out.sort();
}
