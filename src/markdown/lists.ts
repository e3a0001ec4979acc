/**
 * kramdown list semantics on markdown-it's list tokens:
 *   - which items show their first paragraph without <p> ("transparent"),
 *     decided per item as kramdown's parse_list does, not per list as in CommonMark;
 *   - GFM task lists ([ ] / [x] at the start of an item's first paragraph).
 */
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseAttributeList, type AttributeList } from './attribute-list.js';

interface Item {
  open: number;
  close: number;
  /** index of the first child block's opening token, or -1 */
  first: number;
  /** number of child blocks */
  childCount: number;
}

function findClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function childBlocks(tokens: Token[], open: number, close: number): number[] {
  const out: number[] = [];
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i];
    if (t.type === 'kd_ial' || t.type === 'kd_eob') continue;
    out.push(i);
    if (t.nesting === 1) i = findClose(tokens, i);
  }
  return out;
}

/**
 * An item whose marker line is empty has its content at column 4 in kramdown
 * (markdown-it: one column after the marker), which shows in indented code.
 */
function emptyFirstLineItems(state: StateCore, tokens: Token[], items: Item[]): void {
  for (const it of items) {
    const open = tokens[it.open];
    const first = it.first >= 0 ? tokens[it.first] : null;
    if (!open.map || !first || first.type !== 'code_block' || !first.map || first.map[0] !== open.map[0] + 1) continue;
    const lineStart = indexOfLine(state.src, open.map[0]);
    const lineEnd = state.src.indexOf('\n', lineStart);
    const line = state.src.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const m = /^(\s*(?:[*+-]|\d+\.))\s*$/.exec(line);
    if (!m) continue;
    const extra = 4 - (m[1].length + 1);
    if (extra <= 0) continue;
    const re = new RegExp(`^ {1,${extra}}`, 'gm');
    first.content = first.content.replace(re, '');
  }
}

function indexOfLine(src: string, line: number): number {
  let pos = 0;
  for (let l = 0; l < line && pos >= 0; l++) pos = src.indexOf('\n', pos) + 1;
  return pos;
}

/** kramdown does not start a new list when the bullet character changes (CommonMark does). */
function mergeAdjacentBulletLists(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type === 'bullet_list_close' && tokens[i + 1].type === 'bullet_list_open' && tokens[i].level === tokens[i + 1].level && !tokens[i + 1].meta?.ials) {
      tokens.splice(i, 2);
      i--;
    }
  }
}

/**
 * kramdown reads a line right under a list item (no blank line between) as a
 * lazy continuation of that item, so a list of the other kind that starts
 * there is nested in the item (`1. a` then `- b` makes the ul a child of "a").
 */
function nestFollowingLists(tokens: Token[], isBlank: (line: number) => boolean): void {
  const adjacent = (t: Token) => !!t.map && t.map[0] > 0 && !isBlank(t.map[0] - 1);
  const isListOpen = (t: Token | undefined) => t?.type === 'bullet_list_open' || t?.type === 'ordered_list_open';
  for (let i = 0; i + 1 < tokens.length; i++) {
    const close = tokens[i];
    if (close.type !== 'bullet_list_close' && close.type !== 'ordered_list_close') continue;
    const next = tokens[i + 1];
    if (!isListOpen(next) || close.level !== next.level || next.meta?.ials) continue;
    const openType = close.type.replace('_close', '_open');
    if (next.type === openType) {
      // blank lines do not end a kramdown list: the items continue the outer list
      // more items of the outer list after a nested one: one list, as kramdown sees it
      tokens.splice(i, 2);
      i -= 2;
      continue;
    }
    if (!adjacent(next)) continue;
    const nextClose = findClose(tokens, i + 1);
    const moved = tokens.splice(i + 1, nextClose - i);
    for (const t of moved) t.level += 2;
    // tokens[i] is the outer list's close, tokens[i - 1] its last item's close
    tokens.splice(i - 1, 0, ...moved);
    i = i + moved.length - 1; // the outer close again, to look at what follows it
  }
}

