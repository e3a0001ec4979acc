// Document views (DocumentDrop): fields in Jekyll's order, live fields read as they are now.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAndGenerate } from '../../src/build.js';
import { loadConfig } from '../../src/config/load.js';
import { createRenderer } from '../../src/render/renderer.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-payload-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function siteWith(files: Record<string, string>) {
  const src = fs.mkdtempSync(path.join(root, 'src-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), text);
  }
  const { config } = loadConfig({ source: src, destination: path.join(src, '_site') }, src);
  const site = readAndGenerate(config, []);
  const renderer = createRenderer(site);
  const docs = site.collections.get('posts')!.docs;
  return { docs, view: (i: number) => renderer.payload.docView(docs[i]) };
}

describe('document views', () => {
  it('list front matter first, then the drop fields, a front matter key that is also a live field in its own place', () => {
    const { docs, view } = siteWith({
      '_config.yml': 'time: "2025-01-01 00:00:00 +0000"\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\nnext: from front matter\nurl: /mine/\nzeta: 1\n---\nBody A\n',
      '_posts/2024-01-02-b.md': '---\ntitle: B\n---\nBody B\n',
    });
    const a = view(0);
    const data = Object.keys(docs[0].data);
    expect(data).toContain('excerpt');
    const drop = ['collection', 'name', 'path', 'relative_path', 'id', 'url', 'date', 'content', 'output', 'excerpt', 'next', 'previous'];
    expect(Object.keys(a)).toEqual([...data, ...drop.filter((k) => !data.includes(k))]);
    // the drop's value wins over the front matter's, as in Jekyll
    expect(a.next).toBe(view(1));
    expect(a.url).toBe('/2024/01/01/a.html');
    expect(a.previous).toBeNull();
    expect(a.title).toBe('A');
    expect(view(1).previous).toBe(a);
    for (const key of ['content', 'output', 'excerpt', 'next', 'previous']) {
      expect(Object.getOwnPropertyDescriptor(a, key)).toMatchObject({ enumerable: true });
    }
  });

  it('keep a `__proto__` front matter key as a plain field, the prototype untouched', () => {
    const { view } = siteWith({
      '_config.yml': 'time: "2025-01-01 00:00:00 +0000"\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\n"__proto__": { polluted: yes }\n---\nBody A\n',
    });
    const a = view(0);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.hasOwn(a, '__proto__')).toBe(true);
    expect((a as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read content live, and show nothing of their bookkeeping', () => {
    const { docs, view } = siteWith({
      '_config.yml': 'time: "2025-01-01 00:00:00 +0000"\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\n---\nBody A\n',
    });
    const a = view(0);
    expect(a.content).toBe('Body A\n');
    docs[0].content = '<p>Body A</p>\n';
    expect(a.content).toBe('<p>Body A</p>\n');
    expect(Object.keys({ ...a })).toEqual(Object.keys(a));
    expect(Object.getOwnPropertySymbols({ ...a })).toEqual([]);
  });
});
