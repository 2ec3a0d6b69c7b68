/** Reading the element tree: children by namespace and name, text, attributes, xml:base and xml:lang. */
import type { XmlElement } from './tree.ts';
import { resolveUrl } from '../urls.ts';

/** Namespace ids namespaces.ts knows; an unprefixed element in any other namespace is "home". */
const KNOWN_IDS = new Set(['atom', 'rss', 'rdf', 'dc', 'dcterms', 'content', 'media', 'xhtml', 'svg', 'mathml', 'itunes', 'sitemap', 'news', 'image', 'xml']);

/**
 * True when the element is in one of `namespaces`. The id '' (no namespace) also matches an
 * unprefixed element in a namespace we don't recognise: feeds invent default namespaces, but a
 * foreign *prefixed* element (`szf:description`) must never stand in for the real one.
 */
export function inNamespace(el: XmlElement, namespaces: readonly string[]): boolean {
  if (namespaces.includes(el.ns)) return true;
  return namespaces.includes('') && el.prefix === '' && !KNOWN_IDS.has(el.ns);
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** Child elements named `local` (lower case) in one of `namespaces`. */
export function childrenNamed(el: XmlElement, namespaces: readonly string[], local: string): XmlElement[] {
  return elements(el).filter((c) => c.local === local && inNamespace(c, namespaces));
}

export function childNamed(el: XmlElement, namespaces: readonly string[], local: string): XmlElement | undefined {
  return childrenNamed(el, namespaces, local)[0];
}

/** All text under the element, in document order. */
export function textOf(el: XmlElement): string {
  let out = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) out += typeof c === 'string' ? c : (walk(c), '');
  };
  walk(el);
  return out;
}

/** Text of the first matching child, trimmed; undefined when absent or blank. */
export function childText(el: XmlElement, namespaces: readonly string[], local: string): string | undefined {
  for (const c of childrenNamed(el, namespaces, local)) {
    const t = textOf(c).trim();
    if (t) return t;
  }
  return undefined;
}

/** Attribute by name, ignoring case and prefix (`HREF`, `rdf:resource` → `resource`). */
export function attr(el: XmlElement, local: string): string | undefined {
  if (el.attrs[local] !== undefined) return el.attrs[local];
  for (const [k, v] of Object.entries(el.attrs)) {
    const name = k.slice(k.indexOf(':') + 1).toLowerCase();
    if (name === local && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

/** The base URL in effect at `el`: the document's, refined by every `xml:base` on the way down. */
export function baseOf(el: XmlElement, documentBase: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const b = e.attrs['xml:base'];
    if (b !== undefined) chain.push(b);
  }
  let base = documentBase;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i]!, base) ?? base;
  return base;
}

/** The nearest `xml:lang`, or undefined (an explicit empty value also means "unknown"). */
export function langOf(el: XmlElement): string | undefined {
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const lang = e.attrs['xml:lang'];
    if (lang !== undefined) return lang.trim() || undefined;
  }
  return undefined;
}
