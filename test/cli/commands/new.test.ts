// `utterson new`: the starter site and Jekyll's blank scaffold, written by the binary.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, listFiles, read, run, tempDir, write } from './run.js';

afterEach(cleanup);

describe('utterson new', () => {
  it('writes a starter site on the built-in theme that builds with no warnings', () => {
    const parent = tempDir();
    const before = new Date().toISOString().slice(0, 10);
    const r = run(['new', 'my-blog'], parent);
    const after = new Date().toISOString().slice(0, 10);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const dir = path.join(parent, 'my-blog');
    expect(r.out).toContain(`New utterson site installed in ${dir}.`);
    expect(r.out).toContain('npx utterson serve');

    const files = listFiles(dir);
    const post = files.find((f) => f.startsWith('_posts/'))!;
    expect(post).toMatch(/^_posts\/\d{4}-\d{2}-\d{2}-welcome-to-utterson\.md$/);
    expect([before, after]).toContain(post.slice(7, 17));
    expect(files).toEqual(
      [
        '.gitignore', '404.html', '_config.yml', '_data/conf/main.yml', '_data/lang/en.yml', '_data/owner/en.yml', post,
        'about.md', 'archive.html', 'categories.html', 'index.html', 'package.json', 'tags.html',
      ].sort(),
    );
    const config = read(dir, '_config.yml');
    expect(config).toMatch(/^theme: utterson$/m);
    expect(config).toMatch(/^title: "My Blog"$/m);
    expect(config).toMatch(/^languages: \[en\]$/m);
    expect(config).toMatch(/^default_lang: en$/m);
    expect(read(dir, 'index.html')).toMatch(/^layout: home$/m);
    expect(read(dir, 'about.md')).toMatch(/^permalink: \/about\/$/m);
    expect(read(dir, post)).toMatch(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/m);
    const pkg = JSON.parse(read(dir, 'package.json'));
    expect(pkg).toMatchObject({ name: 'my-blog', private: true, scripts: { build: 'utterson build' } });
    expect(pkg.devDependencies.utterson).toMatch(/^\^\d+\.\d+\.\d+/);

    const b = run(['build'], dir);
    expect(b.code).toBe(0);
    expect(b.err).toBe('');
    const out = listFiles(path.join(dir, '_site'));
    const slug = post.slice(7, 17).replace(/-/g, '/');
    for (const f of ['index.html', 'about/index.html', 'archive/index.html', 'categories/index.html', 'tags/index.html', '404.html', 'assets/css/style.css', 'feed.xml', 'sitemap.xml', `news/${slug}/welcome-to-utterson/index.html`]) {
      expect(out).toContain(f);
    }
    // package.json and friends are excluded, so they are not published.
    expect(out).not.toContain('package.json');
    const home = read(dir, '_site/index.html');
    expect(home).toMatch(/<title>My Blog( \| [^<]*)?<\/title>/);
    expect(home).toContain(`href="/news/${slug}/welcome-to-utterson/"`);
    expect(home).toContain('<a href="/about/">About</a>');
    expect(home).toContain('<a href="/archive/">Archive</a>');
    expect(read(dir, '_site/tags/index.html')).toContain('utterson');

    const doctor = run(['doctor'], dir);
    expect(doctor.err).toBe('');
    expect(doctor.code).toBe(0);
    expect(doctor.out).toMatch(/Your test results are in\. Everything looks fine/);
  });

  it('becomes bilingual as its _config.yml explains, and new-post pairs the translations', () => {
    const parent = tempDir();
    expect(run(['new', 'bi'], parent).code).toBe(0);
    const dir = path.join(parent, 'bi');
    write(dir, '_config.yml', read(dir, '_config.yml').replace('languages: [en]', 'languages: [en, ko]'));
    write(dir, '_data/lang/ko.yml', read(dir, '_data/lang/en.yml').replace('code: en', 'code: ko'));
    write(dir, '_data/owner/ko.yml', read(dir, '_data/owner/en.yml'));
    write(dir, 'ko/index.html', '---\nlayout: home\n---\n');

    const en = run(['new-post', 'Caching', '--date', '2024-05-06'], dir);
    expect(en.out).toContain('Translation id (lng_pair): id_caching');
    expect(run(['new-post', '캐싱', '--lang', 'ko', '--pair', 'id_caching', '--date', '2024-05-06'], dir).code).toBe(0);

    expect(run(['build'], dir)).toMatchObject({ code: 0, err: '' });
    const enPage = read(dir, '_site/2024/05/06/caching/index.html');
    expect(enPage).toContain(`<link rel="alternate" hreflang="ko" href="/ko/2024/05/06/${encodeURIComponent('캐싱')}/">`);
    expect(run(['doctor'], dir)).toMatchObject({ code: 0, err: '' });
  });

  it('takes --title, and a path of several words as Jekyll does', () => {
    const parent = tempDir();
    expect(run(['new', 'two', 'words', '--title', 'Notes: "quoted" #1'], parent).code).toBe(0);
    expect(read(path.join(parent, 'two words'), '_config.yml')).toMatch(/^title: "Notes: \\"quoted\\" #1"$/m);
    const b = run(['build'], path.join(parent, 'two words'));
    expect(b).toMatchObject({ code: 0, err: '' });
    expect(read(path.join(parent, 'two words'), '_site/index.html')).toContain('Notes: &quot;quoted&quot; #1</span>');
  });

  it('--blank writes the scaffold of `jekyll new --blank`', () => {
    const parent = tempDir();
    const r = run(['new', 'blank', '--blank'], parent);
    expect(r).toMatchObject({ code: 0, err: '' });
    const dir = path.join(parent, 'blank');
    expect(listFiles(dir)).toEqual(['_config.yml', '_layouts/default.html', '_sass/base.scss', 'assets/css/main.scss', 'index.md']);
    for (const d of ['_data', '_drafts', '_includes', '_posts']) expect(fs.statSync(path.join(dir, d)).isDirectory()).toBe(true);
    expect(read(dir, 'assets/css/main.scss')).toBe('---\n---\n\n@import "base";\n');
  });

  it('--blank builds: assets/css/main.scss imports _sass/base.scss (Jekyll 4.4\'s name; 4.3.1\'s main.scss shadows itself under Dart Sass)', () => {
    const parent = tempDir();
    expect(run(['new', 'blank', '--blank'], parent).code).toBe(0);
    const dir = path.join(parent, 'blank');
    const b = run(['build'], dir);
    expect(b).toMatchObject({ code: 0, err: '' });
    expect(read(dir, '_site/index.html')).toContain('<title>Happy Jekylling! - </title>');
    expect(read(dir, '_site/assets/css/main.css')).toContain('background: #ffffff;');
  });

  it('refuses a folder that is not empty unless --force, and ignores dot files as Jekyll does', () => {
    const dir = tempDir();
    write(dir, '.git/HEAD', 'ref: refs/heads/main\n');
    expect(run(['new', '.'], dir)).toMatchObject({ code: 0, err: '' });
    expect(fs.existsSync(path.join(dir, '_config.yml'))).toBe(true);

    write(dir, 'about.md', 'mine\n');
    const again = run(['new', '.'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`Conflict: ${dir} exists and is not empty.`);
    expect(again.err).toContain('--force');
    expect(read(dir, 'about.md')).toBe('mine\n');

    expect(run(['new', '.', '--force'], dir).code).toBe(0);
    expect(read(dir, 'about.md')).toMatch(/^title: About$/m);
  });

  it('needs a path (status 2) and refuses a file', () => {
    const dir = tempDir();
    const r = run(['new'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('You must specify a path');
    write(dir, 'file', 'x');
    expect(run(['new', 'file'], dir)).toMatchObject({ code: 1, err: expect.stringContaining('is not a directory') });
  });

  it('is listed in --help with the other commands', () => {
    const help = run(['--help'], tempDir());
    expect(help.code).toBe(0);
    for (const name of ['new ', 'new-post', 'new-draft', 'publish', 'doctor']) expect(help.out).toContain(`  ${name}`);
    expect(run(['help', 'new'], tempDir()).out).toContain('--blank');
  });
});
