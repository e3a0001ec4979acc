/**
 * kramdown's HTML layout: block elements indented two spaces per nesting level,
 * one empty line wherever the source had blank lines between blocks, list items
 * with a plain first paragraph written inline (`<li>text</li>`), code blocks
 * closed as `indent</div>`. Content is what markdown-it's renderer rules write;
 * only the whitespace between blocks is decided here, so that the bytes match
 * what Jekyll writes, not just the DOM.
 */
import type { MarkdownIt, Token, Renderer } from 'markdown-it';

type Options = Parameters<Renderer['render']>[1];
type Env = Parameters<Renderer['render']>[2];

const INDENTED = new Set(['bullet_list', 'ordered_list', 'blockquote', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
const INLINE_BLOCKS = new Set(['paragraph', 'heading', 'dt', 'th', 'td']);
const NO_BLANK_BEFORE = new Set(['list_item_open', 'dd_open', 'dt_open', 'tr_open', 'th_open', 'td_open', 'thead_open', 'tbody_open', 'tfoot_open']);

// `bullet_list_open` -> `bullet_list`, remembered: a fresh slice per block token had to be
// hashed again for every Set lookup
const KINDS = new Map<string, string>();
function kindOf(type: string): string {
  let kind = KINDS.get(type);
  if (kind === undefined) {
    kind = type.endsWith('_open') ? type.slice(0, -5) : type;
    KINDS.set(type, kind);
  }
  return kind;
}

export function renderWithKramdownLayout(md: MarkdownIt, tokens: Token[], options: Options, env: Env, src: string): string {
  const renderer = md.renderer;
  const rules = renderer.rules;
  const lines = src.split('\n');
  // 0 unknown, 1 blank, 2 not blank
  const blankCache = new Uint8Array(lines.length);
  const isBlank = (l: number): boolean => {
    if (l < 0 || l >= lines.length) return false;
    if (blankCache[l] === 0) blankCache[l] = /^[\s>]*$/.test(lines[l]) ? 1 : 2;
    return blankCache[l] === 1;
  };

  const close = (i: number): number => {
    let depth = 0;
    for (let j = i; j < tokens.length; j++) {
      depth += tokens[j].nesting;
      if (depth === 0) return j;
    }
    return tokens.length - 1;
  };
  const leaf = (i: number): string => {
    const t = tokens[i];
    if (t.type === 'inline') return renderer.renderInline(t.children ?? [], options, env);
    const rule = rules[t.type];
    if (rule) return rule(tokens, i, options, env, renderer);
    const html = renderer.renderToken(tokens, i, options);
    // markdown-it puts a newline before a block tag that follows a hidden token (meant for tight
    // lists' paragraphs); after a consumed IAL or definition line the layout already wrote it
    const prev = tokens[i - 1];
    return prev && prev.hidden && prev.nesting === 0 && html.startsWith('\n') ? html.slice(1) : html;
  };
  /** markdown-it's own loop over a range (footnotes and other structures kept as their rules write them) */
  const range = (from: number, to: number): string => {
    let out = '';
    for (let k = from; k <= to; k++) out += leaf(k);
    return out;
  };
  const openTag = (t: Token, tag = t.tag) => `<${tag}${renderer.renderAttrs(t)}>`;

  const IAL_LINE = /^ {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$/;
  const pendingIal = (l: number): boolean => l > 0 && IAL_LINE.test(lines[l]) && (isBlank(l - 1) || pendingIal(l - 1));
  /**
   * kramdown writes one empty line per blank element: a run of blank source lines
   * is one element; a definition or ALD line between two runs (an eob element)
   * makes two, a waiting IAL does not.
   */
  const blankRuns = (start: number, lowest: number, prevEnd: number): number => {
    let runs = 0;
    let inRun = false;
    for (let l = start - 1; l >= lowest; l--) {
      if (isBlank(l)) {
        if (!inRun) runs++;
        inRun = true;
      } else if (l < prevEnd) break;
      // a waiting IAL adds no element; after a list, `^` swallows the list's trailing blank
      else if (!pendingIal(l) && !/^\^\s*$/.test(lines[l])) inRun = false;
    }
    return runs;
  };

  const blocks = (from: number, to: number, indent: number, root: boolean): string => {
    const pad = ' '.repeat(indent);
    let out = '';
    let first = true;
    let prevStart = 0;
    let prevEnd = 0;
    for (let i = from; i < to; ) {
      const t = tokens[i];
      if (t.hidden && t.nesting === 0) {
        i++;
        continue;
      }
      // empty lines for blank source lines before a block (kramdown's :blank elements)
      if (t.map && (!first || root) && !NO_BLANK_BEFORE.has(t.type)) out += '\n'.repeat(blankRuns(t.map[0], first ? 0 : prevStart, first ? 0 : prevEnd));
      if (t.map) {
        prevStart = t.map[0];
        prevEnd = t.map[1];
      }
      first = false;
      if (t.nesting !== 1) {
        out += layoutLeaf(i, pad);
        i++;
        continue;
      }
      const j = close(i);
      // merged lists keep the first part's line map: the block ends where its last line does
      for (let k = i; k <= j; k++) {
        const m = tokens[k].map;
        if (m && m[1] > prevEnd) prevEnd = m[1];
      }
      const kind = kindOf(t.type);
      if (INLINE_BLOCKS.has(kind)) {
        const inner = leaf(i + 1);
        if (t.hidden) out += inner;
        else {
          const end = leaf(j);
          out += pad + leaf(i) + inner + end + (end.endsWith('\n') ? '' : '\n');
        }
      } else if (INDENTED.has(kind)) {
        out += `${pad}${openTag(t)}\n${blocks(i + 1, j, indent + 2, false)}${pad}</${t.tag}>\n`;
      } else if (kind === 'list_item' || kind === 'dd') {
        const firstChild = tokens[i + 1];
        if (i + 1 === j || (firstChild.type === 'paragraph_open' && firstChild.hidden)) {
          let res = blocks(i + 1, j, indent + 2, false);
          // kramdown appends a newline to the plain text when blocks follow it
          const pClose = i + 1 < j ? close(i + 1) : j;
          if (pClose + 1 < j) {
            const text = leaf(i + 2);
            res = text + '\n' + res.slice(text.length);
          }
          out += `${pad}${openTag(t)}${res}${res.endsWith('\n') ? pad : ''}</${t.tag}>\n`;
        } else {
          out += `${pad}${openTag(t)}\n${blocks(i + 1, j, indent + 2, false)}${pad}</${t.tag}>\n`;
        }
      } else {
        out += range(i, j);
      }
      i = j + 1;
    }
    return out;
  };

  const layoutLeaf = (i: number, pad: string): string => {
    const t = tokens[i];
    const html = leaf(i);
    if (!html) return '';
    switch (t.type) {
      case 'fence':
      case 'code_block':
        // (at the top level there is nothing to indent: no need to scan the highlighted markup)
        if (!pad) return html;
        return html.startsWith('<div') ? pad + html.replace(/<\/div>\n$/, `${pad}</div>\n`) : pad + html;
      case 'hr':
        return `${pad}${html.trimEnd()}\n`;
      case 'html_block':
        return t.content.startsWith('<!--') ? pad + html : html;
      default:
        return pad + html;
    }
  };

  let out = blocks(0, tokens.length, 0, true);
  // blank lines after the last block are blank elements too
  const end = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  let lastBlock: Token | undefined;
  for (let k = tokens.length - 1; k >= 0 && !lastBlock; k--) {
    const t = tokens[k];
    if (t.map && t.level === 0 && !(t.hidden && t.nesting === 0)) lastBlock = t;
  }
  if (lastBlock?.map) out += '\n'.repeat(blankRuns(end, lastBlock.map[0], lastBlock.map[1]));
  else if (!out) out = '\n'.repeat(blankRuns(end, 0, 0));
  return out;
}
