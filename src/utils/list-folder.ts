/** A folder's entries with their types; none when it cannot be listed (missing, not a folder, no access). */
import fs from 'node:fs';

export function listFolder(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
