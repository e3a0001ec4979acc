/** Where Utterson may write: never the source, a parent of it, the filesystem root or $HOME. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildError } from '../diagnostics/diagnostic.js';

export function assertSafeDestination(source: string, dest: string): void {
  // Checked both as written and with symlinks resolved: a destination that is a link to the
  // source (or to a folder above it) is the source.
  for (const [s, d] of [
    [path.resolve(source), path.resolve(dest)],
    [realish(source), realish(dest)],
  ]) {
    if (d === path.parse(d).root) throw new BuildError({ message: `Refusing to use the filesystem root '${d}' as the destination.` });
    if (d === path.resolve(os.homedir()) || d === realish(os.homedir())) throw new BuildError({ message: `Refusing to use the home directory '${d}' as the destination.` });
    if (s === d || s.startsWith(d + path.sep)) {
      throw new BuildError({ message: 'Destination directory cannot be or contain the Source directory.' });
    }
  }
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

/**
 * A path inside the destination, as Jekyll.sanitized_path makes it: `..` cannot climb above
 * the destination's root (`../x.html` is `x.html`) and an absolute path is taken from there.
 */
export function insideDestination(dest: string, relative: string): string {
  const clean = path.posix.resolve('/', relative.split(path.sep).join('/')).replace(/^\/+/, '');
  const target = path.join(dest, clean);
  if (clean === '' || !target.startsWith(dest + path.sep)) {
    throw new BuildError({ message: `Refusing to write '${relative}': it is not a file inside the destination.` });
  }
  return target;
}
