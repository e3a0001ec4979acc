/** What the Jekyll tags and filters share within one engine: environment, filters, caches. */
import type { Context } from 'liquidjs';
import type { LiquidEnvironment } from './engine.js';
import type { LaxVariable } from './variable.js';
import type { Memo } from './memo.js';

export interface Host {
  env: LiquidEnvironment;
  /** liquid.error_mode: strict — reject what lax parsing would repair. */
  strict: boolean;
  /** Parses `{{ … }}` markup once (cached by text). */
  variable(markup: string): LaxVariable;
  renderVariable(v: LaxVariable, ctx: Context): unknown;
  /** Parses a template (cached by file + content). */
  parse(template: string, file: string, cache?: boolean): unknown[];
  /** Renders parsed templates to a string in an existing context. */
  renderToString(templates: unknown[], ctx: Context): string;
  /** Parsed include file by absolute path (read and parsed once). */
  loadInclude(absPath: string, relName: string): unknown[];
  /** include_cached's rendered outputs. */
  includeCache: Map<string, string>;
  /** Whether a parsed template uses only tags a memo recording understands (memo.ts). */
  memoSafe(templates: unknown[]): boolean;
  /** The memo of an include's parsed template; undefined when it is not memoized (any more). */
  memoFor(templates: unknown[]): Memo | undefined;
}

/** The constructor liquidjs' registerTag takes. */
export type TagClass = new (token: any, remain: any[], liquid: any, parser: any) => any;
