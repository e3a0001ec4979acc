/**
 * kramdown link definitions: a later definition of the same name replaces an
 * earlier one (markdown-it keeps the first), and a destination followed by an
 * unclosed title is not a definition. Wraps markdown-it's reference rule.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

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
      const refs = (state.env as { references?: Record<string, unknown> }).references;
      if (!m || !refs) return original(state, startLine, endLine, silent);
      const key = md.utils.normalizeReference(m[1]);
      const saved = refs[key];
      delete refs[key];
      const ok = original(state, startLine, endLine, silent);
      if (!ok || refs[key] === undefined) {
        if (saved !== undefined) refs[key] = saved;
      }
      return ok;
    },
    { alt: rule.alt },
  );
}
