/**
 * jekyll-github-metadata's Pages (environment settings), RepositoryFinder and Repository,
 * offline: every GitHub API call answers as the plugin's client does without a network
 * (`false`), so API-backed fields fall back exactly as the plugin's fallbacks do.
 */
import { execFileSync } from 'node:child_process';

type Env = NodeJS.ProcessEnv;

const DEFAULTS: Record<string, string | undefined> = {
  PAGES_ENV: 'development',
  PAGES_API_URL: 'https://api.github.com',
  PAGES_HELP_URL: 'https://help.github.com',
  PAGES_GITHUB_HOSTNAME: 'github.com',
  PAGES_PAGES_HOSTNAME: 'github.io',
  SSL: 'false',
  SUBDOMAIN_ISOLATION: 'false',
};

const trimLastSlash = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);

/** Jekyll::GitHubMetadata::Pages: settings from the environment, with Ruby's `||` semantics. */
export class Pages {
  constructor(private readonly env: Env = process.env) {}

  private envVar(key: string, fallback?: string): string {
    const v = this.env[key];
    return v !== undefined && v !== '' ? v : (fallback ?? DEFAULTS[key] ?? '');
  }

  get pagesEnv(): string {
    return this.envVar('PAGES_ENV', this.env.JEKYLL_ENV);
  }
  get test(): boolean {
    return this.pagesEnv === 'test';
  }
  get dotcom(): boolean {
    return this.pagesEnv === 'dotcom';
  }
  get enterprise(): boolean {
    return this.pagesEnv === 'enterprise';
  }
  get development(): boolean {
    return this.pagesEnv === 'development';
  }
  get ssl(): boolean {
    return this.envVar('SSL') === 'true' || this.test;
  }
  get scheme(): string {
    return this.ssl ? 'https' : 'http';
  }
  get subdomainIsolation(): boolean {
    return this.envVar('SUBDOMAIN_ISOLATION') === 'true';
  }
  get customDomainsEnabled(): boolean {
    return this.dotcom || this.test;
  }
  get githubHostname(): string {
    return trimLastSlash(this.envVar('PAGES_GITHUB_HOSTNAME', this.env.GITHUB_HOSTNAME));
  }
  get githubUrl(): string {
    return this.dotcom || this.githubHostname === 'github.com' ? 'https://github.com' : `${this.scheme}://${this.githubHostname}`;
  }
  get apiUrl(): string {
    return trimLastSlash(this.envVar('PAGES_API_URL', this.env.API_URL));
  }
  get helpUrl(): string {
    return trimLastSlash(this.envVar('PAGES_HELP_URL', this.env.HELP_URL));
  }
  get pagesHostname(): string {
    let fallback = this.env.PAGES_HOSTNAME;
    if (fallback === undefined && this.development) fallback = 'localhost:4000';
    return trimLastSlash(this.envVar('PAGES_PAGES_HOSTNAME', fallback));
  }
  get pageBuild(): boolean {
    return this.envVar('PAGE_BUILD_ID') !== '';
  }
}

export class NoRepositoryError extends Error {
  constructor() {
    super(
      "No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' in your configuration, or set up an 'origin' git remote pointing to your github.com repository.",
    );
  }
}

/** RepositoryFinder#git_remote_url: the first `origin` URL in `git remote --verbose` output. */
export function originUrl(remoteVerbose: string): string {
  for (const line of remoteVerbose.trim().split('\n')) {
    if (!line.startsWith('origin\t')) continue;
    const m = /^origin\t(.*) \([a-z]+\)/.exec(line);
    return m ? m[1] + line.slice(m[0].length) : line;
  }
  return '';
}

/** RepositoryFinder#nwo_from_git_origin_remote's parsing: `owner/name` of a GitHub remote URL. */
export function nwoFromRemoteUrl(url: string, githubHostname: string): string | undefined {
  const u = url.endsWith('.git') ? url.slice(0, -4) : url;
  const host = githubHostname.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const m = new RegExp(`${host}(:|/)([\\w-]+)/([\\w.-]+)`).exec(u);
  return m ? `${m[2]}/${m[3]}` : undefined;
}

