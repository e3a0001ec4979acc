/**
 * What a site path names in the destination, as Jekyll's WEBrick servlet finds it:
 * the file itself, a directory (redirected to its slash form, then its index file), or
 * `name.html` / `name.xhtml` for an extensionless path. Never a directory listing, never
 * a file whose real path (after symlinks) lies outside the destination.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Jekyll's servlet DirectoryIndex, minus the CGI and eRuby entries. */
export const DIRECTORY_INDEX = ['index.htm', 'index.html', 'index.xht', 'index.xhtml', 'index.xml', 'index.json'];

/** Extensions tried for an extensionless path (Servlet#search_file). */
const IMPLIED_EXTENSIONS = ['.html', '.xhtml'];

export type Resolution =
  | { kind: 'file'; file: string; stat: fs.Stats }
  | { kind: 'redirect' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

/** WEBrick's nondisclosure names: `.ht*` and backups `*~` are never served. */
function undisclosed(segment: string): boolean {
  return segment.startsWith('.ht') || segment.endsWith('~');
}

/**
 * `root` must be the real path of the destination; `sitePath` a checked path from
 * parseRequestPath with the baseurl removed (starts with `/`).
 */
export function resolveStatic(root: string, sitePath: string): Resolution {
  const segments = sitePath.split('/').filter(Boolean);
  if (segments.some(undisclosed)) return { kind: 'not-found' };
  const candidate = path.join(root, ...segments);
  if (!within(root, candidate)) return { kind: 'forbidden' };
  const wantsDirectory = sitePath.endsWith('/');

  const stat = statOrUndefined(candidate);
  if (stat?.isDirectory()) {
    if (!realWithin(root, candidate)) return { kind: 'forbidden' };
    if (!wantsDirectory) return { kind: 'redirect' };
    for (const name of DIRECTORY_INDEX) {
      const found = fileAt(root, path.join(candidate, name));
      if (found) return found;
    }
    return { kind: 'not-found' };
  }
  if (wantsDirectory) return { kind: 'not-found' };
  if (stat?.isFile()) return fileAt(root, candidate) ?? { kind: 'not-found' };
  if (stat) return { kind: 'not-found' }; // sockets, fifos, devices
  for (const ext of IMPLIED_EXTENSIONS) {
    const found = fileAt(root, candidate + ext);
    if (found) return found;
  }
  return { kind: 'not-found' };
}

/** A regular file whose real path is inside root; a symlink that leaves root is forbidden. */
function fileAt(root: string, file: string): Resolution | undefined {
  const stat = statOrUndefined(file);
  if (!stat?.isFile()) return undefined;
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  if (!within(root, real)) return { kind: 'forbidden' };
  return { kind: 'file', file: real, stat };
}

function realWithin(root: string, p: string): boolean {
  try {
    return within(root, fs.realpathSync(p));
  } catch {
    return false;
  }
}

export function within(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
