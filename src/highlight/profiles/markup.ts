/** Rouge's html and xml lexers, ported as state machines; hljs supplies embedded CSS/JS and comments. */
import { makeProfile } from '../base-profile.js';
import { stateLexer, type StateRule } from '../regex-lexer.js';

const NAME = /[\p{L}:_-][\p{L}\p{N}_\p{Cf}:.·-]*/u.source;
const comment: StateRule[] = [[/[^-]+/, 'c'], [/-->/, 'c', { pop: 1 }], [/-/, 'c']];

const htmlLexer = stateLexer(
  {
    root: [
      [/[^<&]+/, ''],
      [/&\S*?;/, 'ni'],
      [/<!DOCTYPE .*?>/is, 'cp'],
      [/<!\[CDATA\[[\s\S]*?\]\]>/, 'cp'],
      [/<!--/, 'c', { push: 'comment' }],
      [/<\?[\s\S]*?\?>/, 'cp'],
      [/<\s*script\s*/, 'nt', { push: 'script_tag' }],
      [/<\s*style\s*/, 'nt', { push: 'style_tag' }],
      [/<\//, 'nt', { push: 'tag_end' }],
      [/</, 'nt', { push: 'tag_start' }],
    ],
    tag_end: [[/\s+/, ''], [/>/, 'nt', { pop: 1 }], [new RegExp(NAME, 'u'), 'nt', { goto: 'tag_end_end' }]],
    tag_end_end: [[/\s+/, ''], [/>/, 'nt', { pop: 1 }]],
    tag_start: [[/\s+/, ''], [new RegExp(NAME, 'u'), 'nt', { goto: 'tag' }], [/(?:)/, '', { goto: 'tag' }]],
    comment,
    tag: [
      [/\s+/, ''],
      [/[\p{L}:_\[\]()*.-][\p{L}\p{N}_\p{Cf}:.·\[\]()*-]*\s*=\s*/u, 'na', { push: 'attr' }],
      [/[\p{L}:_*#-][\p{L}\p{N}_\p{Cf}:.·*#-]*/u, 'na'],
      [/\/?\s*>/, 'nt', { pop: 1 }],
    ],
    // `<script …>` / `<style …>`: after the tag, the content is hljs's embedded language.
    script_tag: [[/\/?\s*>/, 'nt', { goto: 'script_content' }], [/\s+/, ''], [/[\p{L}:_\[\]()*.-][\p{L}\p{N}_\p{Cf}:.·\[\]()*-]*\s*=\s*/u, 'na', { push: 'attr' }], [/[\p{L}:_*#-][\p{L}\p{N}_\p{Cf}:.·*#-]*/u, 'na']],
    style_tag: [[/\/?\s*>/, 'nt', { goto: 'style_content' }], [/\s+/, ''], [/[\p{L}:_\[\]()*.-][\p{L}\p{N}_\p{Cf}:.·\[\]()*-]*\s*=\s*/u, 'na', { push: 'attr' }], [/[\p{L}:_*#-][\p{L}\p{N}_\p{Cf}:.·*#-]*/u, 'na']],
    script_content: [[/<\s*\/\s*script\s*>/, 'nt', { pop: 1 }], [/[^<]+|</, '']],
    style_content: [[/<\s*\/\s*style\s*>/, 'nt', { pop: 1 }], [/[^<]+|</, '']],
    attr: [[/"/, 's', { goto: 'dq' }], [/'/, 's', { goto: 'sq' }], [/[^\s>]+/, 's', { pop: 1 }]],
    dq: [[/"/, 's', { pop: 1 }], [/[^"]+/, 's']],
    sq: [[/'/, 's', { pop: 1 }], [/[^']+/, 's']],
  },
  'root',
);

const xmlLexer = stateLexer(
  {
    root: [
      [/[^<&]+/, ''],
      [/&\S*?;/, 'ni'],
      [/<!\[CDATA\[[\s\S]*?\]\]>/, 'cp'],
      [/<!--/, 'c', { push: 'comment' }],
      [/<\?[\s\S]*?\?>/, 'cp'],
      [/<![^>]*>/, 'cp'],
      [/<\s*[\p{L}:_][\p{L}\p{N}_\p{Cf}:.·-]*/u, 'nt', { push: 'tag' }],
      [/<\s*\/\s*[\p{L}:_][\p{L}\p{N}_\p{Cf}:.·-]*\s*>/u, 'nt'],
    ],
    comment,
    tag: [[/\s+/, ''], [/[\p{L}:_][\p{L}\p{N}_\p{Cf}:.·-]*\s*=/u, 'na', { push: 'attr' }], [/\/?\s*>/, 'nt', { pop: 1 }]],
    attr: [[/\s+/, ''], [/"[\s\S]*?"|'[\s\S]*?'|[^\s>]+/, 's', { pop: 1 }]],
  },
  'root',
);

// Everything but comments and embedded languages goes through the ported state machine.
const TRANSPARENT = ['tag', 'name', 'attr', 'string', 'meta', 'keyword', 'symbol', 'number', 'punctuation', 'operator', 'literal', 'built_in', 'title', 'subst', 'type', 'variable', 'params'];

export const html = makeProfile({ hljs: 'xml', plainLexer: htmlLexer, scopes: { comment: null }, transparent: TRANSPARENT });
export const xml = makeProfile({ hljs: 'xml', plainLexer: xmlLexer, scopes: { comment: null }, transparent: TRANSPARENT });
