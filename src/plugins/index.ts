/**
 * Running the built-in plugins at their points of the build. `plugins:` in the config (or
 * the older `gems:`) turns them on by their gem names; a name Utterson does not have is
 * reported once and the build goes on.
 */
import type { JekyllLiquid } from '../liquid/engine.js';
import type { Site } from '../site/site.js';
import type { Hash } from '../utils/merge.js';
import type { Plugin, Renderable } from './plugin.js';
import { BUILT_IN_PLUGINS } from './registry.js';

export type { Plugin, Renderable };

const enabledCache = new WeakMap<Site, Plugin[]>();

/** Plugins in effect for a site: always-on ones plus those named in the config, in registry order. */
export function enabledPlugins(site: Site, registry: Plugin[] = BUILT_IN_PLUGINS): Plugin[] {
  const cached = enabledCache.get(site);
  if (cached) return cached;
  const { config } = site.ctx;
  const names = new Set([...asList(config.plugins), ...asList(config.gems)]);
  const known = new Set(registry.flatMap((p) => [p.name, ...(p.aliases ?? [])]));
  for (const name of names) {
    if (!known.has(name)) {
      site.ctx.diagnostics.push({ severity: 'warning', message: `Plugin '${name}' is not built into Utterson and was skipped.` });
    }
  }
  const enabled = registry.filter((p) => p.alwaysOn || names.has(p.name) || (p.aliases ?? []).some((a) => names.has(a)));
  enabledCache.set(site, enabled);
  return enabled;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function afterRead(site: Site): void {
  for (const p of enabledPlugins(site)) p.afterRead?.(site);
}

export function generate(site: Site): void {
  for (const p of enabledPlugins(site)) p.generate?.(site);
}

export function registerLiquid(liquid: JekyllLiquid, site: Site): void {
  for (const p of enabledPlugins(site)) p.registerLiquid?.(liquid, site);
}

export function decorateView(item: Renderable, view: Hash, site: Site): void {
  for (const p of enabledPlugins(site)) p.decorateView?.(item, view, site);
}

export function decorateSite(view: Hash, site: Site): void {
  for (const p of enabledPlugins(site)) p.decorateSite?.(view, site);
}

export function postRender(item: Renderable, site: Site): void {
  for (const p of enabledPlugins(site)) p.postRender?.(item, site);
}
