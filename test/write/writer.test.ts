import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertSafeDestination } from '../../src/write/guards.js';
import { findConflicts, OutputWriter, writeSite, type OutputItem } from '../../src/write/writer.js';

const roots: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-write-'));
  roots.push(d);
  return d;
}
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

const page = (destinationPath: string, content: string): OutputItem => ({ kind: 'content', destinationPath, source: `${destinationPath}.md`, content });

describe('writeSite', () => {
  it('replaces the destination and removes obsolete files, keeping keep_files', () => {
    const root = tmp();
    const dest = path.join(root, '_site');
    fs.mkdirSync(path.join(dest, '.git'), { recursive: true });
    fs.writeFileSync(path.join(dest, '.git', 'HEAD'), 'ref');
    fs.writeFileSync(path.join(dest, 'old.html'), 'old');
    fs.writeFileSync(path.join(dest, 'CNAME'), 'example.com');
    writeSite([page('index.html', 'new'), page('a/b/c.html', 'deep')], { dest, keepFiles: ['.git', 'CNAME'] });
    expect(fs.readFileSync(path.join(dest, 'index.html'), 'utf8')).toBe('new');
    expect(fs.readFileSync(path.join(dest, 'a/b/c.html'), 'utf8')).toBe('deep');
    expect(fs.existsSync(path.join(dest, 'old.html'))).toBe(false);
    expect(fs.readFileSync(path.join(dest, '.git', 'HEAD'), 'utf8')).toBe('ref');
    expect(fs.readFileSync(path.join(dest, 'CNAME'), 'utf8')).toBe('example.com');
    expect(fs.readdirSync(root)).toEqual(['_site']);
  });

  it('leaves the previous destination intact when writing fails', () => {
    const root = tmp();
    const dest = path.join(root, '_site');
    fs.mkdirSync(dest);
    fs.writeFileSync(path.join(dest, 'index.html'), 'previous');
    const bad: OutputItem = { kind: 'copy', destinationPath: 'x.png', source: 'x.png', from: path.join(root, 'missing.png') };
    expect(() => writeSite([page('index.html', 'new'), bad], { dest, keepFiles: [] })).toThrow();
    expect(fs.readFileSync(path.join(dest, 'index.html'), 'utf8')).toBe('previous');
    expect(fs.readdirSync(root)).toEqual(['_site']);
  });

  it('puts back kept files that a killed build had moved aside, and removes its leftovers', () => {
    const root = tmp();
    const dest = path.join(root, '_site');
    fs.mkdirSync(dest);
    const stale = path.join(root, '._site.utterson-staging-999999999');
    fs.mkdirSync(path.join(`${stale}-keep`, '.git'), { recursive: true });
    fs.writeFileSync(path.join(`${stale}-keep`, '.git', 'HEAD'), 'ref');
    fs.mkdirSync(stale);
    writeSite([page('index.html', 'new')], { dest, keepFiles: ['.git'] });
    expect(fs.readFileSync(path.join(dest, '.git', 'HEAD'), 'utf8')).toBe('ref');
    expect(fs.readdirSync(root).sort()).toEqual(['_site']);
  });

  it('never writes outside the destination: `..` stops at its root, as Jekyll.sanitized_path', () => {
    const root = tmp();
    const dest = path.join(root, '_site');
    writeSite([page('../escaped.html', 'x'), page('a/../../../b/c.html', 'y'), page('/abs.html', 'z')], { dest, keepFiles: [] });
    expect(fs.existsSync(path.join(root, 'escaped.html'))).toBe(false);
    expect(fs.readFileSync(path.join(dest, 'escaped.html'), 'utf8')).toBe('x');
    expect(fs.readFileSync(path.join(dest, 'b/c.html'), 'utf8')).toBe('y');
    expect(fs.readFileSync(path.join(dest, 'abs.html'), 'utf8')).toBe('z');
    expect(fs.readdirSync(root)).toEqual(['_site']);
    expect(() => writeSite([page('..', 'x')], { dest, keepFiles: [] })).toThrow(/not a file inside the destination/);
  });

  it('reports a file that another output needs as a folder as a build error naming both', () => {
    const root = tmp();
    const dest = path.join(root, '_site');
    expect(() => writeSite([page('a', '1'), page('a/b.html', '2')], { dest, keepFiles: [] })).toThrow(/a\/b\.html\.md: Could not write 'a\/b\.html'/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('reports two sources writing one destination', () => {
    const diags = findConflicts([page('a.html', '1'), { ...page('a.html', '2'), source: 'other.md' }]);
    expect(diags).toHaveLength(1);
    expect(diags[0].message).toMatch(/Conflict: The following destination is shared by multiple files/);
    expect(diags[0].message).toContain('other.md');
  });
});

describe('OutputWriter', () => {
  it('creates the folders an output needs, also when another writer (a render worker) made some of them', () => {
    const dir = tmp();
    const main = new OutputWriter(dir);
    const worker = new OutputWriter(dir);
    main.write(page('web/2015/01/01/post-0/index.html', 'a'));
    worker.write(page('web/2015/01/02/post-1/index.html', 'b'));
    worker.write(page('web/2015/01/01/post-2/index.html', 'c'));
    main.write(page('index.html', 'd'));
    expect(fs.readFileSync(path.join(dir, 'web/2015/01/02/post-1/index.html'), 'utf8')).toBe('b');
    expect(fs.readdirSync(path.join(dir, 'web/2015/01/01')).sort()).toEqual(['post-0', 'post-2']);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('d');
  });
});

describe('destination guards', () => {
  it('refuses the source itself, a parent of it, the root and the home directory', () => {
    expect(() => assertSafeDestination('/srv/site', '/srv/site')).toThrow(/cannot be or contain the Source/);
    expect(() => assertSafeDestination('/srv/site', '/srv')).toThrow(/cannot be or contain the Source/);
    expect(() => assertSafeDestination('/srv/site', '/')).toThrow(/filesystem root/);
    expect(() => assertSafeDestination('/srv/site', os.homedir())).toThrow(/home directory/);
    expect(() => assertSafeDestination('/srv/site', '/srv/site/_site')).not.toThrow();
  });
});
