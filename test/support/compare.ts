// Compares a built site with Jekyll's golden output, file by file.
// HTML (and XML feeds) compare after a light normalization that forgives what a
// browser or feed reader also forgives (whitespace between tags, attribute order);
// every other file must match byte for byte.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type DifferenceKind = 'missing' | 'extra' | 'content';

export interface Difference {
  /** Path relative to the tree root, with `/` separators. */
  path: string;
  kind: DifferenceKind;
  /** Human-readable description with an excerpt around the first difference. */
  detail: string;
}

const MARKUP_EXTENSIONS = /\.(html?|xml|atom|rss|xhtml|svg)$/i;

// Elements whose edges don't render whitespace: text next to them may be trimmed.
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'li', 'link', 'main', 'meta', 'nav', 'noscript', 'ol',
  'optgroup', 'option', 'p', 'pre', 'script', 'section', 'select', 'style', 'summary', 'table', 'tbody', 'td',
  'template', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'base', 'source', 'track', 'iframe', 'video', 'audio',
]);

// Their content is kept byte for byte.
const WHITESPACE_SIGNIFICANT = new Set(['pre', 'textarea']);
// Their content is not markup at all.
const RAW_TEXT = new Set(['script', 'style', 'textarea']);

export type Token =
  | { type: 'text'; value: string }
  | { type: 'open'; name: string; attrs: Array<[string, string | null]>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'verbatim'; value: string }; // comments, doctype, CDATA, PIs, script/style/textarea content

/** Splits markup into tags, text and verbatim chunks. Forgiving: never throws. */
export function tokenize(input: string): Token[] {
  return scan(input).map((s) => s.token);
}

/** Like tokenize, with each token's start offset (for line numbers in reports). */
function scan(input: string): Array<{ token: Token; start: number }> {
  const tokens: Array<{ token: Token; start: number }> = [];
  let i = 0;
  let text = '';
  let textStart = 0;
  const flushText = () => {
    if (text) tokens.push({ token: { type: 'text', value: text }, start: textStart });
    text = '';
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '<') {
      if (!text) textStart = i;
      text += ch;
      i++;
      continue;
    }
    const verbatim = matchVerbatim(input, i);
    if (verbatim !== null) {
      flushText();
      tokens.push({ token: { type: 'verbatim', value: verbatim }, start: i });
      i += verbatim.length;
      continue;
    }
    const tag = matchTag(input, i);
    if (tag === null) {
      if (!text) textStart = i;
      text += ch; // a lone '<' is text
      i++;
      continue;
    }
    flushText();
    tokens.push({ token: tag.token, start: i });
    i = tag.end;
    if (tag.token.type === 'open' && !tag.token.selfClosing && RAW_TEXT.has(tag.token.name.toLowerCase())) {
      // Everything up to the matching close tag is raw text, kept byte for byte.
      const closeRe = new RegExp(`</${tag.token.name.replace(/[^A-Za-z0-9-]/g, '')}\\s*>`, 'ig');
      closeRe.lastIndex = i;
      const m = closeRe.exec(input);
      const end = m ? m.index : input.length;
      if (end > i) tokens.push({ token: { type: 'verbatim', value: input.slice(i, end) }, start: i });
      i = end;
    }
  }
  flushText();
  return tokens;
}

function matchVerbatim(input: string, i: number): string | null {
  const pairs: Array<[string, string]> = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
    ['<!', '>'],
  ];
  for (const [open, close] of pairs) {
    if (input.startsWith(open, i)) {
      const end = input.indexOf(close, i + open.length);
      return end === -1 ? input.slice(i) : input.slice(i, end + close.length);
    }
  }
  return null;
}

const NAME_START = /[A-Za-z]/;

