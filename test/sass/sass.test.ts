// Sass as Jekyll compiles it: @import chains from _sass, variables, mixins, functions,
// @extend, Liquid inside SCSS. Expected CSS is real Jekyll's (scripts/update-sass-goldens.sh),
// compared rule by rule because Jekyll's libsass and Dart Sass format differently.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BuildError } from '../../src/diagnostics/diagnostic.js';
import { cssRules } from './css-normalize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.join(here, 'site');
const roots: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-sass-'));
  roots.push(d);
  return d;
};
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

describe('Sass', () => {
  it('compiles the fixture to the same rules as Jekyll', async () => {
    const out = tmp();
    await build({ source: path.join(site, 'src'), destination: out, jobs: 1 });
    const expected = fs.readFileSync(path.join(site, 'expected/assets/css/main.css'), 'utf8');
    const actual = fs.readFileSync(path.join(out, 'assets/css/main.css'), 'utf8');
    expect(cssRules(actual)).toEqual(cssRules(expected));
    expect(cssRules(actual).length).toBeGreaterThan(15);
    // Partials are not output; sourcemap: never writes no map.
    expect(fs.existsSync(path.join(out, '_sass'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'assets/css/main.css.map'))).toBe(false);
  });

  it('compiles modern CSS functions that libsass rejects, and honours style: compressed', async () => {
    const src = tmp();
    fs.mkdirSync(path.join(src, 'css'));
    fs.writeFileSync(path.join(src, '_config.yml'), 'sass:\n  style: compressed\n  sourcemap: never\n');
    fs.writeFileSync(path.join(src, 'css/site.scss'), '---\n---\n.box { width: min(calc(100% - 2rem), 60ch); padding: clamp(1rem, 2vw, 2rem); }\n');
    const out = tmp();
    await build({ source: src, destination: path.join(out, '_site'), jobs: 1 });
    expect(fs.readFileSync(path.join(out, '_site/css/site.css'), 'utf8')).toBe('.box{width:min(100% - 2rem,60ch);padding:clamp(1rem,2vw,2rem)}\n');
  });

  it('writes a source map by default, as jekyll-sass-converter does', async () => {
    const src = tmp();
    fs.mkdirSync(path.join(src, '_sass'));
    fs.writeFileSync(path.join(src, '_sass/_a.scss'), '$c: red;\n');
    fs.writeFileSync(path.join(src, 'style.scss'), '---\n---\n@import "a";\np { color: $c; }\n');
    const out = path.join(tmp(), '_site');
    await build({ source: src, destination: out, jobs: 1 });
    expect(fs.readFileSync(path.join(out, 'style.css'), 'utf8')).toBe('p {\n  color: red;\n}\n\n/*# sourceMappingURL=style.css.map */');
    const map = JSON.parse(fs.readFileSync(path.join(out, 'style.css.map'), 'utf8'));
    expect(map).toMatchObject({ version: 3, file: 'style.css' });
    expect(map.sources).toContain('_sass/_a.scss');
  });

  it('compiles stylesheets with Liquid ahead of time only when the text comes out the same after the documents', async () => {
    // A stylesheet reading a post's converted content sees it only after the documents render:
    // the early rehearsal (raw Markdown) gives another text, so the compile is done again.
    const src = tmp();
    fs.mkdirSync(path.join(src, '_posts'));
    fs.mkdirSync(path.join(src, '_data'));
    fs.writeFileSync(path.join(src, '_config.yml'), 'sass:\n  sourcemap: never\n');
    fs.writeFileSync(path.join(src, '_data/theme.yml'), 'accent: "#0a7"\n');
    fs.writeFileSync(path.join(src, '_posts/2020-01-01-a.md'), '---\n---\n# Hello *there*\n');
    fs.writeFileSync(path.join(src, 'a.scss'), '---\n---\n@warn "once";\n.a { color: {{ site.data.theme.accent }}; }\n');
    fs.writeFileSync(path.join(src, 'b.scss'), '---\n---\n.b { content: "{{ site.posts.first.content | strip_newlines | replace: \'"\', \'\' }}"; }\n');
    const ahead = await build({ source: src, destination: path.join(tmp(), '_site'), jobs: 1 });
    // a profiled build has no Sass thread: everything compiles in page order, as Jekyll does
    const inOrder = await build({ source: src, destination: path.join(tmp(), '_site'), jobs: 1, profile: true });
    for (const file of ['a.css', 'b.css']) {
      expect(fs.readFileSync(path.join(String(ahead.config.destination), file), 'utf8')).toBe(fs.readFileSync(path.join(String(inOrder.config.destination), file), 'utf8'));
    }
    expect(fs.readFileSync(path.join(String(ahead.config.destination), 'b.css'), 'utf8')).toContain('<h1 id=hello-there>Hello <em>there</em></h1>');
    expect(fs.readFileSync(path.join(String(ahead.config.destination), 'a.css'), 'utf8')).toContain('color: #0a7');
    // the rehearsal's messages are not given twice
    expect(ahead.diagnostics.filter((d) => d.message.includes('once'))).toHaveLength(1);
    expect(ahead.diagnostics.map((d) => d.message)).toEqual(inOrder.diagnostics.map((d) => d.message));
  });

  it('names the partial, line and column of a Sass error and keeps the previous output', async () => {
    const src = tmp();
    fs.mkdirSync(path.join(src, '_sass'));
    fs.writeFileSync(path.join(src, '_sass/_broken.scss'), '$ok: 1px;\n.a { width: $missing; }\n');
    fs.writeFileSync(path.join(src, 'style.scss'), '---\n---\n@import "broken";\n');
    const out = path.join(tmp(), '_site');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'style.css'), 'previous');
    const err = await build({ source: src, destination: out, jobs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    const d = (err as BuildError).diagnostic;
    expect(d.file).toBe('_sass/_broken.scss');
    expect(d.line).toBe(2);
    expect(d.column).toBe(13);
    expect(d.message).toMatch(/Undefined variable/);
    expect(fs.readFileSync(path.join(out, 'style.css'), 'utf8')).toBe('previous');
  });
});
