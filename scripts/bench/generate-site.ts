/**
 * Deterministic synthetic Jekyll sites for benchmarks: N posts (600–1,200 words each with
 * headings, lists, a table, a code block, an image, kramdown attribute lines, tags and
 * categories), half of them translated into Korean and paired by `lng_pair`; layouts with
 * includes, a `site.posts` loop on the home page, tag pages, pagination, feed and sitemap.
 *
 *   npx tsx scripts/bench/generate-site.ts <dir> <posts>
 */
import fs from 'node:fs';
import path from 'node:path';

/** A small seeded PRNG (mulberry32) so every run writes the same site. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'origin request response browser server header policy cache token cookie fetch stream module render layout template include filter collection permalink excerpt category static asset stylesheet script network protocol preflight credential domain secure content value config build deploy pipeline worker thread memory profile benchmark'.split(' ');
const KO_WORDS = '출처 요청 응답 브라우저 서버 헤더 정책 캐시 토큰 쿠키 스트림 모듈 렌더링 레이아웃 템플릿 필터 컬렉션 정적 자산 스크립트 네트워크 프로토콜 자격 도메인 보안 콘텐츠 설정 빌드 배포 파이프라인'.split(' ');
export const TAGS = ['web', 'http', 'cors', 'security', 'javascript', 'css', 'performance', 'node', 'jekyll', 'devops', 'testing', 'browser'];
export const CATEGORIES = ['web', 'backend', 'frontend', 'tools'];

function sentence(r: () => number, words: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(r() * words.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number, words: string[]): string {
  const n = 3 + Math.floor(r() * 4);
  return Array.from({ length: n }, () => sentence(r, words, 8 + Math.floor(r() * 10))).join(' ');
}

function postBody(r: () => number, words: string[], i: number): string {
  const parts: string[] = [];
  const targetWords = 600 + Math.floor(r() * 600);
  let count = 0;
  let section = 0;
  parts.push(`<!-- outline-start -->\n\n${paragraph(r, words)}\n\n<!-- outline-end -->`);
  while (count < targetWords) {
    section++;
    parts.push(`## ${sentence(r, words, 3).slice(0, -1)} ${section}`);
    const p = paragraph(r, words);
    count += p.split(' ').length;
    parts.push(p);
    switch (section % 5) {
      case 1:
        parts.push(`- ${sentence(r, words, 5)}\n- ${sentence(r, words, 6)}\n- **${words[i % words.length]}** and \`code\``);
        break;
      case 2:
        parts.push(`| Name | Value | Note |\n| --- | :---: | ---: |\n| ${words[section % words.length]} | ${section} | ${sentence(r, words, 3)} |\n| b | ${i} | c |\n{: .table}`);
        break;
      case 3:
        parts.push('```js\n' + `const ${words[i % words.length]} = await fetch('/api/${section}', { mode: 'cors' });\nif (!res.ok) throw new Error("failed: " + res.status);\nconsole.log(${section} * 2);\n` + '```');
        break;
      case 4:
        parts.push(`![diagram ${section}](:post_pic${(i % 5) + 1}.jpg)\n{:data-align="center"}`);
        break;
      default:
        parts.push(`> ${sentence(r, words, 10)}\n{: .note}`);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Empties `dir` and returns a function writing a file under it. */
export function siteWriter(dir: string): (rel: string, text: string) => void {
  fs.rmSync(dir, { recursive: true, force: true });
  return (rel, text) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
}

/** The stylesheet and the five images every port copies as they are. */
export function assetFiles(): Record<string, string> {
  const files: Record<string, string> = { 'assets/style.css': 'body { font-family: sans-serif; }\n' };
  for (let k = 1; k <= 5; k++) files[`assets/img/posts/post_pic${k}.jpg`] = Buffer.alloc(2048, k).toString('latin1');
  return files;
}

/**
 * The Jekyll site's files other than posts and assets (config, layouts, includes, pages), by
 * path. The Eleventy port derives its Liquid templates from these.
 */