function matchTag(input: string, start: number): { token: Token; end: number } | null {
  let i = start + 1;
  const closing = input[i] === '/';
  if (closing) i++;
  if (!NAME_START.test(input[i] ?? '')) return null;
  let name = '';
  while (i < input.length && !/[\s/>]/.test(input[i])) name += input[i++];
  const attrs: Array<[string, string | null]> = [];
  let selfClosing = false;
  for (;;) {
    while (i < input.length && /\s/.test(input[i])) i++;
    if (i >= input.length) return null; // unterminated tag: treat '<' as text
    if (input[i] === '>') {
      i++;
      break;
    }
    if (input[i] === '/' && input[i + 1] === '>') {
      selfClosing = true;
      i += 2;
      break;
    }
    if (input[i] === '/') {
      i++;
      continue;
    }
    let attrName = '';
    while (i < input.length && !/[\s=>]/.test(input[i]) && !(input[i] === '/' && input[i + 1] === '>')) {
      attrName += input[i++];
    }
    while (i < input.length && /\s/.test(input[i])) i++;
    let value: string | null = null;
    if (input[i] === '=') {
      i++;
      while (i < input.length && /\s/.test(input[i])) i++;
      const q = input[i];
      if (q === '"' || q === "'") {
        const end = input.indexOf(q, i + 1);
        if (end === -1) return null;
        value = input.slice(i + 1, end);
        i = end + 1;
      } else {
        value = '';
        while (i < input.length && !/[\s>]/.test(input[i])) value += input[i++];
      }
    }
    attrs.push([attrName, value]);
  }
  if (closing) return { token: { type: 'close', name }, end: i };
  return { token: { type: 'open', name, attrs, selfClosing }, end: i };
}

