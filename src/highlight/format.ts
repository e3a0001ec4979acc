/** Rouge's HTML formatters: Formatters::HTML (spans) and Formatters::HTMLTable (line numbers). */
import type { Token } from './token.js';

/** Rouge escapes only &, < and > (quotes stay as they are). */
export function escapeCode(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Rouge::Formatters::HTML: one span per token, plain text bare; same-class neighbours merged as Rouge's lexer does. */
export function formatTokens(tokens: readonly Token[]): string {
  // joined once rather than concatenated: a block is hundreds of pieces, and a deep chain of
  // concatenations costs more to flatten later than one join
  const html: string[] = [];
  let cls = '';
  let text = '';
  const flush = () => {
    if (!text) return;
    html.push(cls ? `<span class="${cls}">${escapeCode(text)}</span>` : escapeCode(text));
  };
  for (const t of tokens) {
    if (!t.text) continue;
    if (t.cls === cls) {
      text += t.text;
    } else {
      flush();
      cls = t.cls;
      text = t.text;
    }
  }
  flush();
  return html.join('');
}

export interface TableOptions {
  tableClass?: string;
  gutterClass?: string;
  codeClass?: string;
  startLine?: number;
}

/** Rouge::Formatters::HTMLTable around already formatted token markup of `code`. */
export function formatTable(code: string, inner: string, opts: TableOptions = {}): string {
  const start = opts.startLine ?? 1;
  let lines = (code.match(/\n/g) ?? []).length;
  let body = inner;
  if (!code.endsWith('\n')) {
    lines += 1;
    body += '\n';
  }
  const numbers: string[] = [];
  for (let i = start; i < start + lines; i++) numbers.push(String(i));
  return (
    `<table class="${opts.tableClass ?? 'rouge-table'}"><tbody><tr>` +
    `<td class="${opts.gutterClass ?? 'rouge-gutter'} gl"><pre class="lineno">${numbers.join('\n')}\n</pre></td>` +
    `<td class="${opts.codeClass ?? 'rouge-code'}"><pre>${body}</pre></td>` +
    `</tr></tbody></table>`
  );
}
