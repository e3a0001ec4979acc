/** Rouge's shell lexer: hljs finds strings, comments and substitutions; the rest follows Rouge's rules. */
import { makeProfile, replaceRange, substDelimiters } from '../base-profile.js';
import { rulesLexer } from '../regex-lexer.js';
import type { Token } from '../token.js';

const KEYWORDS = 'if fi else while do done for then return function select continue until esac elif in case';
const BUILTINS =
  'alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval exec exit export false fc fg getopts hash help history jobs let local logout mapfile popd pushd pwd read readonly set shift shopt source suspend test time times trap true type typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo printf yes expr tee basename dirname pathchk mktemp realpath pwd stty printenv tty id logname whoami groups users who date arch nproc uname hostname hostid uptime chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed gzip gunzip';
const alt = (words: string) => words.split(' ').join('|');

// Rouge's :basic and :data states (strings, comments and $-expansions come from hljs).
const plain = rulesLexer([
  [new RegExp(`\\b(?:${alt(KEYWORDS)})\\s*\\b`), 'k'],
  [new RegExp(`\\b(?:${alt(BUILTINS)})\\s*\\b(?!(?:\\.|-))`), 'nb'],
  [/[.](?=\s)/, 'nb'],
  [/(\b\w+)(=)/, ['nv', 'o']],
  [/\(\(|\)\)/, 'k'],
  [/[\[\]{}()!=>]/, 'o'],
  [/&&|\|\|/, 'o'],
  [/\s+/, ''],
  [/\\./, 'se'],
  [/\*/, 'k'],
  [/;/, 'p'],
  [/--?[\w-]+/, 'nt'],
  [/\d+(?= |$)/, 'm'],
  [/[^=*\s{}()$"'`;\\<\[\]!>&|]+/, ''],
]);

// Rouge's :heredoc state: the body is Str::Heredoc with $-expansions, the closing line a constant.
const heredocBody = rulesLexer([
  [/\$\{#?\w*\}?/, 'nv'],
  [/\$\(/, 'si'],
  [/\$#?(?:\w+|.)/, 'nv'],
  [/\\./, 'se'],
  [/[^$\n\\]+/, 'sh'],
  [/\n/, 'sh'],
  [/\$/, 'sh'],
], 'sh');

function heredocs(tokens: Token[]): void {
  const text = tokens.map((t) => t.text).join('');
  const re = /(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)/g;
  let m: RegExpExecArray | null;
  const found: Array<[number, number, Token[]]> = [];
  while ((m = re.exec(text))) {
    const open = m.index;
    const lineEnd = text.indexOf('\n', re.lastIndex);
    if (lineEnd < 0) break;
    const close = new RegExp(`^[ \\t]*${m[5]}[ \\t]*(?:\\n|$)`, 'm');
    close.lastIndex = 0;
    const rest = text.slice(lineEnd + 1);
    const c = close.exec(rest);
    const bodyEnd = c ? lineEnd + 1 + c.index : text.length;
    const repl: Token[] = [
      { cls: 'o', text: m[1]! },
      { cls: '', text: m[2]! },
      { cls: 'sh', text: m[3]! + m[4]! },
      { cls: 'no', text: m[5]! },
      { cls: 'sh', text: m[6]! },
    ];
    // The rest of the opening line is ordinary shell; keep what the tokens already say.
    found.push([open, re.lastIndex, repl.filter((t) => t.text)]);
    const body: Token[] = [];
    heredocBody(text.slice(lineEnd, bodyEnd), body);
    if (c) body.push({ cls: 'no', text: c[0] });
    found.push([lineEnd, bodyEnd + (c ? c[0].length : 0), body]);
    re.lastIndex = bodyEnd + (c ? c[0].length : 0);
  }
  for (let k = found.length - 1; k >= 0; k--) replaceRange(tokens, found[k]![0], found[k]![1], found[k]![2]);
}

function fix(tokens: Token[]): void {
  if (tokens.some((t) => t.text.includes('<<'))) heredocs(tokens);
  // `$(…)`: Rouge's Str::Interpol around the command; `$((…))` math: keywords.
  substDelimiters(tokens, /^\$\(\(/, 'k', 'k');
  substDelimiters(tokens, /^\$\(/, 'si', 'si');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'k' && t.text === '))' && tokens[i - 1]?.cls === 'k') continue;
    // `${name:-default}`: `${` and `}` (and `:-`) are keywords, the name a variable.
    if (t.scope === 'variable' && t.text.startsWith('${')) {
      const m = /^\$\{(#?)(\w*)(:-)?([^}]*)(\}?)$/.exec(t.text);
      if (m) {
        const parts: Token[] = [{ cls: 'k', text: '${' + m[1] }];
        if (m[2]) parts.push({ cls: 'nv', text: m[2] });
        if (m[3]) parts.push({ cls: 'k', text: m[3] });
        if (m[4]) parts.push({ cls: 'p', text: m[4] });
        if (m[5]) parts.push({ cls: 'k', text: m[5] });
        tokens.splice(i, 1, ...parts);
        i += parts.length - 1;
      }
    }
  }
}

export const shell = makeProfile({
  hljs: 'bash',
  lexPlain: plain,
  scopes: {
    meta: 'c',
    comment: 'c',
    variable: 'nv',
    subst: null,
  },
  transparent: ['keyword', 'built_in', 'literal', 'number', 'operator', 'title.function', 'function', 'params'],
  string: (_t, head) => (head.startsWith("'") ? 's1' : 's2'),
  fix,
});
