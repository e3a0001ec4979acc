import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { BuildError } from '../../src/diagnostics/diagnostic.js';

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it("fills Jekyll's defaults and the posts collection", () => {
    const dir = site({});
    const { config, files } = loadConfig({ source: dir });
    expect(files).toEqual([]);
    expect(config.permalink).toBe('date');
    expect(config.markdown_ext).toBe('markdown,mkdown,mkdn,mkd,md');
    expect(config.collections.posts).toEqual({ output: true, permalink: '/:categories/:year/:month/:day/:title:output_ext' });
    expect(config.exclude).toContain('node_modules');
    expect(config.include).toEqual(['.htaccess']);
    expect(config.destination).toBe(path.join(dir, '_site'));
  });

  it('merges several config files in order, deeply, and lets later nils keep values', () => {
    const dir = site({
      'a.yml': 'title: A\nkramdown:\n  auto_ids: false\nnested:\n  x: 1\n  y: 2\n',
      'b.yml': 'title: B\nnested:\n  y: 3\n  x: ~\n',
    });
    const { config, files } = loadConfig({ source: dir, config: [path.join(dir, 'a.yml'), path.join(dir, 'b.yml')] });
    expect(files).toHaveLength(2);
    expect(config.title).toBe('B');
    expect(config.nested).toEqual({ x: 1, y: 3 });
    expect(config.kramdown).toMatchObject({ auto_ids: false, input: 'GFM', smart_quotes: 'lsquo,rsquo,ldquo,rdquo' });
  });

  it('reads _config.toml when there is no YAML config', () => {
    const dir = site({ '_config.toml': 'title = "Toml"\n[collections.recipes]\noutput = true\n' });
    const { config } = loadConfig({ source: dir });
    expect(config.title).toBe('Toml');
    expect(config.collections.recipes).toEqual({ output: true });
  });

  it('turns a list of collections into a hash and applies the permalink style to posts', () => {
    const dir = site({ '_config.yml': 'collections: [recipes]\npermalink: pretty\n' });
    const { config } = loadConfig({ source: dir });
    expect(config.collections.recipes).toEqual({});
    expect(config.collections.posts.permalink).toBe('/:categories/:year/:month/:day/:title/');
  });

  it('command-line overrides win over files', () => {
    const dir = site({ '_config.yml': 'baseurl: /from-file\n' });
    expect(loadConfig({ source: dir, baseurl: '/flag' }).config.baseurl).toBe('/flag');
  });

  it('names the file and line of invalid YAML', () => {
    const dir = site({ '_config.yml': 'title: ok\nbad: [unclosed\n' });
    try {
      loadConfig({ source: dir });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BuildError);
      const d = (err as BuildError).diagnostic;
      expect(d.file).toBe(path.join(dir, '_config.yml'));
      expect(d.line).toBeGreaterThanOrEqual(2);
    }
  });

  it('rejects a config that is not a mapping, and a missing explicit config file', () => {
    const dir = site({ '_config.yml': '- a\n- b\n' });
    expect(() => loadConfig({ source: dir })).toThrow(/INVALID/);
    expect(() => loadConfig({ source: dir, config: [path.join(dir, 'nope.yml')] })).toThrow(/could not be found/);
  });

  it('rejects include/exclude that are not lists and unknown time zones', () => {
    expect(() => loadConfig({ source: site({ '_config.yml': 'exclude: foo\n' }) })).toThrow(/should be set as an array/);
    expect(() => loadConfig({ source: site({ '_config.yml': 'timezone: Mars/Olympus\n' }) })).toThrow(/Unknown timezone/);
  });
});
