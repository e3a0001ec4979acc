/** Jekyll's `{% highlight lang [linenos] [mark_lines="1 2"] %}` block. */
import { Tag, TypeGuards, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { renderHighlightTag } from '../../highlight/index.js';
import type { Host, TagClass } from '../host.js';

const SYNTAX = /^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$/;

export function highlightTag(host: Host): TagClass {
  return class HighlightTag extends Tag {
    lang: string;
    linenos?: boolean | string;
    hlLines?: number[];
    templates: unknown[] = [];

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: any) {
      super(token, remain, liquid);
      const m = SYNTAX.exec(token.args.trim());
      if (!m) {
        throw new Error(`Syntax Error in tag 'highlight' while parsing the following markup:\n\n  ${token.args}\n\nValid syntax: highlight <lang> [linenos] [mark_lines="3 4 5"]\n`);
      }
      this.lang = m[1].toLowerCase();
      for (const opt of m[2].trim().split(/\s+(?=\w+(?:=|\s|$))/).filter(Boolean)) {
        const [key, raw] = opt.split('=');
        const value = raw === undefined ? true : raw.replace(/^"|"$/g, '');
        if (key === 'linenos') this.linenos = value === true ? true : String(value);
        if (key === 'mark_lines' && typeof value === 'string') this.hlLines = value.split(/\s+/).map(Number);
      }
      while (remain.length) {
        const t = remain.shift()!;
        if (TypeGuards.isTagToken(t) && t.name === 'endhighlight') return;
        this.templates.push(parser.parseToken(t, remain));
      }
      throw new Error("'highlight' tag was never closed");
    }

    render(ctx: Context, emitter: Emitter): void {
      const code = host.renderToString(this.templates, ctx).replace(/^[\n\r]+|[\n\r]+$/g, '');
      const opts = { linenos: this.linenos, hlLines: this.hlLines };
      const html = host.env.highlight
        ? host.env.highlight(code, this.lang, opts)
        : renderHighlightTag(code, this.lang, { linenos: this.linenos === true ? true : (this.linenos as any), hlLines: this.hlLines });
      emitter.write(html);
    }
  };
}
