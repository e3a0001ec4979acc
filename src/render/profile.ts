/**
 * `--profile`: where rendering time goes, per template file, as Jekyll's Liquid profiler
 * shows it (Filename, Count, Bytes, Time), plus the time of each build phase.
 */
export interface TemplateStats {
  count: number;
  bytes: number;
  /** Milliseconds, including nested includes and layouts rendered inside. */
  ms: number;
}

export class RenderProfile {
  readonly templates = new Map<string, TemplateStats>();
  readonly phases: [string, number][] = [];

  record(file: string, bytes: number, ms: number): void {
    let s = this.templates.get(file);
    if (!s) this.templates.set(file, (s = { count: 0, bytes: 0, ms: 0 }));
    s.count++;
    s.bytes += bytes;
    s.ms += ms;
  }

  /** Includes are counted as they are used (their time is inside their callers'). */
  countInclude(file: string): void {
    let s = this.templates.get(file);
    if (!s) this.templates.set(file, (s = { count: 0, bytes: 0, ms: Number.NaN }));
    s.count++;
  }

  phase(name: string, ms: number): void {
    this.phases.push([name, ms]);
  }

  /** Jekyll's stats table: the slowest templates first. */
  table(rows = 50): string {
    const data = [...this.templates].sort((a, b) => (b[1].ms || 0) - (a[1].ms || 0) || b[1].count - a[1].count).slice(0, rows);
    const header = ['Filename', 'Count', 'Bytes', 'Time'];
    const body = data.map(([file, s]) => [file, String(s.count), formatBytes(s.bytes), Number.isNaN(s.ms) ? '(in callers)' : (s.ms / 1000).toFixed(3)]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
    const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
    const phases = this.phases.map(([n, ms]) => `${n.padStart(10)}: ${(ms / 1000).toFixed(3)} s`).join('\n');
    return [rule, line(header), rule, ...body.map(line), rule, '', phases].join('\n');
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(2)}K`;
  return `${(n / 1024 / 1024).toFixed(2)}M`;
}