export function jekyllFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const write = (rel: string, text: string) => (files[rel] = text);
  write('_config.yml', `title: Bench Blog
url: https://bench.example
baseurl: ""
time: "2025-01-01 00:00:00 +0000"
timezone: UTC
permalink: /:categories/:year/:month/:day/:title/
paginate: 10
paginate_path: /page:num/
languages: [en, ko]
default_lang: en
plugins: [jekyll-paginate, jekyll-feed, jekyll-sitemap]
defaults:
  - scope: { path: "", type: posts }
    values: { layout: post }
`);
  write('_layouts/default.html', `<!DOCTYPE html>
<html lang="{{ page.lang | default: 'en' }}">
<head>{% include head.html %}</head>
<body>
{% include header.html %}
<main>{{ content }}</main>
{% include footer.html %}
</body>
</html>
`);
  write('_layouts/post.html', `---
layout: default
---
<article>
<h1>{{ page.title | escape }}</h1>
<p class="meta"><time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%B %-d, %Y" }}</time>
{% for tag in page.tags %}<a href="{{ '/tags/' | append: tag | append: '/' | relative_url }}">#{{ tag }}</a> {% endfor %}</p>
{% if page.translations %}<ul class="translations">{% for t in page.translations %}<li><a href="{{ t.url | relative_url }}">{{ t.lang }}</a></li>{% endfor %}</ul>{% endif %}
{{ content }}
{% if page.previous %}<a href="{{ page.previous.url | relative_url }}">{{ page.previous.title }}</a>{% endif %}
{% if page.next %}<a href="{{ page.next.url | relative_url }}">{{ page.next.title }}</a>{% endif %}
</article>
`);
  write('_includes/head.html', `<meta charset="utf-8"><title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title }}</title>
<link rel="stylesheet" href="{{ '/assets/style.css' | relative_url }}">
`);
  write('_includes/header.html', `<header><a href="{{ '/' | relative_url }}">{{ site.title }}</a>
<nav>{% for c in site.categories %}<a href="{{ '/' | append: c[0] | append: '/' | relative_url }}">{{ c[0] }} ({{ c[1].size }})</a> {% endfor %}</nav></header>
`);
  write('_includes/footer.html', `<footer>&copy; {{ site.time | date: "%Y" }} {{ site.title }}</footer>\n`);
  write('index.html', `---
layout: default
---
<ul class="posts">
{% for post in paginator.posts %}
  <li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> {{ post.date | date: "%Y-%m-%d" }}
  <p>{{ post.excerpt | strip_html | truncatewords: 30 }}</p></li>
{% endfor %}
</ul>
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">Older</a>{% endif %}
`);
  write('archive.html', `---
layout: default
title: Archive
---
{% for post in site.posts %}<a href="{{ post.url | relative_url }}">{{ post.title }}</a>
{% endfor %}
`);
  for (const tag of TAGS) {
    write(`tags/${tag}/index.html`, `---
layout: default
title: "Tag ${tag}"
tag: ${tag}
---
{% for post in site.tags[page.tag] %}<a href="{{ post.url | relative_url }}">{{ post.title }}</a>
{% endfor %}
`);
  }
  return files;
}

export function generateSite(dir: string, posts: number): void {
  const write = siteWriter(dir);
  for (const [rel, text] of Object.entries({ ...jekyllFiles(), ...assetFiles() })) write(rel, text);
  for (const post of benchPosts(posts)) write(post.jekyllPath, post.frontMatter + post.body);
}

/** One generated post, in Jekyll's terms; the Hugo and Eleventy ports write the same text. */
export interface BenchPost {
  i: number;
  lang: 'en' | 'ko';
  date: Date;
  /** Jekyll's source path, e.g. `ko/_posts/2015-01-01-post-0.md`. */
  jekyllPath: string;
  /** `post-0`: the file name without Jekyll's date prefix. */
  slug: string;
  category: string;
  /** Jekyll's URL (permalink `/:categories/:year/:month/:day/:title/`; `ko/` is a category too). */
  url: string;
  title: string;
  tags: string[];
  frontMatter: string;
  body: string;
}

/**
 * The posts of an N-post site, in the order the seeded PRNG draws them (so every port gets
 * the same titles and bodies). A generator: a 10,000-post site holds 100 MB of text.
 */
export function* benchPosts(posts: number): Generator<BenchPost> {
  const r = rng(42 + posts);
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < posts; i++) {
    const date = new Date(start + i * 6 * 3600 * 1000);
    const ymd = date.toISOString().slice(0, 10);
    const tags = [TAGS[i % TAGS.length], TAGS[(i * 7) % TAGS.length]];
    const category = CATEGORIES[i % CATEGORIES.length];
    const korean = i % 2 === 0;
    const pair = `post_${i}`;
    const title = `${sentence(r, WORDS, 4).slice(0, -1)} ${i}`;
    const fm = (t: string) => `---
title: "${t}"
date: ${date.toISOString().replace('T', ' ').slice(0, 19)} +0000
category: ${category}
tags: [${tags.join(', ')}]
${korean ? `lng_pair: ${pair}\n` : ''}---
`;
    const slug = `post-${i}`;
    const dated = `${ymd.replaceAll('-', '/')}/${slug}/`;
    const common = { i, date, slug, category, tags };
    // Every other post has a Korean translation, paired by lng_pair.
    if (korean) {
      const t = `${KO_WORDS[i % KO_WORDS.length]} ${i}`;
      yield { ...common, lang: 'ko', jekyllPath: `ko/_posts/${ymd}-${slug}.md`, url: `/ko/${category}/${dated}`, title: t, frontMatter: fm(t), body: postBody(r, KO_WORDS, i) };
    }
    yield { ...common, lang: 'en', jekyllPath: `_posts/${ymd}-${slug}.md`, url: `/${category}/${dated}`, title, frontMatter: fm(title), body: postBody(r, WORDS, i) };
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: generate-site.ts <dir> <posts>');
    process.exit(2);
  }
  generateSite(path.resolve(dir), Number(count));
}
