/**
 * Parsing with linkedom (fast, no layout) and the few DOM helpers the extractor shares.
 * linkedom is lenient but has edges: a string without an `<html>` element gets a null or wrong
 * documentElement, so fragments and plain text are wrapped in a document shell first.
 */
import { DOMParser } from 'linkedom';
import { collapseWhitespace } from './text.ts';

/**
 * Characters of HTML we parse at most. News pages are 50–500 kB; beyond a few MB a page is an endless
 * archive or an attack, and the head plus the article start are what we need.
 */
export const MAX_HTML_CHARS = 4_000_000;

/** Parse a page into a DOM Document. Never throws; returns null when even the shell fails. */
export function parseHtml(html: string): Document | null {
  let source = typeof html === 'string' ? html : '';
  if (source.length > MAX_HTML_CHARS) source = source.slice(0, MAX_HTML_CHARS);
  // NUL and other C0 controls make no sense in HTML text and confuse some parsers.
  source = source.replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '');
  if (!/<html[\s>]/i.test(source)) {
    source = `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  }
  try {
    const doc = new DOMParser().parseFromString(source, 'text/html') as unknown as Document;
    if (!doc.documentElement) return null;
    return doc;
  } catch {
    return null;
  }
}

/** Parse an HTML fragment into a detached container element. */
export function parseFragment(html: string): Element | null {
  const doc = parseHtml(`<html><body><div id="marsad-root">${html}</div></body></html>`);
  return doc?.getElementById('marsad-root') ?? null;
}

/** Depth of the deepest element under `root` (root = 0), counting no further than `limit`. */
export function elementDepth(root: Element, limit: number): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max >= limit) return max;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Text content, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return node ? collapseWhitespace(node.textContent ?? '') : '';
}

/**
 * Text of `el`, whitespace collapsed, or null once it is known to be longer than `max` characters.
 * Asking whether a block is short must not cost a walk of a whole page-sized container.
 */
export function boundedText(el: Element, max: number): string | null {
  let text = '';
  // A hand-rolled walk: linkedom's TreeWalker collects the whole subtree before the first step.
  let n: Node | null = el.firstChild;
  while (n) {
    if (n.nodeType === 3) {
      text += (n.textContent ?? '').replace(/\s+/g, ' ');
      if (text.length > max + 2 && collapseWhitespace(text).length > max) return null;
    }
    if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    n = n && n !== el ? n.nextSibling : null;
  }
  return collapseWhitespace(text);
}

/** Attribute value trimmed, or null when absent or blank. */
export function attr(el: Element | null | undefined, name: string): string | null {
  const v = el?.getAttribute(name);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** `class` and `id` together, lowercased, for matching widget names. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Characters of text inside links over all characters of text (0 when there is no text). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) inLinks += textOf(a).length;
  return Math.min(1, inLinks / total);
}

/**
 * Non-blank text nodes under `root`, in document order. Labels and lines are found from their text
 * nodes: scanning text once is linear, asking every element for its text is not.
 */
export function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n.textContent ?? '').trim() !== '') out.push(n as Text);
  }
  return out;
}

/** Remove a node from its parent, tolerating nodes already detached. */
export function removeNode(node: Node): void {
  node.parentNode?.removeChild(node);
}

/** Element siblings after `el`, in order. */
export function nextElementSiblings(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.nextElementSibling; n; n = n.nextElementSibling) out.push(n);
  return out;
}

/** Resolve `href` against `base`; null when it is not a valid absolute http(s) URL afterwards. */
export function absoluteHttpUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const u = base ? new URL(trimmed, base) : new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
