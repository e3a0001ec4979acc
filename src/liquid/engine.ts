/**
 * Jekyll 4.3.1's Liquid dialect (Liquid 5.4, error_mode warn) on liquidjs: liquidjs tokenizes
 * and runs the control tags; outputs, assign/echo, every filter and Jekyll's tags are replaced
 * by Ruby-faithful versions. Rendering is synchronous; templates are parsed once and cached.
 */
import { readFileSync } from 'node:fs';
import { BreakTag, CommentTag, ContinueTag, Context, InlineCommentTag, Liquid, Parser, Tag, TagToken, Tokenizer, TypeGuards, LiquidError, type Emitter, type TopLevelToken, type Template } from 'liquidjs';
import { stripBlankBodies } from './blank.js';
import { renderTemplatesSync, setTextTemplateClass } from './render-loop.js';
import { jekyllFilters } from './filters/index.js';
import type { FilterDef, FilterTable, FilterThis } from './filters/types.js';
import type { Host } from './host.js';
import { KeywordArgs, RubyError, toS } from './ruby.js';
import { highlightTag } from './tags/highlight.js';
import { includeTag } from './tags/include.js';
import { linkTag, postUrlTag } from './tags/link.js';
import { assignTag, echoTag, JekyllCaptureTag } from './tags/variable.js';
import { Memo, abortRecording, guardPlain, initRecording, isPlain, recorderOf } from './memo.js';
import { JekyllForTag, JekyllIfTag, JekyllUnlessTag, JekyllRawTag, JekyllTablerowTag, operators } from './tags/control.js';
import { LaxVariable, strictCheckVariable, type FilterHost } from './variable.js';

export interface LiquidEnvironment {
  source: string;
  includesDirs: string[];
  config: Record<string, any>;
  safe?: boolean;
  markdownify?(text: string): string;
  sassify?(text: string, syntax: 'sass' | 'scss'): string;
  highlight?(code: string, lang: string, opts: { linenos?: boolean | string; hlLines?: number[] }): string;
  resolvePostUrl?(name: string): string | undefined;
  resolveLinkUrl?(relativePath: string): string | undefined;
  /**
   * Inline tags of plugins (`{% seo %}`, `{% feed_meta %}`): called with the tag's markup and a
   * lookup that evaluates a Liquid expression (`page.title`, `site`) in the rendering context.
   */
  tags?: Record<string, (markup: string, lookup: (expression: string) => unknown) => string>;
  /** Told the absolute path of every include a render uses (for incremental rebuilds). */
  onInclude?(absolutePath: string): void;
}

export interface JekyllLiquid {
  /** The liquidjs instance: plugins register their tags on it. */
  engine: Liquid;
  /** Adds a filter for this engine only (plugins' filters). */
  registerFilter(name: string, filter: FilterDef): void;
  /** Parse once, cached by file path + content; `file` (relative to source) is used in error messages. */
  parse(template: string, file: string, cache?: boolean): unknown;
  renderSync(parsed: unknown, scope: Record<string, unknown>): string;
}

export class LiquidRenderError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly frame: string,
    readonly cause?: unknown,
  ) {
    super(`${message}\n  in ${file || '(template)'} at line ${line}, column ${column}\n${frame}`);
    this.name = 'LiquidRenderError';
  }
  /** The message without position and frame. */
  get reason(): string {
    return this.message.split('\n  in ')[0];
  }
}

/** `{{ … }}` rendered with Ruby's output rules. */
class JekyllOutput {
  readonly variable: LaxVariable;
  constructor(
    readonly token: TopLevelToken,
    private readonly host: Host,
    strict: boolean,
  ) {
    const markup = (token as any).content as string;
    if (strict) {
      try {
        strictCheckVariable(markup);
      } catch (e) {
        throw new Error(`Liquid syntax error: ${(e as Error).message} in "${token.getText()}"`);
      }
    }
    this.variable = host.variable(markup);
  }
  render(ctx: Context, emitter: Emitter): void {
    const value = this.host.renderVariable(this.variable, ctx);
    guardPlain(ctx, value);
    emitter.write(toS(value));
  }
}

