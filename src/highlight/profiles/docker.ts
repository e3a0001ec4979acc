/** Rouge's docker lexer (RUN lines go to the shell profile, as Rouge delegates them to its shell lexer) and diff lexer. */
import { makeProfile } from '../base-profile.js';
import { lexWithProfile } from '../lexer.js';
import { rulesLexer, stateLexer } from '../regex-lexer.js';
import { shell } from './shell.js';

const KW = 'FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL';

const dockerLexer = stateLexer(
  {
    root: [
      [/\s+/, ''],
      [/^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)/im, ['k', 'w', 's', 'w', 'k', 'w', 's']],
      [new RegExp(`^(ONBUILD)(\\s+)(${KW})(.*)`, 'im'), ['k', 'w', 'k', 's']],
      [new RegExp(`^(${KW})\\b(.*)`, 'im'), ['k', 's']],
      [/#.*?$/m, 'c'],
      [/^(?:ONBUILD\s+)?RUN\s+/im, 'k', { push: 'run' }],
      [/\w+/, ''],
      [/[^\w]+/, ''],
    ],
    run: [
      [/\n/, '', { pop: 1 }],
      [/\\[\s\S]/, 'se'],
      [/(?:\\[\s\S]|[^\n\\])+/, { delegate: (text) => lexWithProfile(text, shell, () => undefined) }],
    ],
  },
  'root',
);

const EVERYTHING = ['language:', 'keyword', 'string', 'comment', 'built_in', 'variable', 'number', 'operator', 'punctuation', 'meta', 'literal', 'subst', 'title', 'attr', 'params', 'type'];

export const docker = makeProfile({ hljs: 'dockerfile', plainLexer: dockerLexer, transparent: EVERYTHING });

const diffLexer = rulesLexer([
  [/^ .*$\n?/m, ''],
  [/^---$\n?/m, 'p'],
  [/^[+>]+.*$\n?/m, 'gi'],
  [/^\+.*$\n?/m, 'gi'],
  [/^[-<]+.*$\n?/m, 'gd'],
  [/^!.*$\n?/m, 'gs'],
  [/^(?:[Ii]ndex|diff).*$\n?/m, 'gh'],
  [/^(@@[^@]*@@)([^\n]*\n)/m, ['p', '']],
  [/^\w.*$\n?/m, 'p'],
  [/^=.*$\n?/m, 'gh'],
  [/\s.*$\n?/m, ''],
]);

export const diff = makeProfile({ hljs: 'diff', lexPlain: diffLexer, transparent: ['addition', 'deletion', 'meta', 'comment', 'section', 'strong', 'emphasis', 'code'] });
