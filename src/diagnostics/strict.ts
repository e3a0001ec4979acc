/**
 * `--strict` (`strict: true`): a build that reported warnings or errors it could get past
 * (a missing layout, two files writing one URL, bad front matter) fails instead, before
 * anything is written, so the previous destination stays as it was.
 */
import { BuildError, formatDiagnostic, type Diagnostic } from './diagnostic.js';

export function assertStrict(strict: unknown, diagnostics: readonly Diagnostic[]): void {
  if (strict !== true) return;
  const problems = diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
  if (problems.length === 0) return;
  const [first] = problems;
  const rest = problems.slice(1).map((d) => formatDiagnostic(d));
  throw new BuildError({
    file: first.file,
    line: first.line,
    column: first.column,
    frame: first.frame,
    message: `${first.message}\n(--strict: ${problems.length} warning(s) or error(s) fail the build${rest.length ? `; the others:\n${rest.join('\n')}` : ''})`,
  });
}
