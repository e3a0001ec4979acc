import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJekyllLiquid } from '../../src/liquid/engine.js';
import { memoStats } from '../../src/liquid/memo.js';

function site(files: Record<string, string>) {
  const source = mkdtempSync(join(tmpdir(), 'liquid-memo-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(source, name, '..'), { recursive: true });
    writeFileSync(join(source, name), text);
  }
  const engine = createJekyllLiquid({ source, includesDirs: [join(source, '_includes')], config: {} });
  return (tpl: string, scope: Record<string, unknown> = {}) => engine.renderSync(engine.parse(tpl, 'index.html'), scope);
}

/** Runs `fn` and returns how many memo replays it made, so a test knows its cache was used. */
function replays(fn: () => void): number {
  const before = memoStats.hits;
  fn();
  return memoStats.hits - before;
}

describe('include memo', () => {
  it('keys on an outer variable the include reads (a loop variable changing between calls)', () => {
    const render = site({ '_includes/show.html': '[{{ x | upcase }}]' });
    let out = '';
    expect(replays(() => (out = render('{% for x in list %}{% include show.html %}{% endfor %}', { list: ['a', 'b', 'a', 'b', 'c'] })))).toBeGreaterThan(0);
    expect(out).toBe('[A][B][A][B][C]');
  });

  it('replays assignments to the outer scope, and keys on the params', () => {
    const render = site({ '_includes/inc.html': '{% assign out = include.v | append: "!" %}{% assign list = include.v | split: "" %}' });
    let out = '';
    const tpl = '{% for v in vs %}{% include inc.html v=v %}{{ out }}{{ list.size }}{% assign list = list | push: "z" %}{{ list | join: "" }};{% endfor %}';
    expect(replays(() => (out = render(tpl, { vs: ['ab', 'c', 'ab', 'c'] })))).toBeGreaterThan(0);
    expect(out).toBe('ab!2abz;c!1cz;ab!2abz;c!1cz;');
  });

  it('sees a page value that changes between renders', () => {
    const render = site({ '_includes/title.html': '<h1>{{ page.title }}</h1>' });
    expect(render('{% include title.html %}', { page: { title: 'One' } })).toBe('<h1>One</h1>');
    expect(render('{% include title.html %}', { page: { title: 'One' } })).toBe('<h1>One</h1>');
    expect(render('{% include title.html %}', { page: { title: 'Two' } })).toBe('<h1>Two</h1>');
  });

  it('sees an object read through a getter (a page content) change', () => {
    const render = site({ '_includes/body.html': '{{ page.content | size }}:{{ page.content }}' });
    let content = 'first';
    const page = { title: 't' };
    Object.defineProperty(page, 'content', { get: () => content, enumerable: true });
    const tpl = '{% include body.html %}|{% include body.html %}';
    expect(render(tpl, { page })).toBe('5:first|5:first');
    content = 'second';
    expect(render(tpl, { page })).toBe('6:second|6:second');
  });

  it('sees a list changed in place between renders', () => {
    const render = site({ '_includes/list.html': '{% for x in include.l %}{{ x }}{% endfor %}' });
    const l = ['a'];
    expect(replays(() => expect(render('{% include list.html l=l %}{% include list.html l=l %}', { l })).toBe('aa'))).toBeGreaterThan(0);
    l.push('b');
    expect(render('{% include list.html l=l %}', { l })).toBe('ab');
    l[0] = 'c';
    expect(render('{% include list.html l=l %}', { l })).toBe('cb');
  });

  it('sees a value in a hash that changes between renders', () => {
    const render = site({ '_includes/h.html': '{{ include.h.x }}' });
    const h = { x: 1 };
    expect(render('{% include h.html h=h %}{% include h.html h=h %}', { h })).toBe('11');
    h.x = 2;
    expect(render('{% include h.html h=h %}', { h })).toBe('2');
  });

  it('tells onInclude about every include a replay stands for, as the render did', () => {
    const source = mkdtempSync(join(tmpdir(), 'liquid-memo-'));
    mkdirSync(join(source, '_includes'));
    writeFileSync(join(source, '_includes/outer.html'), '{% include inner.html v=include.v %}{% include inner.html v=include.v %}');
    writeFileSync(join(source, '_includes/inner.html'), '{% assign seen = include.v %}');
    const told: string[] = [];
    const engine = createJekyllLiquid({ source, includesDirs: [join(source, '_includes')], config: {}, onInclude: (p) => told.push(p.slice(source.length)) });
    const render = () => engine.renderSync(engine.parse('{% include outer.html v=1 %}{{ seen }}', 'index.html'), {});
    expect(render()).toBe('1');
    const first = [...told];
    told.length = 0;
    expect(replays(() => expect(render()).toBe('1'))).toBeGreaterThan(0);
    expect(told).toEqual(first);
    expect(first).toEqual(['/_includes/outer.html', '/_includes/inner.html', '/_includes/inner.html']);
  });

  it('does not replay increment or cycle', () => {
    const render = site({ '_includes/c.html': '{% increment n %}{% cycle "a", "b" %}' });
    expect(render('{% include c.html %}{% include c.html %}{% include c.html %}')).toBe('0a1b2a');
  });

  it('reads the enclosing loop from inside the include (forloop.parentloop)', () => {
    const render = site({ '_includes/p.html': '{% for b in one %}{{ forloop.parentloop.index }}{% endfor %}' });
    expect(render('{% for a in two %}{% include p.html %}{% endfor %}{% for a in two %}{% include p.html %}{% endfor %}', { one: [1], two: [1, 2] })).toBe('1212');
  });

  it('keys a nested include on what an earlier include assigned', () => {
    const render = site({
      '_includes/set.html': '{% assign lng = include.url | split: "/" | slice: 1 %}',
      '_includes/get.html': '{% include set.html url=include.url %}{{ lng }}{% capture seen %}<{{ lng }}>{% endcapture %}',
    });
    const out = render('{% for u in urls %}{% include get.html url=u %}{{ seen }};{% endfor %}', { urls: ['/fr/a', '/en/b', '/fr/c', '/en/d'] });
    expect(out).toBe('fr<fr>;en<en>;fr<fr>;en<en>;');
  });

  it('never keeps a render that leaves through break', () => {
    const render = site({ '_includes/stop.html': '{% if x == 2 %}{% break %}{% endif %}{{ x }}' });
    expect(render('{% for x in xs %}{% include stop.html %}{% endfor %}|{% for x in xs %}{% include stop.html %}{% endfor %}', { xs: [1, 2, 3] })).toBe('1|1');
  });

  it('never replays a render that read the clock', () => {
    const render = site({ '_includes/now.html': '{{ "now" | date: "%Y" }}{{ "today" | date: "%Y" }}' });
    const year = String(new Date().getFullYear());
    expect(replays(() => expect(render('{% include now.html %}{% include now.html %}{% include now.html %}')).toContain(year))).toBe(0);
  });
});

describe('include memo with objects (matched by identity)', () => {
  /** A page whose content changes, as a page's does while a site renders. */
  function livePage(url: string) {
    const state = { content: 'one' };
    const page: Record<string, unknown> = { url, title: 'T' };
    Object.defineProperty(page, 'content', { get: () => state.content, enumerable: true });
    return { page, state };
  }

  it('never keeps a render that read a getter through an object it was given', () => {
    const render = site({ '_includes/body.html': '{% assign q = include.p %}{{ q.url }}:{{ q.content }}' });
    const { page, state } = livePage('/a/');
    const tpl = '{% include body.html p=page %}|{% include body.html p=page %}';
    expect(render(tpl, { page })).toBe('/a/:one|/a/:one');
    state.content = 'two';
    expect(render(tpl, { page })).toBe('/a/:two|/a/:two');
  });

  it('never keeps a render that printed, compared, iterated or mapped an object', () => {
    const render = site({
      '_includes/print.html': '{{ include.p }}',
      '_includes/compare.html': '{% if include.p == include.q %}same{% else %}different{% endif %}',
      '_includes/iterate.html': '{% for kv in include.p %}{{ kv[1] }},{% endfor %}',
      '_includes/map.html': '{{ include.l | map: "content" | join: "," }}',
    });
    const { page, state } = livePage('/a/');
    const { page: other, state: otherState } = livePage('/a/');
    const tpl = '{% include print.html p=page %}|{% include compare.html p=page q=other %}|{% include iterate.html p=page %}|{% include map.html l=list %}';
    const scope = { page, other, list: [page] };
    const first = render(tpl, scope);
    expect(render(tpl, scope)).toBe(first);
    state.content = 'two';
    const second = render(tpl, scope);
    expect(second).not.toBe(first);
    expect(second).toContain('different');
    expect(second).toContain('/a/,T,two,');
    expect(second.endsWith('|two')).toBe(true);
    otherState.content = 'two';
    expect(render(tpl, scope)).toContain('|same|');
  });

  it('keys on the identity of a list and replays lists it built', () => {
    const render = site({
      '_includes/pick.html': '{% assign picked = "" | split: "" %}{% for p in include.pages %}{% if p.lng == include.lng %}{% assign picked = picked | push: p %}{% endif %}{% endfor %}',
    });
    const pages = [{ lng: 'en', t: 'a' }, { lng: 'fr', t: 'b' }, { lng: 'en', t: 'c' }];
    const others = [{ lng: 'en', t: 'x' }];
    const tpl = '{% for l in lngs %}{% include pick.html pages=pages lng=l %}{{ picked | map: "t" | join: "" }}{% assign picked = picked | push: l %}{{ picked.size }};{% endfor %}';
    let out = '';
    expect(replays(() => (out = render(tpl, { pages, lngs: ['en', 'fr', 'en', 'fr'] })))).toBeGreaterThan(0);
    expect(out).toBe('ac3;b2;ac3;b2;');
    expect(render(tpl.replace('pages=pages', 'pages=others'), { others, lngs: ['en', 'fr'] })).toBe('x2;1;');
  });

  it('replays an include inside a recorded include, keyed on what the outer one assigned', () => {
    const render = site({
      '_includes/lng.html': '{% assign lng = include.url | split: "/" | slice: 1 %}',
      '_includes/pages.html':
        '{% include lng.html url=page.url %}{% assign mine = lng %}{% assign found = "" %}{% for p in include.pages %}{% include lng.html url=p.url %}{% if lng == mine %}{% assign found = found | append: p.t %}{% endif %}{% endfor %}{{ found }}',
    });
    const pages = [{ url: '/en/a', t: 'a' }, { url: '/fr/b', t: 'b' }, { url: '/en/c', t: 'c' }];
    const tpl = '{% include pages.html pages=pages %}{% include pages.html pages=pages %}';
    let out = '';
    expect(replays(() => (out = render(tpl, { pages, page: { url: '/en/x' } })))).toBeGreaterThan(0);
    expect(out).toBe('acac');
    expect(render(tpl, { pages, page: { url: '/fr/y' } })).toBe('bb');
    expect(render(tpl, { pages, page: { url: '/en/z' } })).toBe('acac');
  });

  it('replays where_exp inside a recorded include, keyed on its params', () => {
    const render = site({ '_includes/w.html': '{% assign s = include.list | where_exp: "i", "i.k == include.k" %}{{ s | size }}' });
    const list = [{ k: 1 }, { k: 2 }, { k: 1 }];
    const tpl = '{% for k in ks %}{% include w.html list=list k=k %};{% endfor %}';
    let out = '';
    expect(replays(() => (out = render(tpl, { list, ks: [1, 2, 3, 1, 2] })))).toBeGreaterThan(0);
    expect(out).toBe('2;1;0;2;1;');
  });
});

describe('include memo keyed on an inner include\'s result', () => {
  const detect = '{% if include.url != nil %}{% assign url = include.url %}{% else %}{% assign url = page.url %}{% endif %}{% assign lng = url | split: "/" %}{% assign lng = lng[1] %}';

  it('keys the outer include on the variables of the inner one that it reads', () => {
    const render = site({
      '_includes/lng.html': detect,
      '_includes/pages.html':
        '{% include lng.html %}{% assign mine = lng %}{% assign found = "" %}{% for p in include.pages %}{% include lng.html url=p.url %}{% if lng == mine %}{% assign found = found | append: p.t %}{% endif %}{% endfor %}{{ found }}',
    });
    const pages = [{ url: '/en/a', t: 'a' }, { url: '/fr/b', t: 'b' }, { url: '/en/c', t: 'c' }];
    const tpl = '{% include pages.html pages=pages %}|{{ url }}|{{ lng }}|{{ mine }}';
    expect(render(tpl, { pages, page: { url: '/en/x' } })).toBe('ac|/en/c|en|en');
    // Another English page: the inner include's `url` differs but is set again before it is read.
    expect(replays(() => expect(render(tpl, { pages, page: { url: '/en/y' } })).toBe('ac|/en/c|en|en'))).toBeGreaterThan(0);
    expect(render(tpl, { pages, page: { url: '/fr/z' } })).toBe('b|/en/c|en|fr');
    expect(render(tpl, { pages: [], page: { url: '/fr/z' } })).toBe('|/fr/z|fr|fr');
    expect(render(tpl, { pages: [], page: { url: '/fr/q' } })).toBe('|/fr/q|fr|fr');
    expect(render(tpl, { pages, page: { url: '/en/w' } })).toBe('ac|/en/c|en|en');
  });

  it('keeps the variables the inner include leaves set, or that the outer one reads', () => {
    const render = site({
      '_includes/lng.html': detect,
      '_includes/left.html': '{% include lng.html %}[{{ lng }}]',
      '_includes/read.html': '{% include lng.html %}{% assign url = url | append: "!" %}[{{ url }}]',
      '_includes/dead.html': '{% include lng.html %}{% assign url = "fixed" %}[{{ lng }}]',
    });
    const tpl = '{% include left.html %}{{ url }}|{% include read.html %}|{% include dead.html %}{{ url }}';
    // The inner include alone first, so that later it replays for every url.
    for (const url of ['/en/x', '/en/y', '/fr/y']) expect(render('{% include lng.html %}{{ lng }}', { page: { url } })).toBe(url.split('/')[1]);
    expect(render(tpl, { page: { url: '/en/x' } })).toBe('[en]/en/x|[/en/x!]|[en]fixed');
    expect(render(tpl, { page: { url: '/en/y' } })).toBe('[en]/en/y|[/en/y!]|[en]fixed');
    expect(render(tpl, { page: { url: '/fr/y' } })).toBe('[fr]/fr/y|[/fr/y!]|[fr]fixed');
  });

  it('stays right when whether a variable matters depends on the path taken', () => {
    const render = site({
      '_includes/lng.html': detect,
      '_includes/paths.html': '{% include lng.html %}{% if lng == "en" %}{% assign url = "x" %}{% endif %}{{ url }}',
    });
    const urls = ['/en/a', '/fr/b', '/en/c', '/fr/d', '/en/e', '/fr/f'];
    for (const url of urls) expect(render('{% include paths.html %}', { page: { url } })).toBe(url.startsWith('/en') ? 'x' : url);
  });

  it('does not let the inner include read, when checked from the outer one\'s start, what the outer one sets', () => {
    const render = site({
      '_includes/outer.html': '{% assign src = "Q" %}{% include inner.html %}',
      '_includes/inner.html': '{% if page.flag %}{{ src }}{% else %}x{% endif %}',
    });
    expect(render('{% include outer.html %}', { page: { flag: false } })).toBe('x');
    // The inner include alone, where `src` is "x": its memo now has a path that prints "x" for a flagged page.
    expect(render('{% assign src = "x" %}{% include inner.html %}', { page: { flag: true } })).toBe('x');
    expect(render('{% assign src = "x" %}{% include outer.html %}', { page: { flag: true } })).toBe('Q');
  });

  it('does not key on the inner include when it reads what the outer one set', () => {
    const render = site({
      '_includes/lng.html': detect,
      '_includes/own.html': '{% assign page_url = include.u %}{% include inner.html %}[{{ lng }}]',
      '_includes/inner.html': '{% assign lng = page_url | split: "/" %}{% assign lng = lng[1] %}',
    });
    const tpl = '{% include own.html u=u %}';
    for (const u of ['/en/a', '/fr/b', '/en/c', '/ja/d']) expect(render(tpl, { u })).toBe(`[${u.split('/')[1]}]`);
  });
});

describe('where_exp memo', () => {
  it('keys on the values the expression reads besides the item', () => {
    const render = site({});
    const posts = [{ lng: 'en', t: 'a' }, { lng: 'fr', t: 'b' }, { lng: 'en', t: 'c' }];
    const tpl = '{% for l in lngs %}{% assign s = posts | where_exp: "p", "p.lng == l" %}{{ s | map: "t" | join: "" }};{% endfor %}';
    let out = '';
    expect(replays(() => (out = render(tpl, { posts, lngs: ['en', 'fr', 'en', 'de'] })))).toBeGreaterThan(0);
    expect(out).toBe('ac;b;ac;;');
  });

  it('never keeps a selection that read an item getter (content changes while rendering)', () => {
    const render = site({});
    let text = 'x';
    const post = { t: 'a' };
    Object.defineProperty(post, 'content', { get: () => text, enumerable: true });
    const scope = { posts: [post] };
    const tpl = '{{ posts | where_exp: "p", "p.content contains \'x\'" | size }}';
    expect(render(tpl, scope)).toBe('1');
    text = 'y';
    expect(render(tpl, scope)).toBe('0');
    text = 'x';
    expect(render(tpl, scope)).toBe('1');
  });

  it('starts afresh with each engine (each build)', () => {
    const posts = [{ k: 1 }, { k: 2 }];
    const tpl = '{{ posts | where_exp: "p", "p.k == 1" | size }}{{ posts | where_exp: "p", "p.k == 1" | size }}';
    expect(replays(() => expect(site({})(tpl, { posts })).toBe('11'))).toBeGreaterThan(0);
    posts[1].k = 1;
    expect(site({})(tpl, { posts })).toBe('22');
  });
});
