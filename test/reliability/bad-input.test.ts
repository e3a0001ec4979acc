/**
 * Bad input, class by class, through the CLI entry point: the message names the file (line,
 * column and a code frame where known), the exit status is the documented one (0 built with
 * warnings, 1 failed), and a failed build leaves the previous _site and every source as they
 * were. Warnings become failures with --strict; front matter errors with --strict_front_matter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanup, snapshot, tempDir, writeFiles } from './support.js';

afterAll(cleanup);

const BASE = {
  '_config.yml': 'title: Bad input\n',
  '_layouts/default.html': '<html>{{ content }}</html>\n',
  'index.html': '---\nlayout: default\n---\nhome\n',
  '_posts/2020-01-01-fine.md': '---\ntitle: Fine\n---\nfine\n',
};

let built: string;
beforeAll(async () => {
  built = tempDir('utterson-bad-base-');
  writeFiles(built, BASE);
  const r = await cli(['build', '-s', built]);
  expect(r.code, r.output).toBe(0);
});

/** Runs `utterson …` in this process, capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const capture = (chunk: unknown) => {
    output += String(chunk);
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  const env = { TZ: process.env.TZ, NO_COLOR: process.env.NO_COLOR };
  process.env.NO_COLOR = '1';
  try {
    const code = await main([...args, '-j', '1']);
    return { code, output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    if (env.NO_COLOR === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = env.NO_COLOR;
  }
}

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** Extra flags. */
  args?: string[];
  code: 0 | 1;
  /** Substrings the output must contain (message, location, frame). */
  says: string[];
}

