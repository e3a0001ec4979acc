import { describe, expect, it } from 'vitest';
import { redirectFromOf, redirectsJson, redirectToOf } from '../../src/plugins/jekyll-redirect-from/index.js';
import { buildFiles, TIME } from './build-site.js';

describe('jekyll-redirect-from values (Redirectable)', () => {
  it('reads redirect_from as a list without nils', () => {
    expect(redirectFromOf('/a')).toEqual(['/a']);
    expect(redirectFromOf(['/a', null, '/b'])).toEqual(['/a', '/b']);
    expect(redirectFromOf(null)).toEqual([]);
  });

  it('reads redirect_to as one value, the first non-nil of a list', () => {
    expect(redirectToOf([null, '/x', '/y'])).toBe('/x');
    expect(redirectToOf(undefined)).toBeUndefined();
  });

  it('writes redirects.json in insertion order, numeric-looking keys included', () => {
    const m = new Map([
      ['/b', 'https://x/b'],
      ['/2024', 'https://x/2024'],
    ]);
    expect(redirectsJson(m)).toBe('{"/b":"https://x/b","/2024":"https://x/2024"}');
  });
});

describe('jekyll-redirect-from in a build', () => {
  it('uses relative targets without a url, and skips redirects.json when the source has one', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-redirect-from]\n`,
      'new.md': '---\nredirect_from: old/\n---\nnew\n',
      'redirects.json': '{}\n',
    });
    expect(built.read('old/index.html')).toContain('<meta http-equiv="refresh" content="0; url=/new.html">');
    expect(built.read('redirects.json')).toBe('{}\n');
  });

  it('applies front matter defaults to pages', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-redirect-from]\ndefaults:\n  - scope: { path: "moved" }\n    values: { redirect_to: "https://elsewhere.example/" }\n`,
      'moved/a.html': '---\n---\nA\n',
    });
    expect(built.read('moved/a.html')).toContain('<script>location="https://elsewhere.example/"</script>');
    expect(built.read('redirects.json')).toBe('{"/moved/a.html":"https://elsewhere.example/"}');
  });
});
