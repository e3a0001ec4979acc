/**
 * Broken internal links and missing images in the written HTML: every `href`/`src`/`srcset`
 * that points into the site (root-relative, or relative to the page) must name a file of the
 * output, the way a static host serves it (`dir/` → `dir/index.html`, `page` → `page.html`).
 * Root-relative links must also sit under `baseurl`, or they break once the site is deployed
 * to a sub-path.
 */
import path from 'node:path';
import type { ProblemKind } from './problem.js';

export interface LinkProblem {
  kind: ProblemKind;
  /** The output file the link is in, relative to the destination. */
  page: string;
  link: string;
  reason: string;
}

/** Elements and attributes that load or link to another file, and how a miss is named. */
const CHECKED: Record<string, Record<string, ProblemKind>> = {
  a: { href: 'link' },
  area: { href: 'link' },
  link: { href: 'asset' },
  img: { src: 'image', srcset: 'image' },
  source: { src: 'image', srcset: 'image' },
  video: { src: 'asset', poster: 'image' },
  audio: { src: 'asset' },
  track: { src: 'asset' },
  script: { src: 'asset' },
  iframe: { src: 'link' },
  embed: { src: 'asset' },
  input: { src: 'image' },
};

/** `rel` values whose href is not a file of this site to fetch. */
const SKIPPED_REL = /\b(?:preconnect|dns-prefetch|me|webmention|pingback|openid\.\w+)\b/i;

export interface LinkRef {
  tag: string;
  attr: string;
  kind: ProblemKind;
  value: string;
}

/** The links in one HTML document (comments dropped, script and style bodies skipped). */
export function extractLinks(html: string): LinkRef[] {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style|textarea)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const out: LinkRef[] = [];
  const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(cleaned))) {
    const tag = m[1].toLowerCase();
    const checked = CHECKED[tag];
    if (!checked || !m[2]) continue;
    const attrs = parseAttributes(m[2]);
    if (tag === 'link' && SKIPPED_REL.test(attrs.get('rel') ?? '')) continue;
    for (const [attr, kind] of Object.entries(checked)) {
      const value = attrs.get(attr);
      if (value === undefined) continue;
      if (attr === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) out.push({ tag, attr, kind, value: url });
        }
      } else {
        out.push({ tag, attr, kind, value: value.trim() });
      }
    }
  }
  return out;
}

export function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

export type Resolution =
  | { internal: false }
  | { internal: true; path: string; fragment?: string }
  | { internal: true; outsideBaseurl: true };

/**
 * Where a link points in the output tree ('/'-rooted, without baseurl), or `internal: false`
 * for links to other sites, other schemes, same-page fragments and unrendered Liquid.
 */
export function resolveLink(link: string, page: string, baseurl: string): Resolution {
  if (link === '' || link.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(link)) return { internal: false };
  if (/\{\{|\{%/.test(link)) return { internal: false };
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? decode(link.slice(hash + 1)) : undefined;
  let target = link.replace(/[?#].*$/s, '');
  if (target === '') {
    // "#x" and "?q=1#x" point into the page itself
    return fragment === undefined ? { internal: false } : { internal: true, path: `/${page}`, fragment };
  }
  target = decode(target);
  const base = normalizeBaseurl(baseurl);
  if (target.startsWith('/')) {
    if (base !== '') {
      if (target !== base && !target.startsWith(`${base}/`)) return { internal: true, outsideBaseurl: true };
      target = target.slice(base.length) || '/';
    }
  } else {
    const dir = path.posix.dirname(`/${page}`);
    target = path.posix.join(dir, target) + (target.endsWith('/') ? '/' : '');
  }
  const normalized = path.posix.normalize(target);
  const resolved = target.endsWith('/') && !normalized.endsWith('/') ? `${normalized}/` : normalized;
  return fragment === undefined ? { internal: true, path: resolved } : { internal: true, path: resolved, fragment };
}

/** Percent-decoding as a browser does before looking a path or fragment up; a stray '%' stays. */
function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function normalizeBaseurl(baseurl: string | null | undefined): string {
  if (!baseurl) return '';
  const b = `/${String(baseurl).replace(/^\/+|\/+$/g, '')}`;
  return b === '/' ? '' : b;
}

/** The output file a static host would serve for `/`-rooted `target` (paths relative to the destination), if any. */
export function findInOutput(target: string, files: Set<string>): string | undefined {
  const rel = target.replace(/^\/+/, '');
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`, `${rel}index.htm`] : [rel, `${rel}.html`, `${rel}/index.html`, `${rel}/index.htm`];
  return candidates.find((c) => files.has(c));
}

export function existsInOutput(target: string, files: Set<string>): boolean {
  return findInOutput(target, files) !== undefined;
}

/** Every `id` (and `<a name>`) in an HTML document: the targets of `#fragment` links. */
export function anchorIds(html: string): Set<string> {
  const ids = new Set<string>();
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '');
  const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(cleaned))) {
    if (!m[2]) continue;
    const attrs = parseAttributes(m[2]);
    const id = attrs.get('id');
    if (id !== undefined) ids.add(id);
    if (m[1].toLowerCase() === 'a' && attrs.has('name')) ids.add(attrs.get('name')!);
  }
  return ids;
}

/** Fragments browsers resolve without an element: the top of the page. */
const BUILT_IN_FRAGMENTS = new Set(['', 'top']);

/**
 * Checks every link of one written HTML file. `idsOf` gives the ids of an HTML output file
 * (for `#fragment` links); without it fragments are not checked.
 */
export function checkPageLinks(page: string, html: string, files: Set<string>, baseurl: string, idsOf?: (file: string) => Set<string>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const seen = new Set<string>();
  for (const ref of extractLinks(html)) {
    if (seen.has(ref.value)) continue;
    seen.add(ref.value);
    const r = resolveLink(ref.value, page, baseurl);
    if (!r.internal) continue;
    if ('outsideBaseurl' in r) {
      problems.push({ kind: ref.kind, page, link: ref.value, reason: `is not under baseurl '${normalizeBaseurl(baseurl)}' (use the relative_url filter)` });
      continue;
    }
    const file = findInOutput(r.path, files);
    if (file === undefined) {
      problems.push({ kind: ref.kind, page, link: ref.value, reason: 'points to no file of the site' });
    } else if (idsOf && r.fragment !== undefined && !BUILT_IN_FRAGMENTS.has(r.fragment) && /\.html?$/i.test(file) && !idsOf(file).has(r.fragment)) {
      const where = file === page ? 'this page' : file;
      problems.push({ kind: ref.kind, page, link: ref.value, reason: `points to no element with id '${r.fragment}' in ${where}` });
    }
  }
  return problems;
}
