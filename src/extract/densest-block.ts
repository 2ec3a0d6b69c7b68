/**
 * Fallback when Readability finds nothing: the container with the most prose directly inside it.
 * Prose is text in paragraphs (or bare text runs, for pages that separate paragraphs with `<br>`),
 * discounted by how much of it is link text; a paragraph also lends part of its weight to its
 * grandparent, so an article split across sibling wrappers still wins as one.
 */
import { linkDensity, textOf } from './dom.ts';

/** A paragraph shorter than this is a caption, a label or a button. */
const MIN_PARAGRAPH_CHARS = 25;
/** Share of a paragraph's weight its grandparent receives. */
const GRANDPARENT_SHARE = 0.5;
/** Elements that hold paragraphs of prose. */
const PARAGRAPH_SELECTOR = 'p, pre, blockquote, li, h2, h3, h4';
/** The fallback must find at least this much prose to be worth returning. */
const MIN_TOTAL_CHARS = 80;

function directText(el: Element): number {
  let n = 0;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) n += (child.textContent ?? '').trim().length;
  }
  return n;
}

/** The densest container under `root`, or null when the page has no prose at all. */
export function findDensestBlock(root: Element): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number): void => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const p of Array.from(root.querySelectorAll(PARAGRAPH_SELECTOR))) {
    const len = textOf(p).length;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    const weight = len * (1 - linkDensity(p));
    add(p.parentElement, weight);
    add(p.parentElement?.parentElement ?? null, weight * GRANDPARENT_SHARE);
  }
  // Text separated by <br> in a div counts for the div itself.
  for (const el of Array.from(root.querySelectorAll('div, td, section, article, font, span'))) {
    const len = directText(el);
    if (len >= MIN_PARAGRAPH_CHARS) add(el, len);
  }
  let best: Element | null = null;
  let bestScore = MIN_TOTAL_CHARS;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