const CASES: Case[] = [
  {
    name: 'malformed YAML front matter in a page (--strict_front_matter)',
    files: { 'bad.md': '---\ntitle: [oops\nx: 1\n---\nbody\n' },
    args: ['--strict_front_matter'],
    code: 1,
    says: ['Error: bad.md:3:1: YAML Exception reading front matter: ', '  2 | title: [oops', '> 3 | x: 1', '    | ^'],
  },
  {
    name: 'malformed YAML front matter in a page (Jekyll: a warning, the page is built without data)',
    files: { 'bad.md': '---\ntitle: [oops\nx: 1\n---\nbody\n' },
    code: 0,
    says: ['Warning: bad.md:3:1: YAML Exception reading front matter: ', '> 3 | x: 1'],
  },
  {
    name: 'malformed YAML front matter in a post (--strict_front_matter)',
    files: { '_posts/2020-02-02-bad.md': '---\ntitle: "unterminated\n---\nbody\n' },
    args: ['--strict_front_matter'],
    code: 1,
    says: ['_posts/2020-02-02-bad.md:', 'YAML Exception reading front matter'],
  },
  {
    name: 'malformed YAML front matter in a layout (a warning, as Jekyll)',
    files: { '_layouts/default.html': '---\nx: [\n---\n<main>{{ content }}</main>\n' },
    code: 0,
    says: ['Warning: _layouts/default.html:3:1: YAML Exception reading front matter: '],
  },
  {
    name: 'malformed YAML front matter in a layout (--strict_front_matter)',
    files: { '_layouts/default.html': '---\nx: [\n---\n<main>{{ content }}</main>\n' },
    args: ['--strict_front_matter'],
    code: 1,
    says: ['Error: _layouts/default.html:3:1: YAML Exception reading front matter: '],
  },
  {
    name: 'front matter that is not a mapping',
    files: { 'bad.md': '---\n- a\n- b\n---\nbody\n' },
    code: 1,
    says: ['Error: bad.md:2: Invalid YAML front matter: it must be a mapping of keys to values.'],
  },
  {
    name: 'malformed YAML data file',
    files: { '_data/x.yml': 'a: 1\nb: [\n' },
    code: 1,
    says: ['Error: _data/x.yml:3:1: Invalid YAML in data file: '],
  },
  {
    name: 'malformed JSON data file',
    files: { '_data/x.json': '{"a": 1,,}' },
    code: 1,
    says: ['Error: _data/x.json:1:9: Invalid JSON in data file: '],
  },
  {
    name: 'malformed CSV data file',
    files: { '_data/x.csv': 'a,b\n1,"2\n' },
    code: 1,
    says: ['Error: _data/x.csv:2: Invalid CSV: Quote Not Closed'],
  },
  {
    name: 'invalid UTF-8',
    files: { 'bad.md': Buffer.concat([Buffer.from('---\n---\nok\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from(' here\n')]) },
    code: 1,
    says: ['Error: bad.md:4:5: Invalid UTF-8: the file is not valid UTF-8 text.'],
  },
  {
    name: 'a binary file starting with ---',
    files: { 'img.png': Buffer.concat([Buffer.from('---\n'), Buffer.from([0, 1, 2, 0xff, 0xd8, 0xff, 10])]) },
    code: 1,
    says: ['Error: img.png:2:4: Invalid UTF-8'],
  },
  {
    name: 'a missing layout (Jekyll: a warning)',
    files: { 'p.md': '---\nlayout: nope\n---\nx\n' },
    code: 0,
    says: ["p.md", "Layout 'nope' requested in p.md does not exist."],
  },
  {
    name: 'a missing layout with --strict',
    files: { 'p.md': '---\nlayout: nope\n---\nx\n' },
    args: ['--strict'],
    code: 1,
    says: ["Error: p.md: ", "Layout 'nope' requested in p.md does not exist.", '--strict: 1 warning(s)'],
  },
  {
    name: 'a missing include (an error)',
    files: { 'p.md': '---\n---\nline1\n{% include nope.html %}\n' },
    code: 1,
    says: ["Error: p.md:4:1: Could not locate the included file 'nope.html'", '> 4 | {% include nope.html %}'],
  },
  {
    name: 'a Liquid block never closed',
    files: { 'p.md': '---\n---\nline1\n{% if x %}\nno end\n' },
    code: 1,
    says: ["Error: p.md:4:1: 'if' tag was never closed", '> 4 | {% if x %}'],
  },
  {
    name: 'an unknown Liquid tag',
    files: { 'p.md': '---\n---\n{% frob %}\n' },
    code: 1,
    says: ["Error: p.md:3:1: Unknown tag 'frob'", '> 3 | {% frob %}'],
  },
  {
    name: 'a Liquid error in a layout',
    files: { '_layouts/broken.html': '<p>\n{% for %}\n</p>\n', 'p.md': '---\nlayout: broken\n---\nx\n' },
    code: 1,
    says: ['_layouts/broken.html:2'],
  },
  {
    name: 'include recursion',
    files: { '_includes/a.html': 'a{% include b.html %}', '_includes/b.html': 'b{% include a.html %}', 'p.md': '---\n---\n{% include a.html %}\n' },
    code: 1,
    says: ['Nesting too deep', 'is included more than 100 levels deep'],
  },
  {
    name: 'an invalid date in a post file name',
    files: { '_posts/2020-13-45-a.md': '---\n---\nx\n' },
    code: 1,
    says: ["Error: _posts/2020-13-45-a.md: Invalid date '2020-13-45': Document '_posts/2020-13-45-a.md' does not have a valid date in the filename."],
  },
  {
    name: 'two documents writing the same output path (Jekyll: a warning)',
    files: { 'a.md': '---\npermalink: /same.html\n---\na\n', 'b.md': '---\npermalink: /same.html\n---\nb\n' },
    code: 0,
    says: ['Conflict: The following destination is shared by multiple files.', 'same.html', '- a.md', '- b.md'],
  },
  {
    name: 'two documents writing the same output path with --strict',
    files: { 'a.md': '---\npermalink: /same.html\n---\na\n', 'b.md': '---\npermalink: /same.html\n---\nb\n' },
    args: ['--strict'],
    code: 1,
    says: ['Error: a.md: Conflict: The following destination is shared by multiple files.'],
  },
  {
    name: 'a config file that is not a mapping',
    files: { '_config.yml': '- a\n- b\n' },
    code: 1,
    says: ['_config.yml:1: Configuration file: (INVALID)', 'the top level must be a mapping.'],
  },
  {
    name: 'a config file that is not YAML',
    files: { '_config.yml': 'a: [\n' },
    code: 1,
    says: ['_config.yml:2:1: Invalid YAML in configuration: '],
  },
  { name: 'config: exclude not a list', files: { '_config.yml': 'exclude: foo\n' }, code: 1, says: [`'exclude' should be set as an array, but was: "foo".`] },
  { name: 'config: permalink not a string', files: { '_config.yml': 'permalink: [1]\n' }, code: 1, says: [`'permalink' should be set as a string, but was: [1].`] },
  { name: 'config: keep_files not a list', files: { '_config.yml': 'keep_files: .git\n' }, code: 1, says: [`'keep_files' should be set as an array, but was: ".git".`] },
  { name: 'config: limit_posts not a number', files: { '_config.yml': 'limit_posts: abc\n' }, code: 1, says: ['limit_posts must be a non-negative number, but was: "abc".'] },
  { name: 'config: collections not a mapping', files: { '_config.yml': 'collections: 5\n' }, code: 1, says: ['Your `collections` key must be a hash or an array.'] },
  { name: 'config: unknown timezone', files: { '_config.yml': 'timezone: Mars/Olympus\n' }, code: 1, says: ["Unknown timezone 'Mars/Olympus' in configuration."] },
  {
    name: 'a Sass syntax error',
    files: { 'css/a.scss': '---\n---\n.a {\n  color: red\n  b: c;\n}\n' },
    code: 1,
    says: ['Error: css/a.scss:', 'Sass error: '],
  },
  {
    name: 'layouts that use each other (no loop)',
    files: { '_layouts/a.html': '---\nlayout: b\n---\nA{{ content }}', '_layouts/b.html': '---\nlayout: a\n---\nB{{ content }}', 'p.md': '---\nlayout: a\n---\nx\n' },
    code: 0,
    says: [],
  },
];

describe('bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const site = tempDir('utterson-bad-');
    fs.cpSync(built, site, { recursive: true });
    writeFiles(site, c.files);
    const sources = snapshot(site);
    for (const k of Object.keys(sources)) if (k === '_site' || k.startsWith('_site/')) delete sources[k];
    const previous = snapshot(path.join(site, '_site'));
    expect(Object.keys(previous)).toContain('index.html');

    const r = await cli(['build', '-s', site, ...(c.args ?? [])]);
    expect(r.code, r.output).toBe(c.code);
    for (const s of c.says) expect(r.output).toContain(s);
    if (c.code === 1) {
      expect(r.output).toContain('Error: the build could not be completed; the destination was left as it was.');
      expect(snapshot(path.join(site, '_site'))).toEqual(previous);
    } else {
      expect(fs.existsSync(path.join(site, '_site/index.html'))).toBe(true);
    }
    // The build never writes into the source (the staging dir is gone too).
    const after = snapshot(site);
    for (const k of Object.keys(after)) if (k === '_site' || k.startsWith('_site/') || k.includes('.utterson-staging-')) delete after[k];
    expect(after).toEqual(sources);
  });
});
