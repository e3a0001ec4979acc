/** Rouge's rust lexer. */
import { IDENT, makeProfile, nextSolid, splitEscapes, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const WORDS = wordMap({
  nb: 'Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator',
  k: 'as async await break const continue crate dyn else enum extern false fn for if impl in let log loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield try union',
});

function fix(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cls = t.cls;
    if (cls === 'c1' || cls === 'cm' || cls === 'cd' || cls.startsWith('s') || cls.startsWith('m')) continue;
    // Attributes `#[...]`: decorator all through (whitespace and literals aside).
    if (t.text.startsWith('#') && tokens[i + 1]?.text.startsWith('[') || /^#!?\[/.test(t.text)) {
      let depth = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        const x = tokens[j]!;
        if (x.text.trim() && !x.cls.startsWith('s') && !x.cls.startsWith('m')) x.cls = 'nd';
        depth += (x.text.match(/\[/g) ?? []).length - (x.text.match(/]/g) ?? []).length;
        if (depth <= 0 && x.text.includes(']')) break;
      }
      i = j;
      continue;
    }
    if (t.text === "'" && tokens[i + 1] && IDENT.test(tokens[i + 1]!.text)) {
      const name = tokens[i + 1]!;
      t.cls = name.cls = name.text === 'static' ? 'k' : 'nv';
      i++;
      continue;
    }
    if (!IDENT.test(t.text)) continue;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    const afterDot = before?.text.endsWith('.') && !before.text.endsWith('..');
    const call = nextSolid(tokens, i)?.text.startsWith('(');
    if (next?.text.startsWith('!') && !next.text.startsWith('!=')) {
      t.cls = 'nd';
      next.text = next.text.slice(1);
      tokens.splice(i + 1, 0, { cls: 'nd', text: '!' });
      continue;
    }
    const word = WORDS.get(t.text);
    if (word === 'k' && !afterDot) {
      t.cls = 'k';
      continue;
    }
    if (afterDot) {
      t.cls = call ? 'nf' : t.text === 'await' ? 'k' : 'py';
      // The dot belongs to the name.
      if (before!.text === '.') before!.cls = t.cls;
      else {
        before!.text = before!.text.slice(0, -1);
        tokens.splice(i, 0, { cls: t.cls, text: '.' });
        i++;
      }
      continue;
    }
    if (call) t.cls = 'nf';
    else if (next?.text.startsWith('::')) t.cls = 'nn';
    else t.cls = word ?? 'n';
  }
  for (const t of tokens) {
    if (t.text === '->' || t.text === '=>') t.cls = 'k';
    else if (t.cls === 'p' && /^(::|\.\.\.?)$/.test(t.text)) t.cls = t.text === '::' ? 'p' : 'o';
  }
}

export const rust = makeProfile({
  hljs: 'rust',
  operators: /[*/!@~&+%^<>=?-]|\.\.|=>|->/,
  scopes: { meta: null, params: null, string: 's', 'title.class': null, 'title.function': null, 'title.function.invoke': null, literal: 'kc', symbol: null, built_in: null, type: null, keyword: null },
  number: (t) => (/[.eE]|f32|f64/.test(t.replace(/^0x[\w]+/, '')) ? 'mf' : 'mi'),
  comment: (t) => (/^\/\/[/!](?!\/)/.test(t) ? 'cd' : t.startsWith('/*') ? (/^\/\*[*!](?!\*)/.test(t) ? 'cd' : 'cm') : 'c1'),
  fix: (tokens) => {
    fix(tokens);
    for (const t of tokens) if (t.cls === 's' && /^b?'/.test(t.text)) t.cls = 'sc';
    splitEscapes(tokens);
  },
});
