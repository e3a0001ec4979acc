/** Builds a site into a temporary directory (one thread) and reads its output back. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';

export interface Built {
  result: BuildResult;
  read(file: string): string;
}

export async function buildSite(source: string, extra: Record<string, unknown> = {}): Promise<Built> {
  const dest = mkdtempSync(path.join(tmpdir(), 'utterson-i18n-'));
  const before = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const result = await build({ source, destination: dest, jobs: 1, ...extra });
    const outputs = new Map<string, string>();
    for (const f of result.written) outputs.set(f, readFileSync(path.join(dest, f), 'utf8'));
    return {
      result,
      read(file) {
        const text = outputs.get(file);
        if (text === undefined) throw new Error(`${file} was not written; written: ${[...outputs.keys()].sort().join(', ')}`);
        return text;
      },
    };
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
    rmSync(dest, { recursive: true, force: true });
  }
}

/** Writes `files` (path → text) into a new temporary source directory. */
export function writeSite(files: Record<string, string>): { source: string; cleanup(): void } {
  const source = mkdtempSync(path.join(tmpdir(), 'utterson-i18n-src-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(source, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return { source, cleanup: () => rmSync(source, { recursive: true, force: true }) };
}
