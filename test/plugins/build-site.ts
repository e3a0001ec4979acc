/** Builds a throw-away site (files given inline) and reads its output back. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';

export interface Built {
  result: BuildResult;
  files: string[];
  read(file: string): string;
}

/** `mtimes` pins static files' modification times (seconds since the epoch). */
export async function buildFiles(files: Record<string, string>, mtimes: Record<string, number> = {}, env: Record<string, string> = {}): Promise<Built> {
  const source = mkdtempSync(path.join(tmpdir(), 'utterson-plugins-src-'));
  const dest = mkdtempSync(path.join(tmpdir(), 'utterson-plugins-out-'));
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries({ TZ: 'UTC', ...env })) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  try {
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(source, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    for (const [rel, t] of Object.entries(mtimes)) utimesSync(path.join(source, rel), t, t);
    const result = await build({ source, destination: dest, jobs: 1 } as never);
    const outputs = new Map<string, string>();
    for (const f of result.written) outputs.set(f, readFileSync(path.join(dest, f), 'utf8'));
    return {
      result,
      files: [...outputs.keys()].sort(),
      read(file) {
        const text = outputs.get(file);
        if (text === undefined) throw new Error(`${file} was not written; written: ${[...outputs.keys()].sort().join(', ')}`);
        return text;
      },
    };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(source, { recursive: true, force: true });
    rmSync(dest, { recursive: true, force: true });
  }
}

export const TIME = 'time: "2025-01-01 00:00:00 +0000"\n';
