/**
 * kramdown tables (a port of Kramdown::Parser::Kramdown#parse_table): any run
 * of lines containing a pipe, separator lines `|---|` making the rows above a
 * header (or splitting bodies), `|===|` starting the footer, alignment from
 * colons, missing cells padded. Replaces markdown-it's GFM table rule.
 */
import type { StateBlock } from 'markdown-it';
import { afterBlockBoundary } from './block-boundary.js';

const SEP_LINE = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FSEP_LINE = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const HSEP_ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g;
const PIPE_CHECK = /^(?:\||.*?[^\\\n]\|)/;
const TRAILING_BLANKS = /[ \t]+$/;
const BOUNDARY = /^(?:\s*$|\^\s*$| {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$)/;

/** Characters splitRow looks at: everything between them is copied as one slice. */
const ROW_SPECIAL = /[`<\\|]/g;

/** Split a row into cells at pipes that are not escaped and not inside code. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  for (;;) {
    ROW_SPECIAL.lastIndex = i;
    if (!ROW_SPECIAL.test(line)) break;
    const at = ROW_SPECIAL.lastIndex - 1;
    cell += line.slice(i, at);
    const c = line[at];
    if (c === '`') {
      let j = at;
      while (line[j] === '`') j++;
      const delim = line.slice(at, j);
      const end = line.indexOf(delim, j);
      if (end > 0 && line[end + delim.length] !== '`') {
        cell += line.slice(at, end + delim.length);
        i = end + delim.length;
      } else {
        cell += delim;
        i = j;
      }
    } else if (c === '<') {
      const end = line.startsWith('<code', at) ? line.indexOf('</code>', at) : -1;
      if (end > 0) {
        cell += line.slice(at, end + 7);
        i = end + 7;
      } else {
        cell += c;
        i = at + 1;
      }
    } else if (c === '\\') {
      if (line[at + 1] === '|') {
        cell += '|';
        i = at + 2;
      } else {
        cell += c;
        i = at + 1;
      }
    } else {
      cells.push(cell);
      cell = '';
      i = at + 1;
    }
  }
  cells.push(cell + line.slice(i));
  return cells;
}

type Align = 'default' | 'left' | 'right' | 'center';

/** Per parse: the last search for a pipe, from where, and where it found one (Infinity: none). */
const pipeSearches = new WeakMap<StateBlock, { src: string; from: number; at: number }>();

/**
 * Whether the line `from`..`to` has a pipe. Asked at every block start; scanning each first
 * line was 45 µs of a 10 KB post (paragraphs are long lines). Block starts come in source
 * order, so the first pipe at or after a position is remembered: until a block starts past
 * it, the answer is known, and the source is searched about once per parse.
 */
function lineHasPipe(state: StateBlock, from: number, to: number): boolean {
  let last = pipeSearches.get(state);
  if (!last || last.src !== state.src || from < last.from || from > last.at) {
    const at = state.src.indexOf('|', from);
    last = { src: state.src, from, at: at < 0 ? Infinity : at };
    pipeSearches.set(state, last);
  }
  return last.at < to;
}

export function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  // cheap rejection first: this rule is tried at every block start
  if (!lineHasPipe(state, state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine])) return false;
  if (!afterBlockBoundary(state, startLine)) return false;
  const lineOf = (l: number) => state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
  const first = lineOf(startLine);
  if (!PIPE_CHECK.test(first)) return false;
  let last = startLine;
  while (last < endLine && !state.isEmpty(last) && state.sCount[last] >= state.blkIndent && PIPE_CHECK.test(lineOf(last))) last++;
  if (last < endLine && !BOUNDARY.test(lineOf(last))) return false;
  // kramdown: at least one line must really have a pipe outside code spans
  const split: string[][] = [];
  let hasPipe = false;
  for (let l = startLine; l < last && !hasPipe; l++) {
    const cells = splitRow(lineOf(l).replace(TRAILING_BLANKS, ''));
    split.push(cells);
    if (cells.length > 1) hasPipe = true;
  }
  if (!hasPipe) return false;
  const leadingPipe = /^\s*\|/.test(first);

  type Row = string[];
  const sections: Array<{ type: 'thead' | 'tbody' | 'tfoot'; rows: Row[] }> = [];
  let rows: Row[] = [];
  let hasFooter = false;
  let alignment: Align[] = [];
  let columns = 0;
  const addContainer = (type: 'thead' | 'tbody' | 'tfoot', force: boolean) => {
    if (!hasFooter || type !== 'tbody' || force) {
      sections.push({ type, rows });
      rows = [];
    }
  };
  for (let l = startLine; l < last; l++) {
    const text = lineOf(l);
    let m: RegExpExecArray | null;
    if ((m = SEP_LINE.exec(text))) {
      if (rows.length === 0) {
        /* separator at the start: ignored */
      } else if (alignment.length === 0 && !hasFooter) {
        addContainer('thead', false);
        alignment = [...m[1].matchAll(HSEP_ALIGN)].map(([, left, right]) =>
          !left && !right ? 'default' : !right ? 'left' : !left ? 'right' : 'center',
        );
      } else addContainer('tbody', false);
    } else if (FSEP_LINE.test(text)) {
      if (rows.length) addContainer('tbody', true);
      hasFooter = true;
    } else {
      // (split above already, unless a row before it had the pipe)
      const cells = split[l - startLine] ?? splitRow(text.replace(TRAILING_BLANKS, ''));
      if (leadingPipe && cells[0].trim() === '') cells.shift();
      if (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
      columns = Math.max(columns, cells.length);
      rows.push(cells.map((c) => c.trim()));
    }
  }
  if (rows.length) addContainer(hasFooter ? 'tfoot' : 'tbody', false);
  if (!sections.some((s) => s.type === 'tbody')) return false;
  if (silent) return true;
  alignment = alignment.length > columns ? alignment.slice(0, columns) : [...alignment, ...Array(columns - alignment.length).fill('default')];

  const open = state.push('table_open', 'table', 1);
  open.map = [startLine, last];
  for (const sec of sections) {
    state.push(`${sec.type}_open`, sec.type, 1);
    for (const row of sec.rows) {
      state.push('tr_open', 'tr', 1);
      for (let c = 0; c < columns; c++) {
        const tag = sec.type === 'thead' ? 'th' : 'td';
        const cell = state.push(`${tag}_open`, tag, 1);
        if (alignment[c] !== 'default') cell.attrs = [['style', `text-align: ${alignment[c]}`]];
        const inline = state.push('inline', '', 0);
        inline.content = row[c] ?? '';
        inline.children = [];
        state.push(`${tag}_close`, tag, -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${sec.type}_close`, sec.type, -1);
  }
  state.push('table_close', 'table', -1);
  state.line = last;
  return true;
}
