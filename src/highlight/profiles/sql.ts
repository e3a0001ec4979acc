/** Rouge's sql lexer, ported (its keyword lists are generated from Rouge). */
import { makeProfile } from '../base-profile.js';
import { stateLexer } from '../regex-lexer.js';
import { sqlKeywords, sqlKeywordsType } from '../rouge-words.js';

const sqlLexer = stateLexer(
  {
    root: [
      [/\s+/, ''],
      [/--.*/, 'c1'],
      [/\/\*/, 'cm', { push: 'multiline_comments' }],
      [/\d+/, 'mi'],
      [/'/, 's1', { push: 'single_string' }],
      [/"/, 'nv', { push: 'double_string' }],
      [/`/, 'nv', { push: 'backtick' }],
      [/\w\w*/, (m) => (sqlKeywordsType.has(m[0].toUpperCase()) ? 'nb' : sqlKeywords.has(m[0].toUpperCase()) ? 'k' : 'n')],
      [/[+*/<>=~!@#%&|?^-]/, 'o'],
      [/[;:()[\]{},.]/, 'p'],
    ],
    multiline_comments: [[/\/[*]/, 'cm', { push: 'multiline_comments' }], [/[*]\//, 'cm', { pop: 1 }], [/[^/*]+/, 'cm'], [/[/*]/, 'cm']],
    backtick: [[/\\./, 'se'], [/``/, 'se'], [/`/, 'nv', { pop: 1 }], [/[^\\`]+/, 'nv']],
    single_string: [[/\\./, 'se'], [/''/, 'se'], [/'/, 's1', { pop: 1 }], [/[^\\']+/, 's1']],
    double_string: [[/\\./, 'se'], [/""/, 'se'], [/"/, 'nv', { pop: 1 }], [/[^\\"]+/, 'nv']],
  },
  'root',
);

export const sql = makeProfile({
  hljs: 'sql',
  plainLexer: sqlLexer,
  transparent: ['language:', 'keyword', 'string', 'comment', 'built_in', 'type', 'number', 'operator', 'punctuation', 'literal', 'variable', 'meta', 'title', 'symbol', 'attr', 'params'],
});