class JekyllParser extends Parser {
  constructor(
    liquid: Liquid,
    private readonly host: Host,
  ) {
    super(liquid);
  }
  /**
   * Liquid 5.4's tokenizer: `{{` runs to the first `}` or `}}` and `{%` to the first `%}`, quotes
   * or not, so `{{ '}' }}` ends early as it does in Jekyll. Tag names are `\\w+` (`{%- else- %}`
   * is `else`), and end/else tags ignore their markup.
   */
  override parse(html: string, filepath?: string): Template[] {
    const options = (this as any).liquid.options;
    const input = String(html);
    const tokens: TopLevelToken[] = [];
    const re = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}?|\{%|\{\{/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(input))) {
      if (m.index > last) tokens.push(new HTMLToken(input, last, m.index, filepath));
      const text = m[0];
      const at = { file: filepath, input, begin: m.index };
      if (text.startsWith('{%')) {
        if (text === '{%') throw Object.assign(new Error(`Liquid syntax error: Tag '{%' was not properly terminated with regexp: /\\%\\}/`), { token: at });
        const t = new TagToken(input, m.index, m.index + text.length, options, filepath);
        const name = /^\w+/.exec(t.name);
        if (name && name[0] !== t.name) {
          (t as any).args = `${t.name.slice(name[0].length)} ${t.args}`.trim();
          (t as any).name = name[0];
        }
        if ((/^end/.test(t.name) && t.name !== 'endraw') || t.name === 'else') (t as any).args = '';
        tokens.push(t);
      } else {
        if (!text.endsWith('}}') || text.length < 4) {
          throw Object.assign(new Error(`Liquid syntax error: Variable '${text}' was not properly terminated with regexp: /\\}\\}/`), { token: at });
        }
        tokens.push(new OutputToken(input, m.index, m.index + text.length, options, filepath));
      }
      last = m.index + text.length;
    }
    if (last < input.length) tokens.push(new HTMLToken(input, last, input.length, filepath));
    trimWhitespace(tokens);
    const templates = this.parseTokens(tokens);
    stripBlankBodies(templates);
    return templates;
  }

  override parseToken(token: TopLevelToken, remainTokens: TopLevelToken[]): any {
    if (TypeGuards.isOutputToken(token)) return new JekyllOutput(token, this.host, this.host.strict) as unknown as Template;
    return super.parseToken(token, remainTokens);
  }
}

// liquidjs does not export these token classes; take them from a token it makes.
const sampleTokens = new Tokenizer('{{a}}b').readTopLevelTokens();
const OutputToken = sampleTokens[0].constructor as new (input: string, begin: number, end: number, options: unknown, file?: string) => TopLevelToken;
const HTMLToken = sampleTokens[1].constructor as new (input: string, begin: number, end: number, file?: string) => TopLevelToken;

const IMPURE_FILTERS = new Set(['sample', 'markdownify', 'sassify', 'scssify']);
/**
 * Filters that never look into the items of an array input or into their arguments (or look
 * only through `evaluate`, as where_exp does): they may take such values while a memo records.
 */
const STRUCTURAL_FILTERS = new Set(['push', 'pop', 'shift', 'unshift', 'first', 'last', 'size', 'concat', 'reverse', 'slice', 'where_exp', 'find_exp', 'default']);
const plainArgument = (a: unknown): boolean => (a instanceof KeywordArgs ? Object.values(a.values).every(isPlain) : isPlain(a));

const RUBY_SPACE = /[ \t\n\v\f\r\0]/;

/** `{%-`/`{{-` rstrip the text before; `-%}`/`-}}` lstrip the text after (not inside raw). */
function trimWhitespace(tokens: TopLevelToken[]): void {
  let inRaw = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as any;
    if (!TypeGuards.isTagToken(t) && !TypeGuards.isOutputToken(t)) continue;
    const prev = tokens[i - 1] as any;
    if (!inRaw && t.trimLeft && prev && TypeGuards.isHTMLToken(prev)) {
      while (prev.end - prev.trimRight > prev.begin + prev.trimLeft && RUBY_SPACE.test(prev.input[prev.end - 1 - prev.trimRight])) prev.trimRight++;
    }
    if (TypeGuards.isTagToken(t)) {
      if (t.name === 'raw') inRaw = true;
      else if (t.name === 'endraw') inRaw = false;
    }
    const next = tokens[i + 1] as any;
    if (!inRaw && t.trimRight && next && TypeGuards.isHTMLToken(next)) {
      while (next.begin + next.trimLeft < next.end - next.trimRight && RUBY_SPACE.test(next.input[next.begin + next.trimLeft])) next.trimLeft++;
    }
  }
}

function liquidOptions(config: Record<string, any>) {
  const liquid = (config.liquid ?? {}) as Record<string, unknown>;
  return {
    strictFilters: liquid.strict_filters === true,
    strictVariables: liquid.strict_variables === true,
  };
}

