/**
 * Generates a two-language (en, ko) blog of N posts (N/2 lng_pair pairs, MrGreen layout:
 * `_posts/` and `ko/_posts/`) whose layout uses page.translations and {% hreflang %}, then
 * builds it a few times and prints the median build time.
 *
 *   npx tsx scripts/gen-i18n-site.ts [--posts 1000] [--runs 3] [--jobs 1] [--layout translations|liquid] [--keep DIR]
 *
 * `--layout liquid` pairs the way themes do without the feature (site.posts | where: "lng_pair"),
 * for comparison. Everything is written under a temporary directory unless --keep names one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const POSTS = Number(arg('posts', '1000'));
const RUNS = Number(arg('runs', '3'));
const JOBS = Number(arg('jobs', '1'));
const LAYOUT = arg('layout', 'translations');
const KEEP = arg('keep', '');

const LAYOUTS: Record<string, string> = {
  translations: `<!DOCTYPE html>
<html lang="{{ page.lang }}">
<head>
<meta charset="utf-8">
<title>{{ page.title | escape }} | {{ site.title }}</title>
{% hreflang %}
</head>
<body>
<nav class="translations">{{ site.data.lang[page.lang].read_in }}:
{%- for t in page.translations %} <a hreflang="{{ t.lang }}" href="{{ t.url | relative_url }}">{{ t.title | escape }}</a>{% endfor %}
</nav>
<main>{{ content }}</main>
</body>
</html>
`,
  liquid: `<!DOCTYPE html>
<html lang="{{ page.lang }}">
<head>
<meta charset="utf-8">
<title>{{ page.title | escape }} | {{ site.title }}</title>
</head>
<body>
{%- assign twins = site.posts | where: "lng_pair", page.lng_pair %}
<nav class="translations">{{ site.data.lang[page.lang].read_in }}:
{%- for t in twins %}{% if t.url != page.url %} <a hreflang="{{ t.lang }}" href="{{ t.url | relative_url }}">{{ t.title | escape }}</a>{% endif %}{% endfor %}
</nav>
<main>{{ content }}</main>
</body>
</html>
`,
};

export function generateSite(root: string, posts: number, layout: string): void {
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  write('_config.yml', 'title: Generated i18n blog\nurl: https://example.com\nlanguages: [en, ko]\ndefault_lang: en\npermalink: /:categories/:year/:month/:day/:title/\ndefaults:\n  - scope: { path: "" }\n    values: { layout: post }\n');
  write('_data/lang/en.yml', 'read_in: Read in\n');
  write('_data/lang/ko.yml', 'read_in: 다른 언어로 읽기\n');
  write('_layouts/post.html', LAYOUTS[layout] ?? LAYOUTS.translations);
  const pairs = Math.ceil(posts / 2);
  for (let i = 0; i < pairs; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const body = (lang: string) =>
      `## ${lang === 'en' ? 'Section' : '섹션'} ${i}\n\n${lang === 'en' ? 'Some *text* about' : '주제에 관한 *글*'} topic ${i}, with a [link](https://example.com/${i}).\n\n- one\n- two\n- three\n\n\`\`\`js\nconst n = ${i};\n\`\`\`\n`;
    write(`_posts/${day}-post-${i}.md`, `---\ntitle: Post ${i}\nlng_pair: id_${i}\n---\n${body('en')}`);
    if (2 * i + 1 < posts) write(`ko/_posts/${day}-post-${i}.md`, `---\ntitle: 글 ${i}\nlng_pair: id_${i}\n---\n${body('ko')}`);
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const root = KEEP || mkdtempSync(path.join(tmpdir(), 'utterson-gen-i18n-'));
  const source = path.join(root, 'src');
  const dest = path.join(root, 'out');
  generateSite(source, POSTS, LAYOUT);
  const times: number[] = [];
  const cpu: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const before = process.cpuUsage();
      const result = await build({ source, destination: dest, jobs: JOBS });
      const used = process.cpuUsage(before);
      // CPU time of this thread's process: less sensitive than wall time on a shared machine.
      cpu.push((used.user + used.system) / 1e6);
      const warnings = result.diagnostics.filter((d) => d.severity !== 'info');
      if (warnings.length) console.error(`${warnings.length} diagnostics, first: ${warnings[0].message}`);
      times.push(result.seconds);
      console.log(`run ${run + 1}: ${result.seconds.toFixed(3)} s wall, ${cpu[run].toFixed(3)} s CPU (${result.written.length} files)`);
    }
    console.log(`${POSTS} posts, layout ${LAYOUT}, jobs ${JOBS}: median ${median(times).toFixed(3)} s wall, ${median(cpu).toFixed(3)} s CPU, of ${RUNS} runs`);
  } finally {
    if (!KEEP) rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('gen-i18n-site.ts')) await main();
