/** Utterson's version, from its package.json (two levels above src/ and dist/ files). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;
export function uttersonVersion(): string {
  cached ??= String(JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')).version);
  return cached;
}
