/** Reading RSS fields whose shape varies in the wild: text that may hold HTML, links, images. */
import type { XmlElement } from '../xml/tree.ts';
import { attr, childrenNamed, textOf } from '../xml/query.ts';
import { hasElementChildren, markupOf } from '../xml/serialize.ts';
import { looksLikeHtml, toPlainText } from '../text.ts';

/** RSS 0.9x/2.0 elements have no namespace; RSS 1.0 and 0.90 elements live in their own. */
export const RSS = ['', 'rss'] as const;

/** The first child among `candidates` ([namespaces, local name] pairs) with non-blank content. */
export function firstChild(el: XmlElement, candidates: ReadonlyArray<readonly [readonly string[], string]>) {
  for (const [namespaces, local] of candidates) {
    for (const c of childrenNamed(el, namespaces, local)) if (markupOf(c).trim()) return c;
  }
  return undefined;
}

/** A title-like field as plain text, whether the feed escaped HTML into it or not. */
export function plainField(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const markup = markupOf(el);
  return toPlainText(markup, hasElementChildren(el) || looksLikeHtml(markup)) || undefined;
}

/** A description-like field as HTML. */
export function htmlField(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const html = markupOf(el).trim();
  return html || undefined;
}

/** An RSS link: the element's text, or an `href` for feeds that write `<link href="…"/>`. */
export function linkOf(el: XmlElement): string | undefined {
  return textOf(el).trim() || attr(el, 'href')?.trim() || attr(el, 'resource')?.trim() || undefined;
}
