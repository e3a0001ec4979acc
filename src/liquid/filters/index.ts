/** Every filter Jekyll 4.3.1 offers on Liquid 5.4, by family. Filters Liquid 5.4 lacks are absent on purpose. */
import { arrayFilters } from './array.js';
import { dateFilters } from './date.js';
import { jsonFilters } from './json.js';
import { markdownFilters } from './markdown.js';
import { mathFilters } from './math.js';
import { stringFilters } from './string.js';
import { urlFilters } from './url.js';
import type { FilterTable } from './types.js';

export const jekyllFilters: FilterTable = {
  ...stringFilters,
  ...mathFilters,
  ...arrayFilters,
  ...dateFilters,
  ...urlFilters,
  ...jsonFilters,
  ...markdownFilters,
};
