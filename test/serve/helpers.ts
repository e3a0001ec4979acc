// Shared by the serve tests: a throwaway site, raw HTTP requests (paths sent exactly as
// written, so traversal attempts reach the server un-normalized) and an SSE reader.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export function makeSite(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-serve-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(base: string, rawPath: string, opts: { method?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: rawPath, method: opts.method ?? 'GET', headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 5000, () => req.destroy(new Error(`timeout requesting ${rawPath}`)));
    req.on('error', reject);
    req.end();
  });
}

export interface SseEvent {
  event: string;
  data: string;
}

/** A live-reload subscriber: collects events and lets a test wait for the next one of a kind. */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private waiters: { event: string; from: number; match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private req: http.ClientRequest | undefined;

  static connect(base: string, endpoint = '/__utterson/livereload', timeoutMs = 5000): Promise<SseClient> {
    const client = new SseClient();
    const url = new URL(base);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout connecting to the event stream')), timeoutMs);
      client.req = http.get({ host: url.hostname, port: url.port, path: endpoint, agent: false }, (res) => {
        clearTimeout(timer);
        if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('error', () => {});
        resolve(client);
      });
      client.req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  /** Resolves with the first `event` received at or after index `from` (default: after now). */
  next(event: string, timeoutMs = 10_000, from = this.events.length, match: (e: SseEvent) => boolean = () => true): Promise<SseEvent> {
    const found = this.events.slice(from).find((e) => e.event === event && match(e));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { event, from, match, resolve: (e: SseEvent) => { clearTimeout(timer); resolve(e); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no '${event}' event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.req?.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') {
          data.push(value);
          hasData = true;
        }
      }
      if (!hasData) continue;
      const e = { event, data: data.join('\n') };
      this.events.push(e);
      const index = this.events.length - 1;
      for (const w of [...this.waiters]) {
        if (w.event === event && index >= w.from && w.match(e)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(e);
        }
      }
    }
  }
}

export const LAYOUT = '<!DOCTYPE html>\n<html>\n<head><title>{{ page.title }}</title></head>\n<body>\n{{ content }}\n</body>\n</html>\n';
