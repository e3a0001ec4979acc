/**
 * Rouge's css and scss lexers, ported as state machines over the text highlight.js leaves outside
 * comments (selectors, property names and values depend on where in a rule they sit).
 */
import { makeProfile } from '../base-profile.js';
import { stateLexer, type StateRule } from '../regex-lexer.js';
import { cssAttributes, cssBuiltins, cssConstants, cssVendorPrefixes } from '../rouge-words.js';

const ident = /[\p{L}_-][\p{L}\p{N}_\p{Cf}-]*/u;
const I = ident.source;
const number = /-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)/.source;

const cssValueName = (m: RegExpExecArray) => (cssConstants.has(m[0]) ? 'no' : cssBuiltins.has(m[0]) ? 'nb' : 'n');
const cssProperty = (name: string) =>
  cssAttributes.has(name) || [...cssVendorPrefixes].some((p) => name.startsWith(p)) ? 'nl' : 'py';

const basics: StateRule[] = [[/\s+/, '']];
const value: StateRule[] = [
  ...basics,
  [/url\(.*?\)/, 'sx'],
  [/#[0-9a-f]{1,6}/i, 'm'],
  [new RegExp(`${number}(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\\b)?`), 'm'],
  [/[\[\]():/.,]/, 'p'],
  [/"(?:\\\\|\\"|[^"])*"/, 's1'],
  [/'(?:\\\\|\\'|[^'])*'/, 's2'],
  [ident, cssValueName],
];
const root: StateRule[] = [
  ...basics,
  [/\{/, 'p', { push: 'stanza' }],
  [new RegExp(`:[:]?${I}`, 'u'), 'nd'],
  [new RegExp(`\\.${I}`, 'u'), 'nc'],
  [new RegExp(`#${I}`, 'u'), 'nf'],
  [new RegExp(`@${I}`, 'u'), 'k', { push: 'at_rule' }],
  [ident, 'nt'],
  [/[~^*!%&\[\]()<>|+=@:;,./?-]/, 'o'],
  [/"(?:\\\\|\\"|[^"])*"/, 's1'],
  [/'(?:\\\\|\\'|[^'])*'/, 's2'],
];
// Rouge's `(name)(\s*)(:)` groups, as a name rule and a state for the space and colon.
const property: StateRule = [new RegExp(`${I}(?=\\s*:)`, 'u'), (m) => cssProperty(m[0]), { push: 'property_colon' }];
const stanza: StateRule[] = [...basics, [/\}/, 'p', { pop: 1 }], property];

const cssLexer = stateLexer(
  {
    root,
    value,
    at_rule: [[new RegExp(`\\{(?=\\s*${I}\\s*:)`, 'u'), 'p', { goto: 'at_stanza' }], [/\{/, 'p', { goto: 'at_body' }], [/;/, 'p', { pop: 1 }], ...value],
    at_body: [[/\}/, 'p', { pop: 1 }], ...root],
    at_stanza: [[/\}/, 'p', { pop: 1 }], ...basics, property],
    stanza,
    property_colon: [[/\s+/, ''], [/:/, 'p', { goto: 'stanza_value' }]],
    stanza_value: [[/;/, 'p', { pop: 1 }], [/(?=\})/, '', { pop: 1 }], [/!\s*important\b/, 'cp'], [/^@.*?$/m, 'cp'], ...value],
  },
  'root',
);

export const css = makeProfile({
  hljs: 'css',
  plainLexer: cssLexer,
  scopes: { comment: 'c' },
  transparent: [
    'selector-tag', 'selector-class', 'selector-id', 'selector-pseudo', 'selector-attr', 'attribute', 'number', 'string',
    'built_in', 'keyword', 'meta', 'attr', 'variable', 'punctuation', 'operator', 'link', 'title', 'property', 'selector', 'params',
  ],
  fix: undefined,
});

const id = /[\w-]+/.source;
const scssValue: StateRule[] = [
  [/\n/, ''],
  [/[;{}]/, 'p', { goto: 'root' }],
  [/[ \t]+/, ''],
  [new RegExp(`[$]${id}`), 'nv'],
  [/url[(]/, 'sx', { push: 'string_url' }],
  [new RegExp(`${id}(?=\\s*[(])`), 'nf'],
  [new RegExp(`%${id}`), 'nd'],
  [/(?:true|false)\b/, 'bp'],
  [/(?:and|or|not)\b/, 'ow'],
  [/#[a-z0-9]{1,6}/i, 'mh'],
  [/-?\d+(?:%|[a-z]+)?/, 'm'],
  [/-?\d*\.\d+(?:%|[a-z]+)?/, 'mi'],
  [/"/, 's2', { push: 'dq' }],
  [/'/, 's1', { push: 'sq' }],
  [/#\{/, 'si', { push: 'interpolation' }],
  [/[~^*!&%<>|+=@:,./?-]+/, 'o'],
  [/[\[\]()]+/, 'p'],
  [new RegExp(id), (m) => (cssBuiltins.has(m[0]) ? 'nb' : cssConstants.has(m[0]) ? 'no' : 'n')],
];
const endSection: StateRule[] = [[/\n/, ''], [/[;{}]/, 'p', { goto: 'root' }]];
const contentCommon: StateRule[] = [
  [/@(?:debug|warn|if|each|while|else|return|media|for)\b/, 'k', { push: 'value' }],
  [new RegExp(`(@mixin|@function)([ \\t]+)(${id})`), ['k', '', 'nf'], { push: 'value' }],
  [/@extend\b/, 'k', { push: 'selector' }],
  [new RegExp(`(@include)([ \\t]+)(${id})`), ['k', '', 'nd'], { push: 'value' }],
  [new RegExp(`@${id}`), 'k', { push: 'selector' }],
  [/&/, 'k', { push: 'selector' }],
  [new RegExp(`([$]${id})([ \\t]*)(:)`), ['nv', '', 'p'], { push: 'value' }],
];
const scssLexer = stateLexer(
  {
    root: [
      [/\s+/, ''],
      [/@import\b/, 'k', { push: 'value' }],
      ...contentCommon,
      [/(?=[^;{}][;}])/, '', { push: 'attribute' }],
      [/(?=[^;{}:\[]+:[^a-z])/, '', { push: 'attribute' }],
      [/(?=[\s\S])/, '', { push: 'selector' }],
    ],
    value: scssValue,
    interpolation: [[/\}/, 'si', { pop: 1 }], ...scssValue],
    dq: [[/"/, 's2', { pop: 1 }], [/#\{/, 'si', { push: 'interpolation' }], [/(?:\\.|#(?!\{)|[^\n"#])+/, 's2']],
    sq: [[/'/, 's1', { pop: 1 }], [/#\{/, 'si', { push: 'interpolation' }], [/(?:\\.|#(?!\{)|[^\n'#])+/, 's1']],
    string_url: [[/[)]/, 'sx', { pop: 1 }], [/(?:\\.|#(?!\{)|[^\n)#])+/, 'sx'], [/#\{/, 'si', { push: 'interpolation' }]],
    selector: [
      ...endSection,
      [/"/, 's2', { push: 'dq' }],
      [/'/, 's1', { push: 'sq' }],
      [/#\{/, 'si', { push: 'interpolation' }],
      [/[ \t]+/, ''],
      [new RegExp(`:${id}`), 'nd'],
      [new RegExp(`:`), 'nd'],
      [new RegExp(`[.]${id}`), 'nc'],
      [new RegExp(`#${id}`), 'nn'],
      [new RegExp(`%${id}`), 'nv'],
      [new RegExp(id), 'nt'],
      [/&/, 'k'],
      [/[~^*!&\[\]()<>|+=@:;,./?-]/, 'o'],
    ],
    attribute: [
      [/#\{/, 'si', { push: 'interpolation' }],
      [new RegExp(id), (m) => (cssAttributes.has(m[0]) ? 'nl' : 'na')],
      [/([ \t]*)(:)/, ['', 'p'], { goto: 'value' }],
    ],
  },
  'root',
);

export const scss = makeProfile({
  hljs: 'scss',
  plainLexer: scssLexer,
  scopes: { comment: 'c' },
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  transparent: [
    'selector-tag', 'selector-class', 'selector-id', 'selector-pseudo', 'selector-attr', 'attribute', 'number', 'string',
    'built_in', 'keyword', 'meta', 'attr', 'variable', 'punctuation', 'operator', 'link', 'title', 'property', 'selector', 'params',
    'attr-value', 'selector-tag', 'meta-keyword', 'literal', 'symbol',
  ],
});
