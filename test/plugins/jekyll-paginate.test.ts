import { describe, expect, it } from 'vitest';
import { calculatePages, pagerNumbers, paginatePath } from '../../src/plugins/jekyll-paginate/pager.js';
import { buildFiles, TIME } from './build-site.js';

describe('jekyll-paginate pager numbers (Pager#initialize)', () => {
  it('rounds the page count up', () => {
    expect(calculatePages(5, 2)).toBe(3);
    expect(calculatePages(4, 2)).toBe(2);
    expect(calculatePages(0, 2)).toBe(0);
  });

  it('computes the first, a middle and the last page', () => {
    const first = pagerNumbers(1, 2, 5, 3, '/page:num/', '/');
    expect(first).toMatchObject({ page: 1, previous_page: null, previous_page_path: null, next_page: 2, next_page_path: '/page2/', from: 0, to: 2 });
    const middle = pagerNumbers(2, 2, 5, 3, '/page:num/', '/');
    expect(middle).toMatchObject({ previous_page: 1, previous_page_path: '/', next_page: 3, next_page_path: '/page3/', from: 2, to: 4 });
    const last = pagerNumbers(3, 2, 5, 3, '/page:num/', '/');
    // all_posts[4..5]: the range end is clamped to the size, one past the last index.
    expect(last).toMatchObject({ next_page: null, next_page_path: null, from: 4, to: 6 });
  });

  it('refuses a page beyond the last', () => {
    expect(() => pagerNumbers(4, 2, 5, 3, '/page:num', '/')).toThrow(/can't be greater than total pages: 4 > 3/);
  });

  it('fills only the first :num and adds a leading slash', () => {
    expect(paginatePath('blog/:num/:num', '/blog/', 3)).toBe('/blog/3/:num');
    expect(paginatePath('/page:num', '/index.html', 1)).toBe('/index.html');
    expect(paginatePath('/page:num', '/', null)).toBeNull();
  });
});

describe('jekyll-paginate in a build', () => {
  const post = (n: number) => `---\ntitle: P${n}\n---\nbody ${n}\n`;
  const index = '---\n---\n{{ paginator.page }}/{{ paginator.total_pages }} {% for p in paginator.posts %}{{ p.title }},{% endfor %} prev={{ paginator.previous_page_path }} next={{ paginator.next_page_path }}';

  it('writes pages at the default paginate_path with a string per-page count', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-paginate]\npaginate: "2"\n`,
      'index.html': index,
      '_posts/2024-01-01-a.md': post(1),
      '_posts/2024-01-02-b.md': post(2),
      '_posts/2024-01-03-c.md': post(3),
    });
    expect(built.read('index.html')).toBe('1/2 P3,P2, prev= next=/page2');
    expect(built.read('page2/index.html')).toBe('2/2 P1, prev=/ next=');
  });

  it('leaves the paginator nil without posts and without the plugin', async () => {
    const noPosts = await buildFiles({ '_config.yml': `${TIME}plugins: [jekyll-paginate]\npaginate: 2\n`, 'index.html': index });
    expect(noPosts.read('index.html')).toBe('/  prev= next=');
    const noPlugin = await buildFiles({ '_config.yml': `${TIME}paginate: 2\n`, 'index.html': index, '_posts/2024-01-01-a.md': post(1) });
    expect(noPlugin.read('index.html')).toBe('/  prev= next=');
  });

  it('does not paginate an index.html outside the paginate_path hierarchy', async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-paginate]\npaginate: 1\npaginate_path: /blog/p:num/\n`,
      'other/index.html': index,
      '_posts/2024-01-01-a.md': post(1),
    });
    expect(built.read('other/index.html')).toBe('/  prev= next=');
    expect(built.result.diagnostics.some((d) => /couldn't find an index.html page/.test(d.message))).toBe(true);
  });
});
