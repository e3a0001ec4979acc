// jekyll-compose's commands: new-post, new-draft, publish — files, front matter, language folders, lng_pair.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, listFiles, read, run, site, write } from './run.js';

afterEach(cleanup);

const ONE_LANG = { '_config.yml': 'title: T\n', '_layouts/post.html': '<article>{{ content }}</article>\n' };
const TWO_LANGS = {
  '_config.yml': 'title: T\nlanguages: [en, ko]\ndefault_lang: en\ntimezone: Asia/Seoul\n',
  '_posts/2024-01-01-hello.md': '---\ntitle: Hello\nlng_pair: id_hello\n---\nHi\n',
  'ko/_posts/2024-01-01-hello.md': '---\ntitle: 안녕\nlng_pair: id_hello\n---\n안녕\n',
};

/** Today in UTC, as the binary (run with TZ=UTC) sees it; tests read it before and after, in case midnight passes. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('utterson new-post', () => {
  it('writes _posts/YYYY-MM-DD-slug.md with layout, title and date', () => {
    const dir = site(ONE_LANG);
    const before = today();
    const r = run(['new-post', 'Hello: World, #1!'], dir);
    const after = today();
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const posts = listFiles(path.join(dir, '_posts'));
    expect(posts).toHaveLength(1);
    const day = posts[0].slice(0, 10);
    expect([before, after]).toContain(day);
    expect(posts[0]).toBe(`${day}-hello-world-1.md`);
    expect(r.out).toContain(`New post created at _posts/${day}-hello-world-1.md`);
    const text = read(dir, `_posts/${posts[0]}`);
    expect(text).toMatch(new RegExp(`^---\\nlayout: post\\ntitle: "Hello: World, #1!"\\ndate: ${day} \\d{2}:\\d{2} \\+0000\\n---\\n\\n$`));
    // A one-language site gets no translation id.
    expect(text).not.toContain('lng_pair');
    // and the post builds
    const b = run(['build'], dir);
    expect(b).toMatchObject({ code: 0, err: '' });
    expect(fs.existsSync(path.join(dir, '_site', day.replace(/-/g, '/'), 'hello-world-1.html'))).toBe(true);
  });

  it('never overwrites a file unless --force', () => {
    const dir = site(ONE_LANG);
    expect(run(['new-post', 'Same', '--date', '2024-02-03'], dir).code).toBe(0);
    write(dir, '_posts/2024-02-03-same.md', 'my words\n');
    const again = run(['new-post', 'Same', '--date', '2024-02-03'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('A file already exists at _posts/2024-02-03-same.md; use --force to overwrite it.');
    expect(read(dir, '_posts/2024-02-03-same.md')).toBe('my words\n');
    expect(run(['new-post', 'Same', '--date', '2024-02-03', '--force'], dir).code).toBe(0);
    expect(read(dir, '_posts/2024-02-03-same.md')).toContain('title: "Same"\ndate: 2024-02-03\n');
  });

  it('takes --date (with a time and offset), --layout and --extension', () => {
    const dir = site(ONE_LANG);
    expect(run(['new-post', 'Dated', '--date', '2023-7-4 09:30 +09:00', '--layout', 'page', '-x', 'markdown'], dir).code).toBe(0);
    expect(read(dir, '_posts/2023-07-04-dated.markdown')).toBe('---\nlayout: page\ntitle: "Dated"\ndate: 2023-07-04 09:30 +0900\n---\n\n');
    const bad = run(['new-post', 'X', '--date', '2023-02-30'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("'2023-02-30' is not a date");
  });

  it('needs a title with letters or digits (status 2)', () => {
    const dir = site(ONE_LANG);
    expect(run(['new-post'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('You must specify a title') });
    expect(run(['new-post', '!!!'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('no letters or digits') });
  });

  it('on a two-language site generates a translation id, prints it, and pairs the translation in <lang>/_posts/', () => {
    const dir = site(TWO_LANGS);
    const en = run(['new-post', 'About Caching', '--date', '2024-05-06'], dir);
    expect(en.code).toBe(0);
    expect(en.out).toContain('New post created at _posts/2024-05-06-about-caching.md');
    expect(en.out).toContain('Translation id (lng_pair): id_about_caching');
    expect(en.out).toContain('--lang ko --pair id_about_caching');
    expect(read(dir, '_posts/2024-05-06-about-caching.md')).toContain('lng_pair: "id_about_caching"\n');

    const ko = run(['new-post', '캐싱에 대하여', '--lang', 'ko', '--pair', 'id_about_caching', '--date', '2024-05-06'], dir);
    expect(ko.code).toBe(0);
    expect(ko.out).toContain('New post created at ko/_posts/2024-05-06-캐싱에-대하여.md');
    expect(read(dir, 'ko/_posts/2024-05-06-캐싱에-대하여.md')).toBe(
      '---\nlayout: post\ntitle: "캐싱에 대하여"\ndate: 2024-05-06\nlng_pair: "id_about_caching"\n---\n\n',
    );

    // An id already in use is not handed out again.
    const dup = run(['new-post', 'Hello', '--date', '2024-05-07'], dir);
    expect(dup.out).toContain('Translation id (lng_pair): id_hello_2');

    // --lang naming the default language writes to _posts/.
    expect(run(['new-post', 'Default', '--lang', 'en', '--pair', 'id_x', '--date', '2024-05-08'], dir).code).toBe(0);
    expect(fs.existsSync(path.join(dir, '_posts/2024-05-08-default.md'))).toBe(true);
  });

  it('uses the site timezone for the date when there is no --date', () => {
    const dir = site(TWO_LANGS);
    expect(run(['new-post', 'Zoned', '--pair', 'id_z'], dir).code).toBe(0);
    const file = listFiles(path.join(dir, '_posts')).find((f) => f.endsWith('-zoned.md'))!;
    expect(read(dir, `_posts/${file}`)).toMatch(new RegExp(`^date: ${file.slice(0, 10)} \\d{2}:\\d{2} \\+0900$`, 'm'));
  });

  it('refuses a language the site does not have', () => {
    const dir = site(TWO_LANGS);
    const r = run(['new-post', 'Bonjour', '--lang', 'fr'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Language 'fr' is not one of the site's languages (en, ko)");
    expect(fs.existsSync(path.join(dir, 'fr'))).toBe(false);
  });

  it('honours translations.key and --source', () => {
    const dir = site({ 'site/_config.yml': 'languages: [en, de]\ntranslations:\n  key: translationKey\n' });
    const r = run(['new-post', 'Hallo', '--lang', 'de', '--pair', 'hallo', '--date', '2024-01-01', '-s', 'site'], dir);
    expect(r.code).toBe(0);
    expect(read(dir, 'site/de/_posts/2024-01-01-hallo.md')).toContain('translationKey: "hallo"\n');
  });
});

describe('utterson new-draft and publish', () => {
  it('writes _drafts/slug.md, then publish moves it to _posts with the date', () => {
    const dir = site(ONE_LANG);
    const d = run(['new-draft', 'My Draft'], dir);
    expect(d).toMatchObject({ code: 0, err: '' });
    expect(d.out).toContain('New draft created at _drafts/my-draft.md');
    expect(read(dir, '_drafts/my-draft.md')).toBe('---\nlayout: post\ntitle: "My Draft"\n---\n\n');
    write(dir, '_drafts/my-draft.md', '---\nlayout: post\ntitle: "My Draft"\n# keep this comment\n---\n\nBody text.\n');

    const p = run(['publish', '_drafts/my-draft.md', '--date', '2024-03-05'], dir);
    expect(p).toMatchObject({ code: 0, err: '' });
    expect(p.out).toContain('Draft _drafts/my-draft.md was moved to _posts/2024-03-05-my-draft.md');
    expect(fs.existsSync(path.join(dir, '_drafts/my-draft.md'))).toBe(false);
    expect(read(dir, '_posts/2024-03-05-my-draft.md')).toBe('---\nlayout: post\ntitle: "My Draft"\n# keep this comment\ndate: 2024-03-05\n---\n\nBody text.\n');
  });

  it('publish replaces an existing date, finds a bare name in _drafts/, and dates it now by default', () => {
    const dir = site({ ...ONE_LANG, '_drafts/old.md': '---\ntitle: Old\ndate: 2000-01-01\n---\nx\n' });
    const before = today();
    const p = run(['publish', 'old'], dir);
    const after = today();
    expect(p.code).toBe(0);
    const file = listFiles(path.join(dir, '_posts'))[0];
    expect([before, after]).toContain(file.slice(0, 10));
    expect(file.slice(11)).toBe('old.md');
    expect(read(dir, `_posts/${file}`)).toMatch(new RegExp(`^---\\ntitle: Old\\ndate: ${file.slice(0, 10)} \\d{2}:\\d{2} \\+0000\\n---\\nx\\n$`));
  });

  it('publish keeps the language folder, refuses to overwrite, and rejects files outside _drafts', () => {
    const dir = site({ ...TWO_LANGS, 'ko/_drafts/초안.md': '---\ntitle: 초안\nlng_pair: id_draft\n---\n', 'page.md': '---\n---\n' });
    const d = run(['new-draft', 'Second', '--lang', 'ko', '--pair', 'id_second'], dir);
    expect(d.out).toContain('New draft created at ko/_drafts/second.md');
    expect(read(dir, 'ko/_drafts/second.md')).toContain('lng_pair: "id_second"');

    write(dir, 'ko/_posts/2024-02-02-초안.md', 'taken\n');
    const clash = run(['publish', 'ko/_drafts/초안.md', '--date', '2024-02-02'], dir);
    expect(clash.code).toBe(1);
    expect(clash.err).toContain('A file already exists at ko/_posts/2024-02-02-초안.md');
    expect(fs.existsSync(path.join(dir, 'ko/_drafts/초안.md'))).toBe(true);

    const ok = run(['publish', 'ko/_drafts/초안.md', '--date', '2024-02-02', '--force'], dir);
    expect(ok.code).toBe(0);
    expect(read(dir, 'ko/_posts/2024-02-02-초안.md')).toBe('---\ntitle: 초안\nlng_pair: id_draft\ndate: 2024-02-02\n---\n');

    expect(run(['publish', 'page.md'], dir)).toMatchObject({ code: 1, err: expect.stringContaining('is not in a _drafts folder') });
    expect(run(['publish', '_drafts/none.md'], dir)).toMatchObject({ code: 1, err: expect.stringContaining("There was no draft found at '_drafts/none.md'") });
    expect(run(['publish'], dir).code).toBe(2);
  });

  it('publish adds front matter to a draft that has none', () => {
    const dir = site({ ...ONE_LANG, '_drafts/plain.md': 'Just text.\n' });
    expect(run(['publish', '_drafts/plain.md', '--date', '2024-01-09 10:00'], dir).code).toBe(0);
    expect(read(dir, '_posts/2024-01-09-plain.md')).toBe('---\ndate: 2024-01-09 10:00\n---\nJust text.\n');
  });

  it('unpublish moves a post back to the drafts folder beside it, without the date', () => {
    const dir = site({ ...TWO_LANGS, 'ko/_posts/2024-03-04-글.md': '---\ntitle: 글\ndate: 2024-03-04\n---\nBody\n' });
    const r = run(['unpublish', 'ko/_posts/2024-03-04-글.md'], dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Post ko/_posts/2024-03-04-글.md was moved to ko/_drafts/글.md');
    expect(read(dir, 'ko/_drafts/글.md')).toBe('---\ntitle: 글\ndate: 2024-03-04\n---\nBody\n');
    expect(fs.existsSync(path.join(dir, 'ko/_posts/2024-03-04-글.md'))).toBe(false);
    // and back again
    expect(run(['publish', 'ko/_drafts/글.md', '--date', '2024-03-05'], dir).code).toBe(0);
    expect(read(dir, 'ko/_posts/2024-03-05-글.md')).toBe('---\ntitle: 글\ndate: 2024-03-05\n---\nBody\n');

    expect(run(['unpublish', 'hello'], dir)).toMatchObject({ code: 1, err: expect.stringContaining("There was no post found at 'hello'") });
    expect(run(['unpublish', '2024-01-01-hello.md'], dir).code).toBe(0);
    expect(fs.existsSync(path.join(dir, '_drafts/hello.md'))).toBe(true);
  });
});
