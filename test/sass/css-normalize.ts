/**
 * CSS compared rule by rule: libsass (Debian's Jekyll) and Dart Sass (Utterson) write the same
 * rules with different formatting, selector order after @extend, and attribute quoting.
 * A stylesheet becomes a sorted list of "context | selectors | declarations" strings.
 */
export function cssRules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: string[] = [];
  const walk = (src: string, context: string) => {
    let i = 0;
    while (i < src.length) {
      const open = src.indexOf('{', i);
      if (open < 0) break;
      const prelude = src.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      while (j < src.length && depth > 0) {
        if (src[j] === '{') depth++;
        else if (src[j] === '}') depth--;
        j++;
      }
      const body = src.slice(open + 1, j - 1);
      if (prelude.startsWith('@')) walk(body, `${context}${normalizeSpace(prelude)} `);
      else rules.push(`${context}| ${normalizeSelectors(prelude)} | ${normalizeDeclarations(body)}`);
      i = j;
    }
  };
  walk(text, '');
  // Dart Sass splits a rule whose declarations follow a nested rule (to keep their order);
  // libsass merges them. Same cascade: merge rules with the same context and selectors.
  const merged = new Map<string, string[]>();
  for (const r of rules) {
    const cut = r.lastIndexOf(' | ');
    const key = r.slice(0, cut);
    const decls = r.slice(cut + 3);
    merged.set(key, [...(merged.get(key) ?? []), ...(decls ? [decls] : [])]);
  }
  return [...merged].map(([k, d]) => `${k} | ${d.join('; ')}`).sort();
}

/** Colours as #rrggbb: Dart Sass writes computed colours as rgb() with fractional channels. */
function normalizeColors(s: string): string {
  const hex = (n: number) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
  return s
    .replace(/rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)/g, (_m, r, g, b) => `#${hex(Number(r) * 2.55)}${hex(Number(g) * 2.55)}${hex(Number(b) * 2.55)}`)
    .replace(/rgb\((\d+),(\d+),(\d+)\)/g, (_m, r, g, b) => `#${hex(+r)}${hex(+g)}${hex(+b)}`);
}

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s*([,:>+~()])\s*/g, '$1').trim();
}

function normalizeSelectors(prelude: string): string {
  return prelude
    .split(',')
    .map((sel) => normalizeSpace(sel).replace(/\[([\w-]+)([~|^$*]?=)"([\w-]+)"\]/g, '[$1$2$3]'))
    .sort()
    .join(', ');
}

function normalizeDeclarations(body: string): string {
  return body
    .split(';')
    .map((d) => normalizeColors(normalizeSpace(d).toLowerCase()).replace(/(^|[\s(,])0\./g, '$10.').replace(/(^|[\s(,:])\.(\d)/g, '$10.$2'))
    .filter(Boolean)
    .join('; ');
}
