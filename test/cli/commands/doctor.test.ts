// `utterson doctor` run as a user would: a clean site passes, a site with problems lists each with its file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, run, site } from './run.js';

afterEach(cleanup);

const LAYOUT = { '_layouts/default.html': '<!DOCTYPE html>\n<html><head><link rel="stylesheet" href="{{ \'/css/site.css\' | relative_url }}"></head><body>{{ content }}</body></html>\n' };

describe('utterson doctor', () => {
  it('passes a clean site (exit 0), honouring baseurl, and leaves the source untouched', () => {
    const dir = site({
      ...LAYOUT,
      '_config.yml': 'title: Clean\nurl: https://example.com\nbaseurl: /blog\nlanguages: [en, ko]\n',
      'css/site.css': 'body{}\n',
      'img/a.png': 'png',
      'index.md': [
        '---',
        'layout: default',
        '---',
        "[About]({{ '/about/#the-team' | relative_url }}) [Post]({% post_url 2024-01-01-a %}) [rel](img/a.png) [ext](https://example.org/x) [mail](mailto:a@b.c) [top](#top)",
        '',
        "![A]({{ '/img/a.png' | relative_url }}) <img srcset=\"img/a.png 1x, {{ '/img/a.png' | relative_url }} 2x\">",
        '',
      ].join('\n'),
      'about.md': '---\nlayout: default\npermalink: /about/\nlng_pair: id_about\n---\n[home](../) [team](#the-team) [note](#fn:1)[^1]\n\n## The team\n\n[^1]: A footnote.\n',
      'ko/about.md': '---\nlayout: default\npermalink: /ko/about/\nlng_pair: id_about\n---\n[홈](/blog/)\n',
      '_posts/2024-01-01-a.md': '---\nlayout: default\n---\n[about](/blog/about) [query](/blog/about/?x=1#the-team)\n',
    });
    const r = run(['doctor'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Your test results are in\. Everything looks fine \(\d+ files, 4 HTML pages checked\)\./);
    expect(fs.existsSync(path.join(dir, '_site'))).toBe(false);
  });

  it('reports config problems, build warnings, conflicts, translations, broken links and missing images (exit 1)', () => {
    const dir = site({
      ...LAYOUT,
      '_config.yml': [
        'title: Broken',
        'url: https://example.com/',
        'baseurl: /blog',
        'languages: [en, ko]',
        'gems: [jekyll-feed]',
        'relative_permalinks: true',
        'paginate_path: /p/:num/',
        'exculde: [drafts]',
        '',
      ].join('\n'),
      'css/site.css': 'body{}\n',
      'index.md': [
        '---',
        'layout: default',
        '---',
        "[ok]({{ '/about/' | relative_url }}) [broken](/blog/nowhere/) [unprefixed](/about/) [bad-rel](missing/page.html) [anchor](/blog/about/#history)",
        '',
        '![missing](/blog/img/missing.png)',
        '',
      ].join('\n'),
      'about.md': '---\nlayout: default\npermalink: /about/\n---\nAbout\n',
      'one.md': '---\nlayout: default\npermalink: /same/\n---\nOne\n',
      'two.md': '---\nlayout: default\npermalink: /same/\n---\nTwo\n',
      '_posts/2024-01-01-single.md': '---\nlayout: default\nlng_pair: id_single\n---\nAlone\n',
      '_posts/2024-01-02-dup-a.md': '---\nlayout: default\nlng_pair: id_dup\n---\nA\n',
      '_posts/2024-01-03-dup-b.md': '---\nlayout: default\nlng_pair: id_dup\n---\nB\n',
      'ko/_posts/2024-01-02-dup.md': '---\nlayout: default\nlng_pair: id_dup\n---\n<img src="../../../../img/gone.jpg" alt="">\n',
    });
    const r = run(['doctor'], dir);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').map((l) => l.trim()).filter(Boolean);
    const expected = [
      "Config: _config.yml: 'gems' was renamed to 'plugins' in Jekyll 3.5; Utterson still reads it, but use 'plugins'.",
      "Config: _config.yml: 'relative_permalinks' was removed in Jekyll 3.0; permalinks are always relative to the site root.",
      "Config: _config.yml: 'paginate_path' is set but 'paginate' is not: no pages are paginated until 'paginate: <posts per page>' is set.",
      "Config: _config.yml: 'url: https://example.com/' ends with '/': absolute URLs will contain '//'. Remove the trailing slash.",
      "Config: _config.yml: Unknown key 'exculde': did you mean 'exclude'?",
      'Conflict: one.md: The following destination is shared by multiple files. The written file may end up with unexpected contents.',
      "Translation: _posts/2024-01-01-single.md: lng_pair 'id_single' has a single member (en); no ko version shares it.",
      "Translation: _posts/2024-01-03-dup-b.md: lng_pair 'id_dup' is used by 2 en documents: _posts/2024-01-02-dup-a.md, _posts/2024-01-03-dup-b.md.",
      'Broken link: index.md: /blog/nowhere/ points to no file of the site (in index.html)',
      "Broken link: index.md: /about/ is not under baseurl '/blog' (use the relative_url filter) (in index.html)",
      'Broken link: index.md: missing/page.html points to no file of the site (in index.html)',
      "Broken link: index.md: /blog/about/#history points to no element with id 'history' in about/index.html (in index.html)",
      'Missing image: index.md: /blog/img/missing.png points to no file of the site (in index.html)',
      'Missing image: ko/_posts/2024-01-02-dup.md: ../../../../img/gone.jpg points to no file of the site (in ko/2024/01/02/dup.html)',
    ];
    for (const line of expected) expect(lines).toContain(line);
    // The conflict names the destination and both sources.
    expect(r.err).toMatch(/same\/index\.html\n\s+- one\.md\n\s+- two\.md/);
    // The link that works is not reported, nor is the pair that is fine.
    expect(r.err).not.toContain("{{ '/about/'");
    expect(r.err).not.toMatch(/Broken link: index\.md: \/blog\/about\/ /);
    expect(r.err).toMatch(/Your test results are in\. \d+ problems found/);
    const count = Number(/(\d+) problems found/.exec(r.err)![1]);
    expect(count).toBe(expected.length);
  });

  it('counts a single translation alone as a problem, and a missing layout as a build warning, even with strict: true', () => {
    const dir = site({
      '_config.yml': 'languages: [en, ko]\nstrict: true\n',
      'ko/index.md': '---\nlng_pair: id_home\nlayout: nowhere\n---\nHi\n',
    });
    const r = run(['doctor'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Translation: ko/index.md: lng_pair 'id_home' has a single member (ko); no en version shares it.");
    expect(r.err).toMatch(/Build: ko\/index\.md: .*Layout 'nowhere' requested in ko\/index\.md does not exist\./);
    expect(r.err).toContain('2 problems found');
  });

  it('counts a paginated page once in its translation group', () => {
    const dir = site({
      ...LAYOUT,
      '_config.yml': 'languages: [en, ko]\npaginate: 1\npaginate_path: /page:num/\nplugins: [jekyll-paginate]\n',
      'css/site.css': 'body{}\n',
      'index.html': '---\nlayout: default\nlng_pair: id_home\n---\n{% for p in paginator.posts %}<a href="{{ p.url | relative_url }}">{{ p.title }}</a>{% endfor %}\n',
      'ko/index.html': '---\nlayout: default\nlng_pair: id_home\n---\n홈\n',
      '_posts/2024-01-01-a.md': '---\nlayout: default\ntitle: A\n---\nA\n',
      '_posts/2024-01-02-b.md': '---\nlayout: default\ntitle: B\n---\nB\n',
    });
    const r = run(['doctor'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Everything looks fine \(\d+ files, 5 HTML pages checked\)/);
  });

  it('-b/--baseurl checks the site as it will be deployed under a sub-path', () => {
    const dir = site({
      ...LAYOUT,
      '_config.yml': 'title: T\n',
      'css/site.css': 'body{}\n',
      'index.md': "---\nlayout: default\n---\n[fine]({{ '/about/' | relative_url }}) [hard-coded](/about/)\n",
      'about.md': '---\nlayout: default\npermalink: /about/\n---\nAbout\n',
    });
    expect(run(['doctor'], dir)).toMatchObject({ code: 0, err: '' });
    const r = run(['doctor', '--baseurl', '/my-repo'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Broken link: index.md: /about/ is not under baseurl '/my-repo' (use the relative_url filter) (in index.html)");
    expect(r.err).toContain('1 problem found');
  });

  it('reports a site that does not build, with the file and line (exit 1)', () => {
    const bad = site({ '_config.yml': 'title: [unclosed\n' });
    const r = run(['doctor'], bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Error: .*_config\.yml:\d+:\d+: Invalid YAML in configuration/m);
    expect(r.err).toContain('The site could not be built, so nothing else was checked.');
    expect(r.out).toBe('');
  });

  it('has the hyde alias and --help', () => {
    const dir = site({ '_config.yml': 'title: x\n', 'index.html': '<a href="x.html">x</a>\n' });
    const r = run(['hyde'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Broken link: index.html: x.html points to no file of the site');
    expect(run(['doctor', '--help'], dir).out).toContain('--config');
  });
});