export function createJekyllLiquid(env: LiquidEnvironment): JekyllLiquid {
  const opts = liquidOptions(env.config ?? {});
  const liquid = new Liquid({ operators, strictFilters: false, strictVariables: opts.strictVariables, cache: false, ownPropertyOnly: false });
  // Every template list (tags' bodies included) renders through one synchronous loop. A plain
  // function, not a generator: liquidjs' tags `yield` its result, and a yielded string comes
  // straight back to them, so a for loop's iterations cost no generator each.
  setTextTemplateClass(liquid.parse('x')[0]);
  (liquid.renderer as any).renderTemplates = (templates: Template[], ctx: Context, emitter?: Emitter) => renderTemplatesSync(templates, ctx, emitter);
  // By file, then by text: a layout (and the tag fragments parsed inside it) is parsed once and
  // reused while its text is the same; a document's own text is not kept (cache = false).
  const parsed = new Map<string, Map<string, unknown[]>>();
  const variables = new Map<string, LaxVariable>();
  const includes = new Map<string, unknown[]>();

  const filters: FilterTable = { ...jekyllFilters };
  const filterHost: FilterHost = {
    invoke(ctx, name, input, args) {
      const f = filters[name];
      if (!f) {
        if (opts.strictFilters) throw new RubyError(`undefined filter ${name}`);
        return input;
      }
      if (args.length < f.min || args.length > f.max) {
        const expected = f.max === f.min ? `${f.min + 1}` : `${f.min + 1}..${f.max + 1}`;
        throw new RubyError(`wrong number of arguments (given ${args.length + 1}, expected ${expected})`);
      }
      if (recorderOf(ctx) !== undefined && (!pureFilter(name, f, input) || !(isPlain(input) ? STRUCTURAL_FILTERS.has(name) || args.every(plainArgument) : Array.isArray(input) && STRUCTURAL_FILTERS.has(name)))) abortRecording(ctx);
      return f.fn.call(filterThis(ctx), input, ...args);
    },
  };

  const host: Host = {
    env,
    strict: (env.config?.liquid as Record<string, unknown> | undefined)?.error_mode === 'strict',
    variable(markup) {
      let v = variables.get(markup);
      if (!v) variables.set(markup, (v = new LaxVariable(markup)));
      return v;
    },
    renderVariable(v, ctx) {
      return v.render(ctx, filterHost);
    },
    parse(template, file, cache = true) {
      let byText = parsed.get(file);
      const hit = byText?.get(template);
      if (hit) return hit;
      const templates = new JekyllParser(liquid, host).parse(template, file) as unknown[];
      if (cache) {
        if (!byText) parsed.set(file, (byText = new Map()));
        byText.set(template, templates);
      }
      return templates;
    },
    renderToString(templates, ctx) {
      return renderTemplatesSync(templates as Template[], ctx);
    },
    loadInclude(absPath, relName) {
      let t = includes.get(absPath);
      if (!t) {
        t = new JekyllParser(liquid, host).parse(readFileSync(absPath, 'utf8'), relName) as unknown[];
        includes.set(absPath, t);
      }
      return t;
    },
    includeCache: new Map(),
    memoSafe(templates) {
      let safe = memoSafety.get(templates);
      if (safe === undefined) memoSafety.set(templates, (safe = templatesMemoSafe(templates as Template[])));
      return safe;
    },
    memoFor(templates) {
      // Kept on the parsed template itself (this engine's own symbol): a WeakMap costs more.
      const t = templates as unknown as { [MEMO]?: Memo | null };
      let memo = t[MEMO];
      if (memo === undefined) t[MEMO] = memo = host.memoSafe(templates) ? new Memo() : null;
      return memo === null || memo.disabled || memo.unprofitable ? undefined : memo;
    },
  };
  const MEMO = Symbol('memo');
  const memoSafety = new WeakMap<object, boolean>();
  const listMemos = new WeakMap<object, Map<string, Memo>>();
  /** Tags a recording understands: they read through `evaluate` and report what they assign. */
  const memoTags = new Set<unknown>();
  const templatesMemoSafe = (list: Template[]): boolean =>
    list.every((t: any) => {
      if (!memoTags.has(t.constructor)) return false;
      for (const children of [t.templates, t.elseTemplates, t.fileTemplate]) if (Array.isArray(children) && !templatesMemoSafe(children)) return false;
      return !Array.isArray(t.branches) || t.branches.every((b: any) => templatesMemoSafe(b.templates));
    });
  // Filters a recording may run: Jekyll's own, except those that are random, read the clock or
  // call into the build (which may report warnings a replay would not repeat).
  const pureFilter = (name: string, f: FilterDef, input: unknown): boolean =>
    jekyllFilters[name] === f && !IMPURE_FILTERS.has(name) && input !== 'now' && input !== 'today';

  // One filter `this` per render context, kept on the context (a WeakMap lookup per filter call costs).
  const FILTER_THIS = Symbol('filterThis');
  function filterThis(ctx: Context): FilterThis {
    const c = ctx as Context & { [FILTER_THIS]?: FilterThis };
    return (c[FILTER_THIS] ??= { ctx, env, variable: host.variable, renderVariable: host.renderVariable, listMemos });
  }

  liquid.registerTag('for', JekyllForTag);
  liquid.registerTag('tablerow', JekyllTablerowTag);
  liquid.registerTag('raw', JekyllRawTag);
  liquid.registerTag('if', JekyllIfTag);
  liquid.registerTag('unless', JekyllUnlessTag);
  liquid.registerTag('assign', assignTag(host));
  liquid.registerTag('echo', echoTag(host));
  liquid.registerTag('include', includeTag(host, 'include'));
  liquid.registerTag('include_relative', includeTag(host, 'include_relative'));
  liquid.registerTag('include_cached', includeTag(host, 'include_cached'));
  liquid.registerTag('capture', JekyllCaptureTag);
  liquid.registerTag('highlight', highlightTag(host));
  liquid.registerTag('link', linkTag(host));
  liquid.registerTag('post_url', postUrlTag(host));
  for (const [name, render] of Object.entries(env.tags ?? {})) {
    liquid.registerTag(name, class PluginTag extends Tag {
      render(ctx: Context, emitter: Emitter): void {
        emitter.write(render(this.token.args, (expression) => host.renderVariable(host.variable(expression), ctx)));
      }
    } as any);
  }
  // Liquid 5.4 has no `render`-era or liquidjs-only tags Jekyll users could rely on.
  for (const name of ['layout', 'block', 'render']) delete (liquid.tags as Record<string, unknown>)[name];
  const tags = liquid.tags as Record<string, unknown>;
  for (const name of ['for', 'if', 'unless', 'assign', 'echo', 'capture', 'include', 'include_cached', 'highlight', 'raw']) memoTags.add(tags[name]);
  for (const cls of [CommentTag, InlineCommentTag, BreakTag, ContinueTag, JekyllOutput, liquid.parse('x')[0].constructor]) memoTags.add(cls);

  return {
    engine: liquid,
    registerFilter(name, filter) {
      filters[name] = filter;
    },
    parse(template, file, cache = true) {
      try {
        return host.parse(template, file, cache);
      } catch (e) {
        throw toRenderError(e, file, template);
      }
    },
    renderSync(templates, scope) {
      const ctx = new Context(scope, liquid.options, { sync: true, strictVariables: opts.strictVariables }, { liquid });
      initRecording(ctx);
      try {
        return renderTemplatesSync(templates as Template[], ctx);
      } catch (e) {
        throw toRenderError(e, '', '');
      }
    },
  };
}