function serializeTag(t: Extract<Token, { type: 'open' }>): string {
  // Attribute order is insignificant; a stable sort keeps duplicate names in source order.
  const attrs = [...t.attrs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const parts = attrs.map(([n, v]) => (v === null ? n : v.includes('"') ? `${n}='${v}'` : `${n}="${v}"`));
  return `<${t.name}${parts.map((p) => ' ' + p).join('')}${t.selfClosing ? ' /' : ''}>`;
}

/**
 * Normalizes markup into one token per line. Whitespace-only text between tags is
 * dropped, other whitespace runs collapse to one space and are trimmed next to block
 * elements (in XML every element counts as a block). Inside <pre> and <textarea>,
 * text is kept exactly (newlines shown as \n so lines stay one per token).
 */
export function normalizeMarkup(input: string, mode: 'html' | 'xml' = 'html'): string {
  return normalizeLines(input, mode)
    .map((l) => l.text)
    .join('\n');
}

interface NormalizedLine {
  text: string;
  /** 1-based line in the original file where the token starts. */
  line: number;
}

function normalizeLines(input: string, mode: 'html' | 'xml'): NormalizedLine[] {
  const scanned = scan(input);
  const tokens = scanned.map((s) => s.token);
  const lineAt = lineLocator(input);
  const out: NormalizedLine[] = [];
  let preDepth = 0;
  const isBlock = (t: Token | undefined): boolean => {
    if (!t) return true; // start or end of the document
    if (t.type === 'verbatim') return true;
    if (t.type === 'text') return false;
    return mode === 'xml' || BLOCK_ELEMENTS.has(t.name.toLowerCase());
  };
  tokens.forEach((t, idx) => {
    const push = (text: string) => out.push({ text, line: lineAt(scanned[idx].start) });
    switch (t.type) {
      case 'open':
        push(serializeTag(t));
        if (!t.selfClosing && WHITESPACE_SIGNIFICANT.has(t.name.toLowerCase())) preDepth++;
        break;
      case 'close':
        if (WHITESPACE_SIGNIFICANT.has(t.name.toLowerCase()) && preDepth > 0) preDepth--;
        push(`</${t.name}>`);
        break;
      case 'verbatim':
        push(escapeNewlines(t.value));
        break;
      case 'text': {
        if (preDepth > 0) {
          push('"' + escapeNewlines(t.value) + '"');
          break;
        }
        let v = t.value.replace(/[ \t\n\r\f]+/g, ' ');
        if (isBlock(tokens[idx - 1])) v = v.replace(/^ /, '');
        if (isBlock(tokens[idx + 1])) v = v.replace(/ $/, '');
        if (v !== '') push('"' + v + '"');
        break;
      }
    }
  });
  return out;
}

/** Maps an offset to its 1-based line number. */
function lineLocator(input: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < input.length; i++) if (input[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function escapeNewlines(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** True when the file is compared as markup rather than bytes. */
export function isMarkupFile(path: string): boolean {
  return MARKUP_EXTENSIONS.test(path);
}

/** Lists every file under root (dotfiles included), relative, `/`-separated, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(dir, e.name), rel);
      else out.push(rel);
    }
  }
  await walk(root, '');
  return out.sort();
}

export interface CompareOptions {
  /** Compare markup byte for byte too (to measure exact identity with Jekyll). */
  strict?: boolean;
}

/** Compares one file's contents; returns a description of the first difference, or null. */
export function compareFile(path: string, expected: Buffer, actual: Buffer, options: CompareOptions = {}): string | null {
  if (isMarkupFile(path) && !options.strict) {
    const mode = /\.(xml|atom|rss|svg)$/i.test(path) ? 'xml' : 'html';
    const e = normalizeLines(expected.toString('utf8'), mode);
    const a = normalizeLines(actual.toString('utf8'), mode);
    if (e.length === a.length && e.every((l, k) => l.text === a[k].text)) return null;
    return describeTokenDifference(e, a);
  }
  if (expected.equals(actual)) return null;
  return describeByteDifference(expected, actual);
}

function describeTokenDifference(el: NormalizedLine[], al: NormalizedLine[]): string {
  let n = 0;
  while (n < el.length && n < al.length && el[n].text === al[n].text) n++;
  const from = Math.max(0, n - 2);
  const show = (lines: NormalizedLine[]) =>
    lines
      .slice(from, n + 3)
      .map((l, k) => `${from + k === n ? '>' : ' '} ${String(l.line).padStart(4)}| ${clip(l.text)}`)
      .join('\n') || '  (end of file)';
  const where = (lines: NormalizedLine[]) => (n < lines.length ? `line ${lines[n].line}` : 'end of file');
  return (
    `first difference at normalized token ${n + 1} (expected ${where(el)}, actual ${where(al)})\n` +
    `--- expected (Jekyll)\n${show(el)}\n` +
    `+++ actual (Utterson)\n${show(al)}`
  );
}

function describeByteDifference(expected: Buffer, actual: Buffer): string {
  let n = 0;
  while (n < expected.length && n < actual.length && expected[n] === actual[n]) n++;
  const excerpt = (b: Buffer) => {
    const slice = b.subarray(Math.max(0, n - 40), n + 40);
    const text = slice.toString('utf8');
    // Show binary as hex so the excerpt stays readable.
    return /[\x00-\x08\x0e-\x1f\ufffd]/.test(text) ? slice.toString('hex') : JSON.stringify(text);
  };
  const line = expected.subarray(0, n).toString('utf8').split('\n').length;
  return (
    `first byte difference at offset ${n} (line ${line}); sizes ${expected.length} vs ${actual.length}\n` +
    `--- expected (Jekyll): ${excerpt(expected)}\n` +
    `+++ actual (Utterson): ${excerpt(actual)}`
  );
}

function clip(s: string): string {
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
}

/** Compares two output trees; an empty list means they match. */
export async function compareTrees(
  expectedRoot: string,
  actualRoot: string,
  options: CompareOptions = {},
): Promise<Difference[]> {
  const [expectedFiles, actualFiles] = await Promise.all([listFiles(expectedRoot), listFiles(actualRoot)]);
  const actualSet = new Set(actualFiles);
  const expectedSet = new Set(expectedFiles);
  const diffs: Difference[] = [];
  for (const path of expectedFiles) {
    if (!actualSet.has(path)) {
      diffs.push({ path, kind: 'missing', detail: 'Jekyll wrote this file; Utterson did not' });
      continue;
    }
    const [e, a] = await Promise.all([readFile(join(expectedRoot, path)), readFile(join(actualRoot, path))]);
    const detail = compareFile(path, e, a, options);
    if (detail) diffs.push({ path, kind: 'content', detail });
  }
  for (const path of actualFiles) {
    if (!expectedSet.has(path)) diffs.push({ path, kind: 'extra', detail: 'Utterson wrote this file; Jekyll did not' });
  }
  return diffs;
}

/** One readable report for an assertion message. */
export function formatDifferences(diffs: Difference[]): string {
  return diffs.map((d) => `[${d.kind}] ${d.path}\n${indent(d.detail)}`).join('\n\n');
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');
}
