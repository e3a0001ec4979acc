import { describe, expect, it } from 'vitest';
import { editLink, githubNamespace, metadata } from '../../src/plugins/jekyll-github-metadata/index.js';
import { findNwo, nwoFromRemoteUrl, originUrl } from '../../src/plugins/jekyll-github-metadata/repository.js';
import { buildFiles, TIME } from './build-site.js';

// Expected values below were printed by real Jekyll 4.3.1 + jekyll-github-metadata 2.15.0 offline.
const fields = (nwo: string, env: Record<string, string>) => {
  const m = metadata(nwo, env, '/');
  return [m.url, m.baseurl, m.is_user_page, (m.source as { branch: string }).branch, m.pages_hostname, m.repository_url, m.environment];
};

describe('jekyll-github-metadata repository finding', () => {
  it('reads the origin URL from `git remote --verbose`', () => {
    const out = 'upstream\tgit@github.com:up/x.git (fetch)\norigin\tgit@github.com:Some-One/my.site.git (fetch)\norigin\tgit@github.com:Some-One/my.site.git (push)\n';
    expect(originUrl(out)).toBe('git@github.com:Some-One/my.site.git');
    expect(originUrl('upstream\thttps://github.com/a/b (fetch)')).toBe('');
    expect(nwoFromRemoteUrl('git@github.com:Some-One/my.site.git', 'github.com')).toBe('Some-One/my.site');
    expect(nwoFromRemoteUrl('https://github.com/a/b', 'github.com')).toBe('a/b');
    expect(nwoFromRemoteUrl('https://ghe.corp/team/proj.git', 'ghe.corp')).toBe('team/proj');
    expect(nwoFromRemoteUrl('https://gitlab.com/a/b.git', 'github.com')).toBeUndefined();
  });

  it('prefers PAGES_REPO_NWO, then `repository:`, then the remote (development and test only)', () => {
    const remotes = 'origin\thttps://github.com/r/remote.git (fetch)\n';
    expect(findNwo({ config: { repository: 'c/config' }, env: { PAGES_REPO_NWO: 'e/env' }, cwd: '/', remotes })).toBe('e/env');
    expect(findNwo({ config: { repository: 'c/config' }, env: {}, cwd: '/', remotes })).toBe('c/config');
    expect(findNwo({ config: { repository: 'no-slash' }, env: {}, cwd: '/', remotes })).toBe('r/remote');
    expect(findNwo({ config: {}, env: { JEKYLL_ENV: 'test' }, cwd: '/', remotes })).toBe('r/remote');
    expect(findNwo({ config: {}, env: { JEKYLL_ENV: 'production' }, cwd: '/', remotes })).toBeUndefined();
  });
});

