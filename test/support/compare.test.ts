import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareFile, compareTrees, formatDifferences, normalizeMarkup, tokenize } from './compare.js';

const same = (a: string, b: string, mode: 'html' | 'xml' = 'html') =>
  normalizeMarkup(a, mode) === normalizeMarkup(b, mode);

describe('normalizeMarkup: must be considered equal', () => {
  it.each([
    ['newlines between block tags', '<p>a</p>\n<p>b</p>\n', '<p>a</p><p>b</p>'],
    ['indentation around block content', '<div>\n  <p>\n    text\n  </p>\n</div>', '<div><p>text</p></div>'],
    ['attribute order', '<a href="/x" class="c" id="i">x</a>', '<a id="i" class="c" href="/x">x</a>'],
    ['whitespace inside a tag', '<a  href="/x"\n   class="c" >x</a >', '<a class="c" href="/x">x</a>'],
    ['self-closing slash spacing', '<br/>', '<br />'],
    ['single and double quotes', "<img alt='a' src=\"s\">", '<img src="s" alt="a">'],
    ['runs of spaces in text collapse', '<p>one   two\n three</p>', '<p>one two three</p>'],
    ['trailing newline of the file', '<p>x</p>\n', '<p>x</p>'],
    ['space after a block close', '<li>a</li>   <li>b</li>', '<li>a</li><li>b</li>'],
    ['doctype and head layout', '<!DOCTYPE html>\n<html>\n<head>\n<title>T</title>\n</head>', '<!DOCTYPE html><html><head><title>T</title></head>'],
  ])('%s', (_name, a, b) => {
    expect(normalizeMarkup(a)).toBe(normalizeMarkup(b));
  });

  it('XML: whitespace between elements and around text', () => {
    expect(same('<feed>\n  <title>\n    T\n  </title>\n</feed>\n', '<feed><title>T</title></feed>', 'xml')).toBe(true);
  });
});

describe('normalizeMarkup: must NOT be considered equal', () => {
  it.each([
    ['different text', '<p>a</p>', '<p>b</p>'],
    ['different attribute value', '<a href="/x">x</a>', '<a href="/y">x</a>'],
    ['class order inside a value', '<p class="a b">x</p>', '<p class="b a">x</p>'],
    ['missing attribute', '<a href="/x" class="c">x</a>', '<a href="/x">x</a>'],
    ['boolean attribute vs empty value', '<input disabled>', '<input disabled="">'],
    ['whitespace inside pre', '<pre>a\n  b</pre>', '<pre>a\nb</pre>'],
    ['whitespace inside code inside pre', '<pre><code>x  = 1\n</code></pre>', '<pre><code>x = 1\n</code></pre>'],
    ['trailing newline inside pre', '<pre><code>x\n</code></pre>', '<pre><code>x</code></pre>'],
    ['whitespace inside textarea', '<textarea>a  b</textarea>', '<textarea>a b</textarea>'],
    ['space between inline elements', '<p><em>a</em> <strong>b</strong></p>', '<p><em>a</em><strong>b</strong></p>'],
    ['space before an inline element', '<p>foo <em>bar</em></p>', '<p>foo<em>bar</em></p>'],
    ['space between words', '<p>a b</p>', '<p>ab</p>'],
    ['different tag', '<em>x</em>', '<i>x</i>'],
    ['entity spelling stays significant', '<p>&amp;</p>', '<p>&#38;</p>'],
    ['comment content', '<!-- a -->', '<!-- b -->'],
    ['script content', '<script>var a = "x  y";</script>', '<script>var a = "x y";</script>'],
    ['element order', '<p>a</p><p>b</p>', '<p>b</p><p>a</p>'],
    ['br vs br with slash', '<br>', '<br />'],
  ])('%s', (_name, a, b) => {
    expect(normalizeMarkup(a)).not.toBe(normalizeMarkup(b));
  });
});

