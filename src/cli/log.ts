/** Jekyll-style output: a right-aligned topic column, then the message. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Logger {
  info(topic: string, message?: string): void;
  warn(topic: string, message?: string): void;
  error(topic: string, message?: string): void;
  diagnostic(d: Diagnostic): void;
}

export function createLogger(opts: { quiet?: boolean; verbose?: boolean; out?: (s: string) => void; err?: (s: string) => void }): Logger {
  const out = opts.out ?? ((s) => process.stdout.write(s));
  const err = opts.err ?? ((s) => process.stderr.write(s));
  // Jekyll's formatted_topic: "topic " right-aligned in 20 columns, then the message.
  const line = (topic: string, message = '') => `${`${topic} `.padStart(20)}${message}`.trimEnd() + '\n';
  return {
    info: (t, m) => {
      if (!opts.quiet) out(line(t, m));
    },
    warn: (t, m) => err(line(t, m)),
    error: (t, m) => err(line(t, m)),
    diagnostic: (d) => {
      if (d.severity === 'info' && !opts.verbose) return;
      const text = formatDiagnostic(d);
      if (d.severity === 'info') out(`${text}\n`);
      else err(`${text}\n`);
    },
  };
}
