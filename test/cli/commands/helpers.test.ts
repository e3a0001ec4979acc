// The pure helpers behind new-post, new-draft, publish and new.
import { describe, expect, it } from 'vitest';
import { frontMatterDate, parseDateArg, zonedTime } from '../../../src/cli/commands/compose/dates.js';
import { newPairId, yamlString } from '../../../src/cli/commands/compose/site.js';
import { packageName } from '../../../src/cli/commands/new-site/starter.js';
import { withDate } from '../../../src/cli/commands/publish.js';

describe('dates', () => {
  const at = new Date('2024-03-09T20:05:07Z');
  it('formats a moment in the site timezone, offset included', () => {
    expect(zonedTime(at, 'Asia/Seoul')).toEqual({ day: '2024-03-10', time: '05:05:07', offset: '+0900', year: '2024' });
    expect(zonedTime(at, 'America/St_Johns')).toEqual({ day: '2024-03-09', time: '16:35:07', offset: '-0330', year: '2024' });
    expect(zonedTime(at, 'UTC')).toEqual({ day: '2024-03-09', time: '20:05:07', offset: '+0000', year: '2024' });
    expect(frontMatterDate(zonedTime(at, 'Asia/Seoul'))).toBe('2024-03-10 05:05 +0900');
  });

  it('parses --date values and rejects dates that do not exist', () => {
    expect(parseDateArg('2024-3-9')).toEqual({ day: '2024-03-09', frontMatter: '2024-03-09' });
    expect(parseDateArg('2024-03-09 7:30')).toEqual({ day: '2024-03-09', frontMatter: '2024-03-09 07:30' });
    expect(parseDateArg('2024-03-09T07:30:15+09:00')).toEqual({ day: '2024-03-09', frontMatter: '2024-03-09 07:30:15 +0900' });
    expect(parseDateArg('2024-03-09 07:30 Z')).toEqual({ day: '2024-03-09', frontMatter: '2024-03-09 07:30 +0000' });
    expect(parseDateArg('2023-02-29')).toBeUndefined();
    expect(parseDateArg('2024-02-29')).toBeDefined();
    expect(parseDateArg('yesterday')).toBeUndefined();
    expect(parseDateArg('2024-13-01')).toBeUndefined();
  });
});

describe('publish: withDate', () => {
  it('replaces date: or adds it at the end of the front matter, keeping the rest as written', () => {
    expect(withDate('---\ntitle: A\ndate: 2000-01-01\ntags: [x]\n---\nBody\n', '2024-01-02')).toBe('---\ntitle: A\ndate: 2024-01-02\ntags: [x]\n---\nBody\n');
    expect(withDate('---\ntitle: A # note\n---\n', '2024-01-02')).toBe('---\ntitle: A # note\ndate: 2024-01-02\n---\n');
    expect(withDate('---\n---\nBody', '2024-01-02')).toBe('---\ndate: 2024-01-02\n---\nBody');
    expect(withDate('---\r\ntitle: A\r\n---\r\nBody\r\n', '2024-01-02')).toBe('---\r\ntitle: A\r\ndate: 2024-01-02\r\n---\r\nBody\r\n');
    expect(withDate('No front matter\n---\n', '2024-01-02')).toBe('---\ndate: 2024-01-02\n---\nNo front matter\n---\n');
    // a `date:` inside the body is not front matter
    expect(withDate('---\ntitle: A\n---\ndate: in the body\n', '2024-01-02')).toBe('---\ntitle: A\ndate: 2024-01-02\n---\ndate: in the body\n');
  });
});

describe('names', () => {
  it('makes translation ids in the MrGreen style, unique among those taken', () => {
    expect(newPairId('about-cors-1', new Set())).toBe('id_about_cors_1');
    expect(newPairId('hello', new Set(['id_hello', 'id_hello_2']))).toBe('id_hello_3');
    expect(newPairId('캐싱', new Set())).toBe('id_캐싱');
  });

  it('quotes titles so YAML reads them back as written', () => {
    expect(yamlString('yes')).toBe('"yes"');
    expect(yamlString('A: "b" #c')).toBe('"A: \\"b\\" #c"');
  });

  it('derives an npm package name from the site title', () => {
    expect(packageName('My Blog')).toBe('my-blog');
    expect(packageName('.Hidden_Name!')).toBe('hidden_name');
    expect(packageName('블로그')).toBe('my-site');
  });
});
