/**
 * The generate phase: built-in plugins (Jekyll generators) add pages and files to the site.
 * Each plugin lives in its own folder behind this small interface; `plugins:` in the config
 * turns them on by their gem names.
 */
import type { Site } from '../site/site.js';

export interface Plugin {
  /** The gem name users list under `plugins:` (e.g. `jekyll-feed`). */
  name: string;
  /** Adds or changes pages, documents and static files before rendering. */
  generate?(site: Site): void;
}

const BUILT_IN: Plugin[] = [];

/** Plugins named in the config (`plugins:`, or the older `gems:`), in order. */
export function enabledPlugins(site: Site): Plugin[] {
  const { config } = site.ctx;
  const names = [...asList(config.plugins), ...asList(config.gems)];
  const enabled: Plugin[] = [];
  const reported = new Set<string>();
  for (const name of names) {
    const plugin = BUILT_IN.find((p) => p.name === name);
    if (plugin) {
      if (!enabled.includes(plugin)) enabled.push(plugin);
    } else if (!reported.has(name)) {
      reported.add(name);
      site.ctx.diagnostics.push({ severity: 'warning', message: `Plugin '${name}' is not built into Utterson and was skipped.` });
    }
  }
  return enabled;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function generate(site: Site): void {
  for (const plugin of enabledPlugins(site)) plugin.generate?.(site);
}
