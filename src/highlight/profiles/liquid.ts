/** Rouge's liquid lexer, ported (highlight.js has no Liquid grammar). */
import { makeProfile } from '../base-profile.js';
import { stateLexer, type StateRule } from '../regex-lexer.js';

const quoted = (s: string | undefined, other: string) => (/^'[^']*'$/.test(s ?? '') ? 's1' : /^"[^"]*"$/.test(s ?? '') ? 's2' : other);

const whitespace: StateRule[] = [[/[ \t]+/, 'w']];
const keyword: StateRule[] = [[/(?:false|true|nil)\b/, 'kc']];
const string: StateRule[] = [[/'[^']*'/, 's1'], [/"[^"]*"/, 's2']];
const number: StateRule[] = [[/-/, 'o'], [/\d+\.\d+/, 'mf'], [/\d+/, 'mi']];
const variable: StateRule[] = [
  [/(?:empty|blank|forloop\.[^\s%}|:]+)\b/, 'nb'],
  [/\.(?=\w)|\[|\]/, 'p'],
  [/(?:first|last|size)\b/, 'nf'],
  [/[a-zA-Z_][\w-]*\??/, 'nv'],
];
const generic = [...whitespace, ...keyword, ...string, ...number, ...variable];
const endOfTag: StateRule[] = [[/-?\}\}/, 'p', { reset: true }]];
const endOfBlock: StateRule[] = [[/-?%\}/, 'p', { reset: true }]];
const paramMarkup: StateRule[] = [...whitespace, ...keyword, ...string, ...number, [/([^\s=:]+)(\s*)(=|:)/, ['na', 'w', 'o']], [/[,:]/, 'p']];
const defaultParamMarkup: StateRule[] = [...paramMarkup, [/\S+/, '']];
const variableParamMarkup: StateRule[] = [...paramMarkup, ...variable, [/\S+/, '']];
const filter = /(\|)(\s*)([a-zA-Z_][^\s}|:]*)/;

const liquidLexer = stateLexer(
  {
    root: [
      [/[^{]+/, ''],
      [/(\{%-?)(\s*)/, ['p', 'w'], { push: 'tag_or_block' }],
      [/(\{\{-?)(\s*)/, ['p', 'w'], { push: 'output' }],
      [/\{/, ''],
    ],
    tag_or_block: [
      [/(?:if|elsif|unless|case)\b/, 'kr', { push: 'condition' }],
      [/when\b/, 'kr', { push: 'when' }],
      [/(else)(\s*)(-?%\})/, ['kr', 'w', 'p'], { pop: 1 }],
      [/(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})/, ['nt', 'w', 'nv', 'w', 'p'], { pop: 1 }],
      [/(comment)(\s*)(-?%\})/, ['nt', 'w', 'p'], { push: 'comment' }],
      [/(raw)(\s*)(-?%\})/, ['nt', 'w', 'p'], { push: 'raw' }],
      [/(end(?:if|unless|case))(\s*)(-?%\})/, ['kr', 'w', 'p'], { pop: 1 }],
      [/(end(?:[^\s%]+))(\s*)(-?%\})/, ['nt', 'w', 'p'], { pop: 1 }],
      [/(?:assign|echo)\b/, 'nt', { push: 'assign' }],
      [/(?:include|render)\b/, 'nt', { push: 'include' }],
      [/(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)/, (m) => ['nt', 'w', quoted(m[3], 'na'), 'w', 'p', 'w'], { push: 'variable_tag_markup' }],
      [
        /(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)((?:[^\s%,|'"]|(?:"[^"]*"|'[^']*'))+)(\s*)/,
        (m) => ['nt', 'w', 'nv', 'w', 'nt', 'w', quoted(m[7], 'nv'), 'w'],
        { push: 'tag_markup' },
      ],
      [/([^\s%]+)(\s*)/, ['nt', 'w'], { push: 'tag_markup' }],
    ],
    output: [[filter, ['p', 'w', 'nf'], { push: 'filters' }], ...endOfTag, ...generic],
    filters: [[/(\|)(\s*)([a-zA-Z_][^\s%}|:]*)/, ['p', 'w', 'nf']], ...endOfTag, ...endOfBlock, ...variableParamMarkup],
    condition: [[/[=!]=|[<>]=?/, 'o'], [/(?:and|or|contains)\b/, 'ow'], ...endOfBlock, ...generic],
    when: [...endOfBlock, ...generic],
    tag_markup: [[/reversed\b/, 'na'], ...endOfBlock, ...defaultParamMarkup],
    variable_tag_markup: [...endOfBlock, ...variableParamMarkup],
    comment: [[/[^{]+/, 'c'], [/(\{%-?)(\s*)(endcomment)(\s*)(-?%\})/, ['p', 'w', 'nt', 'w', 'p'], { reset: true }], [/\{/, 'c']],
    raw: [[/[^{]+/, ''], [/(\{%-?)(\s*)(endraw)(\s*)(-?%\})/, ['p', 'w', 'nt', 'w', 'p'], { reset: true }], [/\{/, '']],
    assign: [[/=/, 'o'], [/(\|)(\s*)([a-zA-Z_][^\s%|:]*)/, ['p', 'w', 'nf'], { push: 'filters' }], ...endOfBlock, ...generic],
    include: [
      [/(\{\{-?)(\s*)/, ['p', 'w'], { push: 'output_embed' }],
      [/(?:with|for)\b/, 'nt'],
      [/[/\w-]+(?:\.[\w-]+)+\b/, ''],
      ...endOfBlock,
      ...variableParamMarkup,
    ],
    output_embed: [[filter, ['p', 'w', 'nf']], [/-?\}\}/, 'p', { pop: 1 }], ...variableParamMarkup],
  },
  'root',
);

export const liquid = makeProfile({ hljs: '', plainLexer: liquidLexer });
