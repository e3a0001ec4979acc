/** Rouge's kotlin lexer. */
import { IDENT, makeProfile, nextSolid, prevSolid, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const KEYWORDS = wordMap({
  k: 'abstract annotation as break by catch class companion const constructor continue crossinline do dynamic else enum external false final finally for fun get if import in infix inline inner interface internal is lateinit noinline null object open operator out override package private protected public reified return sealed set super suspend tailrec this throw true try typealias typeof val var vararg when where while yield',
});

function fix(tokens: Token[]): void {
  let expect: '' | 'class' | 'function' | 'property' | 'package' = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'c1' || t.cls === 'cm' || t.cls === 's' || t.cls === 'sc' || t.cls.startsWith('m')) {
      expect = '';
      continue;
    }
    if (!IDENT.test(t.text)) {
      if (t.text.trim() && expect !== 'function') expect = '';
      continue;
    }
    const prev = prevSolid(tokens, i);
    if (expect === 'package') {
      let j = i;
      while (tokens[j] && /^[\w.*]+$/.test(tokens[j]!.text)) tokens[j++]!.cls = 'nn';
      i = j - 1;
      expect = '';
      continue;
    }
    if (expect === 'class') {
      t.cls = /^[A-Z]/.test(t.text) ? 'nc' : 'n';
      expect = '';
      continue;
    }
    if (expect === 'property') {
      t.cls = 'py';
      expect = '';
      continue;
    }
    if (expect === 'function') {
      if (/^[A-Z]/.test(t.text) && tokens[i + 1]?.text.startsWith('.')) {
        t.cls = 'nc';
        continue;
      }
      t.cls = 'nf';
      expect = '';
      continue;
    }
    const word = KEYWORDS.get(t.text);
    if (t.text === 'data' && tokens[i + 2]?.text === 'class') {
      t.cls = 'kd';
      tokens[i + 2]!.cls = 'kd';
      i += 2;
      expect = 'class';
      continue;
    }
    if (word) {
      const companion = prev?.text === 'companion';
      t.cls = 'k';
      if (['class', 'interface', 'object'].includes(t.text) && !companion) {
        t.cls = 'kd';
        expect = 'class';
      } else if (t.text === 'val' || t.text === 'var') {
        t.cls = 'kd';
        expect = 'property';
      } else if (t.text === 'fun') expect = 'function';
      else if (t.text === 'package' || t.text === 'import') expect = 'package';
      continue;
    }
    if (/^[A-Z]/.test(t.text)) t.cls = 'nc';
    else if (/^[({]/.test(nextSolid(tokens, i)?.text ?? '')) t.cls = 'nf';
    else t.cls = 'n';
  }
  for (const t of tokens) {
    if (t.cls === 'p' && /^(::|!!|\?[:.]|\.\.)$/.test(t.text)) t.cls = 'o';
  }
}

export const kotlin = makeProfile({
  hljs: 'kotlin',
  operators: /::|!!|\?[:.]|\.\.|[-+*/%=<>!&|^~?]/,
  operatorClass: 'p',
  scopes: { subst: 's', variable: 's', meta: null, params: null, 'title.class': 'nc', 'title.function': 'nf', string: 's' },
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    fix(tokens);
    for (const t of tokens) if (t.cls === 's' && t.text.startsWith("'")) t.cls = 'sc';
  },
});
