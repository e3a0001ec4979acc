// The built `utterson` binary run as a user would (npm test compiles it first: pretest).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/utterson.js', import.meta.url));
const roots: string[] = [];
function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-cli-'));
  roots.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('utterson binary', () => {
  it('prints help and version', () => {
    const help = run(['--help'], os.tmpdir());
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage:\s+utterson <command>/);
    expect(help.out).toMatch(/build, b\s+Build your site/);
    const buildHelp = run(['help', 'build'], os.tmpdir());
    expect(buildHelp.code).toBe(0);
    expect(buildHelp.out).toContain('--limit_posts');
    expect(run(['build', '--help'], os.tmpdir()).out).toContain('--destination');
    const version = run(['--version'], os.tmpdir());
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^utterson \d+\.\d+\.\d+/);
  });

  it('rejects unknown flags and commands with status 2', () => {
    expect(run(['build', '--frobnicate'], os.tmpdir())).toMatchObject({ code: 2, err: expect.stringContaining('invalid option: --frobnicate') });
    expect(run(['frobnicate'], os.tmpdir())).toMatchObject({ code: 2, err: expect.stringContaining("unknown command 'frobnicate'") });
  });

  it('builds a site and reports source, destination and timing like Jekyll', () => {
    const dir = site({ '_config.yml': 'title: T\n', 'index.md': '---\n---\n# Hi\n', '_posts/2024-01-02-a.md': '---\ntitle: A\n---\nText\n' });
    const r = run(['build'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Configuration file: .*_config\.yml/);
    expect(r.out).toMatch(/\s+Source: /);
    expect(r.out).toMatch(/\s+Destination: .*_site/);
    expect(r.out).toMatch(/done in \d+\.\d+ seconds\./);
    expect(fs.existsSync(path.join(dir, '_site/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, '_site/2024/01/02/a.html'))).toBe(true);
    expect(run(['build', '-q'], dir).out).toBe('');
  });

  it('fails with status 1, names the file and line, and keeps the previous _site', () => {
    const dir = site({ 'index.md': '---\ntitle: ok\n---\nfine\n' });
    expect(run(['build'], dir).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, '_site/index.html'), 'utf8');
    fs.writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\ntext\n');
    // Bad front matter is a warning in Jekyll unless strict_front_matter is set.
    const r = run(['build', '--strict_front_matter'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.md:\d+/);
    expect(fs.readFileSync(path.join(dir, '_site/index.html'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, '_site/broken.html'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'broken.md'), 'utf8')).toBe('---\ntitle: [unclosed\n---\ntext\n');
  });

  it('clean removes only the destination', () => {
    const dir = site({ 'index.md': '---\n---\nx\n', 'keep.txt': 'mine' });
    expect(run(['build'], dir).code).toBe(0);
    expect(run(['clean'], dir).code).toBe(0);
    expect(fs.existsSync(path.join(dir, '_site'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(dir, 'index.md'))).toBe(true);
  });
});
