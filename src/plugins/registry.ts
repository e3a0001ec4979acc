/** The built-in plugins, in the order their hooks run. */
import type { Plugin } from './plugin.js';
import { translationsPlugin } from './translations/index.js';

export const BUILT_IN_PLUGINS: Plugin[] = [translationsPlugin];
