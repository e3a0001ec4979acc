/** Rouge's java and csharp lexers. */
import { IDENT, makeProfile, nextSolid, prevSolid, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const JAVA_WORDS = wordMap({
  kn: 'import package',
  kc: 'true false null',
  kt: 'boolean byte char double float int long short var void',
  kd: 'abstract const enum extends final implements native private protected public static strictfp super synchronized throws transient volatile class interface',
  k: 'assert break case catch continue default do else finally for if goto instanceof new return switch this throw try while',
});

const isName = (t: Token | undefined) => !!t && IDENT.test(t.text) && t.cls !== 'c1' && t.cls !== 'cm' && !t.cls.startsWith('s');

function javaFix(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'c1' || t.cls === 'cm' || t.cls.startsWith('s') || t.cls.startsWith('m')) continue;
    if (t.text === '@' && isName(tokens[i + 1])) {
      t.cls = 'nd';
      tokens[i + 1]!.cls = 'nd';
      i++;
      continue;
    }
    if (!IDENT.test(t.text)) continue;
    const word = JAVA_WORDS.get(t.text);
    const before = tokens[i - 1];
    const prev = prevSolid(tokens, i);
    const next = tokens[i + 1];
    if (word === 'kn') {
      t.cls = 'kn';
      // The namespace: `[a-z0-9_.]+\*?` as one token.
      let j = i + 1;
      while (tokens[j] && /^\s+$/.test(tokens[j]!.text)) j++;
      while (tokens[j] && /^[\w.*]+$/.test(tokens[j]!.text)) tokens[j++]!.cls = 'nn';
      i = j - 1;
      continue;
    }
    if (word === 'k') {
      t.cls = 'k';
      continue;
    }
    if (before?.text === '.' || before?.text.endsWith('.')) {
      t.cls = 'na';
      continue;
    }
    // Rouge's `id:` label rule also catches `Type::method` (then `:` is an operator).
    if (next?.text.startsWith(':')) {
      t.cls = 'nl';
      next.cls = 'nl';
      if (next.text.length > 1) {
        tokens.splice(i + 2, 0, { cls: 'o', text: next.text.slice(1) });
        next.text = ':';
      }
      continue;
    }
    // A method declaration or call preceded by a (non-keyword) word: Rouge's "return type + name(" rule.
    const after = nextSolid(tokens, i);
    const typeEnd = prev && (/[>\]]$/.test(prev.text) || (isName(prev) && JAVA_WORDS.get(prev.text) !== 'k'));
    if (after?.text.startsWith('(') && /^\s+$/.test(before?.text ?? '') && typeEnd) {
      t.cls = 'nf';
      continue;
    }
    if (prev && (prev.text === 'class' || prev.text === 'interface')) t.cls = 'nc';
    else if (word) t.cls = word;
    else if (/^[A-Z][A-Z0-9_]*$/.test(t.text)) t.cls = 'no';
    else if (/^[A-Z][A-Za-z0-9]*$/.test(t.text)) t.cls = 'nc';
    else t.cls = 'n';
  }
}

export const java = makeProfile({
  hljs: 'java',
  punctClass: 'o',
  operators: /[-+*/%=<>!&|^~?:]/,
  scopes: { meta: null, params: null, string: 's' },
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    javaFix(tokens);
    for (const t of tokens) if (t.cls === 's' && t.text.startsWith("'")) t.cls = 'sc';
  },
});

const CS_WORDS = wordMap({
  kt: 'bool byte char decimal double dynamic float int long object sbyte short string uint ulong ushort var',
  k: 'abstract as base break case catch checked const continue default delegate do else enum event explicit extern false finally fixed for foreach goto if implicit in interface internal is lock new null operator out override params private protected public readonly ref return sealed sizeof stackalloc static switch this throw true try typeof unchecked unsafe virtual void volatile while add alias async await get global partial remove set value where yield nameof ascending by descending equals from group in into join let on orderby select class struct namespace using',
});

function csFix(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'c1' || t.cls === 'cm' || t.cls.startsWith('s') || t.cls === 'm') continue;
    const prev = prevSolid(tokens, i);
    if (prev && ['namespace', 'using'].includes(prev.text) && /^[\w.]+$/.test(t.text)) {
      let j = i;
      while (tokens[j] && /^[\w.]+$/.test(tokens[j]!.text)) tokens[j++]!.cls = 'nn';
      i = j - 1;
      continue;
    }
    if (!IDENT.test(t.text)) continue;
    if (prev && ['class', 'struct', 'interface'].includes(prev.text) && prev.cls === 'k') {
      t.cls = 'nc';
      continue;
    }
    if (prev && ['namespace', 'using'].includes(prev.text) && prev.cls === 'k') {
      // `(id|.)+` as one namespace token.
      let j = i;
      while (tokens[j] && /^[\w.]+$/.test(tokens[j]!.text)) tokens[j++]!.cls = 'nn';
      i = j - 1;
      continue;
    }
    const word = CS_WORDS.get(t.text);
    if (word) t.cls = word;
    else if (nextSolid(tokens, i)?.text.startsWith('(')) t.cls = 'nf';
    else t.cls = 'n';
  }
}

export const csharp = makeProfile({
  hljs: 'csharp',
  operators: /[-+*/%=<>!&|^~?:]/,
  operatorClass: 'p',
  scopes: { subst: null, meta: null, params: null, string: 's', 'title.class': 'nc' },
  number: () => 'm',
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    csFix(tokens);
    for (const t of tokens) if (t.cls === 's' && t.text.startsWith("'")) t.cls = 'sc';
  },
});
