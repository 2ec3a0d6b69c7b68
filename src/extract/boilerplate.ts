/**
 * Removal of Arabic news boilerplate from a DOM subtree: widgets by class, "read also" and section
 * labels with what follows them (read-also.ts), follow/subscribe/copyright lines, share rows. Runs on
 * the whole page before Readability (so a mid-body "اقرأ أيضاً" box never reaches the scorer) and on
 * its output after (Readability restructures, and some boxes have no telling class).
 */
import {
  ARTICLE_TEXT_MIN_CHARS,
  LINE_MAX_CHARS,
  LINE_PHRASES,
  LINK_LIST_DENSITY,
  PROTECT_TEXT_SHARE,
  SHARE_BLOCK_MAX_WORDS,
  SHARE_WORDS,
  WIDGET_CLASS,
} from './boilerplate-words.ts';
import { boundedText, linkDensity, removeNode, textNodes, textOf } from './dom.ts';
import { removeMarkers } from './read-also.ts';
import { collapseWhitespace, comparisonKey } from './text.ts';

/** Elements that never carry article text. Not `form`: ASP.NET pages wrap the whole page in one. */
const NON_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'button', 'select', 'textarea', 'input', 'svg', 'link', 'meta']);
/** Elements we never remove as a widget: the article itself is often marked up as one of these. */
const NEVER_WIDGET = new Set(['html', 'body', 'main', 'article']);
/** Elements kept even without text (a tag set: linkedom compiles a selector on every `matches`). */
const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'table', 'hr']);
/** Inline elements: a line's block is the first ancestor that is not one of these. */
const INLINE_TAGS = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'u', 'font', 'small', 'big', 'mark', 'label', 'abbr', 'cite', 'q', 'sup', 'sub', 'time']);
/** Share rows are a few words; anything longer is not one. */
const SHARE_ROW_MAX_CHARS = 200;
/** Counters and reading times left by widgets: "0", "2min", "5 دقائق", "1.2K". */
const COUNTER_LINE = /^\s*[\d.,:%+\-kK]*\s*(?:min|mins|minutes?|دقيقة|دقائق|د)?\s*$/;

function containsKey(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Non-content elements and hidden ones (templates, tracking, duplicated mobile blocks), in one pass. */
function removeNonContent(root: Element): void {
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (NON_CONTENT.has(el.tagName.toLowerCase()) || isHidden(el)) removeNode(el);
  }
}

function widgetClass(el: Element): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/\s+/);
  return tokens.some((t) => t !== '' && WIDGET_CLASS.test(t));
}

function removeWidgets(root: Element): void {
  const pageChars = Math.max(1, textOf(root).length);
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    const tag = el.tagName.toLowerCase();
    // Inline elements are skipped: `<a class="tag">` marks an entity inside a sentence, not a widget.
    if (!widgetClass(el) || NEVER_WIDGET.has(tag) || INLINE_TAGS.has(tag) || !root.contains(el)) continue;
    const chars = textOf(el).length;
    // The element holding most of the page's prose is the article, whatever its class says.
    if (chars >= PROTECT_TEXT_SHARE * pageChars && linkDensity(el) < LINK_LIST_DENSITY) continue;
    if (el.querySelector('h1') && chars > ARTICLE_TEXT_MIN_CHARS * 10) continue;
    removeNode(el);
  }
}

/** The nearest ancestor of a text node that is a block, or the parent when none is close. */
function enclosingBlock(node: Node, root: Element): Element | null {
  let el = node.parentElement;
  const parent = el;
  while (el && el !== root && INLINE_TAGS.has(el.tagName.toLowerCase())) el = el.parentElement;
  return el && el !== root ? el : parent !== root ? parent : null;
}

function isShareRow(text: string | null): boolean {
  if (!text) return false;
  const words = comparisonKey(text).split(' ').filter((w) => w !== '');
  return words.length > 0 && words.length <= SHARE_BLOCK_MAX_WORDS && words.every((w) => SHARE_WORDS.has(w));
}

function isLine(block: Element, text: string | null): boolean {
  if (text === null || text === '') return false;
  // A lone number in a table cell is data, in a heading a year of a timeline.
  if (COUNTER_LINE.test(text)) return !/^(td|th|h[1-6])$/.test(block.tagName.toLowerCase());
  const key = comparisonKey(text);
  return text.includes('©') || LINE_PHRASES.some((p) => containsKey(key, p));
}

/** Follow/subscribe/copyright lines, counters, and share rows (the widest run of share words). */
function removeLines(root: Element): void {
  // Blocks already found not to be lines: a paragraph has many text nodes and is judged once.
  const judged = new Set<Element>();
  for (const node of textNodes(root)) {
    if (!root.contains(node)) continue;
    const block = enclosingBlock(node, root);
    if (!block) continue;
    if (!judged.has(block)) {
      if (isLine(block, boundedText(block, LINE_MAX_CHARS))) {
        removeNode(block);
        continue;
      }
      judged.add(block);
    }
    const own = node.textContent ?? '';
    if (own.length > SHARE_ROW_MAX_CHARS || !isShareRow(collapseWhitespace(own))) continue;
    let row: Element | null = null;
    for (let el = node.parentElement; el && el !== root && isShareRow(boundedText(el, SHARE_ROW_MAX_CHARS)); el = el.parentElement) row = el;
    if (row && (row.querySelector('a, button, i') !== null || row.tagName.toLowerCase() === 'a')) removeNode(row);
  }
}

/** Drop elements left with neither text nor media, in one bottom-up pass. */
export function removeEmpty(root: Element): void {
  const withContent = new Set<Element>();
  const all = Array.from(root.querySelectorAll('*'));
  // Reverse document order visits every element after all of its descendants.
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') continue;
    const kept =
      MEDIA_TAGS.has(tag) ||
      Array.from(el.childNodes).some((n) =>
        n.nodeType === 3 ? !/^[\s\p{P}]*$/u.test(n.textContent ?? '') : n.nodeType === 1 && withContent.has(n as Element),
      );
    if (kept) withContent.add(el);
    else removeNode(el);
  }
}

/** Clean a whole page (its body) before the main-text pass. Mutates `root`. */
export function cleanPage(root: Element, title: string | null): void {
  removeNonContent(root);
  removeWidgets(root);
  removeMarkers(root, title);
  removeLines(root);
}

/** Clean the extracted main text. Mutates `root`. */
export function cleanArticle(root: Element, title: string | null): void {
  removeNonContent(root);
  removeMarkers(root, title);
  removeLines(root);
  removeEmpty(root);
}
