/**
 * kramdown's table of contents: the first list carrying the `toc` reference
 * (`* x\n{:toc}`) is replaced by nested lists of links to the headers whose
 * level is in toc_levels and that lack the `no_toc` class.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type { ResolvedKramdownOptions } from './options.js';
import { renderAttrs, escapeAttr, attrMap } from './html-attributes.js';

/** Core rule: collapse the first `{:toc}` list into one kd_toc token. */
export function tocPlaceholder(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && (t.meta?.refs as string[] | undefined)?.includes('toc')) {
      let depth = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        depth += tokens[j].nesting;
        if (depth === 0) break;
      }
      const toc = new state.Token('kd_toc', t.tag, 0);
      toc.attrs = t.attrs;
      toc.block = true;
      tokens.splice(i, j - i + 1, toc);
      return;
    }
  }
}

interface Entry {
  level: number;
  id: string;
  children: Token[];
}

export function tocPlugin(md: MarkdownIt, opts: ResolvedKramdownOptions): void {
  md.renderer.rules.kd_toc = (tokens, idx, options, env, self) => {
    const entries: Entry[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'heading_open') continue;
      const level = Number(t.tag.slice(1));
      const id = String(t.attrGet('id') ?? '');
      if (!id || !opts.tocLevels.includes(level) || /\bno_toc\b/.test(String(t.attrGet('class') ?? ''))) continue;
      const children = (tokens[i + 1].children ?? []).filter(
        (c) => c.type !== 'footnote_ref' && c.type !== 'link_open' && c.type !== 'link_close',
      );
      entries.push({ level, id, children });
    }
    const tag = tokens[idx].tag;
    const attrs = attrMap(tokens[idx]);
    if (!attrs.has('id')) attrs.set('id', 'markdown-toc');
    const tocId = attrs.get('id')!;
    if (entries.length === 0) return '';
    // kramdown generate_toc_tree: a stack of open items by level
    interface Node { level: number; html: string; kids: Node[] }
    const root: Node[] = [];
    const stack: Node[] = [];
    for (const e of entries) {
      const node: Node = {
        level: e.level,
        html: `<a href="#${escapeAttr(e.id)}" id="${escapeAttr(`${tocId}-${e.id}`)}">${self.renderInline(e.children, options, env)}</a>`,
        kids: [],
      };
      for (;;) {
        if (stack.length === 0) {
          root.push(node);
          stack.push(node);
          break;
        } else if (stack[stack.length - 1].level < node.level) {
          stack[stack.length - 1].kids.push(node);
          stack.push(node);
          break;
        } else stack.pop();
      }
    }
    const renderList = (nodes: Node[], indent: string, listAttrs: string): string =>
      `${indent}<${tag}${listAttrs}>\n` +
      nodes
        .map((n) =>
          n.kids.length
            ? // kramdown: the item's text is a transparent paragraph, so the sub-list follows it on the same line
              `${indent}  <li>${n.html}${renderList(n.kids, indent + '    ', '')}${indent}  </li>\n`
            : `${indent}  <li>${n.html}</li>\n`,
        )
        .join('') +
      `${indent}</${tag}>\n`;
    return renderList(root, '', renderAttrs(attrs));
  };
}
