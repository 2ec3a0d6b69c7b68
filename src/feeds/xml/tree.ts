/**
 * A small, forgiving XML element tree built on htmlparser2's tokenizer in XML mode. Nothing is
 * validated, so a truncated or badly nested feed still yields a tree; we record where we had to
 * guess (elements closed implicitly) so adapters can drop items whose markup was broken.
 * Entities are decoded by entities.ts; the DTD is cut out beforehand by doctype.ts.
 */
import { stripDoctype, type Doctype } from './doctype.ts';
import { namespaceId } from './namespaces.ts';
import { tokenize } from './tokens.ts';
import { entityDecoder } from './entities.ts';
import { MAX_XML_DEPTH } from '../limits.ts';

export interface XmlElement {
  /** Qualified name as written ("dc:creator"). */
  name: string;
  prefix: string;
  /** Local name, lower-cased: feeds in the wild write `pubdate`, `PubDate` and `pubDate`. */
  local: string;
  /** Short namespace id ('' when none): see namespaces.ts. */
  ns: string;
  /** The namespace URI exactly as declared, when there is one. */
  nsUri?: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  /** Prefix → namespace URI in scope here. */
  scope: ReadonlyMap<string, string>;
  /** Closed by a mismatched end tag or by the end of the document instead of its own end tag. */
  unclosed: boolean;
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  /** Top-level elements; normally one, the feed's root. */
  roots: XmlElement[];
  doctype?: Doctype;
  warnings: string[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** Extend the parent's namespace scope with this element's `xmlns` declarations. */
function scopeFor(parent: ReadonlyMap<string, string>, attrs: Record<string, string>) {
  let scope: Map<string, string> | null = null;
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(key === 'xmlns' ? '' : key.slice(6), value);
  }
  return scope ?? parent;
}

/** Parse XML text into a tree. Never throws on malformed input. */
export function parseXml(input: string): XmlDocument {
  const { text, doctype } = stripDoctype(input);
  const warnings: string[] = [];
  const entities = entityDecoder(new Set(doctype?.entities ?? []));
  const decode = entities.decode;
  const undeclaredPrefixes = new Set<string>();

  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let skippedDepth = 0; // elements opened beyond MAX_XML_DEPTH, flattened into their ancestor
  let flattened = false;
  const rootScope: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

  // Open elements by lower-cased name, so a flood of stray end tags costs no stack scans.
  const openNames = new Map<string, number>();
  const push = (el: XmlElement) => {
    stack.push(el);
    const key = el.name.toLowerCase();
    openNames.set(key, (openNames.get(key) ?? 0) + 1);
  };
  const pop = (): XmlElement => {
    const el = stack.pop()!;
    const key = el.name.toLowerCase();
    openNames.set(key, openNames.get(key)! - 1);
    return el;
  };

  /** Close the innermost open element called `name`; the ones above it lost their end tags. */
  const close = (name: string) => {
    if (skippedDepth > 0) {
      skippedDepth--;
      return;
    }
    const lower = name.toLowerCase();
    if (!openNames.get(lower)) return; // a stray end tag: nothing to close
    let at = stack.length - 1;
    while (at >= 0 && stack[at]!.name !== name) at--;
    // XML is case-sensitive, but <Title>…</title> is a typo, not a new element.
    if (at < 0) for (at = stack.length - 1; stack[at]!.name.toLowerCase() !== lower; ) at--;
    while (stack.length > at + 1) pop().unclosed = true;
    pop();
  };

  tokenize(text, true, {
    openTag(name, rawAttrs, _start, _end, selfClosing) {
      if (stack.length >= MAX_XML_DEPTH) {
        if (!flattened) warnings.push(`elements nested deeper than ${MAX_XML_DEPTH} were flattened`);
        flattened = true;
        if (!selfClosing) skippedDepth++;
        return;
      }
      const parent = stack[stack.length - 1] ?? null;
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decode(v);
      const scope = scopeFor(parent?.scope ?? rootScope, attrs);
      const [prefix, local] = splitName(name);
      const nsUri = scope.get(prefix);
      const el: XmlElement = {
        name,
        prefix,
        local: local.toLowerCase(),
        ns: nsUri ? namespaceId(nsUri) : prefix.toLowerCase(),
        attrs,
        children: [],
        parent,
        scope,
        unclosed: false,
      };
      if (nsUri) el.nsUri = nsUri;
      else if (prefix && prefix !== 'xmlns') undeclaredPrefixes.add(prefix);
      if (parent) parent.children.push(el);
      else roots.push(el);
      if (!selfClosing) push(el);
    },
    closeTag: close,
    text(data, cdata) {
      const parent = stack[stack.length - 1];
      if (!parent) return; // text outside the root: whitespace, or junk a CMS printed first
      const value = cdata ? data : decode(data);
      const last = parent.children.length - 1;
      if (typeof parent.children[last] === 'string') parent.children[last] += value;
      else parent.children.push(value);
    },
  });
  for (const el of stack) el.unclosed = true; // the document ended before these did

  const broken = countUnclosed(roots);
  if (broken > 0) warnings.push(`${broken} element(s) were not closed properly (truncated or malformed XML)`);
  warnings.push(...entities.warnings());
  for (const p of undeclaredPrefixes) warnings.push(`namespace prefix "${p}:" is used without being declared`);
  const doc: XmlDocument = { roots, warnings };
  if (doctype) doc.doctype = doctype;
  return doc;
}

function countUnclosed(roots: XmlElement[]): number {
  let n = 0;
  const todo = [...roots];
  while (todo.length) {
    const el = todo.pop()!;
    if (el.unclosed) n++;
    for (const c of el.children) if (typeof c !== 'string') todo.push(c);
  }
  return n;
}
