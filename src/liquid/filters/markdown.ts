/** Jekyll's converter filters: markdownify, smartify, sassify, scssify. */
import { rubyToS } from '../ruby.js';
import { def, type FilterTable, type FilterThis } from './types.js';

/**
 * kramdown's SmartyPants conversion as Jekyll's smartify applies it: quotes, dashes and
 * ellipses become typographic characters, `&` outside entities is escaped, HTML tags and
 * the contents of code/pre/kbd/script/style stay as written.
 */
export function smartypants(text: string): string {
  let out = '';
  let skipUntil: string | undefined;
  const re = /(<\/?([a-zA-Z][\w-]*)[^>]*>|<!--[\s\S]*?-->)|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  let prev = '';
  while ((m = re.exec(text))) {
    if (m[1]) {
      const tag = m[2]?.toLowerCase();
      if (skipUntil && m[1].toLowerCase().startsWith(`</${skipUntil}`)) skipUntil = undefined;
      else if (!skipUntil && tag && /^(code|pre|kbd|script|style|math)$/.test(tag) && !m[1].startsWith('</')) skipUntil = tag;
      out += m[1];
      continue;
    }
    const chunk = m[3];
    if (skipUntil) {
      out += chunk;
      continue;
    }
    out += educate(chunk, prev);
    prev = chunk.slice(-1);
  }
  return out;
}

function educate(s: string, before: string): string {
  let t = s.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  t = t.replace(/\.\.\.|\. \. \./g, '…');
  t = t.replace(/---/g, '—').replace(/--/g, '–');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const prev = i > 0 ? t[i - 1] : before;
    const next = t[i + 1] ?? '';
    const opening = prev === '' || /[\s([{\u2014\u2013-]/.test(prev);
    if (c === '"') out += opening && next !== '' && !/\s/.test(next) ? '“' : opening && next === '' ? '“' : '”';
    else if (/\w/.test(prev) && /\w/.test(next)) out += '’';
    else out += opening && next !== '' && !/\s/.test(next) ? '‘' : '’';
  }
  return out;
}

export const markdownFilters: FilterTable = {
  markdownify: def(function (this: FilterThis, input) {
    const text = rubyToS(input);
    if (!this.env.markdownify) throw new Error('markdownify: no Markdown converter was given to the Liquid environment');
    return this.env.markdownify(text);
  }),
  smartify: def((input) => smartypants(rubyToS(input))),
  sassify: def(function (this: FilterThis, input) {
    if (!this.env.sassify) throw new Error('sassify: no Sass compiler was given to the Liquid environment');
    return this.env.sassify(rubyToS(input), 'sass');
  }),
  scssify: def(function (this: FilterThis, input) {
    if (!this.env.sassify) throw new Error('scssify: no Sass compiler was given to the Liquid environment');
    return this.env.sassify(rubyToS(input), 'scss');
  }),
};
