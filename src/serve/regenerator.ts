/**
 * The rebuild loop: one rebuild at a time; changes that arrive during a rebuild are
 * collected and handled by one more rebuild right after it. What a rebuild does is
 * injected (a full build today, a dependency-graph incremental build later).
 */
import type { BuildOptions, BuildResult } from '../build.js';

/**
 * Rebuilds the site after `changed` (paths relative to the source; empty for a manual
 * rebuild). `previous` is the last successful result, if any; `options` are the build
 * options the server runs with (destination pinned, `url` set for serving).
 */
export type Rebuilder = (changed: string[], previous: BuildResult | undefined, options: BuildOptions) => Promise<BuildResult>;

export interface RegeneratorHooks {
  onStart?(changed: string[], at: Date): void;
  onSuccess(result: BuildResult, changed: string[], seconds: number): void;
  onFailure(err: unknown, changed: string[]): void;
}

export class Regenerator {
  private readonly pending = new Set<string>();
  private requested = false;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly run: (changed: string[]) => Promise<BuildResult>,
    private readonly hooks: RegeneratorHooks,
  ) {}

  /** Asks for a rebuild; resolves once no rebuild is pending any more (success or failure). */
  request(changed: string[] = []): Promise<void> {
    if (this.closed) return Promise.resolve();
    for (const p of changed) this.pending.add(p);
    this.requested = true;
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops taking requests; resolves after a rebuild in progress has finished. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    this.requested = false;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (this.requested && !this.closed) {
      const changed = [...this.pending].sort();
      this.pending.clear();
      this.requested = false;
      this.hooks.onStart?.(changed, new Date());
      const started = process.hrtime.bigint();
      try {
        const result = await this.run(changed);
        if (this.closed) return;
        this.hooks.onSuccess(result, changed, Number(process.hrtime.bigint() - started) / 1e9);
      } catch (err) {
        if (this.closed) return;
        this.hooks.onFailure(err, changed);
      }
    }
  }
}
