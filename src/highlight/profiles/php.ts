/**
 * Rouge's php lexer. Rouge knows PHP's thousands of builtin functions; we do not ship that list:
 * a call to a lower-case name the snippet does not define itself counts as a builtin.
 */
import { IDENT, makeProfile, nextSolid, splitEscapes } from '../base-profile.js';
import type { Token } from '../token.js';

const KEYWORDS = new Set(
  'old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__ __method__ __namespace__ __trait__ abstract and array as break case catch clone continue declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final finally fn for foreach global goto if implements include include_once instanceof insteadof isset list match new or parent print private protected public readonly require require_once return self static switch throw try unset var while xor yield function const use namespace class interface trait'.split(' '),
);

function fix(tokens: Token[]): void {
  const defined = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text === 'function') {
      const n = nextSolid(tokens, i);
      if (n && IDENT.test(n.text)) defined.add(n.text.toLowerCase());
    }
  }
  // What the next name means, from the keyword before it (Rouge's in_* states, simplified).
  let mode: '' | 'namespace' | 'class' | 'fname' | 'params' | 'return' | 'new' | 'visibility' = '';
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cls = t.cls;
    if (cls === 'cp' || cls === 'c1' || cls === 'cm' || cls === 'cd' || cls.startsWith('s') || cls.startsWith('m')) continue;
    if (t.text.startsWith('$')) {
      t.cls = 'nv';
      continue;
    }
    if (!IDENT.test(t.text)) {
      if (!t.text.trim()) continue;
      for (const ch of t.text) {
        if (mode === 'fname' && ch === '(') {
          mode = 'params';
          depth = 1;
        } else if (mode === 'params') {
          if (ch === '(') depth++;
          else if (ch === ')' && --depth === 0) mode = 'return';
        } else if (mode === 'return' && (ch === '{' || ch === ';')) mode = '';
        else if (mode !== 'return' && mode !== 'visibility' && mode !== 'fname') mode = '';
      }
      continue;
    }
    const lower = t.text.toLowerCase();
    const call = nextSolid(tokens, i)?.text.startsWith('(');
    switch (mode) {
      case 'namespace':
        t.cls = 'nn';
        mode = '';
        continue;
      case 'class':
        t.cls = 'nc';
        mode = '';
        continue;
      case 'new':
        t.cls = 'nc';
        mode = '';
        continue;
      case 'fname':
        t.cls = 'n';
        continue;
      case 'params':
      case 'return':
        t.cls = ['public', 'protected', 'private', 'readonly'].includes(lower) ? 'k' : 'kt';
        continue;
      case 'visibility':
        if (lower === 'static' || lower === 'readonly') {
          t.cls = 'k';
          continue;
        }
        mode = '';
        if (!['abstract', 'const', 'function'].includes(lower)) {
          t.cls = 'kt';
          continue;
        }
    }
    if (lower === 'namespace') {
      t.cls = 'kn';
      mode = 'namespace';
    } else if (lower === 'use') {
      t.cls = 'kn';
    } else if (['class', 'interface', 'trait', 'extends', 'implements'].includes(lower)) {
      t.cls = 'kd';
      mode = 'class';
    } else if (lower === 'function' || lower === 'fn') {
      t.cls = 'k';
      mode = 'fname';
    } else if (lower === 'new') {
      t.cls = 'k';
      mode = 'new';
    } else if (['public', 'protected', 'private'].includes(lower)) {
      t.cls = 'k';
      mode = 'visibility';
    } else if (['true', 'false', 'null'].includes(lower)) t.cls = 'kc';
    else if (KEYWORDS.has(lower)) t.cls = 'k';
    else if (call) {
      const before = tokens[i - 1]?.text ?? '';
      t.cls = defined.has(lower) || /(->|::)$/.test(before) || /[A-Z]/.test(t.text) ? 'nf' : 'nb';
    } else if (/^__.*__$/.test(t.text)) t.cls = 'nb';
    else if (/^[A-Z][A-Z0-9_]+$/.test(t.text)) t.cls = 'no';
    else if (/^[A-Z]/.test(t.text)) t.cls = 'nc';
    else t.cls = 'n';
  }
}

export const php = makeProfile({
  hljs: 'php',
  operators: /[~!%^&*+|:.<>/@=?-]/,
  scopes: { meta: 'cp', subst: null, params: null, 'variable.language': 'nv', variable: 'nv', string: 's', 'title.class': null, 'title.function': null, 'title.function.invoke': null, 'title.class.inherited': null, built_in: null, keyword: null, type: null, literal: null },
  string: (_t, head) => (head.startsWith("'") ? 's1' : head.startsWith('`') ? 'sb' : 's2'),
  comment: (t) => (t.startsWith('/**') ? 'cd' : t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    fix(tokens);
    splitEscapes(tokens, 'se', new Set(['s2']));
  },
});
