/**
 * The main text, as a cascade: our page cleanup, then Mozilla Readability on the cleaned DOM; if that
 * finds too little, the densest block of a fresh parse; then our cleanup of whichever won.
 */
import { Readability } from '@mozilla/readability';
import { finishArticle } from './article-cleanup.ts';
import { cleanPage } from './boilerplate.ts';
import { findDensestBlock } from './densest-block.ts';
import { elementDepth, parseHtml, textOf } from './dom.ts';

/**
 * Readability output shorter than this is a caption or a teaser it settled for; the fallback gets a
 * chance to find the real text. Short news items (two paragraphs) are longer than this.
 */
const MIN_MAIN_TEXT_CHARS = 200;
/**
 * Pages with more elements than this go straight to the fallback: Readability's scoring is
 * superlinear on them, and no article needs that many.
 */
const MAX_ELEMENTS = 60_000;
/**
 * Nesting deeper than this is an attack or a broken generator (real templates stay under ~60 levels).
 * Readability's cleanup is quadratic in depth, so such pages go to the fallback alone.
 */
const MAX_DOM_DEPTH = 300;
/**
 * Readability's "found an article" threshold, at its default. Lower, it settles for its first, strictest
 * pass and loses text on table layouts; short items still come out through its relaxed passes, and our
 * page cleanup has already taken the boxes those passes would let in.
 */
const READABILITY_CHAR_THRESHOLD = 500;

/**
 * Readability takes the first element whose class or id says "byline", "author" or "dateline" as the
 * byline and deletes it. Wire stories open their first paragraph with an inline dateline
 * (`<span class="dateline">عمّان - وأع:</span>`), which is part of the text; authors are ours to find.
 */
const READABILITY_BYLINE_HINT = /byline|author|dateline|writtenby/i;

function shieldInlineBylines(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('p [class], p [id]'))) {
    if (READABILITY_BYLINE_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
      el.removeAttribute('class');
      el.removeAttribute('id');
    }
  }
}

function readabilityPass(doc: Document): Element | null {
  try {
    shieldInlineBylines(doc);
    const reader = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      charThreshold: READABILITY_CHAR_THRESHOLD,
      maxElemsToParse: MAX_ELEMENTS,
      // Metadata is ours; its JSON-LD pass would only cost time.
      disableJSONLD: true,
    });
    return reader.parse()?.content ?? null;
  } catch {
    return null;
  }
}

function fallbackPass(html: string, title: string | null): Element | null {
  const doc = parseHtml(html);
  if (!doc?.body) return null;
  cleanPage(doc.body, title);
  return findDensestBlock(doc.body);
}

/**
 * Unsanitized HTML of the article text. `doc` is consumed (mutated); `html` is the same page, parsed
 * again only when the fallback is needed. Never throws; returns '' when no text is found.
 */
export function extractMainHtml(doc: Document | null, html: string, title: string | null): string {
  try {
    let main: Element | null = null;
    if (doc?.body && elementDepth(doc.body, MAX_DOM_DEPTH) < MAX_DOM_DEPTH) {
      cleanPage(doc.body, title);
      main = readabilityPass(doc);
    }
    if (!main || textOf(main).length < MIN_MAIN_TEXT_CHARS) {
      const fallback = fallbackPass(html, title);
      if (fallback && textOf(fallback).length > (main ? textOf(main).length : 0)) main = fallback;
    }
    if (!main) return '';
    // The cleanup walks ancestors per node; on a pathologically deep subtree sanitizing alone must do.
    if (elementDepth(main, MAX_DOM_DEPTH) < MAX_DOM_DEPTH) finishArticle(main, title);
    return main.innerHTML;
  } catch {
    return '';
  }
}
