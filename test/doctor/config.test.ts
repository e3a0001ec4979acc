import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { checkConfig, editDistance } from '../../src/doctor/config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The messages checkConfig gives for a `_config.yml` (and optional extra files in the site). */
function check(yml: string, files: Record<string, string> = {}): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-doctor-config-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, '_config.yml'), yml);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const { config, files: read } = loadConfig({ source: dir });
  return checkConfig(config, read).map((p) => `${p.file}: ${p.message}`);
}

describe('checkConfig', () => {
  it('is quiet for an ordinary site, custom keys included', () => {
    expect(check('title: T\nurl: https://example.com\nbaseurl: /blog\nmy_custom_key: 1\nauthor: A\nplugins: [jekyll-feed]\n')).toEqual([]);
    expect(check('paginate: 5\npaginate_path: /page/:num/\nplugins: [jekyll-paginate]\n')).toEqual([]);
  });

  it('reports renamed and removed keys with the file', () => {
    const out = check('gems: [jekyll-feed]\nrelative_permalinks: true\npygments: true\nlayouts: _l\ndata_source: _d\n');
    expect(out).toHaveLength(5);
    expect(out[0]).toBe("_config.yml: 'gems' was renamed to 'plugins' in Jekyll 3.5; Utterson still reads it, but use 'plugins'.");
    expect(out.join('\n')).toMatch(/'relative_permalinks' was removed.*\n.*'pygments' was removed.*\n.*'layouts' was renamed to 'layouts_dir'.*\n.*'data_source' was renamed to 'data_dir'/);
  });

  it('reports pagination settings that do nothing', () => {
    expect(check('paginate_path: /p/:num/\n')).toEqual([
      "_config.yml: 'paginate_path' is set but 'paginate' is not: no pages are paginated until 'paginate: <posts per page>' is set.",
    ]);
    expect(check('paginate: 5\n')).toEqual(["_config.yml: 'paginate' is set but 'jekyll-paginate' is not in 'plugins': nothing is paginated."]);
    expect(check('paginate: 5\nplugins: [jekyll-paginate]\npaginate_path: /p/\n')).toEqual([
      "_config.yml: 'paginate_path: /p/' has no ':num': every page would go to the same place.",
    ]);
    expect(check('paginate: many\nplugins: [jekyll-paginate]\n')).toEqual(["_config.yml: 'paginate: many' should be the number of posts per page."]);
  });

  it('reports url and baseurl in the wrong form', () => {
    expect(check('url: example.com\n')).toEqual([
      "_config.yml: 'url: example.com' is not an absolute URL (e.g. https://example.com); absolute_url and feeds will be wrong.",
    ]);
    expect(check('url: https://example.com/\n')[0]).toContain("ends with '/'");
    expect(check('baseurl: blog/\n')).toEqual([
      "_config.yml: 'baseurl: blog/' should start with '/' (e.g. /blog).",
      "_config.yml: 'baseurl: blog/' should not end with '/': links would contain '//'.",
    ]);
  });

  it('reports converters Utterson does not have, and lsi', () => {
    expect(check('markdown: redcarpet\nhighlighter: pygments\nlsi: true\n')).toEqual([
      "_config.yml: 'markdown: redcarpet' is not available; Utterson converts Markdown the way kramdown does.",
      "_config.yml: 'highlighter: pygments' is not available; code is highlighted the way Rouge does it.",
      "_config.yml: 'lsi: true' (related posts by latent semantic indexing) is not supported; site.related_posts holds the most recent posts.",
    ]);
  });

  it('reports _posts outside collections_dir, as Jekyll doctor does', () => {
    expect(check('collections_dir: my_collections\n', { '_posts/2024-01-01-a.md': '---\n---\n' })).toEqual([
      "_config.yml: '_posts' is outside the custom collections_dir; move it into 'my_collections/' or its posts are not read.",
    ]);
  });

  it('suggests the key a misspelling was meant to be', () => {
    expect(check('exculde: [a]\npermalnk: pretty\ntimezon: UTC\nlanguges: [en]\n')).toEqual([
      "_config.yml: Unknown key 'exculde': did you mean 'exclude'?",
      "_config.yml: Unknown key 'permalnk': did you mean 'permalink'?",
      "_config.yml: Unknown key 'timezon': did you mean 'timezone'?",
      "_config.yml: Unknown key 'languges': did you mean 'languages'?",
    ]);
  });

  it('names the config file that sets the key when there are several', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-doctor-config-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, '_config.yml'), 'title: T\n');
    fs.writeFileSync(path.join(dir, '_config.dev.yml'), 'gems: [x]\n');
    const { config, files } = loadConfig({ source: dir, config: [path.join(dir, '_config.yml'), path.join(dir, '_config.dev.yml')] });
    expect(checkConfig(config, files).map((p) => p.file)).toEqual(['_config.dev.yml']);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('exclude', 'exclude')).toBe(0);
    expect(editDistance('exculde', 'exclude')).toBe(1);
    expect(editDistance('permalnk', 'permalink')).toBe(1);
    expect(editDistance('baseurl', 'base_url')).toBe(1);
    expect(editDistance('title', 'tilte')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
});
