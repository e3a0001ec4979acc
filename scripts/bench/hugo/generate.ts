/**
 * The benchmark site ported to Hugo (written for Hugo 0.111, Debian 12's), from the same
 * deterministic posts as the Jekyll site, so `npm run bench` can time both on the same content.
 * It writes the same pages: 1.5 × N posts, the home page paginated by 10, an archive of every
 * post, the 12 tag pages, a feed of the last 10 posts with their full content, a sitemap,
 * robots.txt and the same assets.
 *
 * What differs, and why (Hugo has no equivalent, or this is what a Hugo user would write):
 * - Markdown is Goldmark (CommonMark + GFM), not kramdown; code is highlighted by Chroma (with
 *   CSS classes, as Rouge is), not Rouge. Goldmark takes block attributes only as `{.class}`
 *   (`markup.goldmark.parser.attribute.block = true`), so kramdown's `{: .class}` lines are
 *   rewritten without the colon; raw HTML (the outline comments) needs `renderer.unsafe`.
 * - Hugo has no directory categories: each post's front matter also gets the URL Jekyll
 *   computes (`url:`, e.g. `/ko/web/2015/01/01/post-0/`) and Jekyll's categories (`ko` comes
 *   from the `ko/` folder in Jekyll); `category`, `tags` and `lng_pair` are kept as they are.
 * - Korean posts stay in the one `posts` section (under `content/posts/ko/`), not a Hugo
 *   language: Jekyll lists them with the English ones in one `site.posts` (home pagination,
 *   archive, previous/next), which a multilingual Hugo site would split in two.
 * - The list of posts and the header's category counts come from `partialCached` partials
 *   (Jekyll computes `site.posts` and `site.categories` once per build too); the nav itself is
 *   rendered on every page.
 * - The home page's excerpt is `.Summary` (Hugo's first 70 words, cut to 30), so it prints
 *   words where Jekyll's excerpt (the first block, an HTML comment) strips to nothing.
 * - Pagination URLs are `/page/2/` (Hugo has no `/page2/` form); the alias `/page/1/` is
 *   turned off (`disableAliases`) so the page counts match.
 * - The feed is Atom like jekyll-feed's but its `<content>` is escaped HTML, not CDATA; the
 *   sitemap is Hugo's own (it lists pages, not the home page's pager pages as Jekyll's does);
 *   robots.txt is Hugo's default.
 *
 *   npx tsx scripts/bench/hugo/generate.ts <dir> <posts>
 */
import path from 'node:path';
import { assetFiles, benchPosts, siteWriter, TAGS } from '../generate-site.js';

/** kramdown's block IAL `{: .note}` / `{:data-align="center"}` in Goldmark's syntax. */
export const goldmarkAttributes = (markdown: string) => markdown.replace(/^\{:\s*(.*)\}$/gm, '{$1}');

const CONFIG = `baseURL: https://bench.example/
title: Bench Blog
languageCode: en
paginate: 10
paginatePath: page
# Jekyll writes no tag-list page and no 404 page (the posts section is not rendered either:
# content/posts/_index.md); nor does it inject a generator meta tag.
disableKinds: [taxonomy, "404"]
ignoreErrors: [error-disable-taxonomy]
disableAliases: true
disableHugoGeneratorInject: true
enableRobotsTXT: true
taxonomies: { tag: tags }
outputs:
  home: [HTML, RSS]
  page: [HTML]
  term: [HTML]
outputFormats:
  RSS: { baseName: feed }
params:
  time: 2025-01-01T00:00:00Z
  categories: [web, ko, backend, frontend, tools]
markup:
  goldmark:
    renderer: { unsafe: true }
    parser:
      attribute: { block: true }
  highlight: { noClasses: false }
`;

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': `<!DOCTYPE html>
<html lang="{{ .Params.lang | default "en" }}">
<head>{{ partial "head.html" . }}</head>
<body>
{{ partial "header.html" . }}
<main>{{ block "main" . }}{{ end }}</main>
{{ partial "footer.html" . }}
</body>
</html>
`,
  'layouts/partials/head.html': `<meta charset="utf-8"><title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "/assets/style.css" | relURL }}">
