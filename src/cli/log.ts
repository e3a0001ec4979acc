/**
 * Jekyll-style output: a right-aligned topic column, then the message. Warnings are yellow
 * and errors red on a terminal, unless NO_COLOR is set (https://no-color.org) or in CI;
 * a progress line is shown on a terminal during long renders, never in CI or with --quiet.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Logger {
  info(topic: string, message?: string): void;
  warn(topic: string, message?: string): void;
  error(topic: string, message?: string): void;
  diagnostic(d: Diagnostic): void;
  /** Updates the progress line (a terminal only); `done === total` clears it. */
  progress(done: number, total: number, what: string): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  verbose?: boolean;
  out?: (s: string) => void;
  err?: (s: string) => void;
  /** Whether stdout/stderr are terminals (defaults from the process). */
  tty?: boolean;
  env?: NodeJS.ProcessEnv;
}

const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

export function useColor(tty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return tty && !env.CI && env.TERM !== 'dumb';
}

export function createLogger(opts: LoggerOptions): Logger {
  const env = opts.env ?? process.env;
  const out = opts.out ?? ((s) => process.stdout.write(s));
  const err = opts.err ?? ((s) => process.stderr.write(s));
  const tty = opts.tty ?? Boolean(process.stdout.isTTY && process.stderr.isTTY);
  const color = useColor(tty, env);
  const paint = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const showProgress = tty && !opts.quiet && !env.CI;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) {
      out('\r\x1b[2K');
      progressShown = false;
    }
  };
  // Jekyll's formatted_topic: "topic " right-aligned in 20 columns, then the message.
  const line = (topic: string, message = '') => `${`${topic} `.padStart(20)}${message}`.trimEnd() + '\n';
  return {
    info: (t, m) => {
      if (opts.quiet) return;
      clearProgress();
      out(line(t, m));
    },
    warn: (t, m) => {
      clearProgress();
      err(paint(YELLOW, line(t, m).trimEnd()) + '\n');
    },
    error: (t, m) => {
      clearProgress();
      err(paint(RED, line(t, m).trimEnd()) + '\n');
    },
    diagnostic: (d) => {
      if (d.severity === 'info' && !opts.verbose) return;
      clearProgress();
      const text = formatDiagnostic(d);
      if (d.severity === 'info') out(`${text}\n`);
      else err(`${paint(d.severity === 'error' ? RED : YELLOW, text)}\n`);
    },
    progress: (done, total, what) => {
      if (!showProgress) return;
      if (done >= total) {
        clearProgress();
        return;
      }
      out(`\r\x1b[2K${' '.repeat(19)} ${what} ${done}/${total}`);
      progressShown = true;
    },
  };
}
