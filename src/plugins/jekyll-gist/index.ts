/**
 * jekyll-gist: `{% gist user/id [file] %}` writes the gist's script tag. The plugin also
 * fetches the gist over the network for a `<noscript>` copy; Utterson builds offline, so it
 * behaves as the plugin does when the fetch fails (a warning, no `<noscript>`), and as the
 * plugin does with `gist: { noscript: false }` (nothing to fetch).
 */
import type { Context, Emitter, TagToken } from 'liquidjs';
import type { Site } from '../../site/site.js';
import { isHash } from '../../utils/merge.js';
import type { Plugin } from '../plugin.js';

/** GistTag#determine_arguments */
export function gistArguments(markup: string): [string, string] | undefined {
  const m = /^(\S+|.*(?=\/).+)\s?(\S*)\n?$/.exec(markup);
  return m ? [m[1].trim(), m[2].trim()] : undefined;
}

export function gistScriptTag(id: string, filename: string): string {
  const url = `https://gist.github.com/${id}.js${filename === '' ? '' : `?file=${filename}`}`;
  return `<script src="${url}"> </script>`;
}

function render(site: Site, markup: string, ctx: Context): string {
  const args = gistArguments(markup.trim());
  if (!args) {
    throw new Error(`Syntax error in tag 'gist' while parsing the following markup:\n\n    ${markup}\n\n  Valid syntax:\n    {% gist user/1234567 %}\n    {% gist user/1234567 foo.js %}\n    {% gist 28949e1d5ee2273f9fd3 %}\n    {% gist 28949e1d5ee2273f9fd3 best.md %}`);
  }
  // A variable name is replaced by its value (Liquid::Context#key?).
  const resolve = (s: string) => {
    const v = s === '' ? undefined : ctx.getSync(s.split('.'));
    return v === null || v === undefined ? s : String(v);
  };
  const id = resolve(args[0]);
  const filename = resolve(args[1]);
  const settings = site.ctx.config.gist;
  if (!(isHash(settings) && settings.noscript === false)) {
    site.ctx.diagnostics.push({
      severity: 'warning',
      message: `The <noscript> tag for your gist ${id} could not be generated. This will affect users who do not have JavaScript enabled in their browsers.`,
    });
  }
  return gistScriptTag(id, filename);
}

export const gistPlugin: Plugin = {
  name: 'jekyll-gist',
  registerLiquid(liquid, site) {
    liquid.engine.registerTag('gist', {
      parse(token: TagToken) {
        (this as unknown as { markup: string }).markup = token.args;
      },
      render(ctx: Context, emitter: Emitter) {
        emitter.write(render(site, (this as unknown as { markup: string }).markup, ctx));
      },
    });
  },
};
