// `utterson serve` end to end: flags, startup lines, a request, and a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_FLAGS, parseArgs, SERVE_FLAGS } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { LAYOUT, makeSite, request } from './helpers.js';

const runner = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

describe('serve flags', () => {
  it("parses Jekyll's serve flags", () => {
    const p = parseArgs(['s', '-H', '0.0.0.0', '-P', '4001', '-b', '/blog', '-o', '-l', '--livereload-port', '35729', '--skip-initial-build', '--no-watch', '-D', '--future', '--unpublished', '--config', 'a.yml,b.yml'], SERVE_FLAGS);
    expect(p.command).toBe('s');
    expect(p.options).toEqual({
      host: '0.0.0.0',
      port: 4001,
      baseurl: '/blog',
      open_url: true,
      livereload: true,
      livereload_port: 35729,
      skip_initial_build: true,
      no_watch: true,
      show_drafts: true,
      future: true,
      unpublished: true,
      config: ['a.yml', 'b.yml'],
    });
    expect(parseArgs(['serve', '-w'], SERVE_FLAGS).options).toEqual({ watch: true });
  });

  it('keeps serve-only flags away from build', async () => {
    expect(() => parseArgs(['build', '--livereload'], BUILD_FLAGS)).toThrow(/invalid option/);
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await main(['build', '--livereload'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
  });
});

describe('utterson serve', () => {
  it('builds, prints the address, serves, and stops on SIGTERM with status 0', async () => {
    const site = makeSite({ '_layouts/default.html': LAYOUT, 'index.md': '---\nlayout: default\n---\nServed by the CLI.\n' });
    roots.push(site);
    const child = spawn(process.execPath, ['--import', 'tsx', runner, 'serve', '-s', site, '-P', '0', '-b', '/sub', '--no-watch', '-o'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)), // where `tsx` resolves
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no server address within 20 s:\n${out}\n${err}`)), 20_000);
        const check = () => {
          const m = /Server address: (\S+)/.exec(out);
          if (m && out.includes('Server running...')) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        };
        child.stdout.on('data', check);
        child.on('exit', () => reject(new Error(`exited early:\n${out}\n${err}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sub\/$/);
      expect(out).toContain(`            Source: ${site}\n`);
      expect(out).toContain(' Auto-regeneration: disabled. Use --watch to enable.\n');
      expect(out).toMatch(/ {14}Open: http:\/\/127\.0\.0\.1:\d+\/sub\/ /);
      const r = await request(url, '/sub/');
      expect(r.status).toBe(200);
      expect(r.body).toContain('<p>Served by the CLI.</p>');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