export function kramdownListsRule(state: StateCore): void {
  const tokens = state.tokens;
  mergeAdjacentBulletLists(tokens);
  if (!tokens.some((t) => t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) return;
  const lines = state.src.split('\n');
  const isBlank = (line: number) => line < lines.length && /^[\s>]*$/.test(lines[line]);
  nestFollowingLists(tokens, isBlank);
  for (let i = 0; i < tokens.length; i++) {
    const list = tokens[i];
    if (list.type !== 'bullet_list_open' && list.type !== 'ordered_list_open') continue;
    // kramdown numbers every ordered list from 1
    if (list.attrs) list.attrs = list.attrs.filter(([k]) => k !== 'start') || null;
    const listClose = findClose(tokens, i);
    // kramdown: a list ended by the `^` marker keeps <p> in a last item followed by a blank line
    const eobFound = tokens[listClose + 1]?.type === 'kd_eob';
    const items: Item[] = [];
    for (const idx of childBlocks(tokens, i, listClose)) {
      if (tokens[idx].type !== 'list_item_open') continue;
      const close = findClose(tokens, idx);
      const kids = childBlocks(tokens, idx, close);
      items.push({ open: idx, close, first: kids.length ? kids[0] : -1, childCount: kids.length });
    }
    emptyFirstLineItems(state, tokens, items);
    const transparent: boolean[] = [];
    items.forEach((it, k) => {
      const firstTok = it.first >= 0 ? tokens[it.first] : null;
      const isP = firstTok?.type === 'paragraph_open';
      let result = false;
      if (isP) {
        const pEnd = firstTok!.map![1];
        const blankAfter = isBlank(pEnd) && (k < items.length - 1 || it.childCount > 1 || pEnd < lines.length - 1);
        const isLast = k === items.length - 1;
        const lastOnlyTrailingBlank = isLast && it.childCount === 1 && !eobFound;
        const cond1 = !blankAfter || lastOnlyTrailingBlank;
        const cond2 = !isLast || items.length === 1 || items.slice(0, -1).some((c, j) => c.first < 0 || tokens[c.first].type !== 'paragraph_open' || transparent[j]);
        result = cond1 && cond2;
      }
      transparent.push(result);
      if (isP) {
        const pClose = findClose(tokens, it.first);
        tokens[it.first].hidden = result;
        tokens[pClose].hidden = result;
      }
      // later paragraphs are always real paragraphs
      for (let j = it.open + 1; j < it.close; j++) {
        const t = tokens[j];
        if (t.type === 'paragraph_open' && t.level === tokens[it.open].level + 1 && j !== it.first) {
          t.hidden = false;
          tokens[findClose(tokens, j)].hidden = false;
        }
      }
    });
    taskList(tokens, list, items);
  }
}

const UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />';
const CHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />';

function taskList(tokens: Token[], list: Token, items: Item[]): void {
  let isTaskList = false;
  for (const it of items) {
    if (it.first < 0 || tokens[it.first].type !== 'paragraph_open') continue;
    const inline = tokens[it.first + 1];
    const first = inline.children?.[0];
    if (first && first.type === 'text') {
      const m = /^\s*\[([ xX])\]\s+/.exec(first.content);
      if (m && (first.content.length > m[0].length || inline.children!.length > 1)) {
        const box = new (first.constructor as new (t: string, g: string, n: number) => Token)('html_inline', '', 0);
        box.content = m[1] === ' ' ? UNCHECKED : CHECKED;
        first.content = first.content.slice(m[0].length);
        inline.children!.unshift(box);
        isTaskList = true;
      }
    }
    if (isTaskList) tokens[it.open].attrSet('class', 'task-list-item');
  }
  if (isTaskList) list.attrSet('class', 'task-list');
}

const LIST_ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;

/**
 * kramdown LIST_ITEM_IAL: `* {:.cls} text`, `: {:.cls} definition` and
 * `{:.cls} term` give the item (li, dd, dt) attributes. Core rule before `inline`.
 */
export function listItemIals(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let inline: Token | undefined;
    if ((t.type === 'list_item_open' || t.type === 'dd_open') && tokens[i + 1]?.type === 'paragraph_open') inline = tokens[i + 2];
    else if (t.type === 'dt_open') inline = tokens[i + 1];
    if (!inline || inline.type !== 'inline') continue;
    const m = LIST_ITEM_IAL.exec(inline.content);
    if (!m) continue;
    inline.content = inline.content.slice(m[0].length);
    const ials = ((t.meta ??= {}).ials ??= []) as AttributeList[];
    ials.push(parseAttributeList(m[1]));
  }
}
