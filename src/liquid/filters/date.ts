/**
 * Liquid's `date` (Ruby strftime, `Utils.to_date`) and Jekyll's date_to_* filters, which first
 * move the time into the site's zone (`Time#localtime` under Jekyll's TZ = config timezone).
 */
import { JekyllTime, parseTime, timeFromWallClock, zoneOffsetAt, formatOffset, pad } from '../../utils/time.js';
import { rubyToS, RubyError, inspect } from '../ruby.js';
import { def, type FilterTable, type FilterThis } from './types.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

function zoneName(t: JekyllTime, timeZone: string | undefined): string {
  if (timeZone && zoneOffsetAt(t.getTime(), timeZone) === t.utcOffset) {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(t).find((p) => p.type === 'timeZoneName');
    if (part && !/^GMT[+-]/.test(part.value)) return part.value === 'GMT' ? 'UTC' : part.value;
  }
  return t.utcOffset === 0 ? 'UTC' : '';
}

function dayOfYear(w: JekyllTime['wall']): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
}

function isoWeek(w: JekyllTime['wall']): [number, number] {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const dow = (w.weekday + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const isoYear = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(isoYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  return [isoYear, 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000))];
}

/** Ruby's `Time#strftime`. */
export function strftime(t: JekyllTime, format: string, timeZone?: string): string {
  const w = t.wall;
  return format.replace(/%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g, (whole, flags: string, width: string, colons: string, conv: string) => {
    const num = (n: number, def: number, padChar = '0'): string => {
      const wd = width ? Number(width) : def;
      const s = String(Math.abs(n));
      const sign = n < 0 ? '-' : '';
      if (flags.includes('-')) return sign + s;
      const pc = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : padChar;
      return sign + s.padStart(wd - sign.length, pc);
    };
    const str = (s: string): string => {
      let out = s;
      if (flags.includes('^')) out = out.toUpperCase();
      if (flags.includes('#')) out = out === out.toUpperCase() ? out.toLowerCase() : out.toUpperCase();
      if (width && !flags.includes('-')) out = out.padStart(Number(width), flags.includes('0') ? '0' : ' ');
      return out;
    };
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (conv) {
      case 'Y': return width ? num(w.year, 0) : String(w.year);
      case 'C': return num(Math.floor(w.year / 100), 2);
      case 'y': return num(w.year % 100, 2);
      case 'm': return num(w.month, 2);
      case 'B': return str(MONTHS[w.month - 1]);
      case 'b': case 'h': return str(MONTHS[w.month - 1].slice(0, 3));
      case 'd': return num(w.day, 2);
      case 'e': return num(w.day, 2, ' ');
      case 'j': return num(dayOfYear(w), 3);
      case 'H': return num(w.hour, 2);
      case 'k': return num(w.hour, 2, ' ');
      case 'I': return num(h12, 2);
      case 'l': return num(h12, 2, ' ');
      case 'P': return str(w.hour < 12 ? 'am' : 'pm');
      case 'p': return flags.includes('#') ? (w.hour < 12 ? 'am' : 'pm') : str(w.hour < 12 ? 'AM' : 'PM');
      case 'M': return num(w.minute, 2);
      case 'S': return num(w.second, 2);
      case 'L': return String(w.millisecond).padStart(3, '0').padEnd(width ? Number(width) : 3, '0').slice(0, width ? Number(width) : 3);
      case 'N': return String(w.millisecond).padStart(3, '0').padEnd(width ? Number(width) : 9, '0').slice(0, width ? Number(width) : 9);
      case 'z': {
        const o = t.utcOffset;
        const sign = o < 0 ? '-' : '+';
        const hh = pad(Math.floor(Math.abs(o) / 60));
        const mm = pad(Math.abs(o) % 60);
        return colons === ':' ? `${sign}${hh}:${mm}` : colons === '::' ? `${sign}${hh}:${mm}:00` : `${sign}${hh}${mm}`;
      }
      case 'Z': return str(zoneName(t, timeZone));
      case 'A': return str(DAYS[w.weekday]);
      case 'a': return str(DAYS[w.weekday].slice(0, 3));
      case 'u': return num(w.weekday === 0 ? 7 : w.weekday, 1);
      case 'w': return num(w.weekday, 1);
      case 'U': return num(Math.floor((dayOfYear(w) - 1 - w.weekday + 7) / 7), 2);
      case 'W': return num(Math.floor((dayOfYear(w) - 1 - ((w.weekday + 6) % 7) + 7) / 7), 2);
      case 'V': return num(isoWeek(w)[1], 2);
      case 'G': return num(isoWeek(w)[0], 4);
      case 'g': return num(isoWeek(w)[0] % 100, 2);
      case 's': return num(Math.floor(t.getTime() / 1000), 1);
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      case 'c': return str(strftime(t, '%a %b %e %H:%M:%S %Y', timeZone));
      case 'D': case 'x': return str(strftime(t, '%m/%d/%y', timeZone));
      case 'F': return str(strftime(t, '%Y-%m-%d', timeZone));
      case 'T': case 'X': return str(strftime(t, '%H:%M:%S', timeZone));
      case 'R': return str(strftime(t, '%H:%M', timeZone));
      case 'r': return str(strftime(t, '%I:%M:%S %p', timeZone));
      case 'v': return str(strftime(t, '%e-%^b-%4Y', timeZone));
      default: return whole;
    }
  });
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
