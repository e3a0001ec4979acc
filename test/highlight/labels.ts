/** Per-character token classes of Rouge-style markup, for comparing two highlighters. */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** The code text and one class per character ('' = unstyled text) of `<span class="x">…</span>` markup. */
export function charClasses(markup: string): { text: string; classes: string[] } {
  let text = '';
  const classes: string[] = [];
  const re = /<span class="([^"]*)">([^<]*)<\/span>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(markup))) {
    const t = unescape(m[2] ?? m[3]!);
    const cls = m[1] ?? '';
    text += t;
    for (const _ of t) classes.push(cls);
    last = re.lastIndex;
  }
  if (last !== markup.length) throw new Error(`unexpected markup at ${last}: ${markup.slice(last, last + 40)}`);
  return { text, classes };
}

/** The inner markup of a kramdown+Rouge code block: what sits inside `<code>…</code>`. */
export function blockInner(html: string): string {
  const m = /<pre class="[^"]*"><code>([\s\S]*)<\/code><\/pre>/.exec(html);
  if (!m) throw new Error(`not a highlighted block: ${html.slice(0, 80)}`);
  return m[1]!;
}

/** Share of characters with the same class on both sides (texts must be equal). */
export function agreement(a: string[], b: string[]): { same: number; total: number } {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return { same, total: a.length };
}
