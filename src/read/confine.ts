/**
 * Confinement: whether a path, once every symlink on the way is resolved, stays inside one
 * of a few roots (the site source, the built-in theme). Utterson never reads a file that
 * leads outside them, with or without --safe (Jekyll without --safe follows such links).
 */
import fs from 'node:fs';
import path from 'node:path';

const realRoots = new Map<string, string>();

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = fs.realpathSync(root);
    } catch {
      real = path.resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

/** True when `absolute` exists and resolves inside one of `roots`; false otherwise. */
export function resolvesInside(absolute: string, roots: readonly string[]): boolean {
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return false;
  }
  return roots.some((root) => {
    const r = realRoot(root);
    return real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
  });
}
