/** Ruby's `Time#strftime` over a JekyllTime's wall clock (flags `-`, `0`, `^`, `_`, `#`; widths). */
import { formatOffset, JekyllTime } from './time.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isoWeek(y: number, m: number, d: number): { year: number; week: number } {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7) };
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

export function strftime(time: JekyllTime, format: string): string {
  const w = time.wall;
  return format.replace(/%([-0^#_]*)(\d*)([a-zA-Z%+]|:{1,2}z)/g, (whole, flags: string, widthText: string, conv: string) => {
    const num = (n: number, width: number, padChar = '0'): string => {
      if (flags.includes('-')) return String(n);
      const w2 = widthText ? Number(widthText) : width;
      const p = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : padChar;
      return String(n).padStart(w2, p);
    };
    const text = (s: string): string => {
      let out = s;
      if (flags.includes('^')) out = out.toUpperCase();
      if (flags.includes('#')) out = out === out.toUpperCase() ? out.toLowerCase() : out.toUpperCase();
      if (widthText) out = out.padStart(Number(widthText), flags.includes('0') ? '0' : ' ');
      return out;
    };
    switch (conv) {
      case 'Y': return flags || widthText ? num(w.year, 4) : String(w.year);
      case 'C': return num(Math.floor(w.year / 100), 2);
      case 'y': return num(w.year % 100, 2);
      case 'm': return num(w.month, 2);
      case 'B': return text(MONTHS[w.month - 1]);
      case 'b': case 'h': return text(MONTHS[w.month - 1].slice(0, 3));
      case 'd': return num(w.day, 2);
      case 'e': return num(w.day, 2, ' ');
      case 'j': return num(dayOfYear(w.year, w.month, w.day), 3);
      case 'H': return num(w.hour, 2);
      case 'k': return num(w.hour, 2, ' ');
      case 'I': return num(w.hour % 12 || 12, 2);
      case 'l': return num(w.hour % 12 || 12, 2, ' ');
      case 'P': return text(w.hour < 12 ? 'am' : 'pm');
      case 'p': return flags.includes('#') ? (w.hour < 12 ? 'am' : 'pm') : text(w.hour < 12 ? 'AM' : 'PM');
      case 'M': return num(w.minute, 2);
      case 'S': return num(w.second, 2);
      case 'L': return num(w.millisecond, 3);
      case 'N': return String(w.millisecond).padStart(3, '0') + '000000'.slice(0, widthText ? Math.max(0, Number(widthText) - 3) : 6);
      case 'z': return formatOffset(time.utcOffset, false);
      case ':z': return formatOffset(time.utcOffset, true);
      case '::z': return `${formatOffset(time.utcOffset, true)}:00`;
      case 'Z': return time.utcOffset === 0 ? 'UTC' : '';
      case 'A': return text(DAYS[w.weekday]);
      case 'a': return text(DAYS[w.weekday].slice(0, 3));
      case 'u': return String(w.weekday || 7);
      case 'w': return String(w.weekday);
      case 'G': return String(isoWeek(w.year, w.month, w.day).year);
      case 'g': return num(isoWeek(w.year, w.month, w.day).year % 100, 2);
      case 'V': return num(isoWeek(w.year, w.month, w.day).week, 2);
      case 'U': {
        const yd = dayOfYear(w.year, w.month, w.day) - 1;
        return num(Math.floor((yd + 7 - w.weekday) / 7), 2);
      }
      case 'W': {
        const yd = dayOfYear(w.year, w.month, w.day) - 1;
        return num(Math.floor((yd + 7 - ((w.weekday + 6) % 7)) / 7), 2);
      }
      case 's': return String(Math.floor(time.getTime() / 1000));
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      case 'F': return `${strftime(time, '%Y-%m-%d')}`;
      case 'D': case 'x': return strftime(time, '%m/%d/%y');
      case 'T': case 'X': return strftime(time, '%H:%M:%S');
      case 'R': return strftime(time, '%H:%M');
      case 'r': return strftime(time, '%I:%M:%S %p');
      case 'c': return strftime(time, '%a %b %e %H:%M:%S %Y');
      case '+': return strftime(time, '%a %b %e %H:%M:%S %Z %Y');
      default: return whole;
    }
  });
}
