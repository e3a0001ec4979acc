/**
 * Dates as jekyll-compose writes them: `YYYY-MM-DD HH:MM +ZZZZ` in front matter and
 * `YYYY-MM-DD` in post file names, in the site's `timezone:` when it has one (so the file
 * name's day is the day Jekyll will put in the URL), else in the process's zone.
 */
export interface ZonedTime {
  day: string; // YYYY-MM-DD
  time: string; // HH:MM:SS
  offset: string; // +HHMM
  year: string;
}

export function zonedTime(at: Date, timeZone?: string | null): ZonedTime {
  if (!timeZone) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const off = -at.getTimezoneOffset();
    const sign = off < 0 ? '-' : '+';
    return {
      day: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
      time: `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`,
      offset: `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`,
      year: String(at.getFullYear()),
    };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  // "GMT+09:00" / "GMT-03:30" / "GMT" (UTC itself)
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(parts.timeZoneName ?? '');
  const offset = m ? `${m[1]}${m[2]}${m[3] ?? '00'}` : '+0000';
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset,
    year: parts.year,
  };
}

/** Front matter date, as jekyll-compose writes it (minutes, with the offset). */
export function frontMatterDate(t: ZonedTime): string {
  return `${t.day} ${t.time.slice(0, 5)} ${t.offset}`;
}

const DATE_ARG = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?$/;

/**
 * `--date` as given: `YYYY-MM-DD`, optionally with a time and offset. Returns the file name's
 * day and the front matter value, or undefined when it is not a date.
 */
export function parseDateArg(value: string): { day: string; frontMatter: string } | undefined {
  const m = DATE_ARG.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const dayN = Number(d);
  const probe = new Date(Date.UTC(Number(y), month - 1, dayN));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== dayN) return undefined;
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (m[4] === undefined) return { day, frontMatter: day };
  const time = `${m[4].padStart(2, '0')}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? ' +0000' : ` ${m[7].replace(':', '')}`;
  return { day, frontMatter: `${day} ${time}${zone}` };
}

/**
 * A post's date: the `--date` given (undefined if it is not a date), else now in the site's
 * zone. `day` names the file (YYYY-MM-DD), `frontMatter` is the `date:` value.
 */
export function postDate(dateOption: unknown, timeZone?: string | null): { day: string; frontMatter: string } | undefined {
  if (dateOption !== undefined) return parseDateArg(String(dateOption));
  const now = zonedTime(new Date(), timeZone);
  return { day: now.day, frontMatter: frontMatterDate(now) };
}

export const DATE_USAGE = 'is not a date; use YYYY-MM-DD, optionally with HH:MM and an offset.';
