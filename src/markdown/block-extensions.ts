/**
 * kramdown block extensions: block IALs (`{: .cls #id}`), ALDs (`{:name: ...}`)
 * and extension tags (`{::comment}`, `{::nomarkdown}`, `{::options}`), as a
 * markdown-it block rule. Where an IAL lands is decided afterwards by
 * applyBlockIals, which follows kramdown's rules:
 *   - right after a block (no blank line between): that block;
 *   - otherwise it waits for the next block element, and vanishes when a
 *     blank line comes first (kramdown gives it to the blank-line element).
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseAttributeList, mergeAttributeLists, emptyAttributeList, applyAttributeList, type AttributeList } from './attribute-list.js';
import type { KramdownEnv } from './env.js';
import { applyInlineOptions } from './env.js';
import { attrMap, meta, renderAttrs } from './html-attributes.js';

const ANY = String.raw`(?:\\\}|[^}])`;
const ALD_LINE = new RegExp(String.raw`^\{:(\w[\w-]*):(${ANY}+)\}\s*$`);
const EXT_START = new RegExp(String.raw`^\{::(\w+)(?:\s(${ANY}*?)|)(\/)?\}\s*$`);
const EXT_STOP_ANY = /^\{:\/(\w[\w-]*)?\}\s*$/;
const IAL_LINE = new RegExp(String.raw`^\{:(?!:|\/)(${ANY}+)\}\s*$`);

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

function blockExtensions(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x7b /* { */ || state.src.charCodeAt(pos + 1) !== 0x3a /* : */) return false;
  const text = lineText(state, startLine);
  const env = state.env as unknown as KramdownEnv;

  let m = ALD_LINE.exec(text);
  if (m) {
    if (silent) return true;
    const ald = env.alds.get(m[1]) ?? emptyAttributeList();
    env.alds.set(m[1], parseAttributeList(m[2], ald));
    const tok = state.push('kd_eob', '', 0);
    tok.map = [startLine, startLine + 1];
    tok.hidden = true;
    state.line = startLine + 1;
    return true;
  }

  m = EXT_START.exec(text);
  if (m) {
    const [, name, attrText, selfClosing] = m;
    if (name !== 'comment' && name !== 'nomarkdown' && name !== 'options') return false;
    let body: string | null = null;
    let next = startLine + 1;
    if (!selfClosing) {
      const stop = new RegExp(String.raw`^ {0,3}\{:\/(${name})?\}\s*$`);
      let line = startLine + 1;
      for (; line < endLine; line++) {
        if (stop.test(state.src.slice(state.bMarks[line], state.eMarks[line]))) break;
      }
      if (line >= endLine) return false;
      body = state.src.slice(state.bMarks[startLine + 1], state.bMarks[line]).replace(/\n$/, '');
      if (line === startLine + 1) body = '';
      next = line + 1;
    }
    if (silent) return true;
    const attrs = parseAttributeList(attrText ?? '');
    if (name === 'comment') {
      if (body !== null) {
        const tok = state.push('kd_comment', '', 0);
        tok.content = body;
        tok.block = true;
        tok.map = [startLine, next];
      }
    } else if (name === 'nomarkdown') {
      if (body !== null) {
        const type = attrs.attrs.get('type');
        const tok = state.push('kd_raw', '', 0);
        tok.content = !type || type.split(/\s+/).includes('html') ? body + '\n' : '';
        tok.block = true;
        tok.map = [startLine, next];
      }
    } else {
      applyInlineOptions(env, attrs);
      const tok = state.push('kd_eob', '', 0);
      tok.hidden = true;
      tok.map = [startLine, next];
    }
    state.line = next;
    return true;
  }
  if (EXT_STOP_ANY.test(text)) return false;

  m = IAL_LINE.exec(text);
  if (m) {
    if (silent) return true;
    const tok = state.push('kd_ial', '', 0);
    tok.map = [startLine, startLine + 1];
    tok.hidden = true;
    tok.meta = { ial: parseAttributeList(m[1]), prevBlank: startLine > 0 && state.isEmpty(startLine - 1) };
    state.line = startLine + 1;
    return true;
  }
  return false;
}

