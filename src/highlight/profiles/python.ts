/** Rouge's python lexer. */
import { commentTakesNewline, makeProfile, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const EXCEPTIONS =
  'ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning WindowsError ZeroDivisionError';

const WORDS = wordMap({
  bp: 'self None Ellipsis NotImplemented False True',
  nb: `__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit file filter float format frozenset getattr globals hasattr hash hex id input int intern isinstance issubclass iter len list locals long map max memoryview min next object oct open ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip ${EXCEPTIONS}`,
  k: 'assert break continue del elif else except exec finally for global if lambda pass print raise return try while yield as with from import async await nonlocal def class',
  ow: 'in is and or not',
});

/** `import a.b` / `from a.b import c`: namespace keywords and a dotted namespace name. */
function imports(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls !== 'k' || (t.text !== 'import' && t.text !== 'from')) continue;
    // The text of this line before the keyword.
    let prevLine = '';
    for (let j = i - 1; j >= 0; j--) {
      const nl = tokens[j]!.text.lastIndexOf('\n');
      prevLine = (nl >= 0 ? tokens[j]!.text.slice(nl + 1) : tokens[j]!.text) + prevLine;
      if (nl >= 0) break;
    }
    if (t.text === 'import' && /^\s*from\s/.test(prevLine)) {
      t.cls = 'kn';
      continue;
    }
    if (prevLine.trim()) continue;
    t.cls = 'kn';
    let j = i + 1;
    while (tokens[j] && /^[ \t]+$/.test(tokens[j]!.text)) j++;
    while (tokens[j] && /^[\w.]+$/.test(tokens[j]!.text)) tokens[j++]!.cls = 'nn';
  }
}

export const python = makeProfile({
  hljs: 'python',
  words: WORDS,
  afterDot: 'n',
  operators: /[-+*/%=<>!&|^~@]/,
  scopes: { meta: null, subst: null, 'built_in': 'nb', literal: 'kc' },
  comment: () => 'c1',
  fix(tokens) {
    imports(tokens);
    commentTakesNewline(tokens, 'c1');
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const m = t.cls === 's' ? /^([rfbuRFBU]{1,2})(?=["'])/.exec(t.text) : null;
      if (m) {
        tokens.splice(i, 1, { cls: 'sa', text: m[1]! }, { cls: 's', text: t.text.slice(m[1]!.length) });
        i++;
      }
    }
  },
});
