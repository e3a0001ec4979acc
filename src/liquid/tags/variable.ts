/** `assign`, `capture` and `echo` with Liquid 5.4's lax Variable parsing (see ../variable.ts). */
import { CaptureTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { toS } from '../ruby.js';
import { LaxVariable, strictCheckVariable } from '../variable.js';
import type { Host, TagClass } from '../host.js';
import { guardPlain, noteAssign } from '../memo.js';
import { renderTemplatesSync } from '../render-loop.js';

const ASSIGN = /([\w\-.[\]()]+)\s*=\s*([\s\S]*)\s*/;

export function assignTag(host: Host): TagClass {
  return class AssignTag extends Tag {
    to: string;
    value: LaxVariable;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const m = ASSIGN.exec(token.args);
      if (!m) throw new Error("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
      this.to = m[1];
      if (host.strict) strictCheckVariable(m[2]);
      this.value = host.variable(m[2]);
    }
    render(ctx: Context): void {
      const value = host.renderVariable(this.value, ctx);
      (ctx.bottom() as Record<string, unknown>)[this.to] = value;
      noteAssign(ctx, this.to, value);
    }
  };
}

export function echoTag(host: Host): TagClass {
  return class EchoTag extends Tag {
    value: LaxVariable;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      if (host.strict) strictCheckVariable(token.args);
      this.value = host.variable(token.args);
    }
    render(ctx: Context, emitter: Emitter): void {
      const value = host.renderVariable(this.value, ctx);
      guardPlain(ctx, value);
      emitter.write(toS(value));
    }
  };
}

/** liquidjs' capture, synchronous, telling a memo recording (memo.ts) what it assigns. */
export class JekyllCaptureTag extends CaptureTag {
  override render(ctx: Context): any {
    const html = renderTemplatesSync((this as any).templates, ctx);
    (ctx.bottom() as Record<string, unknown>)[(this as any).variable] = html;
    noteAssign(ctx, (this as any).variable, html);
  }
}
