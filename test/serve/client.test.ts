// The injected live-reload client, run in a vm with a fake EventSource and DOM: it must
// parse, reload on `reload`, refresh stylesheets in place for style-only changes, and
// draw the overlay on `error` (but not on the EventSource's own connection errors).
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clientScript, LIVERELOAD_PATH, OVERLAY_ID } from '../../src/serve/livereload.js';

interface FakeElement {
  id?: string;
  href?: string;
  textContent?: string;
  children: FakeElement[];
  attrs: Record<string, string>;
  setAttribute(k: string, v: string): void;
  appendChild(c: FakeElement): void;
  removeChild(c: FakeElement): void;
  readonly firstChild: FakeElement | undefined;
}

function element(): FakeElement {
  return {
    children: [],
    attrs: {},
    setAttribute(k, v) {
      this.attrs[k] = v;
    },
    appendChild(c) {
      this.children.push(c);
    },
    removeChild(c) {
      this.children = this.children.filter((x) => x !== c);
    },
    get firstChild() {
      return this.children[0];
    },
  };
}

function runClient() {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  let opened = '';
  let reloads = 0;
  const body = element();
  const link = { ...element(), href: 'http://127.0.0.1:4000/assets/site.css' };
  const foreign = { ...element(), href: 'https://cdn.example/x.css' };
  const document = {
    body,
    getElementById: (id: string) => body.children.find((c) => c.id === id) ?? null,
    createElement: () => element(),
    querySelectorAll: () => [link, foreign],
  };
  class EventSource {
    constructor(url: string) {
      opened = url;
    }
    addEventListener(name: string, fn: (e: unknown) => void) {
      (listeners[name] ??= []).push(fn);
    }
  }
  const location = {
    href: 'http://127.0.0.1:4000/',
    origin: 'http://127.0.0.1:4000',
    reload: () => reloads++,
  };
  const window = { EventSource };
  const source = /^<script[^>]*>([\s\S]*)<\/script>$/.exec(clientScript())![1];
  vm.runInNewContext(source, { window, EventSource, document, location, URL, String, Date });
  const fire = (name: string, e: unknown) => (listeners[name] ?? []).forEach((fn) => fn(e));
  return { fire, body, link, foreign, get opened() { return opened; }, get reloads() { return reloads; } };
}

describe('live-reload client', () => {
  it('subscribes to the endpoint and reloads on reload', () => {
    const c = runClient();
    expect(c.opened).toBe(LIVERELOAD_PATH);
    c.fire('reload', { data: 'index.md\n_layouts/default.html' });
    expect(c.reloads).toBe(1);
    c.fire('reload', { data: '' });
    expect(c.reloads).toBe(2);
  });

  it('refreshes same-origin stylesheets instead of reloading when only styles changed', () => {
    const c = runClient();
    c.fire('reload', { data: 'assets/site.scss\n_sass/base.sass' });
    expect(c.reloads).toBe(0);
    expect(c.link.href).toMatch(/^http:\/\/127\.0\.0\.1:4000\/assets\/site\.css\?utterson-reload=\d+$/);
    expect(c.foreign.href).toBe('https://cdn.example/x.css');
  });

  it('shows build errors in an overlay and ignores connection errors', () => {
    const c = runClient();
    c.fire('error', {}); // EventSource's own error event has no data
    expect(c.body.children).toEqual([]);
    c.fire('error', { data: 'index.md:3: boom' });
    const overlay = c.body.children[0];
    expect(overlay.id).toBe(OVERLAY_ID);
    expect(overlay.children.map((x) => x.textContent)).toEqual(['utterson: the site could not be rebuilt', 'index.md:3: boom']);
    c.fire('error', { data: 'second' });
    expect(c.body.children).toHaveLength(1);
    expect(overlay.children[1].textContent).toBe('second');
    // With the overlay up, a style-only rebuild reloads the page to clear it.
    c.fire('reload', { data: 'a.css' });
    expect(c.reloads).toBe(1);
  });
});
