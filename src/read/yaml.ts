/**
 * YAML with Ruby Psych's semantics, as Jekyll loads it (`Psych.safe_load` with Date and Time):
 * YAML 1.1 booleans (yes/no/on/off, but not y/n), timestamps that keep their offset, date-only
 * scalars as dates, duplicate keys allowed (last wins), empty documents as nil.
 */
import * as yaml from 'js-yaml';
import { RubyFloat } from '../liquid/ruby.js';
import { JekyllTime, YamlDate } from '../utils/time.js';
import { loadFlatYaml } from './yaml-flat.js';

export { YamlDate };


// Psych's ScalarScanner::TIME and the date-only form.
const PSYCH_TIME = /^-?(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?(?:\s*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/;
const PSYCH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const timestampTag = yaml.defineScalarTag<JekyllTime>('tag:yaml.org,2002:timestamp', {
  implicit: true,
  implicitFirstChars: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-'],
  resolve(source) {
    const d = PSYCH_DATE.exec(source);
    if (d) {
      const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
      if (m < 1 || m > 12 || day < 1 || day > 31) return yaml.NOT_RESOLVED;
      return new YamlDate(y, m, day);
    }
    const t = PSYCH_TIME.exec(source);
    if (!t) return yaml.NOT_RESOLVED;
    const [, y, mo, d2, h, mi, s, frac, zone] = t;
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d2), Number(h), Number(mi), Number(s), ms);
    if (zone === undefined) {
      // Psych reads a zoneless time as UTC and hands it over in the local zone.
      return new JekyllTime(naive, -new Date(naive).getTimezoneOffset() || 0);
    }
    if (zone === 'Z') return new JekyllTime(naive, 0);
    const m = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone)!;
    const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return new JekyllTime(naive - offset * 60_000, offset);
  },
  identify: (v) => v instanceof Date,
});

// Psych's YAML 1.1 booleans; `y`/`n` stay strings there.
const BOOL_TRUE = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const boolTag = yaml.defineScalarTag<boolean>('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['y', 'Y', 't', 'T', 'o', 'O', 'n', 'N', 'f', 'F'],
  resolve(source) {
    if (BOOL_TRUE.has(source)) return true;
    if (BOOL_FALSE.has(source)) return false;
    return yaml.NOT_RESOLVED;
  },
  identify: (v) => typeof v === 'boolean',
});

// Ruby keeps `3.0` a Float and prints it so; a JS number would print `3`.
const floatTag = yaml.defineScalarTag<number | RubyFloat>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: yaml.floatYaml11Tag.implicitFirstChars,
  resolve(source, isExplicit, tagName) {
    const value = yaml.floatYaml11Tag.resolve(source, isExplicit, tagName);
    if (typeof value === 'number' && Number.isInteger(value)) return new RubyFloat(value);
    return value;
  },
  identify: (v) => v instanceof RubyFloat,
});

const SCHEMA = yaml.YAML11_SCHEMA.withTags(timestampTag, boolTag, floatTag, yaml.mergeTag);
/** A plain scalar's value under SCHEMA, exactly as js-yaml resolves it while loading. */
const resolvePlain = (source: string): unknown => SCHEMA.resolveImplicitScalarTag(source).value;

export class YamlError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** 1-based, in the file (not the YAML fragment). */
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'YamlError';
  }
}

/** js-yaml alone, without the fast path: the reference that path is tested against. */
export function loadYamlFull(text: string): unknown {
  return yaml.load(text, { schema: SCHEMA, json: true });
}

/** What the fast path makes of `text` (undefined: not in its subset). */
export function loadYamlFlat(text: string): unknown {
  return loadFlatYaml(text, resolvePlain);
}

/**
 * Loads one YAML document. `lineOffset` is the number of lines before the YAML in its file,
 * so errors in front matter point at the file's own lines.
 */
export function loadYaml(text: string, file: string, lineOffset = 0): unknown {
  if (/^\s*(#.*)?(\n\s*(#.*)?)*$/.test(text)) return null;
  const flat = loadFlatYaml(text, resolvePlain);
  if (flat !== undefined) return flat;
  try {
    return yaml.load(text, { schema: SCHEMA, json: true, filename: file });
  } catch (err) {
    const e = err as { mark?: { line: number; column: number }; reason?: string; message: string };
    const line = (e.mark?.line ?? 0) + 1 + lineOffset;
    const column = (e.mark?.column ?? 0) + 1;
    throw new YamlError(e.reason ?? e.message.split('\n')[0], file, line, column);
  }
}
