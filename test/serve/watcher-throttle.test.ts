// chokidar drops a second `change` within 50 ms of the first; the watcher must still report it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSource, type SourceWatcher } from '../../src/serve/watcher.js';

let watcher: SourceWatcher | undefined;
let root: string | undefined;
afterEach(async () => {
  await watcher?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('watching quick successive saves', () => {
  it('reports a file saved again within chokidar’s throttle window', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-watch-'));
    const file = path.join(root, 'post.md');
    fs.writeFileSync(file, 'one\n');
    const batches: string[][] = [];
    let resolveSecond: () => void;
    const second = new Promise<void>((r) => (resolveSecond = r));
    watcher = await watchSource({
      source: root,
      destination: path.join(root, '_site'),
      exclude: [],
      configFiles: [],
      debounceMs: 5,
      onChange: (paths) => {
        batches.push(paths);
        // The first batch arrives; then the file is saved again right away (a quick re-save).
        if (batches.length === 1) fs.writeFileSync(file, 'two, a longer second save\n');
        if (batches.length === 2) resolveSecond();
      },
    });
    fs.writeFileSync(file, 'first save\n');
    await Promise.race([second, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${batches.length} batch(es) seen`)), 5000))]);
    expect(batches).toEqual([['post.md'], ['post.md']]);
  });
});
