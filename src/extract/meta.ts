/**
 * `<meta>` values by name. Pages mix `property`, `name` and `itemprop` for the same keys
 * (`og:title` under name=, `article:published_time` under property=), and one attribute may hold
 * several space-separated keys ("og:title twitter:title"), so all are indexed alike, lowercased.
 */
import { attr } from './dom.ts';
import { cleanText } from './text.ts';

export interface MetaIndex {
  /** First non-empty value for the first key present, in the order given. */
  first(...keys: string[]): string | null;
  /** Every value for a key, in document order. */
  all(key: string): string[];
}

export function readMeta(doc: Document): MetaIndex {
  const values = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = cleanText(el.getAttribute('content') ?? el.getAttribute('value'));
    if (!content) continue;
    const names = [attr(el, 'property'), attr(el, 'name'), attr(el, 'itemprop')]
      .filter((n): n is string => n !== null)
      .flatMap((n) => n.toLowerCase().split(/\s+/));
    for (const name of new Set(names)) {
      const list = values.get(name) ?? [];
      list.push(content);
      values.set(name, list);
    }
  }
  return {
    first(...keys) {
      for (const k of keys) {
        const v = values.get(k.toLowerCase())?.[0];
        if (v) return v;
      }
      return null;
    },
    all(key) {
      return values.get(key.toLowerCase()) ?? [];
    },
  };
}

/** `href` of the first `<link rel=…>` whose rel list contains `rel`. */
export function linkHref(doc: Document, rel: string): string | null {
  for (const el of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) return attr(el, 'href');
  }
  return null;
}
