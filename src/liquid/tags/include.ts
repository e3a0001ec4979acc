/**
 * Jekyll's `include` and `include_relative` tags and jekyll-include-cache's `include_cached`:
 * `key=value` params under `include.*`, `{{ var }}` file names, first match over the includes dirs.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { renderTemplatesSync } from '../render-loop.js';
import { parseExpression, evaluate, type Expr } from '../variable.js';
import type { Host, TagClass } from '../host.js';
import { toJson } from '../ruby.js';
import { resolvesInside } from '../../read/confine.js';
import { abortRecording, noteInclude, recorderOf, replay, startRecording, stopRecording, substitute, type Leaf, type Memo, type NestedRead, type Recorder } from '../memo.js';

const VALID_SYNTAX = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/;
const FULL_VALID_SYNTAX = new RegExp(`^\\s*(?:${VALID_SYNTAX.source}(?=\\s|$)\\s*)*$`);
const VARIABLE_SYNTAX = /^([^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)([\s\S]*)$/;
const VALID_FILENAME_CHARS = /^[\w/.\-()+~#@]+$/;
const INVALID_SEQUENCES = /[./]{2,}/;

type Param = [string, { literal: string } | { expr: Expr }];

/** Liquid's Block::MAX_DEPTH. */
const MAX_INCLUDE_DEPTH = 100;
// Kept on the context itself: a WeakMap costs more than the include on hot paths.
const INCLUDE_DEPTH = Symbol('includeDepth');

export type IncludeKind = 'include' | 'include_relative' | 'include_cached';