/** Wraps whatever went wrong into a LiquidRenderError pointing at the innermost template. */
function toRenderError(e: unknown, fallbackFile: string, fallbackInput: string): LiquidRenderError {
  if (e instanceof LiquidRenderError) return e;
  let err: any = e;
  let token: any;
  // Innermost Liquid error with a token: includes re-throw their own errors unchanged.
  while (err) {
    if (err.token) token = err.token;
    if (!err.originalError || !LiquidError.is(err)) break;
    err = err.originalError;
  }
  const reason = (err && (err.originalError?.message ?? err.message)) ?? String(e);
  const cleaned = rubyMessage(String(reason).replace(/, line:\d+, col:\d+$/, '').replace(/^(.*?), file:.*$/s, '$1'));
  const file = token?.file ?? fallbackFile;
  const input: string = token?.input ?? fallbackInput;
  const begin: number = token?.begin ?? 0;
  let line = 1;
  let col = 1;
  for (let i = 0; i < begin && i < input.length; i++) {
    if (input[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return new LiquidRenderError(cleaned, file, line, col, codeFrame(input, line, col), e);
}

/** liquidjs' wording of the errors Liquid 5.4 also raises, in Liquid's words. */
function rubyMessage(message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^tag "(\w+)" not found$/.exec(message))) return `Unknown tag '${m[1]}'`;
  if ((m = /^tag \{%-?\s*(\w+)[\s\S]*%\} not closed$/.exec(message))) return `'${m[1]}' tag was never closed`;
  if ((m = /^undefined variable: (.*)$/.exec(message))) return `undefined variable ${m[1]}`;
  return message;
}

function codeFrame(input: string, line: number, col: number): string {
  const lines = input.split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, col - 1))}^`);
  }
  return out.join('\n');
}

export { KeywordArgs };