`,
  // Jekyll's site.posts, computed once: a `where` on every pager page costs O(posts) each time.
  'layouts/partials/posts.html': `{{ return where site.RegularPages "Section" "posts" }}
`,
  'layouts/partials/categories.html': `{{ $posts := partialCached "posts.html" . }}
{{ $out := slice }}
{{ range site.Params.categories }}{{ $out = $out | append (dict "name" . "count" (len (where $posts "Params.categories" "intersect" (slice .)))) }}{{ end }}
{{ return $out }}
`,
  'layouts/partials/header.html': `<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range partialCached "categories.html" . }}<a href="{{ printf "/%s/" .name | relURL }}">{{ .name }} ({{ .count }})</a> {{ end }}</nav></header>
`,
  'layouts/partials/footer.html': `<footer>&copy; {{ (time site.Params.time).Format "2006" }} {{ site.Title }}</footer>
`,
  'layouts/_default/single.html': `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>
{{ range .Params.tags }}<a href="{{ printf "/tags/%s/" . | relURL }}">#{{ . }}</a> {{ end }}</p>
{{ .Content }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</article>
{{ end }}
`,
  'layouts/index.html': `{{ define "main" }}<ul class="posts">
{{ $pager := .Paginate (partialCached "posts.html" .) }}
{{ range $pager.Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}
  <p>{{ delimit (first 30 (split (.Summary | plainify) " ")) " " }}</p></li>
{{ end }}
</ul>
{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
`,
  'layouts/_default/archive.html': `{{ define "main" }}{{ range partialCached "posts.html" . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}{{ end }}
`,
  'layouts/_default/term.html': `{{ define "main" }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}{{ end }}
`,
  // jekyll-feed's Atom feed: the last 10 posts with their full content.
  'layouts/_default/rss.xml': `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}<feed xmlns="http://www.w3.org/2005/Atom"><generator uri="https://gohugo.io/">Hugo</generator><link href="{{ .Permalink }}feed.xml" rel="self" type="application/atom+xml" /><link href="{{ .Permalink }}" rel="alternate" type="text/html" /><updated>{{ (time site.Params.time).Format "2006-01-02T15:04:05-07:00" }}</updated><id>{{ .Permalink }}feed.xml</id><title type="html">{{ site.Title }}</title>{{ range first 10 (partialCached "posts.html" .) }}<entry><title type="html">{{ .Title }}</title><link href="{{ .Permalink }}" rel="alternate" type="text/html" title="{{ .Title }}" /><published>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</published><updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</updated><id>{{ .Permalink }}</id><content type="html" xml:base="{{ .Permalink }}">{{ .Content | html }}</content>{{ range .Params.tags }}<category term="{{ . }}" />{{ end }}</entry>{{ end }}</feed>
`,
};

export function generateHugoSite(dir: string, posts: number): void {
  const write = siteWriter(dir);
  write('config.yaml', CONFIG);
  for (const [rel, text] of Object.entries(LAYOUTS)) write(rel, text);
  for (const [rel, text] of Object.entries(assetFiles())) write(`static/${rel}`, text);
  write('content/posts/_index.md', '---\n_build: { render: never }\n---\n');
  write('content/archive.md', '---\ntitle: Archive\nlayout: archive\nurl: /archive/\n---\n');
  for (const tag of TAGS) write(`content/tags/${tag}/_index.md`, `---\ntitle: "Tag ${tag}"\n---\n`);
  for (const post of benchPosts(posts)) {
    const categories = post.lang === 'ko' ? ['ko', post.category] : [post.category];
    const frontMatter = post.frontMatter.replace(/---\n$/, `url: ${post.url}\ncategories: [${categories.join(', ')}]\n---\n`);
    write(`content/posts/${post.jekyllPath.replace('_posts/', '')}`, frontMatter + goldmarkAttributes(post.body));
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: hugo/generate.ts <dir> <posts>');
    process.exit(2);
  }
  generateHugoSite(path.resolve(dir), Number(count));
}
