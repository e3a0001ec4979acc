/**
 * A synchronous replacement for liquidjs' Render#renderTemplates. liquidjs drives every node,
 * text included, through a generator and reads the clock before each one (its renderLimit,
 * which Utterson never sets); Utterson only renders synchronously, so a plain loop that writes
 * text directly and drives only the nodes that return generators does the same work with far
 * fewer allocations. Same contract: writes to `emitter` (a fresh buffer when none is given),
 * stops at break/continue, wraps foreign errors in a RenderError, returns the buffer.
 */
import { LiquidError, RenderError, toValue, toValueSync, type Context, type Emitter, type Template } from 'liquidjs';

class StringEmitter {
  buffer = '';
  write(html: unknown): void {
    this.buffer += typeof html === 'string' ? html : stringify(html);
  }
}

/** liquidjs' stringify: drops nil, joins arrays, calls toLiquid/valueOf through toValue. */
function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join('');
  return String(v);
}

// liquidjs does not export its HTML template class; take it from a parsed text node.
let HTMLTemplate: Function | undefined;
export function setTextTemplateClass(sample: unknown): void {
  HTMLTemplate = (sample as object).constructor;
}

export function renderTemplatesSync(templates: Template[], ctx: Context, emitter?: Emitter): string {
  const out = (emitter ?? new StringEmitter()) as Emitter & { buffer: string };
  const c = ctx as Context & { breakCalled?: boolean; continueCalled?: boolean };
  for (let i = 0; i < templates.length; i++) {
    const tpl = templates[i] as Template & { str?: string };
    if (tpl.constructor === HTMLTemplate) {
      out.write(tpl.str);
      continue;
    }
    try {
      let html: any = tpl.render(ctx, out);
      if (html !== null && typeof html === 'object' && typeof html.next === 'function') html = toValueSync(html);
      if (html) out.write(html);
      if (c.breakCalled || c.continueCalled) break;
    } catch (e) {
      throw LiquidError.is(e) ? e : new RenderError(e as Error, tpl);
    }
  }
  return out.buffer;
}
