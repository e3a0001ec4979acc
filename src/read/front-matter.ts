/** Splitting a file into YAML front matter and content, with Jekyll's exact rules. */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { BuildError, codeFrame } from '../diagnostics/diagnostic.js';
import { isHash, type Hash } from '../utils/merge.js';
import { decodeValidUtf8 } from '../utils/utf8.js';
import { loadYaml, YamlError } from './yaml.js';

// Document::YAML_FRONT_MATTER_REGEXP, anchored at the start (\A) with the sticky flag. Ruby's
// `\s*$\n?` after the closing fence backtracks to the last line end, so every blank line right
// after the fence goes with it (a layout's `---\n\n{% capture %}` starts at `{%`).
const FRONT_MATTER = /(---\s*\n[\s\S]*?\n?)^((?:---|\.\.\.)[ \t\r\n\f\v]*$\n?)/my;
// Utils.has_yaml_header? reads the raw first line: a BOM in front means "no front matter".
const YAML_HEADER = /^---\s*\r?\n/;

/** Does the file start with a front matter fence (checked on raw bytes, as Jekyll does)? */
export function hasYamlHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    const n = fs.readSync(fd, buf, 0, 512, 0);
    const head = buf.subarray(0, n).toString('latin1');
    const firstLine = head.slice(0, head.indexOf('\n') + 1);
    return firstLine !== '' && YAML_HEADER.test(firstLine);
  } finally {
    fs.closeSync(fd);
  }
}

export interface SplitFile {
  frontMatter: Hash | null;
  content: string;
  /** 1-based line at which `content` starts in the file. */
  contentLine: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

// One buffer reused for every file read: readFileSync allocates a buffer per file and asks for
// the size first (fstat), twice the cost of open + read + close for a post-sized file.
let scratch = Buffer.allocUnsafe(1 << 16);

function readBytes(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const n = fs.readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) return scratch.subarray(0, length);
      length += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a file as UTF-8 (a BOM is dropped); throws a BuildError on invalid UTF-8. */
export function readUtf8(file: string, display: string): string {
  // (the bytes are only valid until the next read: decoded right away)
  const bytes = readBytes(file);
  try {
    // isUtf8 (SIMD) + a decode of valid text cost a fraction of a fatal TextDecoder on every post
    if (isUtf8(bytes)) return decodeValidUtf8(bytes).replace(/^\uFEFF/, '');
    const bad = findInvalidUtf8(bytes);
    throw new BuildError({ file: display, line: bad.line, column: bad.column, message: 'Invalid UTF-8: the file is not valid UTF-8 text.' });
  } finally {
    // a large data file is not kept alive by the scratch buffer
    if (scratch.length > 1 << 20) scratch = Buffer.allocUnsafe(1 << 16);
  }
}

function findInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    try {
      decoder.decode(bytes.subarray(lineStart, i + 1), { stream: true });
    } catch {
      return { line, column: i - lineStart + 1 };
    }
  }
  return { line, column: 1 };
}

/** Splits text into front matter and content; `display` names the file in errors. */
export function splitFrontMatter(text: string, display: string): SplitFile {
  FRONT_MATTER.lastIndex = 0;
  const m = FRONT_MATTER.exec(text);
  if (!m) return { frontMatter: null, content: text, contentLine: 1 };
  const yamlText = m[1];
  const matchedText = m[0];
  const contentLine = countLines(matchedText) + 1;
  let data: unknown;
  try {
    // The opening `---` is part of the YAML text (a document marker), as in Jekyll.
    data = loadYaml(yamlText, display);
  } catch (err) {
    if (err instanceof YamlError) {
      throw new BuildError({
        file: display,
        line: err.line,
        column: err.column,
        message: `YAML Exception reading front matter: ${err.message}`,
        frame: codeFrame(text, err.line, err.column),
      });
    }
    throw err;
  }
  if (data !== null && !isHash(data)) {
    throw new BuildError({ file: display, line: 2, message: 'Invalid YAML front matter: it must be a mapping of keys to values.' });
  }
  return { frontMatter: (data as Hash | null) ?? null, content: text.slice(matchedText.length), contentLine };
}

/**
 * The text after the front matter block, whatever the YAML in it: Jekyll keeps a file whose
 * front matter does not parse (without strict_front_matter) with empty data and this content.
 */
export function contentAfterFrontMatter(text: string): { content: string; contentLine: number } {
  FRONT_MATTER.lastIndex = 0;
  const m = FRONT_MATTER.exec(text);
  if (!m) return { content: text, contentLine: 1 };
  return { content: text.slice(m[0].length), contentLine: countLines(m[0]) + 1 };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
