/**
 * "اقرأ أيضاً" and other section labels, with what follows them: the link list, the related box
 * around them, and teasers (a linked headline, then an excerpt of that other story). Teasers are how
 * an extractor ends up gluing unrelated stories into one body; an excerpt is told from a paragraph of
 * the article by whose headline it echoes: the teaser's, or the page's.
 */
import {
  ARTICLE_TEXT_MIN_CHARS,
  LABEL_EXTRA_WORDS,
  LABEL_MAX_CHARS,
  LINK_LIST_DENSITY,
  MARKER_BLOCK_MAX_CHARS,
  READ_ALSO_MARKERS,
  RELATED_BOX_MAX_NONLINK_CHARS,
  SECTION_MARKERS,
  TEASER_HEADLINE_OVERLAP,
} from './boilerplate-words.ts';
import { boundedText, linkDensity, removeNode, textNodes, textOf } from './dom.ts';
import { comparisonKey } from './text.ts';

/** Containers a marker may climb into; paragraphs and inline elements are handled as blocks. */
const BOX_TAGS = new Set(['div', 'section', 'aside', 'ul', 'ol', 'nav', 'span', 'table', 'tbody', 'tr', 'td', 'dl', 'footer', 'figure']);
/** Elements that count as content even without text. */
const MEDIA = 'img, picture, video, audio, iframe, table, hr';
/** Raw text beyond which a box around a marker is not a related box (ten headlines fit well under it). */
const RELATED_BOX_MAX_RAW_CHARS = 4000;
/** Words this short (و، في، من…) say nothing about which story a text is about. */
const MIN_CONTENT_WORD_CHARS = 3;
/** First words of every marker, to find candidate labels cheaply. */
const MARKER_STARTS = [...new Set([...READ_ALSO_MARKERS, ...SECTION_MARKERS])];

function startsWithKey(key: string, marker: string): boolean {
  return key === marker || key.startsWith(marker + ' ');
}

function nonLinkChars(el: Element): number {
  const total = textOf(el).length;
  return total - Math.round(total * linkDensity(el));
}

/** Is this element a "read also"/section label (possibly with its one headline link)? */
export function isMarker(el: Element, text: string): boolean {
  if (text.length > MARKER_BLOCK_MAX_CHARS) return false;
  const key = comparisonKey(text);
  if (READ_ALSO_MARKERS.some((m) => startsWithKey(key, m))) return true;
  const marker = SECTION_MARKERS.find((m) => startsWithKey(key, m));
  if (!marker) return false;
  const rest = key.slice(marker.length).trim();
  if (rest === '' || /^\d+$/.test(rest)) return true;
  if (text.length <= LABEL_MAX_CHARS && rest.split(' ').length <= LABEL_EXTRA_WORDS) return true;
  // "كلمات دلالية: …" and "التعليقات (3)": the label ends in punctuation right after its words.
  const labelEnd = text.search(/[:：|»\-–(]/);
  if (labelEnd >= 0 && comparisonKey(text.slice(0, labelEnd)) === marker) return true;
  return linkDensity(el) >= LINK_LIST_DENSITY;
}

/** A sibling after a marker that is still part of its link list. */
function isLinkish(el: Element): boolean {
  const text = textOf(el);
  if (text === '') {
    const media = el.matches(MEDIA) ? el : el.querySelector(MEDIA);
    return media === null || media.closest('a') !== null;
  }
  if (isMarker(el, text)) return true;
  const density = linkDensity(el);
  if (density >= LINK_LIST_DENSITY) return true;
  const tag = el.tagName.toLowerCase();
  if ((tag === 'ul' || tag === 'ol') && density > 0) return true;
  // A heading that is not itself a link opens the next section of the article.
  if (/^h[1-6]$/.test(tag)) return false;
  return density > 0 && text.length - text.length * density < ARTICLE_TEXT_MIN_CHARS;
}

function contentWords(text: string): string[] {
  return comparisonKey(text)
    .split(' ')
    .filter((w) => w.length >= MIN_CONTENT_WORD_CHARS);
}

/** Share of `headline`'s content words found in `text`. */
function echo(headline: string, words: Set<string>): number {
  const head = contentWords(headline);
  return head.length === 0 ? 0 : head.filter((w) => words.has(w)).length / head.length;
}

/** An excerpt of the story a teaser headline links to, rather than a paragraph of this article. */
function isTeaserExcerpt(el: Element, teaserHeadline: string, title: string | null): boolean {
  const words = new Set(contentWords(textOf(el)));
  const teaser = echo(teaserHeadline, words);
  return teaser >= TEASER_HEADLINE_OVERLAP && teaser > (title ? echo(title, words) : 0);
}

function removeMarker(root: Element, marker: Element, text: string, title: string | null): void {
  let top = marker;
  while (top.parentElement && top.parentElement !== root && textOf(top.parentElement) === text) top = top.parentElement;
  // Climb into the related box while it adds only headlines and teaser lines.
  let box = top;
  const base = nonLinkChars(top);
  const baseChars = (top.textContent ?? '').length;
  for (let p = box.parentElement; p && p !== root && BOX_TAGS.has(p.tagName.toLowerCase()); p = p.parentElement) {
    // Cheap bound first: a box this much bigger holds an article (or a page), not teasers.
    if ((p.textContent ?? '').length - baseChars > RELATED_BOX_MAX_RAW_CHARS) break;
    if (nonLinkChars(p) - base > RELATED_BOX_MAX_NONLINK_CHARS) break;
    box = p;
  }
  if (box !== top) {
    removeNode(box);
    return;
  }
  // Then the siblings: link lists, and excerpts that echo the last linked headline.
  let headline = text;
  let next = top.nextElementSibling;
  removeNode(top);
  while (next) {
    const after: Element | null = next.nextElementSibling;
    if (isLinkish(next)) {
      if (next.querySelector('a') || next.tagName.toLowerCase() === 'a') headline = textOf(next);
    } else if (!isTeaserExcerpt(next, headline, title)) {
      break;
    }
    removeNode(next);
    next = after;
  }
}

function startsLikeMarker(text: string): boolean {
  const key = comparisonKey(text.slice(0, 60));
  return MARKER_STARTS.some((m) => key.startsWith(m));
}

/** Remove every label under `root` with its list, box or teasers. `title` is the page's headline. */
export function removeMarkers(root: Element, title: string | null): void {
  for (const node of textNodes(root)) {
    if (!root.contains(node) || !startsLikeMarker(node.textContent ?? '')) continue;
    // The label is the outermost element around this text whose text is still a label.
    let label: Element | null = null;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      const text = boundedText(el, MARKER_BLOCK_MAX_CHARS);
      if (text === null || !isMarker(el, text)) break;
      label = el;
    }
    if (label) removeMarker(root, label, textOf(label), title);
  }
}
