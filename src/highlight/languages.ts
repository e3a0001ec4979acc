/** Which Rouge lexer a language name selects (Rouge::Lexer.find_fancy), and how we tokenize it. */
import { ROUGE_LEXER_NAMES } from './rouge-lexers.js';
import { registerLanguage } from './hljs-segments.js';
import { PROFILES } from './profiles.js';
import type { Profile } from './profile.js';

import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import scss from 'highlight.js/lib/languages/scss';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const HLJS = { bash, c, cpp, csharp, css, diff, dockerfile, go, java, javascript, json, kotlin, markdown, php, python, ruby, rust, scss, sql, swift, typescript, xml, yaml };
for (const [name, fn] of Object.entries(HLJS)) registerLanguage(name, fn);

/** Rouge lexer tag for a language name as Rouge::Lexer.find_fancy resolves it, or undefined when Rouge has none. */
export function rougeLexerTag(name: string): string | undefined {
  // find_fancy: "lang?opt=val" passes lexer options; the name is what comes before the '?'.
  const q = name.indexOf('?');
  const base = q >= 0 ? name.slice(0, q) : name;
  if (base === 'guess' || (q >= 0 && base === '')) return 'plaintext'; // we do not guess: plain text
  return ROUGE_LEXER_NAMES.get(base);
}

/** Profile for a Rouge lexer tag; undefined = no tokenizer (the text comes out unstyled). */
export function profileFor(tag: string): Profile | undefined {
  return PROFILES[tag];
}

const BY_HLJS = new Map<string, Profile>();
for (const p of Object.values(PROFILES)) if (!BY_HLJS.has(p.hljs)) BY_HLJS.set(p.hljs, p);
BY_HLJS.set('xml', PROFILES.html!);

/** Profile used for text highlight.js hands to a sub-language (e.g. CSS inside HTML). */
export function profileForHljs(name: string): Profile | undefined {
  return BY_HLJS.get(name);
}
