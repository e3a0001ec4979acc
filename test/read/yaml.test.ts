import { describe, expect, it } from 'vitest';
import { loadYaml, YamlError } from '../../src/read/yaml.js';
import { JekyllTime, YamlDate } from '../../src/utils/time.js';

describe('YAML as Psych reads it', () => {
  it('keeps the offset of timestamps and prints them Ruby-style', () => {
    const v = loadYaml('d: 2023-06-14 09:00:00 +0900\n', 'x') as { d: JekyllTime };
    expect(v.d).toBeInstanceOf(JekyllTime);
    expect(v.d.utcOffset).toBe(540);
    expect(String(v.d)).toBe('2023-06-14 09:00:00 +0900');
    expect(v.d.toISOString()).toBe('2023-06-14T00:00:00.000Z');
  });

  it('reads date-only scalars as dates and yes/no as booleans, but not y/n', () => {
    const v = loadYaml('a: 2023-06-14\nb: yes\nc: off\nd: y\ne: n\n', 'x') as Record<string, unknown>;
    expect(v.a).toBeInstanceOf(YamlDate);
    expect(String(v.a)).toBe('2023-06-14');
    expect(v).toMatchObject({ b: true, c: false, d: 'y', e: 'n' });
  });

  it('allows duplicate keys (last wins) and treats empty documents as nil', () => {
    expect(loadYaml('a: 1\na: 2\n', 'x')).toEqual({ a: 2 });
    expect(loadYaml('', 'x')).toBeNull();
    expect(loadYaml('# only a comment\n', 'x')).toBeNull();
  });

  it('reports errors with the file line, shifted by the front matter offset', () => {
    try {
      loadYaml('a: 1\nb: [\n', 'post.md', 1);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(YamlError);
      expect((err as YamlError).file).toBe('post.md');
      expect((err as YamlError).line).toBeGreaterThanOrEqual(3);
    }
  });
});
