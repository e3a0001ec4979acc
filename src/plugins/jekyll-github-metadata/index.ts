/**
 * jekyll-github-metadata without the network: `site.github` from the repository's name
 * (PAGES_REPO_NWO, `repository:`, or the `origin` git remote), the environment settings and
 * the plugin's offline fallbacks (API-backed fields are nil or false, as its client answers
 * when it cannot reach the API); `site.title` falls back to the repository name, and in
 * production `site.url`/`site.baseurl` to the Pages URL; `{% github_edit_link %}`.
 */
import { execFileSync } from 'node:child_process';
import type { Context, Emitter, TagToken } from 'liquidjs';
import type { Site } from '../../site/site.js';
import type { Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { findNwo, NoRepositoryError, OWNER_FIELDS, Pages, Repository } from './repository.js';

type Env = NodeJS.ProcessEnv;

function jekyllEnv(env: Env): string {
  return env.JEKYLL_ENV || 'development';
}

function isPlainHash(v: unknown): v is Hash {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

function lazy(target: Hash, key: string, get: () => unknown): void {
  let done = false;
  let value: unknown;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!done) {
        value = get();
        done = true;
      }
      return value;
    },
  });
}

function buildRevision(env: Env, cwd: string): string {
  if (env.JEKYLL_BUILD_REVISION !== undefined) return env.JEKYLL_BUILD_REVISION;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** MetadataDrop's fields (sorted, as Drop#keys sorts them) for a repository, offline. */
export function metadata(nwo: string | undefined, env: Env, cwd: string): Hash {
  const pages = new Pages(env);
  const drop: Hash = {};
  const repo = () => {
    if (nwo === undefined) throw new NoRepositoryError();
    return new Repository(nwo, pages);
  };
  const fields: Record<string, () => unknown> = {
    api_url: () => pages.apiUrl,
    archived: () => null,
    baseurl: () => repo().baseurl,
    build_revision: () => buildRevision(env, cwd),
    clone_url: () => `${repo().repositoryUrl}.git`,
    contributors: () => (repo(), false),
    disabled: () => null,
    environment: () => pages.pagesEnv,
    help_url: () => pages.helpUrl,
    hostname: () => pages.githubHostname,
    is_project_page: () => !repo().userPage,
    is_user_page: () => repo().userPage,
    issues_url: () => (repo(), null),
    language: () => (repo(), null),
    latest_release: () => (repo(), false),
    license: () => (repo(), null),
    organization_members: () => (repo(), null),
    owner: () => (repo(), Object.fromEntries(OWNER_FIELDS.map((f) => [f, null]))),
    owner_display_name: () => (repo(), null),
    owner_gravatar_url: () => `${repo().ownerUrl}.png`,
    owner_name: () => repo().owner,
    owner_url: () => repo().ownerUrl,
    pages_env: () => pages.pagesEnv,
    pages_hostname: () => pages.pagesHostname,
    private: () => (repo(), null),
    project_tagline: () => (repo(), null),
    project_title: () => repo().name,
    public_repositories: () => {
      repo();
      // Offline, the plugin maps over the client's `false` and the build stops.
      throw new Error("GitHub Metadata: Error processing value 'owner_public_repositories': undefined method `map' for false:FalseClass");
    },
    releases: () => (repo(), false),
    releases_url: () => `${repo().repositoryUrl}/releases`,
    repository_name: () => repo().name,
    repository_nwo: () => repo().nwo,
    repository_url: () => repo().repositoryUrl,
    show_downloads: () => (repo(), null),
    source: () => repo().source,
    tar_url: () => `${repo().repositoryUrl}/tarball/${repo().source.branch}`,
    url: () => repo().htmlUrl,
    versions: () => ({}),
    wiki_url: () => (repo(), null),
    zip_url: () => `${repo().repositoryUrl}/zipball/${repo().source.branch}`,
  };
  for (const [k, get] of Object.entries(fields)) lazy(drop, k, get);
  return drop;
}

/** Jekyll::Utils.deep_merge_hashes into the drop, without reading the fields it replaces. */
function deepMerge(target: Hash, other: Hash): Hash {
  for (const [k, v] of Object.entries(other)) {
    const cur = Object.getOwnPropertyDescriptor(target, k);
    const curValue = cur && 'value' in cur ? cur.value : cur?.get && isPlainHash(v) ? target[k] : undefined;
    if (isPlainHash(v) && isPlainHash(curValue)) {
      const merged = deepMerge({ ...curValue }, v);
      Object.defineProperty(target, k, { value: merged, enumerable: true, configurable: true, writable: true });
    } else {
      Object.defineProperty(target, k, { value: v, enumerable: true, configurable: true, writable: true });
    }
  }
  return target;
}

/** SiteGitHubMunger#github_namespace: the drop, merged with a `github:` hash, or `github:` itself. */
export function githubNamespace(config: Hash, nwo: string | undefined, env: Env, cwd: string): unknown {
  const given = config.github;
  if (given === undefined || given === null) return metadata(nwo, env, cwd);
  if (isPlainHash(given)) return deepMerge(metadata(nwo, env, cwd), given);
  return given;
}

interface State {
  nwo: string | undefined;
}
const states = new WeakMap<Site, State>();

function stateOf(site: Site): State {
  let s = states.get(site);
  if (!s) {
    s = { nwo: findNwo({ config: site.ctx.config as Hash, cwd: site.ctx.source }) };
    states.set(site, s);
  }
  return s;
}

/** `{% github_edit_link ["text"] %}`: the page's edit URL on GitHub, or a link to it. */
export function editLink(markup: string, github: unknown, pagePath: unknown): string {
  const gh = isPlainHash(github) ? github : {};
  const source = isPlainHash(gh.source) ? gh.source : {};
  const parts = [gh.repository_url, 'edit/', source.branch, source.path, pagePath];
  let uri = '';
  if (!parts.some((p) => p === undefined || p === null || p === false)) {
    const norm = parts.map((raw, i) => {
      let p = String(raw);
      if (p.startsWith('/')) p = p.slice(1);
      if (i !== parts.length - 1 && !p.endsWith('/')) p += '/';
      return p === '/' ? '' : p;
    });
    // Addressable::URI.join(...).normalize: relative resolution, then percent-encoding.
    uri = norm.slice(1).reduce((base, ref) => (ref === '' ? base : new URL(ref, base).toString()), new URL(norm[0]).toString());
  }
  const m = /(?:"(.*)"|'(.*)')/.exec(markup);
  const text = m ? (m[1] ?? m[2]) : undefined;
  return text ? `<a href="${uri}">${text}</a>` : uri;
}

export const githubMetadataPlugin: Plugin = {
  name: 'jekyll-github-metadata',
  afterRead(site) {
    const env = process.env;
    const config = site.ctx.config as Hash;
    const { nwo } = stateOf(site);
    if (nwo === undefined) return; // the plugin fails only when a fallback is rendered: see decorateSite
    const repo = new Repository(nwo, new Pages(env));
    // SiteGitHubMunger#add_title_and_description_fallbacks! (the description, from the API, is nil).
    if (!(config.name && !config.title)) config.title ||= repo.userPage ? repo.owner : repo.name;
    if (jekyllEnv(env) === 'production' || new Pages(env).pageBuild) {
      config.url ||= repo.urlWithoutPath;
      if (config.baseurl === undefined || config.baseurl === null || config.baseurl === '/') config.baseurl = repo.baseurl;
    }
  },
  decorateSite(view, site) {
    const { nwo } = stateOf(site);
    const config = site.ctx.config as Hash;
    if (nwo === undefined) {
      // The plugin's lazy fallbacks raise NoRepositoryError when they are rendered.
      const fail = () => {
        throw new NoRepositoryError();
      };
      if (!(config.name && !config.title) && !view.title) lazy(view, 'title', fail);
      if (!view.description) lazy(view, 'description', fail);
    }
    lazy(view, 'github', () => githubNamespace(config, nwo, process.env, site.ctx.source));
  },
  registerLiquid(liquid) {
    liquid.engine.registerTag('github_edit_link', {
      parse(token: TagToken) {
        (this as unknown as { markup: string }).markup = token.args;
      },
      render(ctx: Context, emitter: Emitter) {
        const markup = (this as unknown as { markup: string }).markup;
        emitter.write(editLink(markup, ctx.getSync(['site', 'github']), ctx.getSync(['page', 'path'])));
      },
    });
  },
};
