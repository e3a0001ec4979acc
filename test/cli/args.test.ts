import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('command-line flags', () => {
  it("maps Jekyll's flags to config keys", () => {
    const a = parseArgs(['build', '-s', 'src', '-d', 'out', '--config', 'a.yml,b.yml', '--drafts', '--future', '--unpublished', '--baseurl', '/blog', '--limit_posts', '3', '--safe', '-q', '-V', '--trace']);
    expect(a.command).toBe('build');
    expect(a.options).toEqual({
      source: 'src',
      destination: 'out',
      config: ['a.yml', 'b.yml'],
      show_drafts: true,
      future: true,
      unpublished: true,
      baseurl: '/blog',
      limit_posts: 3,
      safe: true,
      quiet: true,
      verbose: true,
      trace: true,
    });
  });

  it('accepts --flag=value and rejects unknown flags and bad numbers', () => {
    expect(parseArgs(['b', '--destination=out']).options.destination).toBe('out');
    expect(() => parseArgs(['build', '--nope'])).toThrow(UsageError);
    expect(() => parseArgs(['build', '--limit_posts', 'x'])).toThrow(/whole number/);
    expect(() => parseArgs(['build', '-s'])).toThrow(/missing argument/);
  });
});
