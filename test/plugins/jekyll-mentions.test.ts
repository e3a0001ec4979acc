import { describe, expect, it } from 'vitest';
import { mentionBase, mentionify, mentionifyText } from '../../src/plugins/jekyll-mentions/index.js';
import { buildFiles, TIME } from './build-site.js';

const link = (u: string, base = 'https://github.com/') => `<a href='${base}${u}' class='user-mention'>@${u}</a>`;

// Expected strings below were printed by jekyll-mentions 1.6.0 (HTML::Pipeline 2.14).
describe('jekyll-mentions', () => {
  it('finds mentions as MentionFilter does with the plugin\'s user pattern', () => {
    expect(mentionifyText('@bob @Bob-x. @a_b! x@y', 'https://github.com')).toBe(`${link('bob')} ${link('Bob-x')}. ${link('a_b')}! x@y`);
    expect(mentionifyText('@mention @Mentioned @bob/repo @bob.x @-x', 'https://github.com')).toBe('@mention @Mentioned @bob/repo @bob.x @-x');
    expect(mentionifyText('(@al) @bob.. é@bob', 'https://github.com')).toBe(`(${link('al')}) ${link('bob')}.. é${link('bob')}`);
    expect(mentionifyText('line\n@start', 'https://x.example/~')).toBe(`line\n${link('start', 'https://x.example/~')}`);
  });

  it('skips pre, code, a, style and script and re-serialises the body', () => {
    const html = '<p>@x <br /></p><pre>@p</pre><code>@c</code><a href="/">@a</a><style>@s</style><script>@j</script>';
    expect(mentionify(html, 'https://github.com')).toBe(
      '<p><a href="https://github.com/x" class="user-mention">@x</a> <br></p><pre>@p</pre><code>@c</code><a href="/">@a</a><style>@s</style><script>@j</script>',
    );
    expect(mentionify('<p>mail@example.com <br /></p>', 'https://github.com')).toBe('<p>mail@example.com <br /></p>');
  });

  it('reads jekyll-mentions as a URL or { base_url }, with the GitHub host from SSL/GITHUB_HOSTNAME', () => {
    expect(mentionBase({}, {})).toBe('https://github.com');
    expect(mentionBase({ 'jekyll-mentions': 'https://t.example' }, {})).toBe('https://t.example');
    expect(mentionBase({ 'jekyll-mentions': { base_url: 'https://b.example' } }, {})).toBe('https://b.example');
    expect(mentionBase({ 'jekyll-mentions': {} }, { SSL: 'false', GITHUB_HOSTNAME: 'ghe.corp/' })).toBe('http://ghe.corp');
    expect(() => mentionBase({ 'jekyll-mentions': 3 }, {})).toThrow(/It's a Integer right now/);
  });

  it('runs on HTML pages, honours front matter, leaves other outputs alone', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-mentions]\n`,
      'index.md': '---\n---\nHi @alice\n',
      'off.md': '---\njekyll-mentions: false\n---\nHi @alice\n',
      'other.md': '---\njekyll-mentions: { base_url: "https://t.example" }\n---\nHi @alice\n',
      'feed.xml': '---\n---\n<t>@alice</t>\n',
    });
    expect(built.read('index.html')).toBe('<p>Hi <a href="https://github.com/alice" class="user-mention">@alice</a></p>\n');
    expect(built.read('off.html')).toBe('<p>Hi @alice</p>\n');
    expect(built.read('other.html')).toBe('<p>Hi <a href="https://t.example/alice" class="user-mention">@alice</a></p>\n');
    expect(built.read('feed.xml')).toBe('<t>@alice</t>\n');
  });
});
