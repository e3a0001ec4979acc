/** Rouge's lexing step: code → tokens for a Rouge lexer tag. */
import { setDelegate } from './delegate.js';
import { profileFor, profileForHljs, rougeLexerTag } from './languages.js';
import { lexWithProfile } from './lexer.js';
import type { Token } from './token.js';

/**
 * Tokens for `code` as Rouge's lexer `tag` would produce them. The text is never changed: should a
 * profile fail or lose a character, the block comes out unstyled rather than wrong.
 */
export function rougeTokens(code: string, tag: string): Token[] {
  const profile = profileFor(tag);
  if (!profile || !code) return [{ cls: '', text: code }];
  try {
    const tokens = lexWithProfile(code, profile, profileForHljs);
    let n = 0;
    for (const t of tokens) n += t.text.length;
    if (n === code.length && tokens.map((t) => t.text).join('') === code) return tokens;
  } catch {
    // fall through: unstyled
  }
  return [{ cls: '', text: code }];
}

setDelegate((code, lang) => {
  const tag = rougeLexerTag(lang);
  return tag ? rougeTokens(code, tag) : undefined;
});
