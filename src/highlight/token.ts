/** A Rouge token: its Pygments short class ('' = plain text, written without a span) and its text. */
export interface Token {
  cls: string;
  text: string;
  /** Innermost highlight.js scope the text came from ('' for none), for profiles' fix passes. */
  scope?: string;
}
