/**
 * Header ids: the `{#id}` suffix of a header line, and kramdown-parser-gfm's
 * automatic ids (generate_gfm_header_id): the header's text (entities and smart
 * quotes as characters, code and math verbatim), lower-cased, everything but
 * Unicode letters/marks/digits/connector punctuation, '-', space and tab removed,
 * spaces and tabs turned into '-', and "-1", "-2", ... appended to repeats.
 */
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';
import type { KramdownEnv } from './env.js';
import type { ResolvedKramdownOptions } from './options.js';

// REXML NAME_START_CHAR / NAME_CHAR, as kramdown's HEADER_ID uses them
const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][-.\w:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*)\}$/;

/** Core rule before `inline`: strip `{#id}` from header text and set the id. */
export function headerIdSuffix(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const m = HEADER_ID.exec(inline.content);
    if (!m) continue;
    inline.content = inline.content.slice(0, m.index).replace(/[\t ]+$/, '');
    t.attrSet('id', m[1]);
  }
}

const NON_WORD = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** The text kramdown-parser-gfm feeds to its id generator (update_raw_text). */
export function headerRawText(children: Token[] | null): string {
  let out = '';
  if (!children) return out;
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'kd_math_inline':
        out += c.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      default:
        break;
    }
  }
  return out;
}

// NON_WORD on ASCII text: letters, digits and `_` are the only word characters there, and the
// Unicode-property regex costs several times this one on every heading
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_NON_WORD = /[^A-Za-z0-9_\- \t]/g;

export function gfmHeaderId(text: string, env: KramdownEnv, prefix: string): string {
  const lower = text.toLowerCase();
  let result = lower.replace(ASCII_ONLY.test(lower) ? ASCII_NON_WORD : NON_WORD, '').replace(/[ \t]/g, '-');
  const seen = (env.idCounter.get(result) ?? -1) + 1;
  env.idCounter.set(result, seen);
  if (seen > 0) result += `-${seen}`;
  return prefix + result;
}

/** Core rule after IALs are applied: give headers without an id their automatic id. */
export function autoIdsRule(opts: ResolvedKramdownOptions) {
  return function autoIds(state: StateCore): void {
    const env = state.env as unknown as KramdownEnv;
    const inlineAuto = env.inlineOptions.auto_ids;
    const enabled = inlineAuto !== undefined ? inlineAuto === 'true' : opts.autoIds;
    if (!enabled) return;
    const prefix = env.inlineOptions.auto_id_prefix ?? opts.autoIdPrefix;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'heading_open' || t.attrGet('id') !== null) continue;
      const id = gfmHeaderId(headerRawText(tokens[i + 1].children), env, prefix);
      // kramdown writes no id attribute when the id is empty
      if (id.trim() !== '') t.attrSet('id', id);
    }
  };
}
