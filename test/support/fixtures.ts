// Reads the fixture sites under test/fixtures/<name>/{src,expected,fixture.json}.
// fixture.json is shared with scripts/update-goldens.sh, so Jekyll and Utterson
// build each site with the same flags and environment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fixture {
  name: string;
  dir: string;
  src: string;
  expected: string;
  /** CLI flags, with "{src}" already replaced by the absolute src path. */
  flags: string[];
  env: Record<string, string>;
}

export interface FixtureOptions {
  flags?: string[];
  env?: Record<string, string>;
}

export function loadFixtures(root: string): Fixture[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'src')))
    .map((e) => e.name)
    .sort()
    .map((name) => loadFixture(root, name));
}

export function loadFixture(root: string, name: string): Fixture {
  const dir = join(root, name);
  const src = join(dir, 'src');
  const optionsPath = join(dir, 'fixture.json');
  const options: FixtureOptions = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
  const flags = (options.flags ?? []).map((f) => String(f).split('{src}').join(src));
  const env = Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, String(v)]));
  return { name, dir, src, expected: join(dir, 'expected'), flags, env };
}

/** Runs fn with the given environment variables set, restoring the previous values after. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(vars)) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
