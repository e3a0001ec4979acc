/**
 * Path-escape matrix: every way a site can name a file (include, include_relative, link,
 * post_url, data, layouts, Sass imports, permalinks, static files, config dirs) × `..`,
 * absolute paths, symlinks pointing outside and encoded forms, with and without --safe.
 * A sentinel outside the site must never reach the output or an error message, and nothing
 * may be written outside the destination. Utterson is stricter than Jekyll without --safe:
 * symlinks that lead outside the source are never followed (ones inside it are).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BuildError } from '../../src/diagnostics/diagnostic.js';
import { cleanup, filesContaining, snapshot, tempDir, writeFiles } from './support.js';

afterAll(cleanup);

const SECRET = 'SENTINEL-d41d8cd98f00b204';

interface Vector {
  name: string;
  /** Site files; `@OUT@` is replaced by the absolute outside folder. */
  files?: Record<string, string>;
  /** Symlinks: path in site → target (`@OUT@` replaced). */
  links?: Record<string, string>;
  config?: string;
}

const V: Vector[] = [
  { name: 'include ..', files: { 'p.html': '---\n---\n{% include ../../outside/secret.html %}' } },
  { name: 'include absolute', files: { 'p.html': '---\n---\n{% include @OUT@/secret.html %}' } },
  { name: 'include variable ..', files: { 'p.html': '---\nf: ../../outside/secret.html\n---\n{% include {{ page.f }} %}' } },
  { name: 'include variable absolute', files: { 'p.html': '---\nf: "@OUT@/secret.html"\n---\n{% include {{ page.f }} %}' } },
  { name: 'include encoded', files: { 'p.html': '---\n---\n{% include %2e%2e/%2e%2e/outside/secret.html %}' } },
  { name: 'include symlinked file', files: { 'p.html': '---\n---\n{% include ln.html %}' }, links: { '_includes/ln.html': '@OUT@/secret.html' } },
  { name: 'include symlinked folder', files: { 'p.html': '---\n---\n{% include secret.html %}' }, links: { _includes: '@OUT@' } },
  { name: 'include in symlinked subfolder', files: { 'p.html': '---\n---\n{% include d/secret.html %}' }, links: { '_includes/d': '@OUT@' } },
  { name: 'includes_dir ..', files: { 'p.html': '---\n---\n{% include secret.html %}' }, config: 'includes_dir: ../outside\n' },
  { name: 'includes_dir absolute', files: { 'p.html': '---\n---\n{% include secret.html %}' }, config: 'includes_dir: @OUT@\n' },
  { name: 'include_relative ..', files: { 'p.html': '---\n---\n{% include_relative ../outside/secret.html %}' } },
  { name: 'include_relative absolute', files: { 'p.html': '---\n---\n{% include_relative @OUT@/secret.html %}' } },
  { name: 'include_relative symlinked file', files: { 'p.html': '---\n---\n{% include_relative ln.html %}' }, links: { 'ln.html': '@OUT@/secret.html' } },
  { name: 'include_relative from symlinked folder', files: { 'p.html': '---\n---\n{% include_relative d/secret.html %}' }, links: { d: '@OUT@' } },
  { name: 'link ..', files: { 'p.html': '---\n---\n{% link ../outside/secret.html %}' } },
  { name: 'link absolute', files: { 'p.html': '---\n---\n{% link @OUT@/secret.html %}' } },
  { name: 'post_url ..', files: { 'p.html': '---\n---\n{% post_url ../../outside/posts/2020-01-01-secret %}' } },
  { name: 'data symlinked file', files: { 'p.html': '---\n---\n{{ site.data.ln | jsonify }}' }, links: { '_data/ln.yml': '@OUT@/secret.yml' } },
  { name: 'data symlinked folder', files: { 'p.html': '---\n---\n{{ site.data | jsonify }}' }, links: { '_data/d': '@OUT@' } },
  { name: 'data_dir ..', files: { 'p.html': '---\n---\n{{ site.data | jsonify }}' }, config: 'data_dir: ../outside\n' },
  { name: 'data_dir absolute', files: { 'p.html': '---\n---\n{{ site.data | jsonify }}' }, config: 'data_dir: @OUT@\n' },
  { name: 'layout symlinked file', files: { 'p.html': '---\nlayout: ln\n---\nx' }, links: { '_layouts/ln.html': '@OUT@/secret.html' } },
  { name: 'layouts symlinked folder', files: { 'p.html': '---\nlayout: secret\n---\nx' }, links: { _layouts: '@OUT@' } },
  { name: 'layout name ..', files: { 'p.html': '---\nlayout: ../../outside/secret\n---\nx' } },
  { name: 'layouts_dir ..', files: { 'p.html': '---\nlayout: secret\n---\nx' }, config: 'layouts_dir: ../outside\n' },
  { name: 'sass @import ..', files: { 'css/a.scss': '---\n---\n@import "../../outside/secret";' } },
  { name: 'sass @import ../../etc/passwd-style', files: { 'css/a.scss': '---\n---\n@import "../../../../../../../../../../@OUT@/secret";' } },
  { name: 'sass @import absolute', files: { 'css/a.scss': '---\n---\n@import "@OUT@/secret";' } },
  { name: 'sass @import file: URL', files: { 'css/a.scss': '---\n---\n@import "file://@OUT@/secret";' } },
  { name: 'sass @use ..', files: { 'css/a.scss': '---\n---\n@use "../../outside/secret";' } },
  { name: 'sass partial importing ..', files: { 'css/a.scss': '---\n---\n@import "hop";', '_sass/_hop.scss': '@import "../../outside/secret";' } },
  { name: 'sass symlinked partial', files: { 'css/a.scss': '---\n---\n@import "ln";' }, links: { '_sass/_ln.scss': '@OUT@/secret.scss' } },
  { name: 'sass symlinked folder', files: { 'css/a.scss': '---\n---\n@import "secret";' }, links: { _sass: '@OUT@' } },
  { name: 'sass_dir ..', files: { 'css/a.scss': '---\n---\n@import "secret";' }, config: 'sass:\n  sass_dir: ../outside\n' },
  { name: 'sass load_paths absolute', files: { 'css/a.scss': '---\n---\n@import "secret";' }, config: 'sass:\n  load_paths: ["@OUT@"]\n' },
  { name: 'permalink ..', files: { 'p.html': '---\npermalink: /../../escaped-a.html\n---\nx' } },
  { name: 'permalink encoded', files: { 'p.html': '---\npermalink: /%2e%2e/%2e%2e/escaped-b.html\n---\nx' } },
  { name: 'permalink encoded slash', files: { 'p.html': '---\npermalink: /..%2f..%2fescaped-c.html\n---\nx' } },
  { name: 'permalink backslash', files: { 'p.html': '---\npermalink: /..\\..\\escaped-d.html\n---\nx' } },
  { name: 'post permalink ..', files: { '_posts/2020-01-01-a.md': '---\npermalink: /../../../escaped-e.html\n---\nx' } },
  { name: 'post title ..', files: { '_posts/2020-01-01-a.md': '---\ntitle: x\nslug: ../../../escaped-f\npermalink: /:slug.html\n---\nx' } },
  { name: 'static file name with encoded ../', files: { 'a/%2e%2e%2f%2e%2e%2f%2e%2e%2fescaped-g.txt': 'g' } },
  { name: 'page name with encoded ../', files: { '%2e%2e%2f%2e%2e%2fescaped-h.md': '---\n---\nh' } },
  { name: 'post slug with encoded ../', files: { '_posts/2020-01-01-%2e%2e%2f%2e%2e%2fescaped-i.md': '---\n---\ni' } },
  { name: 'static symlinked file', links: { 'ln.txt': '@OUT@/secret.txt' } },
  { name: 'static symlinked folder', links: { d: '@OUT@' } },
  { name: 'page symlinked file', links: { 'page.md': '@OUT@/page.md' } },
  { name: 'posts symlinked folder', links: { '_posts/ln': '@OUT@/posts' } },
  { name: 'posts folder symlinked', links: { _posts: '@OUT@/posts' } },
  // beside a plain post, in a folder the reader lists once instead of lstat-ing every file
  { name: 'posts symlinked file', files: { '_posts/2020-01-01-plain.md': '---\n---\nplain' }, links: { '_posts/2020-01-02-ln.md': '@OUT@/posts/2020-01-01-secret.md' } },
  { name: 'collection symlinked folder', config: 'collections:\n  things:\n    output: true\n', links: { _things: '@OUT@/posts' } },
  { name: 'collection symlinked file', config: 'collections:\n  things:\n    output: true\n', links: { '_things/ln.md': '@OUT@/page.md' } },
  { name: 'config include ..', config: 'include: ["../outside/secret.txt", "@OUT@/secret.txt"]\n' },
  { name: 'config include symlink', config: 'include: [".ln"]\n', links: { '.ln': '@OUT@/secret.txt' } },
];

