// Printing documents and the site as Jekyll does (found by the build fuzzer: both used to
// overflow the stack). Expected text checked with real Jekyll 4.3.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-print-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('printing drops', () => {
  it('a post printing site.posts prints the documents (content before render), and {{ site }} its class', async () => {
    const src = path.join(root, 'src');
    fs.mkdirSync(path.join(src, '_posts'), { recursive: true });
    fs.writeFileSync(path.join(src, '_posts/2024-01-01-a.md'), '---\n---\n{{ site.posts }}\n');
    fs.writeFileSync(path.join(src, 'index.html'), '---\n---\n{{ site }}|{{ page | inspect | size }}\n');
    await build({ source: src, destination: path.join(root, 'out'), jobs: 1 });
    expect(fs.readFileSync(path.join(root, 'out/2024/01/01/a.html'), 'utf8')).toBe('<p>{{ site.posts }}</p>\n\n');
    expect(fs.readFileSync(path.join(root, 'out/index.html'), 'utf8')).toBe('Jekyll::Drops::SiteDrop|267\n');
  });
});