describe('jekyll-github-metadata offline fields (values from the real plugin)', () => {
  it('development: Pages URLs under github.com/pages, localhost user domains', () => {
    expect(fields('Some-One/my.site', {})).toEqual([
      'https://github.com/pages/Some-One/my.site', '/pages/Some-One/my.site', false, 'gh-pages', 'localhost:4000', 'https://github.com/Some-One/my.site', 'development',
    ]);
    expect(fields('Octo/octo.github.io', {})[2]).toBe(false);
  });

  it('production: a user page is recognised', () => {
    expect(fields('Octo/octo.github.io', { JEKYLL_ENV: 'production' })).toEqual([
      'https://github.com/pages/Octo', '/pages/Octo', true, 'master', 'github.io', 'https://github.com/Octo/octo.github.io', 'production',
    ]);
  });

  it('dotcom and test: custom domains, http scheme, https for GitHub-owned', () => {
    expect(fields('Octo/octo.github.io', { PAGES_ENV: 'dotcom' }).slice(0, 4)).toEqual(['http://octo.github.io', '', true, 'master']);
    expect(fields('github/github.github.com', { PAGES_ENV: 'dotcom' }).slice(0, 2)).toEqual(['https://github.github.com', '']);
    expect(fields('a/b', { PAGES_ENV: 'test' }).slice(0, 2)).toEqual(['http://a.github.io/b', '/b']);
  });

  it('enterprise, with and without subdomain isolation', () => {
    const env = { PAGES_ENV: 'enterprise', PAGES_GITHUB_HOSTNAME: 'ghe.corp', PAGES_PAGES_HOSTNAME: 'pages.corp/', SSL: 'true' };
    expect(fields('a/b', env)).toEqual(['https://ghe.corp/pages/a/b', '/pages/a/b', false, 'gh-pages', 'pages.corp', 'https://ghe.corp/a/b', 'enterprise']);
    const iso = { PAGES_ENV: 'enterprise', PAGES_GITHUB_HOSTNAME: 'ghe.corp', PAGES_PAGES_HOSTNAME: 'pages.corp', SUBDOMAIN_ISOLATION: 'true' };
    expect(fields('a/b', iso).slice(0, 2)).toEqual(['http://pages.corp/a/b', '/a/b']);
    expect(fields('a/b', iso)[5]).toBe('http://ghe.corp/a/b');
  });

  it('API-backed fields are what the offline client gives, and public_repositories fails as the plugin does', () => {
    const m = metadata('o/r', {}, '/');
    expect([m.contributors, m.releases, m.latest_release, m.license, m.project_tagline, m.organization_members]).toEqual([false, false, false, null, null, null]);
    expect(m.owner).toMatchObject({ login: null, name: null });
    expect(() => m.public_repositories).toThrow(/owner_public_repositories/);
    expect(Object.keys(m)).toEqual([...Object.keys(m)].sort());
  });

  it('without a repository, fields raise NoRepositoryError when read', () => {
    const m = metadata(undefined, {}, '/');
    expect(m.api_url).toBe('https://api.github.com');
    expect(() => m.repository_nwo).toThrow(/No repo name found/);
  });

  it('merges a `github:` hash over the drop and passes other values through', () => {
    const merged = githubNamespace({ github: { source: { branch: 'main' }, extra: 1 } }, 'o/r', {}, '/') as Record<string, unknown>;
    expect(merged.source).toEqual({ branch: 'main', path: '/' });
    expect(merged.extra).toBe(1);
    expect(merged.zip_url).toBe('https://github.com/o/r/zipball/gh-pages');
    expect(githubNamespace({ github: 'plain' }, 'o/r', {}, '/')).toBe('plain');
  });

  it('github_edit_link', () => {
    const gh = { repository_url: 'https://github.com/o/r', source: { branch: 'main', path: '/docs' } };
    expect(editLink('', gh, 'a b.md')).toBe('https://github.com/o/r/edit/main/docs/a%20b.md');
    expect(editLink(" 'Edit' ", gh, 'x.md')).toBe('<a href="https://github.com/o/r/edit/main/docs/x.md">Edit</a>');
    expect(editLink('', {}, 'x.md')).toBe('');
  });
});

describe('jekyll-github-metadata in a build', () => {
  it('finds the repository from the source folder\'s origin remote and falls back to it for site.title', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-github-metadata]\n`,
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/config': '[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:Some-One/my.site.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
      '.git/objects/.keep': '',
      '.git/refs/heads/.keep': '',
      'index.html': '---\n---\n{{ site.title }}|{{ site.github.repository_nwo }}|{{ site.github.url }}|{{ site.url }}\n',
    });
    expect(built.read('index.html')).toBe('my.site|Some-One/my.site|https://github.com/pages/Some-One/my.site|\n');
  });

  it('production sets url and baseurl from the Pages URL when they are unset', async () => {
    const built = await buildFiles(
      {
        '_config.yml': `${TIME}plugins: [jekyll-github-metadata]\nrepository: a/b\ntitle: Kept\n`,
        'index.html': '---\n---\n{{ site.title }}|{{ site.url }}|{{ site.baseurl }}|{{ "/x" | relative_url }}\n',
      },
      {},
      { JEKYLL_ENV: 'production' },
    );
    expect(built.read('index.html')).toBe('Kept|https://github.com|/pages/a/b|/pages/a/b/x\n');
  });

  it('without a repository, only the fallbacks that need one fail, when rendered (as real Jekyll does)', async () => {
    // production: no git remote lookup, so the machine's own repositories cannot interfere.
    const env = { JEKYLL_ENV: 'production' };
    const ok = await buildFiles({ '_config.yml': `${TIME}plugins: [jekyll-github-metadata]\ntitle: T\n`, 'index.html': '---\n---\n{{ site.title }}|\n' }, {}, env);
    expect(ok.read('index.html')).toBe('T|\n');
    const files = { '_config.yml': `${TIME}plugins: [jekyll-github-metadata]\ntitle: T\n`, 'index.html': '---\n---\n{{ site.description }}\n' };
    await expect(buildFiles(files, {}, env)).rejects.toThrow(/No repo name found/);
  });
});
