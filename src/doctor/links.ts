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

export type Resolution = { internal: false } | { internal: true; path: string } | { internal: true; outsideBaseurl: true };

/**
 * Where a link points in the output tree ('/'-rooted, without baseurl), or `internal: false`
 * for links to other sites, other schemes, same-page fragments and unrendered Liquid.
 */
export function resolveLink(link: string, page: string, baseurl: string): Resolution {
  if (link === '' || link.startsWith('#') || link.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(link)) return { internal: false };
  if (/\{\{|\{%/.test(link)) return { internal: false };
  let target = link.replace(/[?#].*$/s, '');
  if (target === '') return { internal: false }; // "?q=1" points at the page itself
  try {
    target = decodeURI(target);
  } catch {
    // a stray '%' is taken literally, as static servers do
  }
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
  return { internal: true, path: target.endsWith('/') && !normalized.endsWith('/') ? `${normalized}/` : normalized };
}

export function normalizeBaseurl(baseurl: string | null | undefined): string {
  if (!baseurl) return '';
  const b = `/${String(baseurl).replace(/^\/+|\/+$/g, '')}`;
  return b === '/' ? '' : b;
}

/** Whether a static host would find a file for `/`-rooted `target` among `files` (paths relative to the destination). */
export function existsInOutput(target: string, files: Set<string>): boolean {
  const rel = target.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return files.has(`${rel}index.html`) || files.has(`${rel}index.htm`);
  return files.has(rel) || files.has(`${rel}.html`) || files.has(`${rel}/index.html`) || files.has(`${rel}/index.htm`);
}

/** Checks every link of one written HTML file. */
export function checkPageLinks(page: string, html: string, files: Set<string>, baseurl: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const seen = new Set<string>();
  for (const ref of extractLinks(html)) {
    if (seen.has(ref.value)) continue;
    seen.add(ref.value);
    const r = resolveLink(ref.value, page, baseurl);
    if (!r.internal) continue;
    if ('outsideBaseurl' in r) {
      problems.push({ kind: ref.kind, page, link: ref.value, reason: `is not under baseurl '${normalizeBaseurl(baseurl)}' (use the relative_url filter)` });
    } else if (!existsInOutput(r.path, files)) {
      problems.push({ kind: ref.kind, page, link: ref.value, reason: 'points to no file of the site' });
    }
  }
  return problems;
}
