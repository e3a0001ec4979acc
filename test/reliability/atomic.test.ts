/**
 * Atomic output: a real build (the compiled binary) SIGKILLed while it writes its staging
 * directory leaves the previous _site byte for byte as it was, and the next build succeeds
 * and removes the killed build's leftovers.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanup, snapshot, tempDir, writeFiles } from './support.js';

afterAll(cleanup);

const env = { ...process.env, TZ: 'UTC', NO_COLOR: '1' };

function smallSite(dir: string, posts: number, marker: string): void {
  const files: Record<string, string> = {
    '_config.yml': 'title: Atomic\n',
    '_layouts/default.html': '<html><body>{{ content }}</body></html>\n',
    'index.html': '---\nlayout: default\n---\n{% for p in site.posts limit: 5 %}<a href="{{ p.url }}">{{ p.title }}</a>{% endfor %}\n',
  };
  for (let i = 0; i < posts; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    files[`_posts/2020-${month}-${day}-post-${i}.md`] = `---\ntitle: Post ${i}\nlayout: default\n---\n${marker} number *${i}*.\n`;
  }
  writeFiles(dir, files);
}

function stagingDirs(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.includes('.utterson-staging-'));
}

/** Starts a build and SIGKILLs it the moment its staging directory appears. */
function buildAndKillMidWrite(site: string): Promise<{ staging: string; stagingExisted: boolean; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', '-q'], { cwd: site, env, stdio: 'ignore' });
    const staging = path.join(site, `._site.utterson-staging-${child.pid}`);
    let stagingExisted = false;
    const check = (): void => {
      if (!stagingExisted && fs.existsSync(staging)) {
        stagingExisted = true;
        child.kill('SIGKILL');
      }
    };
    // inotify tells us within a millisecond; the poll is a fallback for file systems without it.
    const watcher = fs.watch(site, check);
    const timer = setInterval(check, 2);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      clearInterval(timer);
      resolve({ staging, stagingExisted, signal });
    });
  });
}

describe('a build killed mid-write', () => {
  it('leaves the previous _site unchanged, and the next build cleans up and succeeds', async () => {
    const site = tempDir('utterson-atomic-');
    smallSite(site, 1000, 'First');
    const first = spawnSync(process.execPath, [BIN, 'build', '-q'], { cwd: site, env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const before = snapshot(path.join(site, '_site'));
    expect(Object.keys(before).length).toBeGreaterThan(1000);
    const sourcesBefore = snapshot(site);

    // The next build would change every post; kill it while it writes.
    smallSite(site, 1000, 'Second');
    const sources = snapshot(site);
    const killed = await buildAndKillMidWrite(site);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stagingExisted).toBe(true);
    // Killed mid-write: its staging directory is still there, half written.
    expect(fs.existsSync(killed.staging)).toBe(true);
    expect(snapshot(path.join(site, '_site'))).toEqual(before);
    expect(sourcesBefore['_site']).toBe('dir');
    const afterKill = snapshot(site);
    for (const k of Object.keys(afterKill)) if (k.includes('.utterson-staging-')) delete afterKill[k];
    expect(afterKill).toEqual(sources);

    const next = spawnSync(process.execPath, [BIN, 'build', '-q'], { cwd: site, env, encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(fs.existsSync(killed.staging)).toBe(false);
    // Only the replaced tree's background removal may still be under way.
    expect(stagingDirs(site).filter((n) => !n.includes('-old-'))).toEqual([]);
    const html = fs.readFileSync(path.join(site, '_site/2020/01/01/post-0.html'), 'utf8');
    expect(html).toContain('Second number <em>0</em>.');
    expect(Object.keys(snapshot(path.join(site, '_site'))).sort()).toEqual(Object.keys(before).sort());
    // Let the background removal finish before the temp folder goes.
    for (let i = 0; i < 500 && stagingDirs(site).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  });
});
