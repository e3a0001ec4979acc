/**
 * Destination guards through the CLI entry point: the source, a folder containing it, `/` and $HOME
 * (also through symlinks) are refused with status 1 and nothing is touched; builds and
 * `utterson clean` never delete anything outside the destination (and `.utterson-cache`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanup, snapshot, tempDir, writeFiles } from './support.js';

afterAll(cleanup);

/** `utterson …` in this process (as the binary runs it), in `cwd`, with $HOME set if asked. */
async function run(args: string[], cwd: string, home?: string) {
  let out = '';
  const saved = { cwd: process.cwd(), home: process.env.HOME, noColor: process.env.NO_COLOR };
  const write = { out: process.stdout.write, err: process.stderr.write };
  const capture = ((chunk: unknown) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  process.env.NO_COLOR = '1';
  if (home) process.env.HOME = home;
  process.chdir(cwd);
  try {
    const code = await main([...args, ...(args[0] === 'build' ? ['-j', '1'] : [])]);
    return { code, out, err: out };
  } finally {
    process.chdir(saved.cwd);
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    if (saved.home === undefined) delete process.env.HOME;
    else process.env.HOME = saved.home;
    if (saved.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved.noColor;
  }
}

/** root/{site/{…}, sibling.txt, other/keep.txt} */
function world(): { root: string; site: string } {
  const root = tempDir('utterson-guard-');
  const site = path.join(root, 'site');
  writeFiles(root, { 'sibling.txt': 'sibling', 'other/keep.txt': 'keep' });
  writeFiles(site, { '_config.yml': 'title: G\n', 'index.md': '---\n---\n# Hi\n', 'notes.txt': 'notes' });
  return { root, site };
}

const SOURCE_MSG = 'Destination directory cannot be or contain the Source directory.';

describe('refused destinations', () => {
  const cases: Array<[string, (w: { root: string; site: string }) => { args: string[]; home?: string }, string]> = [
    ['the source itself', () => ({ args: ['-d', '.'] }), SOURCE_MSG],
    ['a folder containing the source', () => ({ args: ['-d', '..'] }), SOURCE_MSG],
    ['the filesystem root', () => ({ args: ['-d', '/'] }), "Refusing to use the filesystem root '/' as the destination."],
    ['$HOME', (w) => ({ args: ['-d', path.join(w.root, 'other')], home: path.join(w.root, 'other') }), 'Refusing to use the home directory'],
    [
      'a symlink to the source',
      (w) => {
        fs.symlinkSync(w.site, path.join(w.root, 'link'));
        return { args: ['-d', path.join(w.root, 'link')] };
      },
      SOURCE_MSG,
    ],
    [
      'a symlink to a folder above the source',
      (w) => {
        fs.symlinkSync(w.root, path.join(w.root, 'uplink'));
        return { args: ['-d', path.join(w.root, 'uplink')] };
      },
      SOURCE_MSG,
    ],
    ['destination in _config.yml', (w) => {
      fs.writeFileSync(path.join(w.site, '_config.yml'), 'destination: ..\n');
      return { args: [] };
    }, SOURCE_MSG],
  ];
  for (const command of ['build', 'clean']) {
    it.each(cases)(`${command}: %s`, async (_name, setup, message) => {
      const w = world();
      const { args, home } = setup(w);
      const before = snapshot(w.root);
      const r = await run([command, ...args], w.site, home);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
      expect(snapshot(w.root)).toEqual(before);
    });
  }
});

describe('nothing outside the destination is deleted', () => {
  it('build to a destination beside the source keeps its siblings', async () => {
    const w = world();
    writeFiles(w.root, { 'out/stale.html': 'old' });
    const r = await run(['build', '-q', '-d', '../out'], w.site);
    expect(r.code, r.err).toBe(0);
    expect(fs.readdirSync(w.root).filter((n) => !n.includes('-old-')).sort()).toEqual(['other', 'out', 'sibling.txt', 'site']);
    expect(fs.existsSync(path.join(w.root, 'out/stale.html'))).toBe(false);
    expect(fs.readFileSync(path.join(w.root, 'out/index.html'), 'utf8')).toContain('<h1 id="hi">Hi</h1>');
    expect(fs.readFileSync(path.join(w.root, 'other/keep.txt'), 'utf8')).toBe('keep');
  });

  it('clean removes only the destination and .utterson-cache', async () => {
    const w = world();
    expect((await run(['build', '-q'], w.site)).code).toBe(0);
    writeFiles(w.site, { '.utterson-cache/x.json': '{}', '.jekyll-cache/y': 'y', '_site_backup/z': 'z' });
    const before = snapshot(w.root);
    const r = await run(['clean'], w.site);
    expect(r.code, r.err).toBe(0);
    const expected = Object.fromEntries(Object.entries(before).filter(([k]) => !/^site\/(_site|\.utterson-cache)(\/|$)/.test(k)));
    expect(snapshot(w.root)).toEqual(expected);
  });

  it('clean with a destination that is a symlink removes the link, not what it points to', async () => {
    const w = world();
    fs.symlinkSync(path.join(w.root, 'other'), path.join(w.site, '_site'));
    const r = await run(['clean'], w.site);
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(path.join(w.site, '_site'))).toBe(false);
    expect(fs.readFileSync(path.join(w.root, 'other/keep.txt'), 'utf8')).toBe('keep');
  });
});
