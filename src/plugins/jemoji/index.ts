/**
 * jemoji: after rendering, `:alias:` in an HTML page's body becomes GitHub's emoji image
 * (HTML::Pipeline's EmojiFilter with `align` removed). Text inside pre, code and tt is left
 * alone; script, style and links are not skipped, as in the plugin.
 */
import { Page } from '../../site/page.js';
import type { Site } from '../../site/site.js';
import type { Plugin, Renderable } from '../plugin.js';
import { EMOJI_IMAGES } from './emoji-table.js';
import { filterTextNodes, type TextFilter } from './html-text.js';

const ASSET_HOST = 'https://github.githubassets.com';
const ASSET_PATH = '/images/icons/';
const IGNORED = new Set(['pre', 'code', 'tt']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EmojiFilter.emoji_pattern: every alias, sorted, between colons.
const EMOJI_PATTERN = new RegExp(`:(${Object.keys(EMOJI_IMAGES).sort().map(escapeRegExp).join('|')}):`, 'g');

/** Jekyll::Emoji.emoji_src: `emoji.src` or the asset host (ASSET_HOST_URL overrides it). */
export function emojiSrc(config: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): string {
  const emoji = config.emoji;
  if (emoji !== null && typeof emoji === 'object' && 'src' in emoji) return String((emoji as Record<string, unknown>).src ?? '');
  const host = env.ASSET_HOST_URL ?? '';
  return host !== '' ? `${host.replace(/\/$/, '')}${ASSET_PATH}` : `${ASSET_HOST}${ASSET_PATH}`;
}

/** File.join(asset_root, "emoji", file): one slash between parts. */
function joinPath(...parts: string[]): string {
  return parts.reduce((a, b) => (a === '' ? b : `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`), '');
}

export function emojiImage(name: string, src: string): string {
  const url = joinPath(src, 'emoji', EMOJI_IMAGES[name]);
  return `<img class="emoji" title=":${name}:" alt=":${name}:" src="${url}" height="20" width="20">`;
}

/** EmojiFilter#emoji_image_filter on one text. */
export function emojifyText(text: string, src: string): string {
  return text.replace(EMOJI_PATTERN, (_m, name: string) => emojiImage(name, src));
}

function emojiFilter(src: string): TextFilter {
  return {
    ignore: IGNORED,
    replace(decoded) {
      if (!decoded.includes(':')) return undefined;
      const html = emojifyText(decoded, src);
      return html === decoded ? undefined : html;
    },
  };
}

const BODY_OPEN = /<body(.*?)>\s*/s;

/** Jekyll::Emoji.emojify on a rendered output: only the body when there is one. */
export function emojify(output: string, src: string): string {
  EMOJI_PATTERN.lastIndex = 0;
  if (!EMOJI_PATTERN.test(output)) return output;
  EMOJI_PATTERN.lastIndex = 0;
  const filter = emojiFilter(src);
  if (!output.includes('<body')) return filterTextNodes(output, filter);
  const m = BODY_OPEN.exec(output);
  if (m === null) return output; // String#partition found no opening tag: head is everything
  const head = output.slice(0, m.index);
  const tail = output.slice(m.index + m[0].length);
  const close = tail.indexOf('</body>');
  const body = close === -1 ? tail : tail.slice(0, close);
  const rest = close === -1 ? '' : tail.slice(close);
  return head + m[0] + filterTextNodes(body, filter) + rest;
}

/** Jekyll::Emoji.emojiable?, with its precedence: (page or written) && html, or permalink ends in "/". */
export function emojiable(item: Renderable): boolean {
  const written = item instanceof Page || item.write;
  return (written && item.outputExt === '.html') || (item.permalink?.endsWith('/') ?? false);
}

export const jemojiPlugin: Plugin = {
  name: 'jemoji',
  postRender(item: Renderable, site: Site) {
    if (item.output === undefined || !emojiable(item)) return;
    item.output = emojify(item.output, emojiSrc(site.ctx.config as Record<string, unknown>));
  },
};
