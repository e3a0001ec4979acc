/**
 * What HTML::Pipeline's text filters (jemoji's EmojiFilter, jekyll-mentions' MentionFilter) do
 * to a page body: parse it as a Nokogiri (libxml2) HTML fragment, rewrite text nodes that have
 * no ignored ancestor, and serialise the whole fragment back. The parse/serialise round trip
 * shows in the output (`<br />` → `<br>`, `&quot;` → `"`, URLs in href/src percent-encoded,
 * lower-case tag and attribute names), so this module reproduces it with a forgiving tokenizer
 * instead of keeping the input bytes. libxml2's pretty-printing newlines are not reproduced:
 * they only add whitespace between tags.
 */

/** HTML 4 void elements: libxml2 writes them without a closing tag and without `/`. */
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Their content is one raw text node (not decoded, not escaped on output). */
const RAW_TEXT = new Set(['script', 'style']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', sbquo: '\u201a', bdquo: '\u201e', middot: '\u00b7', bull: '\u2022', deg: '\u00b0',
  times: '\u00d7', divide: '\u00f7', para: '\u00b6', sect: '\u00a7', shy: '\u00ad', euro: '\u20ac', larr: '\u2190',
  rarr: '\u2192', uarr: '\u2191', darr: '\u2193', harr: '\u2194', iexcl: '\u00a1', iquest: '\u00bf', cent: '\u00a2',
  pound: '\u00a3', yen: '\u00a5', plusmn: '\u00b1', micro: '\u00b5', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
};

/** Decodes character references as libxml2 does; unknown names stay literal text. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z][A-Za-z0-9]*));/g, (all, hex: string, dec: string, name: string) => {
    if (name !== undefined) return NAMED[name] ?? all;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** libxml2's text escaping: only `&`, `<` and `>`; quotes and non-ASCII stay as they are. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// xmlURIEscapeStr keeps unreserved characters plus the ones htmlAttrDumpOutput lists.
const URI_KEEP = /[A-Za-z0-9\-_.!~*'()@/:=?;#%&,+<>]/;
function escapeUri(s: string): string {
  let out = '';
  for (const ch of s) {
    if (URI_KEEP.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function serializeAttr(tag: string, name: string, raw: string | null): string {
  if (raw === null) return name;
  let value = decodeEntities(raw);
  // libxml2 writes these as URIs (leading blanks dropped, the rest percent-encoded).
  if (name === 'href' || name === 'src' || name === 'action' || (name === 'name' && tag === 'a')) {
    value = escapeUri(value.replace(/^[ \t\n\r\f]+/, ''));
  }
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (!escaped.includes('"')) return `${name}="${escaped}"`;
  if (!escaped.includes("'")) return `${name}='${escaped}'`;
  return `${name}="${escaped.replace(/"/g, '&quot;')}"`;
}

// Start tags that end an open <p> (libxml2's htmlAutoClose, the common part).
const CLOSES_P = new Set([
  'p', 'div', 'ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'form', 'address', 'fieldset',
]);
// Start tags that end an open sibling of theirs, up to the list that holds them.
const CLOSES_SIBLING: Record<string, { siblings: string[]; scope: string[] }> = {
  li: { siblings: ['li'], scope: ['ul', 'ol', 'menu', 'dir'] },
  dt: { siblings: ['dt', 'dd'], scope: ['dl'] },
  dd: { siblings: ['dt', 'dd'], scope: ['dl'] },
  option: { siblings: ['option'], scope: ['select', 'datalist', 'optgroup'] },
  tr: { siblings: ['tr', 'td', 'th'], scope: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { siblings: ['td', 'th'], scope: ['tr', 'table'] },
  th: { siblings: ['td', 'th'], scope: ['tr', 'table'] },
};

const TAG = /^<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export interface TextFilter {
  /** Elements whose descendant text is left alone (lower-case names). */
  ignore: ReadonlySet<string>;
  /**
   * Rewrites one text node, given as decoded text (Nokogiri's `node.text`) and as its
   * serialisation (`node.to_html`). Returns HTML to put in its place, or undefined to keep it.
   */
  replace(decoded: string, serialized: string): string | undefined;
}

type Node =
  | { kind: 'text'; html: string }
  | { kind: 'other'; html: string }
  | { kind: 'element'; name: string; open: string; children: Node[] };

/**
 * HTML 4 elements libxml2 knows as not inline: its pretty-printer (Nokogiri's default FORMAT
 * save option) puts newlines around their element children (measured with Nokogiri).
 */
