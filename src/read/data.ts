/** Jekyll's DataReader: `_data/**` YAML, JSON, CSV and TSV files become `site.data`. */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { BuildError } from '../diagnostics/diagnostic.js';
import type { Hash } from '../utils/merge.js';
import { readUtf8 } from './front-matter.js';
import { listFolder } from '../utils/list-folder.js';
import { loadYaml, YamlError } from './yaml.js';

const DATA_EXT = /\.(ya?ml|json|csv|tsv)$/i;

export interface DataReadOptions {
  /** Absolute source dir, for messages. */
  source: string;
  /** Files read, for the dependency graph and messages. */
  onRead?: (file: string) => void;
  /** Skips symlinks leading outside the source (safe mode). */
  skip?: (absolute: string) => boolean;
  csvReader?: Hash;
}

export function readDataDir(dir: string, options: DataReadOptions): Hash {
  const data: Hash = {};
  const entries = listFolder(dir);
  // Dir["*.{yaml,yml,json,csv,tsv}"] + directories: files first, each group sorted as the glob returns them.
  const files = entries.filter((e) => !e.name.startsWith('.') && DATA_EXT.test(e.name) && !isDir(dir, e)).map((e) => e.name).sort();
  const dirs = entries.filter((e) => !e.name.startsWith('.') && isDir(dir, e)).map((e) => e.name).sort();
  for (const name of files) {
    const abs = path.join(dir, name);
    if (options.skip?.(abs)) continue;
    data[sanitizeFilename(name.replace(/\.[^.]*$/, ''))] = readDataFile(abs, options);
  }
  for (const name of dirs) {
    const abs = path.join(dir, name);
    if (options.skip?.(abs)) continue;
    data[sanitizeFilename(name)] = readDataDir(abs, options);
  }
  return data;
}

function isDir(dir: string, e: fs.Dirent): boolean {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return fs.statSync(path.join(dir, e.name)).isDirectory();
  } catch {
    return false;
  }
}

export function readDataFile(file: string, options: DataReadOptions): unknown {
  const display = path.relative(options.source, file);
  options.onRead?.(file);
  const text = readUtf8(file, display);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') {
    const headers = options.csvReader?.headers !== false;
    try {
      const rows = parseCsv(text, {
        delimiter: ext === '.tsv' ? '\t' : ',',
        columns: headers ? true : false,
        relax_column_count: true,
        skip_empty_lines: false,
        quote: ext === '.tsv' ? '"' : '"',
      }) as unknown[];
      return rows.map((row) => (Array.isArray(row) ? row.map(nullIfEmpty) : Object.fromEntries(Object.entries(row as Hash).map(([k, v]) => [k, nullIfEmpty(v)]))));
    } catch (err) {
      const e = err as { lines?: number; message: string };
      throw new BuildError({ file: display, line: e.lines, message: `Invalid ${ext.slice(1).toUpperCase()}: ${e.message}` });
    }
  }
  try {
    return loadYaml(text, display);
  } catch (err) {
    if (err instanceof YamlError) {
      throw new BuildError({ file: display, line: err.line, column: err.column, message: `Invalid ${ext === '.json' ? 'JSON' : 'YAML'} in data file: ${err.message}` });
    }
    throw err;
  }
}

/** Ruby's CSV gives nil for an empty unquoted field. */
function nullIfEmpty(v: unknown): unknown {
  return v === '' ? null : v;
}

/** DataReader#sanitize_filename */
export function sanitizeFilename(name: string): string {
  return name.replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/g, '').replace(/\s+/g, '_');
}
