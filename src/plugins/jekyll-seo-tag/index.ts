/** jekyll-seo-tag: `{% seo %}` (and `{% seo title=false %}`) writes the page's metadata. */
import type { Context, Emitter, TagToken } from 'liquidjs';
import type { JekyllLiquid } from '../../liquid/engine.js';
import type { Site } from '../../site/site.js';
import { isHash, type Hash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';
import { siteAbsoluteUrl } from '../shared/url.js';
import { ownField, rememberView } from '../shared/view-items.js';
import { seoTagView, type SeoFilters } from './drop.js';
import { MINIFY, SEO_TEMPLATE, VERSION } from './template.js';

const FILE = 'jekyll-seo-tag';

function filtersFor(liquid: JekyllLiquid, site: Site): SeoFilters {
  const run = (template: string, value: unknown) => liquid.renderSync(liquid.parse(template, FILE), { value });
  return {
    formatString: (v) => run('{{ value | markdownify | strip_html | normalize_whitespace | escape_once }}', v),
    dateToXmlschema: (v) => run('{{ value | date_to_xmlschema }}', v),
    absoluteUrl: (v) => siteAbsoluteUrl(site, v),
  };
}

export function renderSeo(liquid: JekyllLiquid, site: Site, text: string, ctx: Context): string {
  const page = (ctx.getSync(['page']) ?? {}) as Hash;
  const siteView = (ctx.getSync(['site']) ?? {}) as Hash;
  const paginator = ctx.getSync(['paginator']) as Hash | null | undefined;
  const seo = seoTagView(
    { text, page: isHash(page) ? page : {}, site: siteView, paginator: isHash(paginator) ? paginator : null, pageLang: ownField(page, 'lang'), filters: filtersFor(liquid, site) },
    VERSION,
  );
  const scope = { site: siteView, page, paginator: paginator ?? null, jekyll: ctx.getSync(['jekyll']), seo_tag: seo };
  return liquid.renderSync(liquid.parse(SEO_TEMPLATE.replace(MINIFY, ''), FILE), scope);
}

export const seoTagPlugin: Plugin = {
  name: 'jekyll-seo-tag',
  decorateView: (item, view) => rememberView(item, view),
  registerLiquid(liquid, site) {
    liquid.engine.registerTag('seo', {
      parse(token: TagToken) {
        (this as unknown as { text: string }).text = token.args;
      },
      render(ctx: Context, emitter: Emitter) {
        emitter.write(renderSeo(liquid, site, (this as unknown as { text: string }).text ?? '', ctx));
      },
    });
  },
};
