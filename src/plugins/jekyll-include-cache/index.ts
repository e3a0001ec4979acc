/**
 * jekyll-include-cache: `{% include_cached %}` is part of Utterson's Liquid engine (rendered
 * once per file and parameters, as the plugin does); listing the gem only needs to be accepted.
 */
import type { Plugin } from '../plugin.js';

export const includeCachePlugin: Plugin = {
  name: 'jekyll-include-cache',
};