export function includeTag(host: Host, kind: IncludeKind): TagClass {
  const syntaxHelp = `Valid syntax: {% ${kind === 'include_relative' ? 'include_relative' : 'include'} file.ext param='value' param2='value' %}`;
  return class IncludeTag extends Tag {
    file: string;
    fileTemplate?: unknown[];
    params?: Param[];
    resolved = new Map<string, { templates: unknown[]; path: string }>();
    nestedReads = new Map<Memo, Map<string, NestedRead>>();

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const markup = token.args.trim();
      const m = VARIABLE_SYNTAX.exec(markup);
      let params: string | undefined;
      if (m) {
        this.file = m[1].trim();
        params = m[4].trim();
        this.fileTemplate = host.parse(this.file, token.file ?? '');
      } else {
        const i = markup.search(/\s/);
        this.file = i < 0 ? markup : markup.slice(0, i);
        params = i < 0 ? undefined : markup.slice(i).replace(/^\s+/, '');
      }
      if (params !== undefined) {
        if (!FULL_VALID_SYNTAX.test(params)) throw new Error(`Invalid syntax for include tag:\n\n${params}\n\n${syntaxHelp}\n\n`);
        this.params = [];
        let rest = params;
        let pm: RegExpExecArray | null;
        while ((pm = VALID_SYNTAX.exec(rest))) {
          rest = rest.slice(pm.index + pm[0].length);
          if (pm[2] !== undefined) this.params.push([pm[1], { literal: pm[2].replace(/\\"/g, '"') }]);
          else if (pm[3] !== undefined) this.params.push([pm[1], { literal: pm[3].replace(/\\'/g, "'") }]);
          else this.params.push([pm[1], { expr: parseExpression(pm[4]) }]);
        }
      }
      if (!this.fileTemplate) validateFileName(this.file, syntaxHelp);
    }

    render(ctx: Context, emitter: Emitter): void {
      const file = this.fileTemplate ? host.renderToString(this.fileTemplate, ctx).trim() : this.file;
      if (this.fileTemplate) validateFileName(file, syntaxHelp);
      const params: Record<string, unknown> | undefined = this.params ? {} : undefined;
      if (this.params) for (const [k, v] of this.params) params![k] = 'literal' in v ? v.literal : evaluate(v.expr, ctx);
      const { templates, key } = this.locate(ctx, file);
      // Liquid's Context#check_overflow: an include that includes itself stops at a fixed
      // depth with Liquid's message instead of exhausting the JavaScript stack.
      const c = ctx as Context & { [INCLUDE_DEPTH]?: number };
      const depth = (c[INCLUDE_DEPTH] ?? 0) + 1;
      if (depth > MAX_INCLUDE_DEPTH) throw new Error(`Nesting too deep: '${file}' is included more than ${MAX_INCLUDE_DEPTH} levels deep (does it include itself?)`);
      c[INCLUDE_DEPTH] = depth;
      try {
        this.renderFound(ctx, emitter, templates, key, params);
      } finally {
        c[INCLUDE_DEPTH] = depth - 1;
      }
    }

    renderFound(ctx: Context, emitter: Emitter, templates: unknown[], key: string, params: Record<string, unknown> | undefined): void {
      if (kind === 'include_cached') {
        const cacheKey = `${key}\0${toJson(params ?? null)}`;
        let out = host.includeCache.get(cacheKey);
        if (out === undefined) {
          ctx.push(params ? { include: params } : {});
          try {
            out = host.renderToString(templates, ctx);
          } finally {
            ctx.pop();
          }
          host.includeCache.set(cacheKey, out);
        }
        emitter.write(out);
        return;
      }
      if (recorderOf(ctx) !== undefined && (kind === 'include_relative' || !host.memoSafe(templates))) abortRecording(ctx);
      ctx.push(params ? { include: params } : {});
      try {
        const memo = kind === 'include' && !ctx.strictVariables ? host.memoFor(templates) : undefined;
        if (memo === undefined) {
          renderTemplatesSync(templates as Template[], ctx, emitter);
          return;
        }
        // Same reads from outside as an earlier render: its output and assignments again. Inside
        // a recorded include, the reads and effects are those of the enclosing recording too.
        const outer = recorderOf(ctx);
        const nested = outer !== undefined && !this.params && !this.fileTemplate ? { from: outer.reads.length, internalReads: outer.internalReads, assigned: new Set(outer.assigned) } : undefined;
        const leaf = memo.find(ctx, evaluate);
        if (leaf !== undefined) {
          replay(leaf, ctx, host.env.onInclude);
          emitter.write(leaf.output as string);
          if (nested && recorderOf(ctx) === outer && outer!.internalReads === nested.internalReads) this.substitute(ctx, outer!, nested, memo, leaf);
          return;
        }
        const rec = startRecording(ctx, (ctx as any).scopes.length);
        let out: string;
        try {
          out = host.renderToString(templates, ctx);
        } finally {
          stopRecording(ctx, rec);
        }
        const c = ctx as Context & { breakCalled?: boolean; continueCalled?: boolean };
        if (c.breakCalled || c.continueCalled) rec.aborted = true;
        const stored = memo.store(rec, out);
        emitter.write(out);
        if (nested && !rec.leaked && recorderOf(ctx) === outer) this.substitute(ctx, outer!, nested, memo, stored);
      } finally {
        ctx.pop();
      }
    }

    /** The outer recording keys on this include's result (memo.ts, NestedRead). */
    substitute(ctx: Context, outer: Recorder, at: { from: number; assigned: Set<string> }, memo: Memo, leaf: Leaf | undefined): void {
      if (leaf === undefined) return;
      // What the outer render had assigned or put in scope here: names the include must not read
      // when the outer memo later evaluates its result from the outer render's start.
      const shadowed = at.assigned;
      const scopes = (ctx as any).scopes as Record<string, unknown>[];
      // The include's own (empty) scope is on top; the outer render's scopes start at internalFrom.
      for (let i = outer.internalFrom; i < scopes.length - 1; i++) for (const k of Object.keys(scopes[i])) shadowed.add(k);
      let site = this.nestedReads.get(memo);
      if (!site) this.nestedReads.set(memo, (site = new Map()));
      substitute(outer, at.from, memo, leaf, site, shadowed);
    }

    locate(ctx: Context, file: string): { templates: unknown[]; key: string } {
      let dirs: string[];
      if (kind === 'include_relative') {
        // Jekyll's page_path: the page's own folder; documents live under collections_dir.
        const page = (ctx.environments as any)?.page;
        let pagePath = typeof page?.path === 'string' ? page.path.replace(/\/#excerpt$/, '') : '';
        if (page?.collection && host.env.config.collections_dir) pagePath = join(String(host.env.config.collections_dir), pagePath);
        dirs = [page ? resolve(host.env.source, dirname(pagePath)) : host.env.source];
      } else dirs = host.env.includesDirs;
      // The includes dirs never change, so a file name alone identifies an `include`.
      const cacheKey = kind === 'include_relative' ? `${dirs[0]}\0${file}` : file;
      const hit = this.resolved.get(cacheKey);
      if (hit) {
        if (host.env.onInclude) {
          host.env.onInclude(hit.path);
          noteInclude(ctx, hit.path);
        }
        return { templates: hit.templates, key: hit.path };
      }
      for (const dir of dirs) {
        const path = join(dir, file);
        if (!path.startsWith(dir + sep) && path !== dir) continue;
        // Never a file that a symlink leads outside the source (or the theme), --safe or not.
        if (existsSync(path) && statSync(path).isFile() && resolvesInside(path, kind === 'include_relative' ? [host.env.source] : [host.env.source, ...host.env.includesDirs.slice(1)])) {
          const templates = host.loadInclude(path, relativeName(path));
          this.resolved.set(cacheKey, { templates, path });
          if (host.env.onInclude) {
            host.env.onInclude(path);
            noteInclude(ctx, path);
          }
          return { templates, key: path };
        }
      }
      if (kind === 'include_relative') {
        throw new Error(`Could not locate the included file '${file}' in any of ${JSON.stringify(dirs)}. Ensure it exists in one of those directories and is not a symlink as those are not allowed in safe mode.`);
      }
      throw new Error(`Could not locate the included file '${file}' in any of ${JSON.stringify(dirs)}. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source.`);
    }
  };

  function relativeName(path: string): string {
    const src = host.env.source.endsWith(sep) ? host.env.source : host.env.source + sep;
    return path.startsWith(src) ? path.slice(src.length) : path;
  }
}

function validateFileName(file: string, syntaxHelp: string): void {
  if (INVALID_SEQUENCES.test(file) || !VALID_FILENAME_CHARS.test(file)) {
    throw new Error(`Invalid syntax for include tag. File contains invalid characters or sequences:\n\n${file}\n\n${syntaxHelp}\n\n`);
  }
}
