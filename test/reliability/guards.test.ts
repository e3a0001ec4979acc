/**
 * Destination guards through the binary: the source, a folder containing it, `/` and $HOME
 * (also through symlinks) are refused with status 1 and nothing is touched; builds and
 * `utterson clean` never delete anything outside the destination (and `.utterson-cache`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanup, snapshot, tempDir, writeFiles } from './support.js';

afterAll(cleanup);

function run(args: string[], cwd: string, home?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...(home ? { HOME: home } : {}) } });
  return { code: r.status, out: r.stdout, err: r.stderr };
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
    it.each(cases)(`${command}: %s`, (_name, setup, message) => {
      const w = world();
      const { args, home } = setup(w);
      const before = snapshot(w.root);
      const r = run([command, ...args], w.site, home);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
      expect(snapshot(w.root)).toEqual(before);
    });
  }
});

describe('nothing outside the destination is deleted', () => {
  it('build to a destination beside the source keeps its siblings', () => {
    const w = world();
    writeFiles(w.root, { 'out/stale.html': 'old' });
    const r = run(['build', '-q', '-d', '../out'], w.site);
    expect(r.code, r.err).toBe(0);
    expect(fs.readdirSync(w.root).filter((n) => !n.includes('-old-')).sort()).toEqual(['other', 'out', 'sibling.txt', 'site']);
    expect(fs.existsSync(path.join(w.root, 'out/stale.html'))).toBe(false);
    expect(fs.readFileSync(path.join(w.root, 'out/index.html'), 'utf8')).toContain('<h1 id="hi">Hi</h1>');
    expect(fs.readFileSync(path.join(w.root, 'other/keep.txt'), 'utf8')).toBe('keep');
  });

  it('clean removes only the destination and .utterson-cache', () => {
    const w = world();
    expect(run(['build', '-q'], w.site).code).toBe(0);
    writeFiles(w.site, { '.utterson-cache/x.json': '{}', '.jekyll-cache/y': 'y', '_site_backup/z': 'z' });
    const before = snapshot(w.root);
    const r = run(['clean'], w.site);
    expect(r.code, r.err).toBe(0);
    const expected = Object.fromEntries(Object.entries(before).filter(([k]) => !/^site\/(_site|\.utterson-cache)(\/|$)/.test(k)));
    expect(snapshot(w.root)).toEqual(expected);
  });

  it('clean with a destination that is a symlink removes the link, not what it points to', () => {
    const w = world();
    fs.symlinkSync(path.join(w.root, 'other'), path.join(w.site, '_site'));
    const r = run(['clean'], w.site);
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(path.join(w.site, '_site'))).toBe(false);
    expect(fs.readFileSync(path.join(w.root, 'other/keep.txt'), 'utf8')).toBe('keep');
  });
});
