/**
 * Liquid's `date` (Ruby strftime, `Utils.to_date`) and Jekyll's date_to_* filters, which first
 * move the time into the site's zone (`Time#localtime` under Jekyll's TZ = config timezone).
 */
import { strftime } from '../../utils/strftime.js';
import { JekyllTime, parseTime, timeFromWallClock, zoneOffsetAt, formatOffset } from '../../utils/time.js';
import { rubyToS, RubyError, inspect } from '../ruby.js';
import { def, type FilterTable, type FilterThis } from './types.js';


function siteZone(env: FilterThis['env']): string | undefined {
  const tz = env.config?.timezone;
  return typeof tz === 'string' && tz ? tz : undefined;
}

/** `Time#localtime` in the site's zone. */
export function localTime(t: Date, timeZone: string | undefined): JekyllTime {
  return new JekyllTime(t.getTime(), zoneOffsetAt(t.getTime(), timeZone));
}

/**
 * A wall-clock time in a zone as Ruby's `Time.local` resolves it: in the repeated hour of a
 * fall-back transition Ruby picks standard time (the later instant); utils/time picks DST.
 */
function wallClock(w: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string | undefined): JekyllTime {
  const t = timeFromWallClock(w, timeZone);
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const later = zoneOffsetAt(t.getTime() + 3 * 3600_000, timeZone);
  if (later < t.utcOffset && zoneOffsetAt(naive - later * 60_000, timeZone) === later) return new JekyllTime(naive - later * 60_000, later);
  return t;
}

/** Ruby's `Time.parse` for the shapes people write; undefined where Ruby raises. */
export function rubyTimeParse(text: string, timeZone: string | undefined): JekyllTime | undefined {
  const iso = parseTime(text, timeZone);
  if (iso) {
    // An explicit zone fixes the instant; a bare wall-clock time is resolved like Time.local.
    if (/(Z|z|UTC|GMT|\d[+-]\d{2}(:?\d{2})?|\s[+-]\d{2}(:?\d{2})?)\s*$/.test(text)) return iso;
    return wallClock(iso.wall, timeZone);
  }
  if (!/\d/.test(text)) return undefined;
  const zone = /(?:\s|^)(?:([+-])(\d{2}):?(\d{2})|(UTC|GMT|Z))\s*$/i.exec(text);
  const stripped = zone ? text.slice(0, zone.index) : text;
  const ms = Date.parse(`${stripped.trim()} UTC`);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  const w = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  if (!zone) return wallClock(w, timeZone);
  const offset = zone[4] ? 0 : (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
  return new JekyllTime(ms - offset * 60_000, offset);
}

/** Liquid's `Utils.to_date`: undefined where Liquid answers nil. */
export function toDate(input: unknown, timeZone: string | undefined): JekyllTime | undefined {
  if (input instanceof JekyllTime) return input;
  if (input instanceof Date) return localTime(input, timeZone);
  let v = input;
  if (typeof v === 'string') {
    if (v === '') return undefined;
    v = v.toLowerCase();
    if (v === 'now' || v === 'today') return localTime(new Date(), timeZone);
    if (/^\d+$/.test(v as string)) return localTime(new Date(Number(v) * 1000), timeZone);
    return rubyTimeParse(v as string, timeZone);
  }
  if (typeof v === 'number' && Number.isInteger(v)) return localTime(new Date(v * 1000), timeZone);
  return undefined;
}


function ordinal(n: number): string {
  if (n >= 11 && n <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Jekyll's `time(input)`: to_date, or "Invalid Date", then into the site's zone. */
function jekyllTime(this: FilterThis, input: unknown): JekyllTime {
  const tz = siteZone(this.env);
  const d = toDate(input, tz);
  if (!d) throw new RubyError(`Invalid Date: '${inspect(input)}' is not a valid datetime.`);
  return localTime(d, tz);
}

function isEmptyDate(input: unknown): boolean {
  return input === null || input === undefined || rubyToS(input) === '';
}

function stringifyDate(this: FilterThis, input: unknown, month: string, type: unknown, style: unknown): unknown {
  if (isEmptyDate(input)) return input;
  const t = jekyllTime.call(this, input);
  const tz = siteZone(this.env);
  if (type === 'ordinal') {
    const day = t.wall.day;
    const od = `${day}${ordinal(day)}`;
    if (style === 'US') return strftime(t, `${month} ${od}, %Y`, tz);
    return strftime(t, `${od} ${month} %Y`, tz);
  }
  return strftime(t, `%d ${month} %Y`, tz);
}

export const dateFilters: FilterTable = {
  date: def(function (input, format) {
    const f = rubyToS(format);
    if (f === '') return input;
    const tz = siteZone(this.env);
    const d = toDate(input, tz);
    if (!d) return input;
    return strftime(d, f, tz);
  }, 1),
  date_to_xmlschema: def(function (input) {
    if (isEmptyDate(input)) return input;
    return jekyllTime.call(this, input).toXmlSchema();
  }),
  date_to_rfc822: def(function (input) {
    if (isEmptyDate(input)) return input;
    return strftime(jekyllTime.call(this, input), '%a, %d %b %Y %H:%M:%S %z');
  }),
  date_to_string: def(function (input, type, style) {
    return stringifyDate.call(this, input, '%b', type, style);
  }, 0, 2),
  date_to_long_string: def(function (input, type, style) {
    return stringifyDate.call(this, input, '%B', type, style);
  }, 0, 2),
};

export { formatOffset };
