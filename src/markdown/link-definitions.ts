/**
 * kramdown link definitions: a later definition of the same name replaces an
 * earlier one (markdown-it keeps the first), and a destination followed by an
 * unclosed title is not a definition. Wraps markdown-it's reference rule.
 */
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';

type BlockRule = (s: StateBlock, a: number, b: number, c: boolean) => boolean;

export function lastLinkDefinitionWins(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule; alt: string[] }> }).__rules__;
  const rule = rules.find((r) => r.name === 'reference')!;
  const original = rule.fn;
  md.block.ruler.at(
    'reference',
    (state, startLine, endLine, silent) => {
      const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
      // kramdown: a destination with a quote after a space (an unclosed title) is no definition
      const def = /^\[[^\n\]]+\]:[ \t]*(?:<.*?>|([^\n]*?\S[^\n]*?))(?:[ \t]+?(["'])(.+?)\2)?[ \t]*$/.exec(line);
      if (def && def[1] !== undefined && /[ \t]+["']/.test(def[1])) return false;
      if (silent) return original(state, startLine, endLine, silent);
      const m = /^\[([^\]]+)\]:/.exec(line);
      if (!m) return original(state, startLine, endLine, silent);
      const env = state.env as { references?: Record<string, unknown> };
      const refs = (env.references ??= {});
      const key = md.utils.normalizeReference(m[1]);
      const saved = refs[key];
      delete refs[key];
      const ok = original(state, startLine, endLine, silent);
      if (!ok || refs[key] === undefined) {
        if (saved !== undefined) refs[key] = saved;
      }
      if (ok) {
        // a marker for IALs under (or above) the definition: they go to the links using it
        // (it replaces markdown-it's own reference_definition token, which is dropped later)
        if (state.tokens[state.tokens.length - 1]?.type === 'reference_definition') state.tokens.pop();
        const tok = state.push('kd_link_def', '', 0);
        tok.hidden = true;
        tok.map = [startLine, state.line];
        tok.meta = { key };
      }
      return ok;
    },
    { alt: rule.alt },
  );
}

/** Core rule after IALs are resolved: links made from a definition get the definition's IAL attributes. */
export function linkDefinitionAttributes(state: StateCore): void {
  const attrsByKey = new Map<string, Array<[string, string]>>();
  for (const t of state.tokens) {
    if (t.type === 'kd_link_def' && t.attrs) attrsByKey.set(String(t.meta?.key), t.attrs as Array<[string, string]>);
  }
  if (attrsByKey.size === 0) return;
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      // markdown-it records the definition a reference link or image used as meta.label
      const extra = t.meta?.label !== undefined ? attrsByKey.get(String(t.meta.label)) : undefined;
      if (extra) {
        for (const [k, v] of extra) {
          if (k === 'class') t.attrJoin('class', v);
          else t.attrSet(k, v);
        }
      }
      if (t.children) visit(t.children);
    }
  };
  visit(state.tokens);
}
