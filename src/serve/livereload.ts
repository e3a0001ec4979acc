/**
 * Live reload over Server-Sent Events on the site's own port: pages get a tiny client
 * (injected into the response, never into the files on disk) that reloads on `reload`
 * and shows an overlay on `error`. The overlay is also injected while the last build
 * failed, so a page loaded in that state shows it without live reload.
 */
import type http from 'node:http';

export const LIVERELOAD_PATH = '/__utterson/livereload';
export const OVERLAY_ID = 'utterson-error-overlay';

const OVERLAY_STYLE =
  'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;' +
  'background:rgba(24,24,24,.95);color:#f8f8f2;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;';
const PRE_STYLE = 'white-space:pre-wrap;color:#ff8080;margin:1em 0 0';

/**
 * The client: plain ES5 so any browser a developer uses runs it. A rebuild caused only by
 * stylesheets refreshes the page's same-origin stylesheets in place (LiveReload's liveCSS);
 * anything else reloads the page. The `reload` event's data is the changed source paths.
 */
export function clientScript(endpoint = LIVERELOAD_PATH): string {
  const js = `(function(){
if(!window.EventSource)return;
var es=new EventSource(${JSON.stringify(endpoint)});
function overlay(text){var o=document.getElementById(${JSON.stringify(OVERLAY_ID)});
if(!o){o=document.createElement('div');o.id=${JSON.stringify(OVERLAY_ID)};o.setAttribute('style',${JSON.stringify(OVERLAY_STYLE)});document.body.appendChild(o);}
var h=document.createElement('strong');h.textContent='utterson: the site could not be rebuilt';
var p=document.createElement('pre');p.setAttribute('style',${JSON.stringify(PRE_STYLE)});p.textContent=text;
while(o.firstChild)o.removeChild(o.firstChild);o.appendChild(h);o.appendChild(p);}
function styleOnly(paths){if(!paths.length)return false;for(var i=0;i<paths.length;i++)if(!/\\.(css|scss|sass)$/i.test(paths[i]))return false;return true;}
function refreshStyles(){var links=document.querySelectorAll('link[rel~="stylesheet"][href]');
for(var i=0;i<links.length;i++){var u=new URL(links[i].href,location.href);if(u.origin!==location.origin)continue;u.searchParams.set('utterson-reload',String(Date.now()));links[i].href=u.href;}}
es.addEventListener('reload',function(e){var paths=e.data?e.data.split('\\n'):[];
if(styleOnly(paths)&&!document.getElementById(${JSON.stringify(OVERLAY_ID)}))refreshStyles();else location.reload();});
es.addEventListener('error',function(e){if(typeof e.data==='string')overlay(e.data);});
})();`;
  return `<script data-utterson-livereload>${js}</script>`;
}

/** The overlay as markup, for pages served while the last build failed. */
export function overlayMarkup(errorText: string): string {
  return (
    `<div id="${OVERLAY_ID}" style="${OVERLAY_STYLE}"><strong>utterson: the site could not be rebuilt</strong>` +
    `<pre style="${PRE_STYLE}">${escapeHtml(errorText)}</pre></div>`
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Inserts `snippet` before the last `</body>`, or appends it when the page has none. */
export function injectBeforeBodyEnd(html: string, snippet: string): string {
  const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return at < 0 ? html + snippet : html.slice(0, at) + snippet + html.slice(at);
}

/** One SSE message; multi-line data becomes several `data:` lines as the format requires. */
export function sseMessage(event: string, data = ''): string {
  return `event: ${event}\n${data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`).join('\n')}\n\n`;
}

/** The open event streams of connected pages. */
export class LiveReloadHub {
  private readonly clients = new Set<http.ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  private readonly retryMs: number;
  private readonly onConnect?: () => void;

  constructor({ keepAliveMs = 25_000, retryMs = 1000, onConnect }: { keepAliveMs?: number; retryMs?: number; onConnect?: () => void } = {}) {
    this.retryMs = retryMs;
    this.onConnect = onConnect;
    // A comment line now and then keeps proxies and idle-connection timeouts from closing the stream.
    this.keepAlive = setInterval(() => this.write(': ping\n\n'), keepAliveMs);
    this.keepAlive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over a request to the live-reload endpoint; `current` is sent first (e.g. a pending error). */
  attach(req: http.IncomingMessage, res: http.ServerResponse, current?: string): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${this.retryMs}\n\n`);
    if (current) res.write(current);
    this.clients.add(res);
    this.onConnect?.();
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  broadcast(event: string, data?: string): void {
    this.write(sseMessage(event, data));
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
