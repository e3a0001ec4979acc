/**
 * jekyll-avatar: `{% avatar user %}`, `{% avatar user=page.author size=80 lazy=true %}` write a
 * GitHub avatar `<img>` with a 1x–4x srcset, on the avatars server the plugin picks by CRC32.
 */
import zlib from 'node:zlib';
import type { Context, Emitter, TagToken } from 'liquidjs';
import type { JekyllLiquid } from '../../liquid/engine.js';
import type { Plugin } from '../plugin.js';

const SERVERS = 4;
const DEFAULT_SIZE = '40';
const API_VERSION = '3';
const SCALES = [1, 2, 3, 4];

export interface AvatarOptions {
  /** The tag's markup after Liquid rendering. */
  text: string;
  /** Looks up `user=` variables (`page.author`). */
  lookup(variable: string): unknown;
  /** PAGES_AVATARS_URL, if set. */
  customHost?: string;
}

export function avatarTag(o: AvatarOptions): string {
  const text = o.text;
  const sizeMatch = /\bsize=(\d+)\b/i.exec(text);
  const size = sizeMatch ? sizeMatch[1] : DEFAULT_SIZE;
  const userVar = /\buser=([\w.]+)\b/.exec(text)?.[1];
  let username: string;
  if (userVar !== undefined) {
    const v = o.lookup(userVar);
    username = v === null || v === undefined || v === false ? userVar : String(v);
  } else {
    const first = text.includes(' ') ? (text.split(/\s+/).find((s) => s !== '') ?? '') : text;
    username = first.startsWith('@') ? first.replace('@', '') : first;
  }
  const pathFor = (scale: number) => `${username}?v=${API_VERSION}&s=${scale === 1 ? size : Number.parseInt(size, 10) * scale}`;
  const custom = o.customHost ?? '';
  const url = (scale: number) => {
    const p = pathFor(scale);
    if (custom !== '') return new URL(p, custom.endsWith('/') ? custom : `${custom}/`).toString();
    // Avatar#server_number hashes the 1x path, so every scale uses the same server.
    return `https://avatars${zlib.crc32(pathFor(1)) % SERVERS}.githubusercontent.com/${p}`;
  };
  const srcset = SCALES.map((s) => `${url(s)} ${s}x`).join(', ');
  const lazy = text.includes('lazy=true');
  const attrs: [string, string][] = [
    ['class', Number.parseInt(size, 10) < 48 ? 'avatar avatar-small' : 'avatar'],
    ['alt', username],
    ['width', size],
    ['height', size],
    ['data-proofer-ignore', 'true'],
    ['src', lazy ? '' : url(1)],
    ...(lazy ? ([['data-src', url(1)], ['data-srcset', srcset]] as [string, string][]) : ([['srcset', srcset]] as [string, string][])),
  ];
  return `<img ${attrs.map(([k, v]) => `${k}="${v}"`).join(' ')} />`;
}

export function registerAvatar(liquid: JekyllLiquid): void {
  liquid.engine.registerTag('avatar', {
    parse(token: TagToken) {
      (this as unknown as { markup: string }).markup = token.args.trim();
    },
    render(ctx: Context, emitter: Emitter) {
      const markup = (this as unknown as { markup: string }).markup;
      // The markup is itself a Liquid template (`{% avatar {{ page.author }} %}`).
      const text = /{{|{%/.test(markup) ? liquid.renderSync(liquid.parse(markup, 'jekyll-avatar'), ctx.getAll() as Record<string, unknown>) : markup;
      emitter.write(
        avatarTag({
          text,
          lookup: (v) => ctx.getSync(v.split('.')),
          customHost: typeof process.env.PAGES_AVATARS_URL === 'string' ? process.env.PAGES_AVATARS_URL : '',
        }),
      );
    },
  });
}

export const avatarPlugin: Plugin = {
  name: 'jekyll-avatar',
  registerLiquid: registerAvatar,
};
