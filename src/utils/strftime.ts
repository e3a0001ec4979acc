/**
 * Ruby's `Time#strftime` over a JekyllTime's wall clock: flags `-`, `_`, `0`, `^`, `#`, widths,
 * `%z`/`%:z`/`%::z`, `%Z` (the zone's abbreviation when `timeZone` is the time's own zone).
 * Shared by permalinks and the Liquid `date` filters (conformance-tested against Jekyll).
 */
import { JekyllTime, pad, zoneOffsetAt } from './time.js';

export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

interface Conversion {
  whole: string;
  flags: string;
  width: string;
  colons: string;
  conv: string;
}

const CONVERSION = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;
/** Formats split into text and conversions once: pages format dates with a handful of formats. */
const FORMATS = new Map<string, Array<string | Conversion>>();

function segmentsOf(format: string): Array<string | Conversion> {
  let segments = FORMATS.get(format);
  if (segments) return segments;
  segments = [];
  let last = 0;
  CONVERSION.lastIndex = 0;
  for (let m = CONVERSION.exec(format); m; m = CONVERSION.exec(format)) {
    if (m.index > last) segments.push(format.slice(last, m.index));
    segments.push({ whole: m[0], flags: m[1], width: m[2], colons: m[3], conv: m[4] });
    last = m.index + m[0].length;
  }
  if (last < format.length) segments.push(format.slice(last));
  if (FORMATS.size >= 1000) FORMATS.clear(); // formats built at render time: keep the cache bounded
  FORMATS.set(format, segments);
  return segments;
}

/** Ruby's `Time#strftime`. */
export function strftime(t: JekyllTime, format: string, timeZone?: string): string {
  const w = t.wall;
  let out = '';
  for (const s of segmentsOf(format)) out += typeof s === 'string' ? s : convert(t, w, s, timeZone);
  return out;
}

function convert(t: JekyllTime, w: JekyllTime['wall'], { whole, flags, width, colons, conv }: Conversion, timeZone: string | undefined): string {
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
}
