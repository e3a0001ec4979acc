/** Per-language profiles: highlight.js language + the corrections that make its output read like Rouge's. */
import { makeProfile, numberClass, splitEscapes, wordMap } from './base-profile.js';
import type { Profile } from './profile.js';
import { javascript, jsx, typescript } from './profiles/javascript.js';
import { python } from './profiles/python.js';
import { ruby } from './profiles/ruby.js';
import { c, cpp } from './profiles/c.js';
import { csharp, java } from './profiles/jvm.js';
import { kotlin } from './profiles/kotlin.js';
import { swift } from './profiles/swift.js';
import { rust } from './profiles/rust.js';
import { php } from './profiles/php.js';
import { shell } from './profiles/shell.js';
import { css, scss } from './profiles/css.js';
import { html, xml } from './profiles/markup.js';
import { diff, docker } from './profiles/docker.js';
import { sql } from './profiles/sql.js';
import { yaml } from './profiles/yaml.js';
import { markdown } from './profiles/markdown.js';
import { consoleSession } from './profiles/console.js';
import { GENERIC_PROFILES } from './profiles/generic.js';
import { liquid } from './profiles/liquid.js';
import { ini, toml } from './profiles/config.js';

const json = makeProfile({
  hljs: 'json',
  ws: 'w',
  scopes: { attr: 'nl', keyword: 'kc', literal: 'kc' },
  string: () => 's2',
  comment: (t) => (t.startsWith('/*') ? 'cm' : 'c1'),
  fix: splitEscapes,
});

/** Rouge lexer tag → profile. Plain text (and any Rouge lexer missing here) comes out unstyled. */
export const PROFILES: Record<string, Profile> = {
  ...GENERIC_PROFILES,
  jsx,
  tsx: typescript,
  javascript,
  typescript,
  python,
  ruby,
  go: makeProfile({
    hljs: 'go',
    operators: /[-+*/%=<>!&|^~.:]/,
    scopes: { 'title.function': 'n', literal: 'kc' },
    words: wordMap({ no: 'nil iota true false' }),
    keep: ['nb', 'kt', 'k', 'kd'],
    number: (t) => (numberClass(t) === 'mi' ? 'm' : numberClass(t)),
    fix: (tokens) => {
      for (const t of tokens) if (t.cls === 's' && t.text.startsWith("'")) t.cls = 'sc';
      splitEscapes(tokens);
    },
  }),
  rust,
  java,
  c,
  cpp,
  csharp,
  kotlin,
  swift,
  php,
  shell,
  console: consoleSession,
  html,
  xml,
  css,
  scss,
  json,
  'json-doc': json,
  yaml,
  sql,
  markdown,
  liquid,
  toml,
  ini,
  docker,
  diff,
};
