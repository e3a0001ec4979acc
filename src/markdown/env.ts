/** Per-document state kramdown keeps while converting one text. */
import type { AttributeList } from './attribute-list.js';

export interface KramdownEnv {
  /** ALDs by name (`{:name: ...}`) */
  alds: Map<string, AttributeList>;
  /** GFM header id counter: base id -> times seen */
  idCounter: Map<string, number>;
  /** options set inline with {::options ... /} */
  inlineOptions: Record<string, string>;
  /** the converter's options (site configuration) */
  defaults?: { parseBlockHtml: boolean; parseSpanHtml: boolean; footnoteNr: number };
  [key: string]: unknown;
}

export function createEnv(): KramdownEnv {
  return { alds: new Map(), idCounter: new Map(), inlineOptions: {} };
}

export function applyInlineOptions(env: KramdownEnv, list: AttributeList): void {
  for (const [k, v] of list.attrs) env.inlineOptions[k] = v;
}

/** A boolean option as set inline ({::options x="true" /}), else the site's value. */
export function booleanOption(env: KramdownEnv, name: string, fallback: boolean): boolean {
  const v = env.inlineOptions[name];
  return v === undefined ? fallback : v === 'true';
}
