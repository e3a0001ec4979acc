// The Sass thread must give exactly what compiling on the calling thread gives: CSS, source
// map, warnings, and errors with file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildError } from '../../src/diagnostics/diagnostic.js';
import { compileSass, sassOptionsFromConfig } from '../../src/sass/compile.js';
import { SassThread } from '../../src/sass/offload.js';

let dir: string;
let thread: SassThread | undefined;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-sass-thread-'));
  fs.mkdirSync(path.join(dir, '_sass'));
  fs.writeFileSync(path.join(dir, '_sass', '_vars.scss'), '$accent: #0a7;\n@mixin box { padding: 1px; }\n');
  thread = SassThread.start();
});
afterAll(async () => {
  await thread?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const options = () => sassOptionsFromConfig({ source: dir }, [path.join(dir, '_sass')]);
const SCSS = '@import "vars";\n.a { color: $accent; @include box; .b { margin: 0 } }\n';

describe('SassThread', () => {
  it('starts (npm test compiles the worker first)', () => {
    expect(thread).toBeDefined();
  });

  it('compiles as the calling thread does, source map included', () => {
    const here = compileSass(SCSS, 'scss', 'assets/main.scss', options(), undefined, true);
    const there = thread!.compile(SCSS, 'scss', 'assets/main.scss', options(), undefined, true);
    expect(there).toEqual(here);
    expect(there.css).toContain('color: #0a7');
    expect(there.map).toBeDefined();
  });

  it('passes warnings on', () => {
    const warnings: string[] = [];
    thread!.compile('@warn "careful";\n.a { b: c }\n', 'scss', 'assets/w.scss', options(), (m) => warnings.push(m));
    expect(warnings).toEqual(['careful']);
  });

  it('reports errors with file, line and column, as the calling thread does', () => {
    const bad = '.a {\n  color: $missing;\n}\n';
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      throw new Error('expected an error');
    };
    const here = error(() => compileSass(bad, 'scss', 'assets/bad.scss', options()));
    const there = error(() => thread!.compile(bad, 'scss', 'assets/bad.scss', options()));
    expect(there).toBeInstanceOf(BuildError);
    expect((there as BuildError).diagnostic).toEqual((here as BuildError).diagnostic);
    expect((there as BuildError).diagnostic).toMatchObject({ file: 'assets/bad.scss', line: 2 });
    // and the thread goes on serving
    expect(thread!.compile('.ok { a: b }', 'scss', 'assets/ok.scss', options()).css).toContain('.ok');
  });

  it('hands a compile asked for ahead to the call with the same arguments, replies in any order', () => {
    const warnings: string[] = [];
    const ahead = '@warn "early";\n.ahead { x: y }\n';
    thread!.prefetch(ahead, 'scss', 'assets/ahead.scss', options(), false);
    thread!.prefetch(SCSS, 'scss', 'assets/main.scss', options(), true);
    // a request not asked for ahead is answered after those two, which wait meanwhile
    expect(thread!.compile('.now { a: b }', 'scss', 'assets/now.scss', options()).css).toContain('.now');
    expect(thread!.compile(SCSS, 'scss', 'assets/main.scss', options(), undefined, true)).toEqual(compileSass(SCSS, 'scss', 'assets/main.scss', options(), undefined, true));
    // warnings come with the call that takes the result, not with the request
    expect(warnings).toEqual([]);
    expect(thread!.compile(ahead, 'scss', 'assets/ahead.scss', options(), (m) => warnings.push(m)).css).toContain('.ahead');
    expect(warnings).toEqual(['early']);
    // different arguments (here the map) are a different compile
    thread!.prefetch(SCSS, 'scss', 'assets/main.scss', options(), false);
    expect(thread!.compile(SCSS, 'scss', 'assets/main.scss', options(), undefined, true).map).toBeDefined();
    expect(thread!.compile(SCSS, 'scss', 'assets/main.scss', options(), undefined, false).map).toBeUndefined();
  });

  it('compiles on the calling thread once the Sass thread is gone', async () => {
    const gone = SassThread.start()!;
    await gone.stop();
    expect(gone.compile(SCSS, 'scss', 'assets/main.scss', options()).css).toBe(compileSass(SCSS, 'scss', 'assets/main.scss', options()).css);
  });
});
