/**
 * kramdown attribute lists: the `{: .cls #id key="v" ref}` syntax shared by
 * block IALs, span IALs, ALDs (`{:name: ...}`) and extension tags.
 * A port of Kramdown::Parser::Kramdown#parse_attribute_list.
 */

/** Attributes in insertion order (kramdown keeps Ruby hash order) plus ALD references. */
export interface AttributeList {
  attrs: Map<string, string>;
  refs: string[];
}

export function emptyAttributeList(): AttributeList {
  return { attrs: new Map(), refs: [] };
}

const ID_NAME = String.raw`[A-Za-z][\w:-]*`;
const CLASS_NAME = String.raw`[^\s.#]+`;
const ALD_ID_NAME = String.raw`\w[\w-]*`;
const KEY_VALUE = String.raw`(${ALD_ID_NAME})=("|')((?:\\\}|\\\2|[^}\x02])*?)\2`;
const ID_OR_CLASS_MULTI = String.raw`((?:#${ID_NAME}|\.${CLASS_NAME})+)`;
const TYPE_ANY = new RegExp(String.raw`(?:^|\s)(?:${KEY_VALUE}|(${ALD_ID_NAME})|${ID_OR_CLASS_MULTI})(?=\s|$)`, 'g');
const ID_OR_CLASS = new RegExp(String.raw`#(${ID_NAME})|\.(${CLASS_NAME})`, 'g');

/** Parses `str` into `into` (merging like kramdown: classes append, other keys overwrite). */
export function parseAttributeList(str: string, into: AttributeList = emptyAttributeList()): AttributeList {
  const trimmed = str.trim();
  if (trimmed === '' || trimmed === ':') return into;
  for (const m of str.matchAll(TYPE_ANY)) {
    const [, key, sep, val, ref, idClass] = m;
    if (ref !== undefined) into.refs.push(ref);
    else if (idClass !== undefined) {
      for (const ic of idClass.matchAll(ID_OR_CLASS)) {
        if (ic[2] !== undefined) addClass(into.attrs, ic[2]);
        else into.attrs.set('id', ic[1]);
      }
    } else if (key !== undefined) {
      const unescaped = val.replace(sep === '"' ? /\\(\}|")/g : /\\(\}|')/g, '$1');
      into.attrs.set(key, unescaped);
    }
  }
  return into;
}

export function addClass(attrs: Map<string, string>, cls: string): void {
  const cur = attrs.get('class');
  attrs.set('class', cur ? `${cur} ${cls}` : cls);
}

/** kramdown update_ial_with_ial: merge `from` into `into` (refs concatenate). */
export function mergeAttributeLists(into: AttributeList, from: AttributeList): AttributeList {
  into.refs.push(...from.refs);
  for (const [k, v] of from.attrs) {
    if (k === 'class') addClass(into.attrs, v);
    else into.attrs.set(k, v);
  }
  return into;
}

/**
 * kramdown update_attr_with_ial: apply an IAL (and the ALDs it references, first)
 * to an element's attribute map.
 */
export function applyAttributeList(
  attrs: Map<string, string>,
  ial: AttributeList,
  alds: Map<string, AttributeList>,
  depth = 0,
): void {
  if (depth < 10) {
    for (const ref of ial.refs) {
      const ald = alds.get(ref);
      if (ald) applyAttributeList(attrs, ald, alds, depth + 1);
    }
  }
  for (const [k, v] of ial.attrs) {
    if (k === 'class') addClass(attrs, v);
    else attrs.set(k, v);
  }
}
