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

// libxml2's entity table: HTML 4.01's 252 names plus apos (measured with Nokogiri; HTML5-only
// names such as &NewLine; stay literal text). name:hex code point.
const NAMED: Record<string, string> = Object.fromEntries(
  (
  'quot:22,amp:26,apos:27,lt:3c,gt:3e,nbsp:a0,iexcl:a1,cent:a2,pound:a3,curren:a4,yen:a5,brvbar:a6,sect:a7,' +
  'uml:a8,copy:a9,ordf:aa,laquo:ab,not:ac,shy:ad,reg:ae,macr:af,deg:b0,plusmn:b1,sup2:b2,sup3:b3,acute:b4,' +
  'micro:b5,para:b6,middot:b7,cedil:b8,sup1:b9,ordm:ba,raquo:bb,frac14:bc,frac12:bd,frac34:be,iquest:bf,' +
  'Agrave:c0,Aacute:c1,Acirc:c2,Atilde:c3,Auml:c4,Aring:c5,AElig:c6,Ccedil:c7,Egrave:c8,Eacute:c9,Ecirc:ca,' +
  'Euml:cb,Igrave:cc,Iacute:cd,Icirc:ce,Iuml:cf,ETH:d0,Ntilde:d1,Ograve:d2,Oacute:d3,Ocirc:d4,Otilde:d5,Ouml:d6,' +
  'times:d7,Oslash:d8,Ugrave:d9,Uacute:da,Ucirc:db,Uuml:dc,Yacute:dd,THORN:de,szlig:df,agrave:e0,aacute:e1,' +
  'acirc:e2,atilde:e3,auml:e4,aring:e5,aelig:e6,ccedil:e7,egrave:e8,eacute:e9,ecirc:ea,euml:eb,igrave:ec,' +
  'iacute:ed,icirc:ee,iuml:ef,eth:f0,ntilde:f1,ograve:f2,oacute:f3,ocirc:f4,otilde:f5,ouml:f6,divide:f7,' +
  'oslash:f8,ugrave:f9,uacute:fa,ucirc:fb,uuml:fc,yacute:fd,thorn:fe,yuml:ff,OElig:152,oelig:153,Scaron:160,' +
  'scaron:161,Yuml:178,fnof:192,circ:2c6,tilde:2dc,Alpha:391,Beta:392,Gamma:393,Delta:394,Epsilon:395,Zeta:396,' +
  'Eta:397,Theta:398,Iota:399,Kappa:39a,Lambda:39b,Mu:39c,Nu:39d,Xi:39e,Omicron:39f,Pi:3a0,Rho:3a1,Sigma:3a3,' +
  'Tau:3a4,Upsilon:3a5,Phi:3a6,Chi:3a7,Psi:3a8,Omega:3a9,alpha:3b1,beta:3b2,gamma:3b3,delta:3b4,epsilon:3b5,' +
  'zeta:3b6,eta:3b7,theta:3b8,iota:3b9,kappa:3ba,lambda:3bb,mu:3bc,nu:3bd,xi:3be,omicron:3bf,pi:3c0,rho:3c1,' +
  'sigmaf:3c2,sigma:3c3,tau:3c4,upsilon:3c5,phi:3c6,chi:3c7,psi:3c8,omega:3c9,thetasym:3d1,upsih:3d2,piv:3d6,' +
  'ensp:2002,emsp:2003,thinsp:2009,zwnj:200c,zwj:200d,lrm:200e,rlm:200f,ndash:2013,mdash:2014,lsquo:2018,' +
  'rsquo:2019,sbquo:201a,ldquo:201c,rdquo:201d,bdquo:201e,dagger:2020,Dagger:2021,bull:2022,hellip:2026,' +
  'permil:2030,prime:2032,Prime:2033,lsaquo:2039,rsaquo:203a,oline:203e,frasl:2044,euro:20ac,image:2111,' +
  'weierp:2118,real:211c,trade:2122,alefsym:2135,larr:2190,uarr:2191,rarr:2192,darr:2193,harr:2194,crarr:21b5,' +
  'lArr:21d0,uArr:21d1,rArr:21d2,dArr:21d3,hArr:21d4,forall:2200,part:2202,exist:2203,empty:2205,nabla:2207,' +
  'isin:2208,notin:2209,ni:220b,prod:220f,sum:2211,minus:2212,lowast:2217,radic:221a,prop:221d,infin:221e,' +
  'ang:2220,and:2227,or:2228,cap:2229,cup:222a,int:222b,there4:2234,sim:223c,cong:2245,asymp:2248,ne:2260,' +
  'equiv:2261,le:2264,ge:2265,sub:2282,sup:2283,nsub:2284,sube:2286,supe:2287,oplus:2295,otimes:2297,perp:22a5,' +
  'sdot:22c5,lceil:2308,rceil:2309,lfloor:230a,rfloor:230b,lang:2329,rang:232a,loz:25ca,spades:2660,clubs:2663,' +
  'hearts:2665,diams:2666'
  )
    .split(',')
    .map((e) => {
      const [name, hex] = e.split(':');
      return [name, String.fromCodePoint(Number.parseInt(hex, 16))];
    }),
);

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

/** `rawText`: the fragment replaces a script's or style's text, whose text nodes are written unescaped. */
function parseFragment(html: string, filter?: TextFilter, rawText = false): Node[] {
  const root: Node[] = [];
  const stack: Array<Node & { kind: 'element' }> = [];
  let ignored = 0; // how many open elements are in filter.ignore
  let i = 0;
  const add = (n: Node) => (stack.length > 0 ? stack[stack.length - 1].children : root).push(n);
  const text = (raw: string) => {
    const decoded = decodeEntities(raw);
    const serialized = rawText ? decoded : escapeText(decoded);
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
      // A fragment has no doctype: libxml2 drops it.
      if (!/^<!doctype/i.test(html.slice(i, i + 9))) add({ kind: 'other', html: html.slice(i, stop) });
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
    // Parsed in a body context, a fragment's html, head and body tags vanish (their content stays).
    if (name === 'html' || name === 'head' || name === 'body') continue;
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
        // Script and style content is one raw text node; a replacement is parsed as HTML.
        if (replaced === undefined) el.children.push({ kind: 'text', html: raw });
        else el.children.push(...parseFragment(replaced, undefined, true));
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
