// A page's Liquid is parsed once per build, not once per render: the pages of a paginated
// index (hundreds on a large blog) share one text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'liquidjs';
import { afterAll, expect, it, vi } from 'vitest';
import { build } from '../../src/build.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-page-parse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('parses a paginated index once for all its pages', async () => {
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, 'src', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', rel), text);
  };
  w('_config.yml', 'plugins: [jekyll-paginate]\npaginate: 2\n');
  w('index.html', '---\n---\n{% for p in paginator.posts %}<a href="{{ p.url }}">{{ p.title }}</a>{% endfor %} page {{ paginator.page }}\n');
  for (let i = 1; i <= 20; i++) w(`_posts/2020-01-${String(i).padStart(2, '0')}-p${i}.md`, `---\ntitle: P${i}\n---\nText ${i}\n`);
  // (the file of each parse is read when it starts: parsing consumes the token list)
  const files: Array<string | undefined> = [];
  const original = Parser.prototype.parseTokens;
  const parseTokens = vi.spyOn(Parser.prototype, 'parseTokens').mockImplementation(function (this: Parser, tokens) {
    files.push((tokens as Array<{ file?: string }>)[0]?.file);
    return original.call(this, tokens);
  });
  try {
    await build({ source: path.join(dir, 'src'), destination: path.join(dir, 'out'), jobs: 1 });
  } finally {
    parseTokens.mockRestore();
  }
  expect(fs.readFileSync(path.join(dir, 'out/page10/index.html'), 'utf8')).toContain('page 10');
  expect(files.filter((f) => f === 'index.html')).toHaveLength(1);
});
