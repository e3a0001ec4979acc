/** Rouge's c and cpp lexers: word lists, preprocessor lines, labels. */
import { makeProfile, splitEscapes, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const C_K =
  'auto break case const continue default do else enum extern for goto if register restricted return sizeof static struct switch typedef union volatile virtual while _Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local';
const C_KT =
  'int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t';
const C_KR =
  '__asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict _restrict __restrict thread _thread __thread typename _typename __typename';
const CPP_K =
  'asm auto catch char8_t concept consteval constexpr constinit const_cast co_await co_return co_yield delete dynamic_cast explicit export friend mutable namespace new operator private protected public reinterpret_cast requires restrict size_of static_cast this throw throws typeid typename using virtual final override alignas alignof decltype noexcept static_assert thread_local try class template';

/** Preprocessor lines are `cp` to the end of the line (newline included); `#include` names are `cpf`. */
function preprocessor(tokens: Token[]): void {
  let lineStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lineStart && t.text.trim() && t.text.startsWith('#') && t.cls !== 'c1' && t.cls !== 'cm') {
      const line: Token[] = [];
      let j = i;
      while (j < tokens.length && !tokens[j]!.text.includes('\n')) line.push(tokens[j++]!);
      const text = line.map((x) => x.text).join('');
      const inc = /^(#\s*include)(\s*)(<[^>]+>|"[^"]+")(.*)$/.exec(text);
      const repl: Token[] = inc
        ? [{ cls: 'cp', text: inc[1]! }, { cls: '', text: inc[2]! }, { cls: 'cpf', text: inc[3]! }, { cls: 'c1', text: inc[4]! }]
        : [{ cls: 'cp', text }];
      // The newline that ends the directive belongs to it.
      const nl = tokens[j];
      if (nl && nl.cls === '' && nl.text.startsWith('\n')) {
        repl.push({ cls: 'cp', text: '\n' });
        if (nl.text.length > 1) repl.push({ cls: '', text: nl.text.slice(1) });
        j++;
      }
      tokens.splice(i, j - i, ...repl);
      i += repl.length - 1;
      lineStart = true;
      continue;
    }
    if (t.text.includes('\n')) lineStart = /\n[ \t]*$/.test(t.text);
    else if (t.text.trim()) lineStart = false;
  }
}

/** `name:` at the start of a line is a label (`public:` in C++ too). */
function labels(tokens: Token[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const before = tokens[i - 1];
    if (!/^[A-Za-z_]\w*$/.test(t.text) || (before && !/\n[ \t]*$/.test(before.text))) continue;
    const next = tokens[i + 1]!;
    if (next.text === ':' || (next.text.startsWith(':') && !next.text.startsWith('::'))) {
      t.cls = 'nl';
      t.text += ':';
      next.text = next.text.slice(1);
    }
  }
}

function chars(tokens: Token[]): void {
  for (const t of tokens) if (t.cls.startsWith('s') && t.text.startsWith("'")) t.cls = 'sc';
}

export const c = makeProfile({
  hljs: 'c',
  operators: /[~!%^&*+=|?:<>/-]/,
  scopes: { 'title.class': 'n', meta: 'cp', string: 's' },
  words: wordMap({ nb: 'true false NULL', kr: C_KR, kt: C_KT, k: C_K }),
  keep: ['nf'],
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    preprocessor(tokens);
    labels(tokens);
    chars(tokens);
    splitEscapes(tokens);
  },
});

export const cpp = makeProfile({
  hljs: 'cpp',
  operators: /[~!%^&*+=|?:<>/-]/,
  scopes: { 'title.class': 'n', 'title.function': 'n', meta: 'cp', string: 's' },
  words: wordMap({ nb: 'true false NULL nullptr', kr: C_KR, kt: `${C_KT} bool`, k: `${C_K} ${CPP_K}` }),
  keep: [],
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: (tokens) => {
    preprocessor(tokens);
    labels(tokens);
    chars(tokens);
    splitEscapes(tokens);
  },
});
