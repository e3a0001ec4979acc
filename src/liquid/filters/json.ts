/** Jekyll's jsonify (Ruby's to_json) and inspect (Ruby's inspect, XML-escaped). */
import { inspect, toJson } from '../ruby.js';
import { stringFilters } from './string.js';
import { def, type FilterTable } from './types.js';

export const jsonFilters: FilterTable = {
  jsonify: def((input) => toJson(input)),
  inspect: def(function (input) {
    return stringFilters.xml_escape.fn.call(this, inspect(input));
  }),
};