function gitRemoteVerbose(cwd: string): string {
  try {
    return execFileSync('git', ['remote', '--verbose'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return ''; // not a repository, or git missing: the plugin then finds no remote
  }
}

export interface FinderInput {
  config: Record<string, unknown>;
  env?: Env;
  /** Where `git remote` runs (Jekyll runs it in its working directory: the site's, usually). */
  cwd: string;
  /** For tests: the output of `git remote --verbose`. */
  remotes?: string;
}

/** RepositoryFinder#nwo: PAGES_REPO_NWO, then `repository:`, then the origin remote (development and test only). */
export function findNwo(input: FinderInput): string | undefined {
  const env = input.env ?? process.env;
  if (env.PAGES_REPO_NWO !== undefined) return env.PAGES_REPO_NWO;
  const repo = input.config.repository;
  if (typeof repo === 'string' && repo.includes('/')) return repo;
  const jekyllEnv = env.JEKYLL_ENV || 'development';
  if (jekyllEnv !== 'development' && jekyllEnv !== 'test') return undefined;
  const url = originUrl(input.remotes ?? gitRemoteVerbose(input.cwd));
  return nwoFromRemoteUrl(url, new Pages(env).githubHostname);
}

/** Ruby's String#split("/") drops trailing empty fields. */
function rubySplitSlash(s: string): string[] {
  const parts = s.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** URI.join(base, ref) for a relative path `ref` (RFC 3986 merge). */
function uriJoin(base: string, ref: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(base);
  if (!m) return base + ref;
  const basePath = m[2] === '' ? '/' : m[2];
  return m[1] + basePath.slice(0, basePath.lastIndexOf('/') + 1) + ref;
}

/** Jekyll::GitHubMetadata::Repository with an unreachable API. */
export class Repository {
  readonly owner: string;
  readonly name: string;

  constructor(
    readonly nwo: string,
    readonly pages: Pages,
  ) {
    const parts = rubySplitSlash(nwo);
    this.owner = parts[0] ?? '';
    this.name = parts[parts.length - 1] ?? '';
  }

  get githubRepo(): boolean {
    return !this.pages.enterprise && this.owner === 'github';
  }
  get defaultUserDomain(): string {
    if (this.githubRepo) return `${this.owner}.${this.pages.githubHostname}`.toLowerCase();
    if (this.pages.enterprise) return this.pages.pagesHostname.toLowerCase();
    return `${this.owner}.${this.pages.pagesHostname}`.toLowerCase();
  }
  get userPageDomains(): string[] {
    const d = [this.defaultUserDomain];
    if (!this.pages.enterprise) d.push(`${this.owner}.github.com`.toLowerCase());
    return d;
  }
  get userPage(): boolean {
    if (this.pages.enterprise) return this.name.toLowerCase() === `${this.owner.toLowerCase()}.${this.pages.githubHostname}`;
    return this.userPageDomains.includes(this.name.toLowerCase());
  }
  /** RepositoryCompat#domain (no CNAME is known offline; no user-page repository is found either). */
  get domain(): string {
    if (!this.pages.customDomainsEnabled) return this.pages.githubHostname;
    return this.defaultUserDomain;
  }
  get urlScheme(): string {
    if (this.pages.enterprise) return this.pages.scheme;
    if (this.owner === 'github' && this.domain.endsWith('.github.com')) return 'https';
    return 'http';
  }
  /** RepositoryCompat#pages_url. */
  get pagesUrl(): string {
    if (!this.pages.customDomainsEnabled) {
      const p = this.userPage ? this.owner : this.nwo;
      return this.pages.subdomainIsolation
        ? uriJoin(`${this.pages.scheme}://${this.pages.pagesHostname}/`, p)
        : uriJoin(`${this.pages.githubUrl}/pages/`, p);
    }
    if (this.userPage) return `${this.urlScheme}://${this.domain}`;
    return uriJoin(`${this.urlScheme}://${this.domain}`, this.name);
  }
  get htmlUrl(): string {
    return this.pagesUrl.endsWith('/') ? this.pagesUrl.slice(0, -1) : this.pagesUrl;
  }
  /** URI#path of html_url ("" for a bare host, as Ruby's URI gives). */
  get baseurl(): string {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(this.htmlUrl)?.[1] ?? '';
  }
  get urlWithoutPath(): string {
    return /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(this.htmlUrl)?.[1] ?? this.htmlUrl;
  }
  get source(): { branch: string; path: string } {
    return { branch: this.userPage ? 'master' : 'gh-pages', path: '/' };
  }
  get ownerUrl(): string {
    return `${this.pages.githubUrl}/${this.owner}`;
  }
  get repositoryUrl(): string {
    return `${this.ownerUrl}/${this.name}`;
  }
}

/** Owner#to_h offline: every listed field, nil. */
export const OWNER_FIELDS = [
  'avatar_url', 'bio', 'blog', 'collaborators', 'company', 'created_at', 'description', 'email', 'followers', 'following',
  'has_organization_projects', 'has_repository_projects', 'hireable', 'html_url', 'id', 'is_verified', 'location', 'login',
  'name', 'node_id', 'public_gists', 'public_repos', 'type', 'updated_at',
];
