// Shared by the incremental tests: a small site that exercises every kind of dependency, and
// random edits to it (bodies, titles, layouts, includes, data, Sass, statics, adds, removes,
// renames, config).
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ChangeSet } from '../../src/incremental/builder.js';

export const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

export const BASE: Record<string, string> = {
  '_config.yml': 'title: Inc\ntime: "2025-01-01 00:00:00 +0000"\ntimezone: UTC\n',
  '_layouts/default.html': '<html><body>{% include nav.html %}<main>{{ content }}</main><footer>{{ site.data.site.footer }}</footer></body></html>\n',
  '_layouts/post.html': '---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1>{{ content }}<p>{{ page.previous.title }}|{{ page.next.title }}</p></article>\n',
  '_includes/nav.html': '<nav>{% for p in site.pages %}{% if p.title %}<a href="{{ p.url }}">{{ p.title }}</a>{% endif %}{% endfor %}</nav>\n',
  '_includes/note.html': '<aside>note: {{ include.text }}</aside>\n',
  '_data/site.yml': 'footer: first footer\n',
  '_sass/_vars.scss': '$color: #333;\n',
  'assets/style.scss': '---\n---\n@import "vars";\nbody { color: $color; }\n',
  'assets/logo.txt': 'logo v1\n',
  'index.html': '---\nlayout: default\ntitle: Home\n---\n<ul>{% for post in site.posts %}<li>{{ post.title }}: {{ post.excerpt | strip_html }} ({{ post.content | number_of_words }} words)</li>{% endfor %}</ul>\n',
  'about.md': '---\nlayout: default\ntitle: About\n---\n# About\n\nAbout text.\n',
  '_posts/2024-01-01-one.md': '---\nlayout: post\ntitle: One\n---\nFirst paragraph of one.\n\nMore of one.\n',
  '_posts/2024-01-02-two.md': '---\nlayout: post\ntitle: Two\n---\n{% include note.html text="in two" %}\n\nSecond post body.\n',
  '_posts/2024-01-03-three.md': '---\nlayout: post\ntitle: Three\n---\nThird **post**.\n',
};

export type Edit =
  | { kind: 'body'; file: string; text: string }
  | { kind: 'title'; file: string; text: string }
  | { kind: 'layout'; text: string }
  | { kind: 'include'; text: string }
  | { kind: 'data'; text: string }
  | { kind: 'sass'; color: string }
  | { kind: 'static'; text: string }
  | { kind: 'add'; n: number }
  | { kind: 'remove'; file: string }
  | { kind: 'rename'; file: string; n: number }
  | { kind: 'config'; text: string };

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const contentFiles = ['about.md', 'index.html', '_posts/2024-01-01-one.md', '_posts/2024-01-02-two.md', '_posts/2024-01-03-three.md'];
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('body' as const), file: fc.constantFrom(...contentFiles), text: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('title' as const), file: fc.constantFrom(...contentFiles), text: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('layout' as const), text: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('include' as const), text: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('data' as const), text: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sass' as const), color: fc.constantFrom('#111', '#222', '#abc') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('static' as const), text: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), n: fc.integer({ min: 4, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom(...contentFiles.slice(2)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), file: fc.constantFrom(...contentFiles.slice(2)), n: fc.integer({ min: 10, max: 15 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), text: word }) },
);

export function applyEdit(src: string, e: Edit): ChangeSet {
  const abs = (rel: string) => path.join(src, rel);
  const changed = (rel: string): ChangeSet => ({ changed: [abs(rel)], added: [], removed: [] });
  const append = (rel: string, text: string) => fs.appendFileSync(abs(rel), text);
  switch (e.kind) {
    case 'body':
      if (!fs.existsSync(abs(e.file))) return { changed: [], added: [], removed: [] };
      append(e.file, `\nMore ${e.text}.\n`);
      return changed(e.file);
    case 'title': {
      if (!fs.existsSync(abs(e.file))) return { changed: [], added: [], removed: [] };
      const text = fs.readFileSync(abs(e.file), 'utf8').replace(/^title: .*$/m, `title: T ${e.text}`);
      fs.writeFileSync(abs(e.file), text);
      return changed(e.file);
    }
    case 'layout':
      append('_layouts/post.html', `<p>${e.text}</p>\n`);
      return changed('_layouts/post.html');
    case 'include':
      append('_includes/note.html', `<i>${e.text}</i>\n`);
      return changed('_includes/note.html');
    case 'data':
      fs.writeFileSync(abs('_data/site.yml'), `footer: footer ${e.text}\n`);
      return changed('_data/site.yml');
    case 'sass':
      fs.writeFileSync(abs('_sass/_vars.scss'), `$color: ${e.color};\n`);
      return changed('_sass/_vars.scss');
    case 'static':
      fs.writeFileSync(abs('assets/logo.txt'), `logo ${e.text}\n`);
      return changed('assets/logo.txt');
    case 'add': {
      const rel = `_posts/2024-02-0${e.n}-new-${e.n}.md`;
      const existed = fs.existsSync(abs(rel));
      fs.writeFileSync(abs(rel), `---\nlayout: post\ntitle: New ${e.n}\n---\nNew post ${e.n}.\n`);
      return existed ? changed(rel) : { changed: [], added: [abs(rel)], removed: [] };
    }
    case 'remove':
      if (!fs.existsSync(abs(e.file))) return { changed: [], added: [], removed: [] };
      fs.rmSync(abs(e.file));
      return { changed: [], added: [], removed: [abs(e.file)] };
    case 'rename': {
      if (!fs.existsSync(abs(e.file))) return { changed: [], added: [], removed: [] };
      const to = `_posts/2024-03-${e.n}-renamed.md`;
      fs.renameSync(abs(e.file), abs(to));
      return { changed: [], added: [abs(to)], removed: [abs(e.file)] };
    }
    case 'config':
      fs.appendFileSync(abs('_config.yml'), `description: ${e.text}\n`);
      return changed('_config.yml');
  }
}

export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

export function freshSite(): { src: string; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-inc-'));
  roots.push(root);
  const src = path.join(root, 'src');
  for (const [rel, text] of Object.entries(BASE)) {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), text);
  }
  return { src, root };
}

