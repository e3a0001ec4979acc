/**
 * Ruby's Time, as Jekyll hands it to Liquid: an instant plus the UTC offset it was written in.
 * A JS Date has no offset, and Jekyll prints and formats times in the offset they were read with
 * (`2023-06-14 09:00:00 +0900`), or in the site's `timezone` when the source gave none.
 */
export class JekyllTime extends Date {
  /** Offset from UTC in minutes, east positive (+0900 → 540). */
  readonly utcOffset: number;

  constructor(epochMs: number, utcOffset: number) {
    super(epochMs);
    this.utcOffset = utcOffset;
  }

  /** Wall-clock fields in this time's own offset. */
  get wall(): WallClock {
    // remembered: a permalink alone asks for the year, month and day (a Date can be set again)
    const at = this.getTime();
    if (this.#wallAt === at && this.#wall) return this.#wall;
    const d = new Date(at + this.utcOffset * 60_000);
    this.#wallAt = at;
    return (this.#wall = Object.freeze({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    }));
  }

  // (private fields: a time's own enumerable keys stay what templates and tests see)
  #wall: Readonly<WallClock> | undefined;
  #wallAt = NaN;

  /** Ruby's `Time#to_s`: `2023-06-14 09:00:00 +0900`. */
  override toString(): string {
    const w = this.wall;
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${formatOffset(this.utcOffset, false)}`;
  }

  /** Ruby's `Time#xmlschema`: `2023-06-14T09:00:00+09:00`. */
  toXmlSchema(): string {
    const w = this.wall;
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(this.utcOffset, true)}`;
  }

  /** The same instant seen from another offset. */
  withOffset(utcOffset: number): JekyllTime {
    return new JekyllTime(this.getTime(), utcOffset);
  }
}

/** Ruby's Date (a YAML `2023-06-14`): prints as the bare date. */
export class YamlDate extends JekyllTime {
  constructor(year: number, month: number, day: number) {
    super(Date.UTC(year, month - 1, day), 0);
  }
  override toString(): string {
    const w = this.wall;
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** Offset (minutes east of UTC) of an IANA zone at a given instant; undefined zone = the process's. */
export function zoneOffsetAt(epochMs: number, timeZone: string | undefined): number {
  if (!timeZone) return -new Date(epochMs).getTimezoneOffset() || 0;
  // (UTC has no transitions: nothing to look up, for any date)
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  // formatToParts costs tens of microseconds and every post date needs a few (reading its date,
  // formatting it on each page that lists it): offsets are remembered per zone and UTC day when
  // the offset at the day's first and last second agree (no zone changes its offset twice in a
  // day), else, on the rare transition day, per second.
  const day = Math.floor(epochMs / DAY_MS);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let known = days.get(day);
  if (known === undefined) {
    const first = exactOffset(day * DAY_MS, timeZone);
    known = first === exactOffset(day * DAY_MS + DAY_MS - 1000, timeZone) ? first : null;
    if (days.size >= 100_000) days.clear();
    days.set(day, known);
  }
  return known ?? exactOffset(epochMs, timeZone);
}

const DAY_MS = 86_400_000;
/** Per zone, per UTC day: its offset, or null on a day with a transition. */
const dayOffsets = new Map<string, Map<number, number | null>>();

function exactOffset(epochMs: number, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

let canonicalZones: Set<string> | undefined;

/** Is `name` a time zone this runtime knows? */
export function isValidTimeZone(name: string): boolean {
  // The first Intl.DateTimeFormat of a process loads ICU's locale data (12-34 ms here, on every
  // build's main thread and render worker, which use no other Intl formatter); the list of
  // canonical zone names answers most configurations in ~2 ms. UTC is always there (ECMA-402);
  // aliases (US/Pacific) still ask a formatter.
  if (/^utc$/i.test(name)) return true;
  canonicalZones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  if (canonicalZones.has(name)) return true;
  try {
    zoneFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock time in a zone (as Ruby's `Time.local` with ENV['TZ'] set). */
export function timeFromWallClock(
  w: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number },
  timeZone: string | undefined,
): JekyllTime {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour ?? 0, w.minute ?? 0, w.second ?? 0, w.millisecond ?? 0);
  // Two passes settle DST edges: guess the offset at the naive instant, then at the corrected one.
  let offset = zoneOffsetAt(naive, timeZone);
  offset = zoneOffsetAt(naive - offset * 60_000, timeZone);
  return new JekyllTime(naive - offset * 60_000, offset);
}

const TIME_RE =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/;

/**
 * Parses the date strings Jekyll accepts (Ruby's `Time.parse` on the forms people write):
 * `2023-06-14`, `2023-06-14 09:00`, `2023-06-14 09:00:00 +0900`, `2023-06-14T09:00:00Z`.
 * Returns undefined when the text is not such a date.
 */
export function parseTime(text: string, timeZone: string | undefined): JekyllTime | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const w = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h ? Number(h) : 0,
    minute: mi ? Number(mi) : 0,
    second: s ? Number(s) : 0,
    millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
  };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > daysInMonth(w.year, w.month) || w.hour > 23 || w.minute > 59 || w.second > 60) {
    return undefined;
  }
  if (!zone) return timeFromWallClock(w, timeZone);
  let offset = 0;
  if (!/^(Z|z|UTC|GMT)$/.test(zone)) {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
  }
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return new JekyllTime(naive - offset * 60_000, offset);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Runs `fn` with process.env.TZ set to `timezone` (Jekyll sets ENV['TZ'] from `timezone:` for
 * the whole build) and restores it afterwards — after the promise settles, if `fn` returns one.
 */
export function withTimeZone<T>(timezone: string | null | undefined, fn: () => T): T {
  if (!timezone) return fn();
  const before = process.env.TZ;
  const restore = () => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  };
  process.env.TZ = timezone;
  let result: T;
  try {
    result = fn();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
