// Zone offsets are remembered per UTC day; around transitions they must still be exact.
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zoneOffsetAt } from '../../src/utils/time.js';

function exact(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - Math.floor(ms / 1000) * 1000) / 60_000);
}

describe('zoneOffsetAt', () => {
  // DST in both hemispheres, a half-hour DST (Lord Howe), and Samoa skipping 30 December 2011
  const transitions: Array<[string, number]> = [
    ['America/New_York', Date.UTC(2024, 2, 10, 7)],
    ['America/New_York', Date.UTC(2024, 10, 3, 6)],
    ['Europe/London', Date.UTC(2024, 2, 31, 1)],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 15)],
    ['Pacific/Apia', Date.UTC(2011, 11, 30, 10)],
  ];
  for (const [zone, at] of transitions) {
    it(`is exact around ${zone}'s transition of ${new Date(at).toISOString().slice(0, 10)}`, () => {
      for (let ms = at - 2 * 86_400_000; ms < at + 2 * 86_400_000; ms += 7 * 60_000 + 1_000) {
        expect(zoneOffsetAt(ms, zone), new Date(ms).toISOString()).toBe(exact(ms, zone));
      }
    });
  }

  it('knows ordinary days and the process zone', () => {
    expect(zoneOffsetAt(Date.UTC(2023, 5, 14, 9), 'Asia/Seoul')).toBe(540);
    expect(zoneOffsetAt(Date.UTC(2023, 5, 14, 9), 'UTC')).toBe(0);
    // UTC and Etc/UTC are answered without Intl: Intl agrees, on any date
    for (const ms of [Date.UTC(1970, 0, 1), Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(2038, 0, 19, 3, 14, 8)]) {
      expect(zoneOffsetAt(ms, 'Etc/UTC')).toBe(exact(ms, 'Etc/UTC'));
      expect(zoneOffsetAt(ms, 'UTC')).toBe(exact(ms, 'UTC'));
    }
    expect(zoneOffsetAt(Date.UTC(2023, 0, 1), undefined)).toBe(-new Date(Date.UTC(2023, 0, 1)).getTimezoneOffset() || 0);
  });
});

describe('isValidTimeZone', () => {
  const formatterAccepts = (name: string) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  };

  it('accepts what a formatter accepts, and nothing else', () => {
    const names = ['UTC', 'utc', 'Etc/UTC', 'GMT', 'US/Pacific', 'Asia/Seoul', 'America/Argentina/Buenos_Aires', 'Europe/Kyiv', 'Asia/Calcutta', 'Nowhere/Special', 'UTC+9', '', 'asia/seoul', 'Local'];
    for (const name of [...names, ...Intl.supportedValuesOf('timeZone').filter((_, i) => i % 7 === 0)]) {
      expect(isValidTimeZone(name), name).toBe(formatterAccepts(name));
    }
  });
});
