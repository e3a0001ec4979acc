/** Rouge-style token stream for a block of code: hljs scopes mapped through a profile, plain text split. */
import { hljsSegments } from './hljs-segments.js';
import { numberClass } from './base-profile.js';
import type { Profile } from './profile.js';
import type { Token } from './token.js';

export type ProfileLookup = (hljsLanguage: string) => Profile | undefined;

const splitters = new WeakMap<Profile, RegExp>();

function splitter(p: Profile): RegExp {
  let re = splitters.get(p);
  if (!re) {
    re = new RegExp(
      `(\\s+)|(${p.ident.source})|(\\d(?:\\w|\\.(?=\\d))*)|((?:${p.operators.source})+)|([()\\[\\]{};,.:]+)|("(?:\\\\.|[^"\\\\\\n])*"|'(?:\\\\.|[^'\\\\\\n])')|([\\s\\S])`,
      'gu',
    );
    splitters.set(p, re);
  }
  return re;
}

/** Split text highlight.js left unscoped into whitespace, names, numbers, operators and punctuation. */
export function splitPlain(text: string, p: Profile, out: Token[]): void {
  if (p.lexPlain) return p.lexPlain(text, out);
  const re = splitter(p);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) out.push({ cls: p.plain('ws', m[0]), text: m[0] });
    else if (m[2] !== undefined) out.push({ cls: p.plain('ident', m[0]), text: m[0] });
    else if (m[3] !== undefined) {
      const cls = p.plain('number', m[0]);
      out.push({ cls: cls === 'mi' ? numberClass(m[0]) : cls, text: m[0] });
    } else if (m[4] !== undefined) out.push({ cls: p.plain('operator', m[0]), text: m[0] });
    else if (m[5] !== undefined) out.push({ cls: p.plain('punct', m[0]), text: m[0] });
    // A literal highlight.js left inside a wider scope (e.g. an annotation's arguments).
    else if (m[6] !== undefined) out.push({ cls: p.plain('string', m[0]), text: m[0] });
    else out.push({ cls: p.plain('other', m[0]), text: m[0] });
  }
}

export function lexWithProfile(code: string, profile: Profile, lookup: ProfileLookup): Token[] {
  const tokens: Token[] = [];
  const fixes: Array<[Profile, number, number]> = [];
  let current: Profile = profile;
  let start = 0;
  const close = () => {
    if (current.fix && tokens.length > start) fixes.push([current, start, tokens.length]);
  };
  const segments: Array<{ p: Profile; scopes: readonly string[]; text: string; head: string }> = [];
  // A profile without an hljs language is a full port: its plain lexer sees the whole block.
  const raw = profile.hljs ? hljsSegments(code, profile.hljs) : [{ text: code, scopes: [] as string[], head: '' }];
  for (const seg of raw) {
    let p = profile;
    let scopes = seg.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const s = scopes[i]!;
      if (s.startsWith('language:') && !profile.transparent?.has('language:')) {
        const own = profile.sub?.[s.slice(9)];
        p = own ?? lookup(s.slice(9)) ?? profile;
        // A sub-profile that is a full port sees the sub-language's text without hljs's scopes.
        scopes = own && !own.hljs ? [] : scopes.slice(i + 1);
        break;
      }
    }
    if (p.transparent) scopes = scopes.filter((s) => !p.transparent!.has(s) && !(p.transparent!.has('language:') && s.startsWith('language:')));
    const last = segments[segments.length - 1];
    if ((p.transparent || !p.hljs) && last && last.p === p && last.scopes.join() === scopes.join()) last.text += seg.text;
    else segments.push({ p, scopes, text: seg.text, head: seg.head });
  }
  const stateful = new Map<Profile, (text: string, out: Token[]) => void>();
  for (const seg of segments) {
    const { p, scopes } = seg;
    if (p !== current) {
      close();
      current = p;
      start = tokens.length;
    }
    const cls = p.scope(scopes, seg.text, seg.head);
    const scope = scopes[scopes.length - 1] ?? '';
    if (cls === undefined) {
      const from = tokens.length;
      if (p.plainLexer) {
        let fn = stateful.get(p);
        if (!fn) stateful.set(p, (fn = p.plainLexer()));
        fn(seg.text, tokens);
      } else splitPlain(seg.text, p, tokens);
      if (scope) for (let i = from; i < tokens.length; i++) tokens[i]!.scope = scope;
    } else tokens.push({ cls, text: seg.text, scope });
  }
  close();
  // Context fixes run per stretch of one language (embedded CSS/JS get their own), last
  // stretch first so that a fix which splits tokens does not shift the others.
  for (let i = fixes.length - 1; i >= 0; i--) {
    const [p, a, b] = fixes[i]!;
    const slice = tokens.slice(a, b);
    p.fix!(slice);
    tokens.splice(a, b - a, ...slice);
  }
  return tokens;
}
