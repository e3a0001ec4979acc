import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJekyllLiquid, LiquidRenderError, type LiquidEnvironment } from '../../src/liquid/engine.js';
import { JekyllTime } from '../../src/utils/time.js';

function site(files: Record<string, string>, config: Record<string, any> = {}, extra: Partial<LiquidEnvironment> = {}) {
  const source = mkdtempSync(join(tmpdir(), 'liquid-engine-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(source, name, '..'), { recursive: true });
    writeFileSync(join(source, name), text);
  }
  const engine = createJekyllLiquid({ source, includesDirs: [join(source, '_includes'), join(source, 'theme/_includes')], config, ...extra });
  const render = (tpl: string, scope: Record<string, unknown> = {}, file = 'index.html') => engine.renderSync(engine.parse(tpl, file), scope);
  return { engine, render, source };
}

function thrown(fn: () => unknown): LiquidRenderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LiquidRenderError);
    return e as LiquidRenderError;
  }
  throw new Error('expected an error');
}

describe('createJekyllLiquid', () => {
  it('caches parses by file and content', () => {
    const { engine } = site({});
    expect(engine.parse('{{ a }}', 'a.html')).toBe(engine.parse('{{ a }}', 'a.html'));
    expect(engine.parse('{{ a }}', 'a.html')).not.toBe(engine.parse('{{ b }}', 'a.html'));
  });

  it('finds includes in the first directory that has them (site before theme)', () => {
    const { render } = site({ '_includes/a.html': 'site-a', 'theme/_includes/a.html': 'theme-a', 'theme/_includes/b.html': 'theme-b' });
    expect(render('{% include a.html %}|{% include b.html %}')).toBe('site-a|theme-b');
  });

  it('renders include_relative next to the page', () => {
    const { render } = site({ 'docs/part.md': 'part {{ include.x }}' });
    expect(render("{% include_relative part.md x='1' %}", { page: { path: 'docs/index.md' } }, 'docs/index.md')).toBe('part 1');
  });

  it('renders include_cached once per file and params', () => {
    const { render } = site({ '_includes/c.html': '{% increment n %}' });
    expect(render("{% include_cached c.html a='1' %}{% include_cached c.html a='1' %}{% include_cached c.html a='2' %}")).toBe('001');
  });

  it('names the include file, line and column of an error inside it', () => {
    const { render } = site({ '_includes/bad.html': 'line one\n  {{ 1 | divided_by: 0 }}\n' });
    const err = thrown(() => render('before\n{% include bad.html %}', {}, 'page.html'));
    expect(err.file).toBe('_includes/bad.html');
    expect(err.line).toBe(2);
    expect(err.column).toBe(3);
    expect(err.reason).toContain('divided by 0');
    expect(err.frame).toContain('> 2 |   {{ 1 | divided_by: 0 }}');
  });

  it('names the include file of a syntax error inside it', () => {
    const { render } = site({ '_includes/open.html': 'a\n{% if x %}never closed', '_includes/var.html': '\n\n{{ broken' });
    const a = thrown(() => render('{% include open.html %}', {}, 'page.html'));
    expect([a.file, a.line]).toEqual(['_includes/open.html', 2]);
    const b = thrown(() => render('x {% include var.html %}', {}, 'page.html'));
    expect([b.file, b.line, b.column]).toEqual(['_includes/var.html', 3, 1]);
    expect(b.reason).toContain('was not properly terminated');
  });

  it('names the page and line of a syntax error', () => {
    const { engine } = site({});
    const err = thrown(() => engine.parse('a\nb\n{% if x %}never closed', 'about.md'));
    expect(err.file).toBe('about.md');
    expect(err.line).toBe(3);
  });

  it('honours liquid.strict_filters and liquid.strict_variables', () => {
    const lax = site({});
    expect(lax.render("{{ 'a' | nofilter }}{{ missing.deep }}")).toBe('a');
    const strict = site({}, { liquid: { strict_filters: true, strict_variables: true } });
    expect(thrown(() => strict.render("{{ 'a' | nofilter }}")).reason).toContain('undefined filter nofilter');
    expect(thrown(() => strict.render('{{ missing }}')).reason).toContain('undefined variable missing');
  });

  it('prints times in their own offset and Ruby hashes', () => {
    const { render } = site({});
    const t = new JekyllTime(Date.UTC(2023, 5, 14, 0, 0, 0), 540);
    expect(render('{{ t }}|{{ t | date: "%-d %b %Y %H:%M %z" }}|{{ h }}', { t, h: { a: [1, null, 'x'] } })).toBe(
      '2023-06-14 09:00:00 +0900|14 Jun 2023 09:00 +0900|{"a"=>[1, nil, "x"]}',
    );
  });

  it('moves date_to_xmlschema into the site timezone', () => {
    const { render } = site({}, { timezone: 'Asia/Tokyo' });
    const t = new JekyllTime(Date.UTC(2023, 5, 14, 0, 0, 0), 0);
    expect(render('{{ t | date_to_xmlschema }}', { t })).toBe('2023-06-14T09:00:00+09:00');
  });

  it('uses the build hooks for markdownify, sassify, highlight, link and post_url', () => {
    const { render } = site({}, { baseurl: '/b' }, {
      markdownify: (s) => `<p>${s}</p>\n`,
      sassify: (s, syntax) => `${syntax}:${s}`,
      highlight: (code, lang, opts) => `[${lang}|${opts.linenos ?? ''}|${code}]`,
      resolveLinkUrl: (p) => (p === 'a.md' ? '/a.html' : undefined),
      resolvePostUrl: (n) => (n === '2020-01-02-x' ? '/2020/x/' : undefined),
    });
    expect(render("{{ 'x' | markdownify }}{{ 'y' | scssify }}")).toBe('<p>x</p>\nscss:y');
    expect(render('{% highlight js linenos %}\nlet a\n{% endhighlight %}')).toBe('[js|true|let a]');
    expect(render('{% link a.md %} {% post_url 2020-01-02-x %}')).toBe('/b/a.html /b/2020/x/');
    expect(thrown(() => render('{% link nope.md %}')).reason).toContain("Could not find document 'nope.md'");
  });

  it('reads class instances by their getters and objects by toLiquid()', () => {
    const { render } = site({});
    class Doc {
      constructor(private readonly t: string) {}
      get title() {
        return this.t;
      }
    }
    const drop = { toLiquid: () => ({ name: 'via toLiquid' }) };
    expect(render('{% if d.title %}{% for p in docs %}{{ p.title }}{% endfor %}{% endif %}', { d: new Doc('A'), docs: [new Doc('B')] })).toBe('B');
    expect(render('{{ d.title }}|{{ docs | map: "title" | join: "," }}|{{ x.name }}', { d: new Doc('A'), docs: [new Doc('B'), new Doc('C')], x: drop })).toBe(
      'A|B,C|via toLiquid',
    );
  });

  it('runs plugin tags given by the build', () => {
    const { render } = site({}, {}, { tags: { seo: (markup, lookup) => `<title>${lookup('page.title')}</title>${markup}` } });
    expect(render('{% seo title=false %}', { page: { title: 'T' } })).toBe('<title>T</title>title=false');
  });

  it('keeps assigns made inside an include, and restores include.* after it', () => {
    const { render } = site({ '_includes/set.html': '{% assign x = include.v %}' });
    expect(render("{% include set.html v='1' %}{{ x }}[{{ include.v }}]")).toBe('1[]');
  });
});