const BLOCK = new Set([
  'address', 'area', 'base', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'html', 'isindex', 'legend', 'li', 'link', 'menu', 'meta',
  'noframes', 'noscript', 'ol', 'optgroup', 'option', 'p', 'param', 'pre', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);

/** Parses `html` as a fragment, applies `filter` to text nodes and serialises it back. */
export function filterTextNodes(html: string, filter?: TextFilter): string {
  return parseFragment(html, filter)
    .map((n) => serialize(n, undefined, undefined))
    .join('');
}

// htmlNodeDumpFormatOutput's newlines: after the start tag and before the end tag of a block
// element whose first/last of several children is not text (not for names starting with "p"),
// and after a block element followed by a non-text sibling inside such an element.
function serialize(node: Node, parent: Node | undefined, next: Node | undefined): string {
  if (node.kind !== 'element') return node.html;
  const block = BLOCK.has(node.name);
  const kids = node.children;
  let out = node.open;
  if (kids.length > 0) {
    const pretty = block && kids.length > 1 && node.name[0] !== 'p';
    if (pretty && kids[0].kind !== 'text') out += '\n';
    kids.forEach((k, idx) => {
      out += serialize(k, node, kids[idx + 1]);
    });
    if (pretty && kids[kids.length - 1].kind !== 'text') out += '\n';
    out += `</${node.name}>`;
  } else if (!VOID.has(node.name)) {
    out += `</${node.name}>`;
  }
  if (block && next !== undefined && next.kind !== 'text' && parent?.kind === 'element' && parent.name[0] !== 'p') out += '\n';
  return out;
}

function parseFragment(html: string, filter?: TextFilter): Node[] {
  const root: Node[] = [];
  const stack: Array<Node & { kind: 'element' }> = [];
  let ignored = 0; // how many open elements are in filter.ignore
  let i = 0;
  const add = (n: Node) => (stack.length > 0 ? stack[stack.length - 1].children : root).push(n);
  const text = (raw: string) => {
    const decoded = decodeEntities(raw);
    const serialized = escapeText(decoded);
    const replaced = filter && ignored === 0 ? filter.replace(decoded, serialized) : undefined;
    // The replacement is parsed as HTML (Node#replace) and takes the text node's place.
    if (replaced === undefined) add({ kind: 'text', html: serialized });
    else for (const n of parseFragment(replaced)) add(n);
  };
  const closeFrom = (at: number) => {
    for (const closed of stack.splice(at).reverse()) if (filter?.ignore.has(closed.name)) ignored--;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      const stop = end === -1 ? html.length : end + 3;
      add({ kind: 'other', html: html.slice(i, stop) });
      i = stop;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i);
      const stop = end === -1 ? html.length : end + 1;
      add({ kind: 'other', html: html.slice(i, stop) });
      i = stop;
      continue;
    }
    const m = TAG.exec(html.slice(i));
    if (m === null) {
      text('<');
      i += 1;
      continue;
    }
    i += m[0].length;
    const name = m[2].toLowerCase();
    if (m[1] === '/') {
      let at = -1;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].name === name) {
          at = k;
          break;
        }
      }
      if (at !== -1) closeFrom(at); // a stray end tag is dropped
      continue;
    }
    if (CLOSES_P.has(name) && stack[stack.length - 1]?.name === 'p') closeFrom(stack.length - 1);
    const rule = CLOSES_SIBLING[name];
    if (rule !== undefined) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (rule.scope.includes(stack[k].name)) break;
        if (rule.siblings.includes(stack[k].name)) {
          closeFrom(k);
          break;
        }
      }
    }
    const attrs: string[] = [];
    const seen = new Set<string>();
    for (const a of m[3].matchAll(ATTR)) {
      const attr = a[1].toLowerCase();
      if (seen.has(attr)) continue; // libxml2 keeps the first of duplicated attributes
      seen.add(attr);
      attrs.push(serializeAttr(name, attr, a[2] ?? a[3] ?? a[4] ?? null));
    }
    const el: Node & { kind: 'element' } = { kind: 'element', name, open: `<${name}${attrs.map((a) => ` ${a}`).join('')}>`, children: [] };
    add(el);
    if (VOID.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close === -1 ? html.length : close;
      if (end > i) {
        const raw = html.slice(i, end);
        const inIgnored = ignored > 0 || filter?.ignore.has(name);
        const replaced = filter && !inIgnored ? filter.replace(raw, raw) : undefined;
        // Script and style content stays one raw text node, replacement included.
        el.children.push({ kind: 'text', html: replaced ?? raw });
      }
      const gt = close === -1 ? -1 : html.indexOf('>', close);
      i = gt === -1 ? html.length : gt + 1;
      continue;
    }
    // libxml2 ends an element written `<x/>` at once.
    if (/\/\s*$/.test(m[3])) continue;
    stack.push(el);
    if (filter?.ignore.has(name)) ignored++;
  }
  return root;
}
