/**
 * kramdown definition lists (a port of parse_definition_list): every line of
 * the paragraph before a `: definition` line is a term (dt); definitions
 * continue with indented or lazy lines; a definition's first paragraph is
 * shown without <p> unless a blank line precedes its `:` line. Consecutive
 * definition lists separated only by blank lines are one list.
 */
import type { StateBlock, StateCore, Token } from 'markdown-it';
import { parseAttributeList, type AttributeList } from './attribute-list.js';
import { meta } from './html-attributes.js';
import { subParse } from './sub-parse.js';

const DEF_START = /^( {0,3}:)([\t ].*|)$/;
const LIST_ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;
const LIST_ITEM_IAL_CHECK = /^\s*(?:\{:(?!(?:\w[\w-]*)?:|\/)(?:\\\}|[^}])+\})?\s*$/;
const PARAGRAPH_BREAK = /^ {0,3}(?:[*+-][\t ]|\d+\.[\t ]|#|>|```|~~~|\{:(?:\\\}|[^}])+\}\s*$|\^\s*$)/;
const LAZY_STOP = /^ {0,3}(?:\{:(?!:|\/)|<\/?[A-Za-z])/;

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

export function kramdownDefinitionList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const raw = (l: number) =>
    state.src.slice(state.bMarks[l] + state.tShift[l] - Math.max(0, Math.min(state.tShift[l], state.sCount[l] - state.blkIndent)), state.eMarks[l]);
  const text = (l: number) => state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
  // cheap rejection first (tried at every paragraph): some line of this paragraph, or the one
  // after a single blank line, must start with ':'
  {
    let k = startLine;
    const startsWithColon = (line: number) => {
      return state.src.charCodeAt(state.bMarks[line] + state.tShift[line]) === 0x3a;
    };
    while (k < endLine && !state.isEmpty(k) && !startsWithColon(k)) k++;
    if (k < endLine && state.isEmpty(k)) k++;
    if (k >= endLine || !startsWithColon(k)) return false;
  }
  if (DEF_START.test(raw(startLine))) return false;
  // the term paragraph
  let l = startLine;
  while (l < endLine && !state.isEmpty(l) && state.sCount[l] >= state.blkIndent && !DEF_START.test(raw(l))) {
    if (PARAGRAPH_BREAK.test(raw(l))) return false;
    l++;
  }
  const termEnd = l;
  let firstAsPara = false;
  if (l < endLine && state.isEmpty(l) && state.bMarks[l] + state.tShift[l] === state.eMarks[l] && state.eMarks[l] - state.bMarks[l] === 0) {
    if (l + 1 < endLine && state.sCount[l + 1] >= state.blkIndent && DEF_START.test(raw(l + 1))) {
      firstAsPara = true;
      l++;
    } else return false;
  }
  if (l >= endLine || state.sCount[l] < state.blkIndent || !DEF_START.test(raw(l))) return false;
  if (silent) return true;

  interface Def {
    lines: string[];
    firstAsPara: boolean;
    ial: AttributeList | null;
    line: number;
  }
  const defs: Def[] = [];
  let defStart = DEF_START;
  let indentation = 0;
  let lastIsBlank = false;
  let item: Def | null = null;
  for (; l < endLine; l++) {
    if (state.sCount[l] < state.blkIndent && !state.isEmpty(l)) break;
    const line = raw(l);
    let m: RegExpExecArray | null;
    if ((m = defStart.exec(line))) {
      let content = expandTabs(m[2]);
      if (LIST_ITEM_IAL_CHECK.test(content)) indentation = 4;
      else indentation = m[1].length + (/^ */.exec(content)![0].length);
      content = content.replace(/^\s*/, '');
      let ial: AttributeList | null = null;
      const im = LIST_ITEM_IAL.exec(content);
      if (im) {
        ial = parseAttributeList(im[1]);
        content = content.slice(im[0].length);
      }
      item = { lines: [content], firstAsPara, ial, line: l };
      defs.push(item);
      defStart = new RegExp(`^( {0,${Math.max(0, Math.min(indentation, 4) - 1)}}:)([\\t ].*|)$`);
      firstAsPara = false;
      lastIsBlank = false;
    } else if (/^\^\s*$/.test(line)) {
      break;
    } else if (state.isEmpty(l)) {
      firstAsPara = true;
      item!.lines.push('');
      lastIsBlank = true;
    } else {
      const expanded = expandTabs(line);
      const lead = /^ */.exec(expanded)![0].length;
      if (lead >= indentation) {
        item!.lines.push(expanded.slice(indentation));
      } else if (!lastIsBlank && !LAZY_STOP.test(expanded)) {
        item!.lines.push(expanded.replace(/^ {0,3}/, (s) => (s.length >= indentation ? s.slice(indentation) : '')) );
      } else break;
      firstAsPara = false;
      lastIsBlank = false;
    }
  }
  // trailing blank lines belong after the list
  const endOfList = l;

  const dlOpen = state.push('dl_open', 'dl', 1);
  dlOpen.map = [startLine, endOfList];
  for (let t = startLine; t < termEnd; t++) {
    let term = text(t);
    const dt = state.push('dt_open', 'dt', 1);
    dt.map = [t, t + 1];
    const im = LIST_ITEM_IAL.exec(term);
    if (im) {
      (meta(dt).ials ??= []).push(parseAttributeList(im[1]));
      term = term.slice(im[0].length);
    }
    meta(dt).rawText = term;
    const inline = state.push('inline', '', 0);
    inline.content = term;
    inline.map = [t, t + 1];
    inline.children = [];
    state.push('dt_close', 'dt', -1);
  }
  for (const d of defs) {
    const dd = state.push('dd_open', 'dd', 1);
    dd.map = [d.line, d.line + 1];
    if (d.ial) (meta(dd).ials ??= []).push(d.ial);
    while (d.lines.length > 1 && d.lines[d.lines.length - 1] === '') d.lines.pop();
    const first = state.tokens.length;
    subParse(state, d.lines.join('\n') + '\n', d.line);
    if (!d.firstAsPara && state.tokens[first]?.type === 'paragraph_open') {
      state.tokens[first].hidden = true;
      for (let i = first + 1; i < state.tokens.length; i++) {
        if (state.tokens[i].type === 'paragraph_close' && state.tokens[i].level === state.tokens[first].level) {
          state.tokens[i].hidden = true;
          break;
        }
      }
    }
    state.push('dd_close', 'dd', -1);
  }
  state.push('dl_close', 'dl', -1);
  state.line = endOfList;
  return true;
}

function basicGenerateId(str: string): string {
  return str.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase();
}

/** Core rule: merge adjacent dls; `{:auto_ids}` / `{:auto_ids-prefix}` on a dl gives its terms ids. */
export function definitionListsRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type === 'dl_close' && tokens[i + 1].type === 'dl_open' && tokens[i].level === tokens[i + 1].level && !tokens[i + 1].meta?.ials) {
      tokens.splice(i, 2);
      i--;
    }
  }
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'dl_open') stack.push(t);
    else if (t.type === 'dl_close') stack.pop();
    else if (t.type === 'dt_open' && stack.length && t.attrGet('id') === null) {
      const refs = (stack[stack.length - 1].meta?.refs as string[] | undefined) ?? [];
      for (const ref of refs) {
        const m = /^auto_ids(?:-([\w-]+))?/.exec(ref);
        if (m) {
          t.attrSet('id', `${m[1] ?? ''}${basicGenerateId(String(meta(t).rawText ?? ''))}`.trim());
          break;
        }
      }
    }
  }
}
