/**
 * Atom text constructs (title, subtitle, summary, content, rights) as HTML and as plain text.
 * Atom 1.0 says how to read them with `type` = text | html | xhtml (or a MIME type, base64-encoded
 * when it is neither text nor XML); Atom 0.3 used MIME types plus `mode` = xml | escaped | base64.
 */
import type { XmlElement } from '../xml/tree.ts';
import { attr, elements, textOf } from '../xml/query.ts';
import { hasElementChildren, innerHtml } from '../xml/serialize.ts';
import { escapeHtml, htmlToText } from '../text.ts';
import { resolveHtmlUrls } from '../urls.ts';

export interface TextConstruct {
  html: string;
  text: string;
}

type Kind = 'text' | 'html' | 'xhtml' | 'binary';

function kindOf(type: string): Kind {
  if (type === '' || type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type.startsWith('text/')) return 'text';
  if (type.endsWith('+xml') || type.endsWith('/xml')) return 'xhtml';
  return 'binary';
}

function decodeBase64(s: string): string {
  return Buffer.from(s.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** The markup inside `type="xhtml"`: the children of the wrapping <div>, as the spec requires. */
function xhtmlInner(el: XmlElement): string {
  const kids = elements(el);
  const onlyText = el.children.every((c) => typeof c !== 'string' || !c.trim());
  const div = kids.length === 1 && onlyText && kids[0]!.local === 'div' ? kids[0]! : el;
  return innerHtml(div);
}

/** Read a text construct; `base` resolves relative links inside HTML. Undefined when empty. */
export function readTextConstruct(el: XmlElement | undefined, base: string | undefined): TextConstruct | undefined {
  if (!el) return undefined;
  const type = (attr(el, 'type') ?? '').trim().toLowerCase();
  const kind = kindOf(type);
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
  let html: string;
  if (mode === 'base64' || kind === 'binary') {
    const decoded = decodeBase64(textOf(el));
    html = kind === 'text' ? escapeHtml(decoded) : decoded;
  } else if (kind === 'xhtml' && mode !== 'escaped') {
    // Atom 1.0's type="xhtml" wraps the content in a <div> that is not part of it; Atom 0.3's
    // application/xhtml+xml has no such wrapper, so its <div> is content.
    html = type === 'xhtml' ? xhtmlInner(el) : innerHtml(el);
  } else if (hasElementChildren(el)) {
    // Markup the feed did not escape (common in Atom 0.3, and in "text" that is really HTML).
    html = innerHtml(el);
  } else {
    const raw = textOf(el);
    html = kind === 'text' ? escapeHtml(raw) : raw;
  }
  html = html.trim();
  if (!html) return undefined;
  return { html: resolveHtmlUrls(html, base), text: htmlToText(html) };
}
