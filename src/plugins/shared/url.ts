/** Jekyll's `absolute_url` as plugins call it from Ruby (the site's `url` and `baseurl`). */
import { absoluteUrl } from '../../liquid/filters/url.js';
import type { Site } from '../../site/site.js';

export function siteAbsoluteUrl(site: Site, input: unknown): string | null {
  return absoluteUrl(input, site.ctx.config.url, site.ctx.config.baseurl);
}
