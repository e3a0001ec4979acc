/** Rouge's console lexer: prompt lines (`$ cmd`) as prompt + shell, other lines as output. */
import { makeProfile } from '../base-profile.js';
import { lexWithProfile } from '../lexer.js';
import type { Token } from '../token.js';
import { shell } from './shell.js';

function consoleLines(text: string, out: Token[]): void {
  for (const line of text.split(/(?<=\n)/)) {
    if (/^\s*(?:<[.]+>|[.]+)\s*$/.test(line)) {
      out.push({ cls: 'c', text: line });
      continue;
    }
    const prompt = /^.*?(?:\$|#|>|;)/.exec(line);
    if (prompt) {
      out.push({ cls: 'gp', text: prompt[0] });
      const rest = line.slice(prompt[0].length);
      const ws = /^\s*/.exec(rest)![0];
      if (ws) out.push({ cls: 'w', text: ws });
      if (rest.length > ws.length) out.push(...lexWithProfile(rest.slice(ws.length), shell, () => undefined));
      continue;
    }
    out.push({ cls: 'go', text: line });
  }
}

export const consoleSession = makeProfile({ hljs: '', lexPlain: consoleLines });