describe('tokenize', () => {
  it('keeps markup-looking text inside script raw', () => {
    const tokens = tokenize('<script>if (a < b) { x = "<p>"; }</script>');
    expect(tokens).toEqual([
      { type: 'open', name: 'script', attrs: [], selfClosing: false },
      { type: 'verbatim', value: 'if (a < b) { x = "<p>"; }' },
      { type: 'close', name: 'script' },
    ]);
  });

  it('treats a lone < as text and parses unquoted attributes', () => {
    expect(tokenize('1 < 2 <a href=/x data-n=3>y</a>')).toEqual([
      { type: 'text', value: '1 < 2 ' },
      { type: 'open', name: 'a', attrs: [['href', '/x'], ['data-n', '3']], selfClosing: false },
      { type: 'text', value: 'y' },
      { type: 'close', name: 'a' },
    ]);
  });
});

describe('compareFile', () => {
  it('compares non-markup files byte for byte', () => {
    expect(compareFile('a.css', Buffer.from('a {}\n'), Buffer.from('a {}\n'))).toBeNull();
    const d = compareFile('a.css', Buffer.from('a {}\n'), Buffer.from('a  {}\n'));
    expect(d).toContain('offset 2');
  });

  it('shows binary differences as hex', () => {
    const d = compareFile('x.bin', Buffer.from([0, 1, 2, 255]), Buffer.from([0, 1, 3, 255]));
    expect(d).toContain('offset 2');
    expect(d).toContain('000102ff');
  });

  it('compares .html byte for byte in strict mode', () => {
    expect(compareFile('a.html', Buffer.from('<p>a</p>\n'), Buffer.from('<p>a</p>'), { strict: true })).toContain('offset 8');
    expect(compareFile('a.html', Buffer.from('<p>a</p>'), Buffer.from('<p>a</p>'), { strict: true })).toBeNull();
  });

  it('normalizes .html but not .txt', () => {
    expect(compareFile('a.html', Buffer.from('<p>a</p>\n\n'), Buffer.from('<p>a</p>'))).toBeNull();
    expect(compareFile('a.txt', Buffer.from('<p>a</p>\n\n'), Buffer.from('<p>a</p>'))).not.toBeNull();
  });

  it('gives an excerpt that points at the first differing token and its source lines', () => {
    const d = compareFile(
      'a.html',
      Buffer.from('<h1>T</h1>\n<p class="x">one</p>\n'),
      Buffer.from('<h1>T</h1>\n\n<p class="y">one</p>\n'),
    );
    expect(d).toContain('expected line 2, actual line 3');
    expect(d).toMatch(/^>\s+2\| <p class="x">$/m);
    expect(d).toMatch(/^>\s+3\| <p class="y">$/m);
  });

  it('reports a truncated file as ending early', () => {
    const d = compareFile('a.html', Buffer.from('<p>a</p><p>b</p>'), Buffer.from('<p>a</p>'));
    expect(d).toContain('actual end of file');
  });
});

describe('compareTrees', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function tree(root: string, files: Record<string, string>): Promise<string> {
    for (const [path, content] of Object.entries(files)) {
      const full = join(root, path);
      await mkdir(join(full, '..'), { recursive: true });
      await writeFile(full, content);
    }
    return root;
  }

  it('reports missing, extra and differing files, and nothing for equal ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'compare-test-'));
    const expected = await tree(join(dir, 'e'), {
      'index.html': '<p>a</p>\n',
      '.htaccess': 'x',
      'sub/page.html': '<p>same</p>',
      'gone.txt': 'g',
      'style.css': 'a{}',
    });
    const actual = await tree(join(dir, 'a'), {
      'index.html': '<p>a</p>',
      '.htaccess': 'x',
      'sub/page.html': '<p>different</p>',
      'new.txt': 'n',
      'style.css': 'b{}',
    });
    const diffs = await compareTrees(expected, actual);
    expect(diffs.map((d) => [d.kind, d.path])).toEqual([
      ['missing', 'gone.txt'],
      ['content', 'style.css'],
      ['content', 'sub/page.html'],
      ['extra', 'new.txt'],
    ]);
    expect(formatDifferences(diffs)).toContain('[content] sub/page.html');
  });

  it('returns an empty list for identical trees', async () => {
    dir = await mkdtemp(join(tmpdir(), 'compare-test-'));
    const files = { 'a/b/c.html': '<p>x</p>', 'd.bin': '\u0000\u0001' };
    expect(await compareTrees(await tree(join(dir, 'e'), files), await tree(join(dir, 'a'), files))).toEqual([]);
  });
});
