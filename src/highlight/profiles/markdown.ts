/** Rouge's markdown lexer, ported; fenced code goes to the fence's language, as Rouge delegates it. */
import { makeProfile } from '../base-profile.js';
import { delegate } from '../delegate.js';
import { stateLexer } from '../regex-lexer.js';
import type { Token } from '../token.js';

const edot = /\\.|[^\\\n]/.source;

function fenced(m: RegExpExecArray): Token[] {
  const out: Token[] = [{ cls: '', text: m[1]! }, { cls: 'p', text: m[2]! }, { cls: 'nl', text: m[3]! }];
  const name = m[3]!.trim();
  const body = m[5] ?? '';
  if (body) out.push(...(delegate(body, name || 'plaintext') ?? [{ cls: 'sb', text: body }]));
  if (m[6]) out.push({ cls: '', text: m[6] });
  if (m[7]) out.push({ cls: 'p', text: m[7] });
  return out;
}

const html = (text: string) => delegate(text, 'html') ?? [{ cls: '', text }];

const markdownLexer = stateLexer(
  {
    root: [
      [/^---\s*\n[\s\S]*?\n?^---\s*$\n?/m, { delegate: (t) => (/^---/.test(t) ? delegate(t, 'yaml') ?? [{ cls: '', text: t }] : [{ cls: '', text: t }]) }],
      [/\\./, 'se'],
      [/^[^\S\n]*[\S ]+\n-{2,}\n/m, 'gh'],
      [/^[\S ]+\n={2,}\n/m, 'gu'],
      [/^#(?=[^#]).*?$/m, 'gh'],
      [/^##*.*?$/m, 'gu'],
      [/^([ \t]*)(`{3,}|~{3,})([^\n]*\n)(([\s\S]*?)(\n\1)(\2))?/m, { delegate: (t) => fenced(/^([ \t]*)(`{3,}|~{3,})([^\n]*\n)(([\s\S]*?)(\n\1)(\2))?/.exec(t)!) }],
      [/\n\n(?:(?: {4}|\t).*?\n|\n)+/, 'sb'],
      [new RegExp(`(\`+)(?:${edot}|\\n)+?\\1`), 'sb'],
      [/^(?:\s*[*]){3,}\s*$/m, 'p'],
      [/^(?:\s*[-]){3,}\s*$/m, 'p'],
      [/^\s*[*+-](?=\s)/m, 'p'],
      [/^\s*\d+\./m, 'p'],
      [/^\s*>.*?$/m, 'gt'],
      [new RegExp(`^(\\s*)(\\[)((?:${edot})+?)(\\])(\\s*)(:)`, 'm'), ['', 'p', 'ss', 'p', '', 'p'], { push: 'ref' }],
      [new RegExp(`(!?\\[)((?:${edot})*?|[^\\]]*?)(\\])(?=[\\[(])`), ['p', 'nv', 'p'], { push: 'link' }],
      [new RegExp(`[*][*](?:${edot})*?[*][*]`), 'gs'],
      [new RegExp(`__(?:${edot})*?__`), 'gs'],
      [new RegExp(`[*](?:${edot})*?[*]`), 'ge'],
      [new RegExp(`_(?:${edot})*?_`), 'ge'],
      [/<.*?@.+[.].+>/, 'nv'],
      [new RegExp(`<(?:https?|mailto|ftp)://(?:${edot})*?>`), 'nv'],
      [/[^\\`[*\n&<]+/, ''],
      [/&\S*;/, { delegate: html }],
      [new RegExp(`<(?:${edot})*?>`), { delegate: html }],
      [/[&<]/, ''],
      [/\[/, ''],
      [/\n/, ''],
    ],
    link: [
      [new RegExp(`(\\[)((?:${edot})*?)(\\])`), ['p', 'ss', 'p'], { pop: 1 }],
      [/[(]/, 'p', { goto: 'inline_url' }],
      [/[ \t]+/, ''],
      [/(?:)/, '', { pop: 1 }],
    ],
    // Rouge pushes :title then :url; here one state stands for the url, then goes to the title.
    ref: [[/[ \t]+/, ''], [new RegExp(`(<)((?:${edot})*?)(>)`), ['nt', 'sx', 'nt'], { goto: 'title' }], [/\S+/, 'sx', { goto: 'title' }]],
    title: [
      [new RegExp(`"(?:${edot})*?"`), 'nn'],
      [new RegExp(`'(?:${edot})*?'`), 'nn'],
      [new RegExp(`[(](?:${edot})*?[)]`), 'nn'],
      [/\s*(?=["'()])/, ''],
      [/(?:)/, '', { pop: 1 }],
    ],
    inline_url: [
      [/[^<\s)]+/, 'sx', { goto: 'inline_title' }],
      [/\s+/, ''],
      [/[ \t]+/, ''],
      [new RegExp(`(<)((?:${edot})*?)(>)`), ['nt', 'sx', 'nt'], { goto: 'inline_title' }],
      [/\S+/, 'sx', { goto: 'inline_title' }],
    ],
    inline_title: [
      [/[)]/, 'p', { pop: 1 }],
      [new RegExp(`"(?:${edot})*?"`), 'nn'],
      [new RegExp(`'(?:${edot})*?'`), 'nn'],
      [new RegExp(`[(](?:${edot})*?[)]`), 'nn'],
      [/\s*(?=["'()])/, ''],
      [/(?:)/, '', { pop: 1 }],
    ],
  },
  'root',
);

export const markdown = makeProfile({
  hljs: 'markdown',
  plainLexer: markdownLexer,
  transparent: ['language:', 'section', 'bullet', 'code', 'emphasis', 'strong', 'link', 'string', 'symbol', 'quote', 'meta', 'attr', 'keyword', 'punctuation', 'tag', 'name', 'title'],
});
