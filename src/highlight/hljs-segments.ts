/**
 * highlight.js as a tokenizer: runs it once per block and flattens its scope tree into
 * segments of text, each with the stack of hljs scopes it sits in (outermost first).
 */
import hljsCore from 'highlight.js/lib/core';
import type { HLJSApi, LanguageFn } from 'highlight.js';

export interface Segment {
  text: string;
  scopes: readonly string[];
  /** The start of the innermost scope's whole text (e.g. a string's opening quote, across interpolations). */
  head: string;
}

interface ScopeNode {
  scope?: string;
  children: Array<string | ScopeNode>;
}

// A private instance, so other modules' registrations or configuration cannot change our output.
const hljs: HLJSApi = hljsCore.newInstance();
hljs.configure({ ignoreUnescapedHTML: true, throwUnescapedHTML: false });

export function registerLanguage(name: string, fn: LanguageFn): void {
  if (!hljs.getLanguage(name)) hljs.registerLanguage(name, fn);
}

export function hasLanguage(name: string): boolean {
  return hljs.getLanguage(name) !== undefined;
}

export function hljsSegments(code: string, language: string): Segment[] {
  const result = hljs.highlight(code, { language, ignoreIllegals: true });
  const root = (result._emitter as unknown as { rootNode: ScopeNode }).rootNode;
  const out: Segment[] = [];
  const walk = (node: ScopeNode, scopes: readonly string[], head: string) => {
    const inner = node.scope ? [...scopes, node.scope] : scopes;
    // A doc tag inside a comment keeps the comment's head (its class depends on how the comment starts).
    const own = node.scope && node.scope !== 'doctag' ? firstText(node) : head;
    for (const child of node.children) {
      if (typeof child === 'string') {
        if (!child) continue;
        const last = out[out.length - 1];
        // hljs splits plain text at keyword-match boundaries; join text with identical scopes.
        if (last && last.scopes === inner) last.text += child;
        else out.push({ text: child, scopes: inner, head: own });
      } else walk(child, inner, own);
    }
  };
  walk(root, [], '');
  return out;
}

function firstText(node: ScopeNode): string {
  let out = '';
  for (const child of node.children) {
    out += typeof child === 'string' ? child : firstText(child);
    if (out.length >= 3) break;
  }
  return out.slice(0, 3);
}
