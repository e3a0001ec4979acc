/**
 * Front matter defaults (`defaults:` in _config.yml), with Jekyll's matching and precedence:
 * a longer scope path wins, then a scope with a type; globbed paths (such as a star before /_posts) are expanded
 * against the source tree.
 */
import fg from 'fast-glob';
import path from 'node:path';
import { deepMerge, isHash, type Hash } from '../utils/merge.js';
import { parseTime } from '../utils/time.js';

interface Scope {
  path?: string;
  type?: string;
}
interface DefaultSet {
  scope?: Scope;
  values: Hash;
}

const DEPRECATED_TYPES: Record<string, string> = { page: 'pages', post: 'posts', draft: 'drafts' };

export class FrontmatterDefaults {
  private readonly sets: DefaultSet[];
  private readonly globCache = new Map<string, string[]>();
  private readonly matchCache = new Map<string, DefaultSet[]>();

  constructor(
    rawSets: unknown,
    private readonly source: string,
    private readonly collectionsDir: string,
    readonly warnings: string[] = [],
  ) {
    this.sets = [];
    if (!Array.isArray(rawSets)) return;
    for (const raw of rawSets) {
      if (!isHash(raw) || !isHash(raw.values)) {
        warnings.push(`An invalid front-matter default set was found: ${JSON.stringify(raw)}`);
        continue;
      }
      const scope = isHash(raw.scope) ? ({ ...raw.scope } as Scope) : undefined;
      if (scope?.type !== undefined) scope.type = DEPRECATED_TYPES[String(scope.type)] ?? String(scope.type);
      const values = { ...raw.values };
      if (values.date !== undefined && !(values.date instanceof Date)) {
        const t = parseTime(String(values.date), undefined);
        if (t) values.date = t;
      }
      this.sets.push({ scope, values });
    }
  }

  /** All defaults that apply to a file, merged by precedence (FrontmatterDefaults#all). */
  all(relativePath: string, type: string | undefined): Hash {
    let defaults: Hash = {};
    let oldScope: Scope | undefined;
    for (const set of this.matching(relativePath, type)) {
      if (this.hasPrecedence(oldScope, set.scope ?? {})) {
        defaults = deepMerge(defaults, set.values);
        oldScope = set.scope ?? {};
      } else {
        defaults = deepMerge(set.values, defaults);
      }
    }
    return defaults;
  }

  /** One key's default (FrontmatterDefaults#find). */
  find(relativePath: string, type: string | undefined, key: string): unknown {
    let value: unknown;
    let oldScope: Scope | undefined;
    for (const set of this.matching(relativePath, type)) {
      if (key in set.values && this.hasPrecedence(oldScope, set.scope ?? {})) {
        value = set.values[key];
        oldScope = set.scope ?? {};
      }
    }
    return value;
  }

  private matching(relativePath: string, type: string | undefined): DefaultSet[] {
    const cacheKey = `${type ?? ''}\0${relativePath}`;
    let found = this.matchCache.get(cacheKey);
    if (!found) {
      found = this.sets.filter((s) => !s.scope || this.applies(s.scope, relativePath, type));
      this.matchCache.set(cacheKey, found);
    }
    return found;
  }

  private applies(scope: Scope, relativePath: string, type: string | undefined): boolean {
    if (scope.type !== undefined && scope.type !== type) return false;
    const scopePath = scope.path;
    if (typeof scopePath !== 'string' || scopePath === '') return true;
    const sanitized = sanitizePath(relativePath);
    if (scopePath.includes('*')) {
      return this.glob(scopePath).some((p) => sanitized.startsWith(this.stripCollectionsDir(p)));
    }
    return sanitized.startsWith(this.stripCollectionsDir(scopePath));
  }

  private glob(pattern: string): string[] {
    let hits = this.globCache.get(pattern);
    if (!hits) {
      // Ruby's Dir.glob: `*` does not match dotfiles; directories and files both match.
      hits = fg.sync(pattern, { cwd: this.source, onlyFiles: false, dot: false }).map((p) => path.posix.normalize(p));
      this.globCache.set(pattern, hits);
    }
    return hits;
  }

  private stripCollectionsDir(p: string): string {
    const dir = this.collectionsDir;
    if (!dir || !p.startsWith(`${dir}/`)) return p;
    return p.slice(dir.length + 1);
  }

  private hasPrecedence(oldScope: Scope | undefined, newScope: Scope): boolean {
    if (!oldScope) return true;
    const newPath = sanitizePath(newScope.path);
    const oldPath = sanitizePath(oldScope.path);
    if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
    if (newScope.type !== undefined) return true;
    return oldScope.type === undefined;
  }
}

function sanitizePath(p: unknown): string {
  if (typeof p !== 'string' || p === '') return '';
  if (p.startsWith('/')) return p.replace(/^\//, '').replace(/(?<=[^/])$/, '');
  return p;
}
