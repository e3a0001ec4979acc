/** Late binding for lexers that hand text to another language (Rouge's `delegate`), avoiding an import cycle. */
import type { Token } from './token.js';

let impl: ((code: string, lang: string) => Token[] | undefined) | undefined;

export function setDelegate(fn: (code: string, lang: string) => Token[] | undefined): void {
  impl = fn;
}

/** Tokens of `code` in language `lang` (any Rouge name), or undefined when Rouge would not know it. */
export function delegate(code: string, lang: string): Token[] | undefined {
  return impl?.(code, lang);
}