/** The end-of-block marker `^` on a line of its own: ends the current block, renders nothing. */
function eobMarker(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const text = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  if (!/^\^\s*$/.test(text) || state.tShift[startLine] !== 0) return false;
  if (silent) return true;
  const tok = state.push('kd_eob', '', 0);
  tok.hidden = true;
  tok.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

type LastKind = 'none' | 'block' | 'eob' | 'blank';
interface Last {
  kind: LastKind;
  index: number;
}
interface Pending {
  ial: AttributeList;
  endLine: number;
  /** kramdown gives a pending IAL to a new blank-line element; one is only created when the last element is not already a blank */
  eatenByBlank: boolean;
}

/** The token that carries a block's attributes: the opening token, or the leaf itself. */
function isBlockStart(t: Token): boolean {
  return t.block && (t.nesting === 1 || (t.nesting === 0 && t.type !== 'inline' && t.type !== 'kd_ial'));
}

/**
 * Core rule: attach each block IAL to its block, following kramdown's
 * parse_block_extensions / new_block_el:
 *   - an IAL directly under a block (no blank line) belongs to that block;
 *   - otherwise it waits for the next block element; blank lines in between
 *     only take it when the element before the IAL was not already a blank line
 *     (kramdown merges consecutive blank lines into one element).
 */
export function applyBlockIals(state: StateCore): void {
  const env = state.env as unknown as KramdownEnv;
  const tokens = state.tokens;
  const last: Array<Last | undefined> = [];
  const pending: Array<Pending | undefined> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'footnote_reference_open') {
      // a footnote definition is an element of its own to kramdown (an IAL under it is not shown)
      pending[t.level] = undefined;
      last[t.level] = { kind: 'block', index: i };
      continue;
    }
    if (!t.block) continue;
    const level = t.level;
    if (t.type === 'kd_ial') {
      const ial = meta(t).ial as AttributeList;
      const prevKind: LastKind = meta(t).prevBlank ? 'blank' : last[level]?.kind ?? 'none';
      if (prevKind === 'block') {
        addIal(tokens[last[level]!.index], ial, env);
        const nx = tokens[i + 1];
        if (!(nx && nx.type === 'kd_ial' && nx.map && t.map && nx.map[0] === t.map[1])) last[level] = { kind: 'eob', index: i };
      } else {
        const p = pending[level];
        if (p) {
          mergeAttributeLists(p.ial, ial);
          p.endLine = t.map![1];
        } else {
          pending[level] = { ial: { attrs: new Map(ial.attrs), refs: [...ial.refs] }, endLine: t.map![1], eatenByBlank: prevKind !== 'blank' };
        }
        last[level] = { kind: prevKind, index: i };
      }
      continue;
    }
    if (t.nesting === -1) {
      last.length = level + 1;
      pending.length = level + 1;
      continue;
    }
    if (t.type === 'kd_eob') {
      pending[level] = undefined;
      last[level] = { kind: 'eob', index: i };
      continue;
    }
    if (!isBlockStart(t)) continue;
    const p = pending[level];
    if (p && t.type === 'html_block' && t.content.startsWith('<!--')) {
      // kramdown does not hand a pending IAL to a comment, but a blank line after it takes the IAL
      if (t.map && t.map[0] > p.endLine && p.eatenByBlank) pending[level] = undefined;
      else if (t.map) {
        p.endLine = t.map[1];
        p.eatenByBlank = true;
      }
      last[level] = { kind: 'block', index: i };
      continue;
    }
    if (p) {
      const blankBetween = t.map ? t.map[0] > p.endLine : false;
      if (!(blankBetween && p.eatenByBlank)) addIal(t, p.ial, env);
      pending[level] = undefined;
    }
    last[level] = { kind: 'block', index: i };
    // a new container starts a fresh sibling list one level down
    if (t.nesting === 1) {
      last[level + 1] = undefined;
      pending[level + 1] = undefined;
    }
  }
}

/** Record an IAL on a token; attributes are resolved (ALDs applied) in resolveIals. */
function addIal(target: Token, ial: AttributeList, _env: KramdownEnv): void {
  // kramdown keeps an IAL under a footnote definition for the (unrendered) footnote element
  if (target.type === 'footnote_reference_open') return;
  const t = (target.meta?.opener as Token | undefined) ?? target;
  const m = meta(t);
  (m.ials ??= []).push(ial);
}

/** Apply recorded IALs (with their ALD references) to token attributes, as kramdown's update_tree does. */
export function resolveIals(state: StateCore): void {
  const env = state.env as unknown as KramdownEnv;
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      const ials = t.meta?.ials as AttributeList[] | undefined;
      if (ials && t.type === 'html_block') {
        // kramdown parsed the HTML element, so the IAL lands on its start tag
        if (!t.content.startsWith('<!--')) {
          const attrs = new Map<string, string>();
          for (const ial of ials) applyAttributeList(attrs, ial, env.alds);
          t.content = t.content.replace(/^<[A-Za-z][\w:-]*/, (tag) => tag + renderAttrs(attrs));
        }
      } else if (ials) {
        const attrs = attrMap(t);
        const refs: string[] = [];
        for (const ial of ials) {
          applyAttributeList(attrs, ial, env.alds);
          refs.push(...ial.refs);
        }
        t.attrs = attrs.size ? [...attrs] : null;
        meta(t).refs = refs;
      }
      if (t.children) walk(t.children);
    }
  };
  walk(state.tokens);
}

export function blockExtensionsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_block_extensions', blockExtensions, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.block.ruler.before('paragraph', 'kramdown_eob_marker', eobMarker, { alt: ['paragraph', 'blockquote', 'list'] });
  md.renderer.rules.kd_ial = () => '';
  md.renderer.rules.kd_eob = () => '';
  md.renderer.rules.kd_comment = (tokens, idx) => `<!-- ${tokens[idx].content} -->\n`;
  md.renderer.rules.kd_raw = (tokens, idx) => tokens[idx].content;
}
