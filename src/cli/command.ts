/** A CLI command: its names, flags and what it does. Each lives in commands/<name>.ts. */
import type { FlagSpec } from './args.js';
import type { Logger } from './log.js';

export interface CommandContext {
  log: Logger;
  /** Positional arguments after the command name. */
  positionals: string[];
  trace: boolean;
}

export interface Command {
  name: string;
  aliases: string[];
  summary: string;
  flags: FlagSpec[];
  /** Returns the exit status. */
  run(options: Record<string, unknown>, ctx: CommandContext): Promise<number> | number;
}

/** Exit statuses: 0 success, 1 the build failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_BUILD_FAILED = 1;
export const EXIT_USAGE = 2;
