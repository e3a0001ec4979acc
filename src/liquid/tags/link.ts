/** Jekyll's `{% link path %}` and `{% post_url name %}`: the document's URL under the baseurl. */
import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { relativeUrl } from '../filters/url.js';
import type { Host, TagClass } from '../host.js';

export function linkTag(host: Host): TagClass {
  return class LinkTag extends Tag {
    path: unknown[];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.path = host.parse(token.args.trim(), token.file ?? '');
    }
    render(ctx: Context, emitter: Emitter): void {
      const path = host.renderToString(this.path, ctx);
      const url = host.env.resolveLinkUrl?.(path) ?? host.env.resolveLinkUrl?.(`/${path}`);
      if (url === undefined) {
        throw new Error(`Could not find document '${path}' in tag 'link'.\n\nMake sure the document exists and the path is correct.`);
      }
      emitter.write(relativeUrl(url, host.env.config.baseurl) ?? '');
    }
  };
}

export function postUrlTag(host: Host): TagClass {
  return class PostUrlTag extends Tag {
    name: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.name = token.args.trim();
      if (!/^(?:.+\/)*\d+-\d+-\d+-.*$/.test(this.name)) {
        throw new Error(`Liquid syntax error: Invalid post name '${this.name}' in tag 'post_url'.`);
      }
    }
    render(_ctx: Context, emitter: Emitter): void {
      const url = host.env.resolvePostUrl?.(this.name);
      if (url === undefined) {
        throw new Error(`Could not find post "${this.name}" in tag 'post_url'.\n\nMake sure the post exists and the name is correct.`);
      }
      emitter.write(relativeUrl(url, host.env.config.baseurl) ?? '');
    }
  };
}
