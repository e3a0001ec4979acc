/** Rouge's shell lexer: hljs finds strings, comments and substitutions; the rest follows Rouge's rules. */
import { makeProfile, substDelimiters } from '../base-profile.js';
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

function fix(tokens: Token[]): void {
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
