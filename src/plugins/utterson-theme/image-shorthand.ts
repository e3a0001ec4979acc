/**
 * MrGreen's image shorthand: `:name.jpg` names a file in /assets/img/posts/. Authors write it
 * in Markdown (`![alt](:name.jpg)`) and in front matter (`img: ":name.jpg"`).
 */

/** Where shorthand images live, from the site root. */
export const POST_IMAGES_DIR = '/assets/img/posts/';

/** True for `:name.jpg` (a leading colon, then a file name with no scheme or slash). */
export function isShorthand(value: unknown): value is string {
  return typeof value === 'string' && /^:[^\s:/"'<>]+$/.test(value);
}

/** `:name.jpg` → `/assets/img/posts/name.jpg` (site path, no baseurl); anything else unchanged. */
export function shorthandPath(value: unknown): unknown {
  return isShorthand(value) ? POST_IMAGES_DIR + value.slice(1) : value;
}

// src=":name.jpg" or src=':name.jpg', as kramdown writes an image whose URL is the shorthand;
// also escaped (src=&quot;:name.jpg&quot;), as a feed entry's HTML content has it.
const SRC_ATTR = /(\ssrc=)("|'|&quot;|&#39;):([^\s:/"'<>&]+)\2/g;

/** Rewrites every shorthand `src` in rendered HTML to `<baseurl>/assets/img/posts/name`. */
export function rewriteShorthandSrc(html: string, baseurl: string): string {
  if (!html.includes(':')) return html;
  const base = baseurl.replace(/\/+$/, '');
  return html.replace(SRC_ATTR, (_m, attr: string, quote: string, name: string) => `${attr}${quote}${base}${POST_IMAGES_DIR}${name}${quote}`);
}
