/** Rouge's lexing step: code → tokens for a Rouge lexer tag. */
import { setDelegate } from './delegate.js';
import { profileFor, profileForHljs, rougeLexerTag } from './languages.js';
import { lexWithProfile } from './lexer.js';
import type { Token } from './token.js';

export function rougeTokens(code: string, tag: string): Token[] {
  const profile = profileFor(tag);
  if (!profile || !code) return [{ cls: '', text: code }];
  return lexWithProfile(code, profile, profileForHljs);
}

setDelegate((code, lang) => {
  const tag = rougeLexerTag(lang);
  return tag ? rougeTokens(code, tag) : undefined;
});
