/** Rouge's toml and ini lexers, ported (small state machines; hljs's ini grammar classes differ). */
import { makeProfile } from '../base-profile.js';
import { stateLexer, type StateRule } from '../regex-lexer.js';

const TID = /(?:\S+|"[^"]+"|'[^']+')/.source;
const escStr: StateRule[] = [[/\\[0t\tn\n "\\r]/, 'se']];
const basic: StateRule[] = [
  [/\s+/, ''],
  [/#.*?$/m, 'c'],
  [/(?:true|false)/, 'kc'],
  [new RegExp(`(${TID})(\\s*)(=)(\\s*)(\\{)`), ['nn', '', 'o', '', 'p'], { push: 'inline' }],
  [/(?<!=)\s*\[\S+\]/, 'nn'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/, 'ld'],
  [/[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?/, 'mf'],
  [/[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*/, 'mf'],
  [/[+-]?(?:nan|inf)/, 'mf'],
  [/0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*/, 'mh'],
  [/0o[0-7]+(?:_[0-7]+)*/, 'mo'],
  [/0b[01]+(?:_[01]+)*/, 'mb'],
  [/[+-]?\d+(?:_\d+)*/, 'mi'],
];
const content: StateRule[] = [
  ...basic,
  [new RegExp(`(${TID})(\\s*)(=)`), ['py', '', 'p']],
  [/"""/, 's', { push: 'mdq' }],
  [/"/, 's', { push: 'dq' }],
  [/'''/, 's', { push: 'msq' }],
  [/'/, 's', { push: 'sq' }],
  ...escStr,
  [/,/, 'p'],
  [/\[/, 'p', { push: 'array' }],
];

const tomlLexer = stateLexer(
  {
    root: [...basic, [new RegExp(`(${TID})(\\s*)(=)`), ['py', '', 'p'], { push: 'value' }]],
    value: [[/\n/, '', { pop: 1 }], ...content],
    dq: [[/"/, 's', { pop: 1 }], [/\n/, 'err', { pop: 1 }], ...escStr, [/[^\\"\n]+/, 's']],
    mdq: [[/"""/, 's', { pop: 1 }], ...escStr, [/[^\\"]+/, 's'], [/"+/, 's']],
    sq: [[/'/, 's', { pop: 1 }], [/\n/, 'err', { pop: 1 }], [/[^'\n]+/, 's']],
    msq: [[/'''/, 's', { pop: 1 }], [/[^']+/, 's'], [/'+/, 's']],
    array: [...content, [/\]/, 'p', { pop: 1 }]],
    inline: [...content, [/\}/, 'p', { pop: 1 }]],
  },
  'root',
);

const iniBasic: StateRule[] = [[/[;#].*?\n/, 'c'], [/\s+/, ''], [/\\\n/, 'se']];
const iniLexer = stateLexer(
  {
    root: [...iniBasic, [/([\w\-.]+)(\s*)(=)/, ['py', '', 'p'], { push: 'value' }], [/\[.*?\]/, 'nn']],
    value: [[/\n/, '', { pop: 1 }], ...iniBasic, [/"/, 's', { push: 'dq' }], [/'.*?'/, 's'], [/\\[\s\S]/, 'se'], [/[^\\\n]+/, 's']],
    dq: [[/"/, 's', { pop: 1 }], [/\\[\s\S]/, 'se'], [/[^\\"]+/, 's']],
  },
  'root',
);

export const toml = makeProfile({ hljs: '', plainLexer: tomlLexer });
export const ini = makeProfile({ hljs: '', plainLexer: iniLexer });
