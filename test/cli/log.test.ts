import { describe, expect, it } from 'vitest';
import { createLogger, useColor } from '../../src/cli/log.js';

function capture(opts: { tty: boolean; env: NodeJS.ProcessEnv; quiet?: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const log = createLogger({ ...opts, out: (s) => out.push(s), err: (s) => err.push(s) });
  return { log, out, err };
}

describe('CLI output', () => {
  it("aligns topics in Jekyll's 20 columns", () => {
    const { log, out } = capture({ tty: false, env: {} });
    log.info('Source:', '/site');
    expect(out).toEqual(['            Source: /site\n']);
  });

  it('colors warnings and errors on a terminal unless NO_COLOR or CI', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { CI: 'true' })).toBe(false);
    expect(useColor(false, {})).toBe(false);
    const tty = capture({ tty: true, env: {} });
    tty.log.diagnostic({ severity: 'warning', message: 'careful', file: 'a.md' });
    expect(tty.err[0]).toBe('\x1b[33mWarning: a.md: careful\x1b[0m\n');
    const plain = capture({ tty: true, env: { NO_COLOR: '1' } });
    plain.log.diagnostic({ severity: 'error', message: 'broken', file: 'b.md', line: 3 });
    expect(plain.err[0]).toBe('Error: b.md:3: broken\n');
  });

  it('shows progress only on a terminal, outside CI and without --quiet', () => {
    const tty = capture({ tty: true, env: {} });
    tty.log.progress(5, 10, 'Rendering');
    expect(tty.out.join('')).toContain('Rendering 5/10');
    tty.log.info('', 'done');
    expect(tty.out.join('')).toMatch(/\r\x1b\[2K {20}done\n$/);
    for (const quiet of [capture({ tty: false, env: {} }), capture({ tty: true, env: { CI: '1' } }), capture({ tty: true, env: {}, quiet: true })]) {
      quiet.log.progress(5, 10, 'Rendering');
      expect(quiet.out).toEqual([]);
    }
  });
});
