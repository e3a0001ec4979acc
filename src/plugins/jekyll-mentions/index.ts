/**
 * jekyll-mentions: after rendering, `@user` in an HTML page's body becomes a link to the
 * user's profile (HTML::Pipeline's MentionFilter with jekyll-mentions' `[\w][\w-]*` user
 * pattern). Text inside pre, code, a, style and script is left alone; `@mention`,
 * `@mentions`, `@mentioned` and `@mentioning` stay text; `a@b.com` is no mention.
 */
import { filterTextNodes, type TextFilter } from '../jemoji/html-text.js';
import { Page } from '../../site/page.js';
import type { Site } from '../../site/site.js';
import type { Hash } from '../../utils/merge.js';
import type { Plugin, Renderable } from '../plugin.js';

const GITHUB_DOT_COM = 'https://github.com';
const IGNORED = new Set(['pre', 'code', 'a', 'style', 'script']);
const MENTION_LOGINS = new Set(['mention', 'mentions', 'mentioned', 'mentioning']);

/**
 * MentionFilter::MentionPatterns[/[\w][\w-]*\/]: the atomic group `(?>…)` is a lookahead plus
 * back-reference here; Ruby's `^`/`$` are line anchors, hence `m`.
 */
export function mentionPattern(): RegExp {
  return /(?:^|\W)@(?=([\w][\w-]*))\1(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)/gim;
}

export class InvalidMentionConfig extends Error {}

/** Jekyll::Mentions.mention_base: `jekyll-mentions` as a URL or `{ base_url }`, else GitHub. */
export function mentionBase(config: Hash, env: NodeJS.ProcessEnv = process.env): string {
  const c = config['jekyll-mentions'];
  if (c === undefined || c === null) return defaultBase(env);
  if (typeof c === 'string') return c;
  if (typeof c === 'object' && !Array.isArray(c) && !(c instanceof Date)) {
    const h = c as Hash;
    return 'base_url' in h ? String(h.base_url ?? '') : defaultBase(env);
  }
  const kind = Array.isArray(c) ? 'Array' : typeof c === 'number' ? (Number.isInteger(c) ? 'Integer' : 'Float') : typeof c === 'boolean' ? (c ? 'TrueClass' : 'FalseClass') : 'Object';
  throw new InvalidMentionConfig(`Your jekyll-mentions config has to either be a string or a hash. It's a ${kind} right now.`);
}

function defaultBase(env: NodeJS.ProcessEnv): string {
  const ssl = env.SSL ?? '';
  const host = env.GITHUB_HOSTNAME ?? '';
  if (ssl !== '' && host !== '') return `${ssl === 'true' ? 'https://' : 'http://'}${host.replace(/\/$/, '')}`;
  return GITHUB_DOT_COM;
}

/** MentionFilter#mention_link_filter on one serialised text node. */
export function mentionifyText(text: string, base: string): string {
  const url = /[/~]$/.test(base) ? base : `${base}/`;
  return text.replace(mentionPattern(), (match: string, login: string) => {
    if (MENTION_LOGINS.has(login.toLowerCase())) return match;
    return match.replace(`@${login}`, () => `<a href='${url}${login}' class='user-mention'>@${login}</a>`);
  });
}

function mentionFilter(base: string): TextFilter {
  return {
    ignore: IGNORED,
    replace(_decoded, serialized) {
      if (!serialized.includes('@')) return undefined;
      const html = mentionifyText(serialized, base);
      return html === serialized ? undefined : html;
    },
  };
}

const BODY_OPEN = /<body(.*?)>\s*/s;

/** Jekyll::Mentions.mentionify on a rendered output: only the body when there is one. */
export function mentionify(output: string, base: string): string {
  if (!output.includes('@')) return output;
  const filter = mentionFilter(base);
  if (output.includes('<body')) {
    const m = BODY_OPEN.exec(output);
    if (m === null) return output; // an empty body matches nothing
    const tail = output.slice(m.index + m[0].length);
    const close = tail.indexOf('</body>');
    const body = close === -1 ? tail : tail.slice(0, close);
    if (!mentionPattern().test(body)) return output;
    return output.slice(0, m.index) + m[0] + filterTextNodes(body, filter) + (close === -1 ? '' : tail.slice(close));
  }
  if (!mentionPattern().test(output)) return output;
  return filterTextNodes(output, filter);
}

/** Jekyll::Mentions.mentionable?: a page or written document, HTML (or a `/` permalink), not opted out. */
export function mentionable(item: Renderable): boolean {
  return (
    (item instanceof Page || item.write) &&
    (item.outputExt === '.html' || (item.permalink?.endsWith('/') ?? false)) &&
    item.data['jekyll-mentions'] !== false
  );
}

export const mentionsPlugin: Plugin = {
  name: 'jekyll-mentions',
  postRender(item: Renderable, site: Site) {
    if (item.output === undefined || !mentionable(item)) return;
    let config = site.ctx.config as Hash;
    if ('jekyll-mentions' in item.data) config = { ...config, ...item.data };
    item.output = mentionify(item.output, mentionBase(config));
  },
};
