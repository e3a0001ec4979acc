/** Where Utterson may write: never the source, a parent of it, the filesystem root or $HOME. */
import os from 'node:os';
import path from 'node:path';
import { BuildError } from '../diagnostics/diagnostic.js';

export function assertSafeDestination(source: string, dest: string): void {
  const s = path.resolve(source);
  const d = path.resolve(dest);
  if (d === path.parse(d).root) throw new BuildError({ message: `Refusing to use the filesystem root '${d}' as the destination.` });
  if (d === path.resolve(os.homedir())) throw new BuildError({ message: `Refusing to use the home directory '${d}' as the destination.` });
  if (s === d || s.startsWith(d + path.sep)) {
    throw new BuildError({ message: 'Destination directory cannot be or contain the Source directory.' });
  }
}

/** A path inside the destination, or an error if `relative` would escape it. */
export function insideDestination(dest: string, relative: string): string {
  const target = path.resolve(dest, relative);
  if (target !== dest && !target.startsWith(dest + path.sep)) {
    throw new BuildError({ message: `Refusing to write '${relative}' outside the destination.` });
  }
  return target;
}
