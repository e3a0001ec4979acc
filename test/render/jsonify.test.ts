// jsonify on documents: next/previous form a cycle that Jekyll collapses (DocumentDrop#hash_for_json).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-jsonify-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('jsonify of posts', () => {
  it('serializes a post with neighbours, and site.posts, without following the cycle forever', async () => {
    const src = path.join(root, 'src');
    const w = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
      fs.writeFileSync(path.join(src, rel), text);
    };
    w('_config.yml', 'time: "2025-01-01 00:00:00 +0000"\n');
    for (const d of ['01', '02', '03']) w(`_posts/2024-01-${d}-p${d}.md`, `---\ntitle: P${d}\n---\nBody ${d}\n`);
    w('all.json', '---\n---\n{{ site.posts | jsonify }}\n');
    w('paged.html', '---\n---\n{% assign p = site.posts[1] %}{{ p | jsonify }}\n');
    await build({ source: src, destination: path.join(root, 'out'), jobs: 1 });
    const all = JSON.parse(fs.readFileSync(path.join(root, 'out/all.json'), 'utf8'));
    expect(all.map((p: { title: string }) => p.title)).toEqual(['P03', 'P02', 'P01']);
    // A document at depth 2 collapses its own neighbours (no next/previous/content in them).
    expect(all[1].next.title).toBe('P03');
    expect(all[1].next.next).toBeNull();
    expect(all[1].next.previous.title).toBe('P02');
    expect(all[1].next.previous.next).toBeUndefined();
    expect(all[1].next.previous.content).toBeUndefined();
    const one = JSON.parse(fs.readFileSync(path.join(root, 'out/paged.html'), 'utf8'));
    expect(one.title).toBe('P02');
    expect(one.previous.title).toBe('P01');
    expect(one.previous.previous).toBeNull();
  });
});
