import { describe, expect, it } from 'vitest';
import { emojiImage, emojify, emojifyText, emojiSrc } from '../../src/plugins/jemoji/index.js';
import { EMOJI_IMAGES } from '../../src/plugins/jemoji/emoji-table.js';
import { decodeEntities, filterTextNodes } from '../../src/plugins/jemoji/html-text.js';
import { buildFiles, TIME } from './build-site.js';

const SRC = 'https://github.githubassets.com/images/icons/';
const smile = emojiImage('smile', SRC);

// Expected strings below were printed by jemoji 0.13.0 (HTML::Pipeline 2.14, Nokogiri 1.13).
describe('jemoji', () => {
  it('writes the image tag the plugin writes', () => {
    expect(smile).toBe(
      '<img class="emoji" title=":smile:" alt=":smile:" src="https://github.githubassets.com/images/icons/emoji/unicode/1f604.png" height="20" width="20">',
    );
    expect(EMOJI_IMAGES['+1']).toBe('unicode/1f44d.png');
    expect(EMOJI_IMAGES.one).toBe('unicode/0031-20e3.png');
  });

  it('matches only known aliases between colons', () => {
    expect(emojifyText(':nope: :smile:', SRC)).toBe(`:nope: ${smile}`);
    expect(emojifyText('::smile::', SRC)).toBe(`:${smile}:`);
    expect(emojifyText('10:30:45', SRC)).toBe('10:30:45');
  });

  it('takes emoji.src, else ASSET_HOST_URL, else GitHub', () => {
    expect(emojiSrc({ emoji: { src: 'https://cdn.example/' } }, {})).toBe('https://cdn.example/');
    expect(emojiSrc({}, { ASSET_HOST_URL: 'https://assets.example/' })).toBe('https://assets.example/images/icons/');
    expect(emojiSrc({}, {})).toBe(SRC);
    expect(emojiImage('smile', 'https://cdn.example')).toContain('src="https://cdn.example/emoji/unicode/1f604.png"');
  });

  it('skips pre, code and tt, but not links or scripts', () => {
    const html = '<pre>:smile:</pre><code>:smile:</code><tt>:smile:</tt><a href="x">:smile:</a><script>":smile:"</script>';
    expect(emojify(html, SRC)).toBe(`<pre>:smile:</pre><code>:smile:</code><tt>:smile:</tt><a href="x">${smile}</a><script>"${smile}"</script>`);
  });

  it('re-serialises the body as Nokogiri does, leaving the head alone', () => {
    const page = '<head><br /></head><body class="b">\n<p>&quot;:smile:&quot; &amp; <br /> <img src=\'a b.png\' /></p></body>';
    expect(emojify(page, SRC)).toBe(`<head><br /></head><body class="b">\n<p>"${smile}" &amp; <br> <img src="a%20b.png"></p></body>`);
    expect(emojify('<p>nothing :here: <br /></p>', SRC)).toBe('<p>nothing :here: <br /></p>');
  });

  it('turns text that decodes to markup into markup, as node.text + replace does', () => {
    expect(emojify('<p>&lt;b&gt;:smile:&lt;/b&gt;</p>', SRC)).toBe(`<p><b>${smile}</b></p>`);
  });

  it('pretty-prints like libxml2 around block elements', () => {
    expect(emojify('<ul><li>a</li><li>b :smile:</li></ul>', SRC)).toBe(`<ul>\n<li>a</li>\n<li>b ${smile}\n</li>\n</ul>`);
    expect(filterTextNodes('<p>x<p>y')).toBe('<p>x</p><p>y</p>');
    expect(filterTextNodes('<svg viewBox="0 0 1 1"><path d="M0"/></svg>')).toBe('<svg viewbox="0 0 1 1"><path d="M0"></path></svg>');
    expect(filterTextNodes('<a title="a &quot;b&quot;" NAME="x y">z</a>')).toBe('<a title=\'a "b"\' name="x%20y">z</a>');
    expect(decodeEntities('&#x27;&#60;&unknown;')).toBe("'<&unknown;");
  });

  it('parses a page without <body> as a fragment: doctype, html, head and body tags vanish', () => {
    expect(emojify('<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head>\n<p>:smile:</p>\n</html>\n', SRC)).toBe(
      `\n\n<title>t</title>\n<p>${smile}</p>\n\n`,
    );
  });

  it('runs on HTML pages and documents in a build', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jemoji]\nemoji:\n  src: https://cdn.example/\n`,
      'index.md': '---\n---\nHi :smile:\n',
      'data.json': '---\n---\n":smile:"\n',
    });
    expect(built.read('index.html')).toBe(`<p>Hi ${emojiImage('smile', 'https://cdn.example/')}</p>\n`);
    expect(built.read('data.json')).toBe('":smile:"\n');
  });
});
