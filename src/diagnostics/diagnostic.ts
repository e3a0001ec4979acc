/**
 * Problems as values (the vfile idea): every stage reports what it found with a position,
 * and the CLI decides how to print them and which exit status they imply.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Path relative to the site source when it is inside it, else absolute. */
  file?: string;
  line?: number;
  column?: number;
  /** A few lines of source around the position, ready to print. */
  frame?: string;
}

/** A failure that makes the build untrustworthy: the CLI prints it and exits non-zero. */
export class BuildError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Omit<Diagnostic, 'severity'>, options?: { cause?: unknown }) {
    super(formatLocation(diagnostic) + diagnostic.message, options);
    this.name = 'BuildError';
    this.diagnostic = { severity: 'error', ...diagnostic };
  }
}

export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (!d.file) return '';
  return `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: `;
}

/**
 * A short code frame: two lines before and after, a caret under the column. `firstLine` is
 * the file line of the text's first line (text that follows front matter starts lower).
 */
export function codeFrame(source: string, line: number, column = 0, context = 2, firstLine = 1): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const offset = firstLine - 1;
  const width = String(last + offset).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n + offset).padStart(width)} | ${lines[n - 1]}`);
    if (n === line && column > 0) out.push(`  ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
  }
  return out.join('\n');
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Info'}: ${formatLocation(d)}${d.message}`;
  return d.frame ? `${head}\n${d.frame}` : head;
}