function outsideFiles(out: string): Record<string, string> {
  return {
    'secret.html': SECRET,
    'secret.txt': SECRET,
    'secret.yml': `k: ${SECRET}\n`,
    'secret.scss': `.s { content: "${SECRET}"; }\n`,
    '_secret.scss': `.s { content: "${SECRET}"; }\n`,
    'page.md': `---\n---\n${SECRET}\n`,
    'posts/2020-01-01-secret.md': `---\n---\n${SECRET}\n`,
    [`${path.basename(out)}.keep`]: 'outside',
  };
}

async function attempt(v: Vector, safe: boolean): Promise<void> {
  const root = tempDir('utterson-escape-');
  const out = path.join(root, 'outside');
  const site = path.join(root, 'site');
  const sub = (s: string) => s.split('@OUT@').join(out);
  writeFiles(out, outsideFiles(out));
  writeFiles(site, { '_config.yml': sub(v.config ?? 'title: t\n'), 'index.html': '---\n---\nhome' });
  writeFiles(site, Object.fromEntries(Object.entries(v.files ?? {}).map(([k, t]) => [k, sub(t)])));
  for (const [link, target] of Object.entries(v.links ?? {})) {
    fs.mkdirSync(path.dirname(path.join(site, link)), { recursive: true });
    fs.symlinkSync(sub(target), path.join(site, link));
  }
  const dest = path.join(site, '_site');
  const before = snapshot(root);
  let error: unknown;
  try {
    await build({ source: site, destination: dest, safe, jobs: 1 });
  } catch (err) {
    error = err;
  }
  // Refusing is fine, but only as a BuildError whose message does not quote the secret.
  if (error !== undefined) {
    expect(error, String((error as Error).stack)).toBeInstanceOf(BuildError);
    expect((error as Error).message).not.toContain(SECRET);
  }
  expect(filesContaining(dest, SECRET)).toEqual([]);
  const after = snapshot(root);
  for (const key of Object.keys(after)) if (key === 'site/_site' || key.startsWith('site/_site/')) delete after[key];
  expect(after).toEqual(before);
}

describe.each([false, true])('path escapes (safe: %s)', (safe) => {
  it.each(V.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    await attempt(v, safe);
  });
});
