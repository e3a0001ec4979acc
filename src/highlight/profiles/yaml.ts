/**
 * Rouge's yaml lexer, approximated line by line: keys `na`, indicators `pi`, plain scalars `s`,
 * flow-collection items `nv`, anchors `nl`, aliases `nv`, numbers `m`, booleans/null `no`.
 */
import { makeProfile } from '../base-profile.js';
import type { Token } from '../token.js';

const KEY = /^((?:"(?:\\.|[^"])*"|'(?:''|[^'])*'|[^\s#'"\-?:,[\]{}][^#\n]*?|<<|-[^\s][^#\n]*?))([ \t]*)(:)(?=[ \t]|$)/;
const CONSTANT = /^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/;

function scalarClass(text: string): string {
  if (CONSTANT.test(text)) return 'no';
  if (NUMBER.test(text)) return 'm';
  return 's';
}

function push(out: Token[], cls: string, text: string): void {
  if (text) out.push({ cls, text });
}

/** A value after `key:` or `- `: anchors, aliases, quoted strings, flow collections, plain scalars. */
function value(line: string, out: Token[]): string {
  let rest = line;
  for (;;) {
    const ws = /^[ \t]+/.exec(rest);
    if (ws) {
      push(out, '', ws[0]);
      rest = rest.slice(ws[0].length);
    }
    const anchor = /^([&*])[^\s,[\]{}]+/.exec(rest);
    if (anchor) {
      push(out, anchor[1] === '&' ? 'nl' : 'nv', anchor[0]);
      rest = rest.slice(anchor[0].length);
      continue;
    }
    const tag = /^!\S*/.exec(rest);
    if (tag) {
      push(out, 'kt', tag[0]);
      rest = rest.slice(tag[0].length);
      continue;
    }
    break;
  }
  if (!rest) return '';
  if (/^#/.test(rest)) {
    push(out, 'c1', rest);
    return '';
  }
  const block = /^([|>][-+0-9]*)([ \t]*(?:#[^\n]*)?)$/.exec(rest);
  if (block) {
    push(out, 'pi', block[1]!);
    if (block[2]) push(out, block[2].trim() ? 'c1' : '', block[2]);
    return 'block';
  }
  if (rest[0] === '"' || rest[0] === "'") {
    const m = rest[0] === '"' ? /^"(?:\\.|[^"\\])*"?/.exec(rest)! : /^'(?:''|[^'])*'?/.exec(rest)!;
    push(out, rest[0] === '"' ? 's2' : 's1', rest[0]);
    push(out, 's', m[0].slice(1));
    rest = rest.slice(m[0].length);
    const tail = /^([ \t]*)(#[^\n]*)?$/.exec(rest);
    if (tail) {
      push(out, '', tail[1]!);
      push(out, 'c1', tail[2] ?? '');
    } else push(out, 's', rest);
    return '';
  }
  if (rest[0] === '[' || rest[0] === '{') {
    flow(rest, out);
    return '';
  }
  const m = /^([^\n]*?)([ \t]+#[^\n]*)?$/.exec(rest)!;
  const scalar = m[1]!.replace(/[ \t]+$/, '');
  push(out, scalarClass(scalar), scalar);
  push(out, '', m[1]!.slice(scalar.length));
  if (m[2]) {
    const sp = /^[ \t]+/.exec(m[2])![0];
    push(out, '', sp);
    push(out, 'c1', m[2].slice(sp.length));
  }
  return '';
}

/** `[a, "b", c]` / `{k: v}`: indicators `pi`, items `nv` (quoted ones as strings). */
function flow(text: string, out: Token[]): void {
  const re = /([[\]{},])|([ \t]+)|("(?:\\.|[^"\\])*"?|'(?:''|[^'])*'?)|(#[^\n]*$)|([^[\]{},\s:][^[\]{},]*?(?=[ \t]*[[\]{},:]|$))|(:)|([\s\S])/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]) push(out, 'pi', m[1]);
    else if (m[2]) push(out, '', m[2]);
    else if (m[3]) {
      push(out, m[3][0] === '"' ? 's2' : 's1', m[3][0]);
      push(out, 's', m[3].slice(1));
    } else if (m[4]) push(out, 'c1', m[4]);
    else if (m[5]) push(out, CONSTANT.test(m[5]) ? 'no' : NUMBER.test(m[5]) ? 'm' : 'nv', m[5]);
    else if (m[6]) push(out, 'pi', m[6]);
    else push(out, 's', m[7]!);
  }
}

function yamlLexer(): (text: string, out: Token[]) => void {
  let blockIndent = -1; // inside a block scalar: lines indented deeper than this are text
  return (text, out) => {
    const lines = text.split(/(?<=\n)/);
    for (const full of lines) {
      const nl = full.endsWith('\n') ? '\n' : '';
      let line = full.slice(0, full.length - nl.length);
      const indent = /^[ \t]*/.exec(line)![0];
      if (blockIndent >= 0) {
        if (!line.trim() || indent.length > blockIndent) {
          push(out, '', indent);
          push(out, 's', line.slice(indent.length));
          push(out, '', nl);
          continue;
        }
        blockIndent = -1;
      }
      if (/^(?:---|\.\.\.)(?=\s|$)/.test(line)) {
        push(out, 'nn', line.slice(0, 3));
        line = line.slice(3);
        if (!line.trim()) {
          push(out, '', line + nl);
          continue;
        }
      }
      push(out, '', indent);
      let rest = line.slice(indent.length);
      let col = indent.length;
      // Sequence entries: `- ` (possibly several, `- - x`).
      for (let m = /^(-)([ \t]+|$)/.exec(rest); m; m = /^(-)([ \t]+|$)/.exec(rest)) {
        push(out, 'pi', '-');
        push(out, '', m[2]!);
        rest = rest.slice(m[0].length);
        col += m[0].length;
      }
      let mode = '';
      if (rest.startsWith('#')) push(out, 'c1', rest);
      else {
        const key = KEY.exec(rest);
        if (key) {
          push(out, 'na', key[1]!);
          push(out, '', key[2]!);
          push(out, 'pi', ':');
          mode = value(rest.slice(key[0].length), out);
        } else mode = value(rest, out);
      }
      if (mode === 'block') blockIndent = col === indent.length ? indent.length : col - 1;
      push(out, '', nl);
    }
  };
}

export const yaml = makeProfile({
  hljs: 'yaml',
  plainLexer: yamlLexer,
  transparent: ['language:', 'attr', 'string', 'comment', 'meta', 'bullet', 'literal', 'number', 'keyword', 'type', 'punctuation', 'template-variable', 'variable', 'symbol', 'built_in', 'subst', 'char.escape', 'section'],
});
