/**
 * jekyll-paginate v1's Pager: which posts a page shows and the paths of its neighbours.
 * Numbers and paths are computed up front as the plugin does; the post drops are looked up
 * from the `site` view when a template asks, so they are the same drops as `site.posts`.
 */
import type { Hash } from '../../utils/merge.js';

/** Pager.calculate_pages: `(posts.size.to_f / per_page).ceil`. */
export function calculatePages(totalPosts: number, perPage: number): number {
  return Math.ceil(totalPosts / perPage);
}

/** Pager.ensure_leading_slash */
export function ensureLeadingSlash(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

/** Pager.paginate_path: page 1 is the template's own URL, others fill `:num` (first one only). */
export function paginatePath(format: string, firstPageUrl: string | null, num: number | null): string | null {
  if (num === null) return null;
  if (num <= 1) return firstPageUrl;
  return ensureLeadingSlash(format.replace(':num', String(num)));
}

export interface PagerNumbers {
  page: number;
  per_page: number;
  total_posts: number;
  total_pages: number;
  previous_page: number | null;
  previous_page_path: string | null;
  next_page: number | null;
  next_page_path: string | null;
  /** Index range into the post list, end exclusive. */
  from: number;
  to: number;
}

/** Pager#initialize */
export function pagerNumbers(page: number, perPage: number, totalPosts: number, totalPages: number, format: string, firstPageUrl: string | null): PagerNumbers {
  if (page > totalPages) throw new Error(`page number can't be greater than total pages: ${page} > ${totalPages}`);
  const init = (page - 1) * perPage;
  // all_posts[init..offset], offset clamped to the size (an inclusive Ruby range).
  const offset = init + perPage - 1 >= totalPosts ? totalPosts : init + perPage - 1;
  const previous = page !== 1 ? page - 1 : null;
  const next = page !== totalPages ? page + 1 : null;
  return {
    page,
    per_page: perPage,
    total_posts: totalPosts,
    total_pages: totalPages,
    previous_page: previous,
    previous_page_path: paginatePath(format, firstPageUrl, previous),
    next_page: next,
    next_page_path: paginatePath(format, firstPageUrl, next),
    from: init,
    to: offset + 1,
  };
}

/** Pager#to_liquid, with `posts` read lazily from the given list. */
export function pagerHash(n: PagerNumbers, allPosts: () => Hash[]): Hash {
  const hash: Hash = {
    page: n.page,
    per_page: n.per_page,
    posts: undefined,
    total_posts: n.total_posts,
    total_pages: n.total_pages,
    previous_page: n.previous_page,
    previous_page_path: n.previous_page_path,
    next_page: n.next_page,
    next_page_path: n.next_page_path,
  };
  let posts: Hash[] | undefined;
  Object.defineProperty(hash, 'posts', {
    get: () => (posts ??= allPosts().slice(n.from, n.to)),
    enumerable: true,
  });
  return hash;
}
