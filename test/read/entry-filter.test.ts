// Which directory entries are content: Jekyll's EntryFilter (include, exclude, special names).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDES } from '../../src/config/defaults.js';
import { EntryFilter, fnmatchRegExp } from '../../src/read/entry-filter.js';

const source = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-entry-filter-'));
fs.mkdirSync(path.join(source, 'vendor/bundle'), { recursive: true });
afterAll(() => fs.rmSync(source, { recursive: true, force: true }));

/** EntryFilter#glob_include? as Jekyll writes it: each pattern on its own. */
function globInclude(patterns: string[], entryWithSource: string): boolean {
  return patterns.some((p) => {
    const withSource = path.posix.join(source, p);
    if (fnmatchRegExp(withSource).test(entryWithSource) || entryWithSource.startsWith(withSource)) return true;
    return p.endsWith('/') && entryWithSource === withSource.replace(/\/$/, '') && fs.statSync(entryWithSource, { throwIfNoEntry: false })?.isDirectory() === true;
  });
}

describe('EntryFilter', () => {
  it('keeps what Jekyll keeps with the default excludes', () => {
    const filter = new EntryFilter(source, ['.htaccess'], DEFAULT_EXCLUDES);
    const entries = ['index.md', 'node_modules', 'node_modules/x.js', 'Gemfile', 'Gemfile.lock', 'Gemfile.bak', 'vendor/bundle', 'vendor/bundle/x', 'vendor/other', '.htaccess', '.hidden', '_drafts', '#x', 'x~', 'a.', 'gemfiles/a'];
    expect(filter.filter(entries, '')).toEqual(['index.md', 'vendor/other', '.htaccess']);
  });

  it('matches a list of patterns as Jekyll matches each (fnmatch or prefix, a folder for `dir/`)', () => {
    const char = fc.constantFrom('a', 'b', '.', '/', '*', '?', '[', ']', '!', '-', '\\', '(', '|', '$', '^', '+');
    const compiles = (p: string) => {
      try {
        return fnmatchRegExp(p) instanceof RegExp;
      } catch {
        return false; // (a class range out of order, `[b-a]`: an error either way)
      }
    };
    const text = (min: number) => fc.array(char, { minLength: min, maxLength: 8 }).map((cs) => cs.join('')).filter(compiles);
    const plain = fc.array(fc.constantFrom('a', 'b', '.', '-', '/', '(', '|', '$', '+'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')).filter((e) => !/^[._#~/]|[~./]$|\/[._#~/]|\.\./.test(e));
    fc.assert(
      fc.property(fc.array(text(1), { maxLength: 4 }), plain, (patterns, entry) => {
        const included = new EntryFilter(source, patterns, []).isIncluded(entry);
        const base = entry.slice(entry.lastIndexOf('/') + 1);
        expect(included).toBe(globInclude(patterns, `${source}/${entry}`) || globInclude(patterns, `${source}/${base}`));
        const filter = new EntryFilter(source, [], patterns);
        expect(filter.keep(entry, '')).toBe(!globInclude(patterns, `${source}/${entry}`));
        // (the reader's posts folders come as `/_posts`, `/ko/_posts`)
        expect(filter.keep(entry, '/ko/_posts')).toBe(!globInclude(patterns, `${source}/ko/_posts/${entry}`));
      }),
      { numRuns: 2000 },
    );
  });
});
