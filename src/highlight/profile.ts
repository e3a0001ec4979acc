/**
 * A language profile: how to turn highlight.js scopes, and the plain text between them,
 * into the token classes the matching Rouge lexer emits.
 */
import type { Token } from './token.js';

export type PlainKind = 'ws' | 'ident' | 'number' | 'string' | 'operator' | 'punct' | 'other';

export interface Profile {
  /** highlight.js language that tokenizes this Rouge lexer's input. */
  hljs: string;
  /**
   * Class for a segment given its hljs scopes (outermost first) and text. `undefined`
   * means "treat as plain text" (split further with `plain`).
   */
  scope(scopes: readonly string[], text: string, head: string): string | undefined;
  /** Class of a piece of plain text. */
  plain(kind: PlainKind, text: string): string;
  /** Characters that count as operators in plain text (the rest of ASCII punctuation is `p`). */
  operators: RegExp;
  /** Identifier syntax in plain text. */
  ident: RegExp;
  /** Profiles for hljs sub-languages inside this one (e.g. JSX elements), before the global lookup. */
  sub?: Readonly<Record<string, Profile>>;
  /** hljs scopes to ignore entirely: their text joins the plain text around it before splitting. */
  transparent?: ReadonlySet<string>;
  /** Like lexPlain, but with state carried across one block's plain stretches (made per block). */
  plainLexer?(): (text: string, out: Token[]) => void;
  /** Replaces the generic splitter for plain text (a port of the Rouge lexer's rules for it). */
  lexPlain?(text: string, out: Token[]): void;
  /** Token-level corrections applied after classification (context such as `name(` → function). */
  fix?(tokens: Token[]): void;
}
