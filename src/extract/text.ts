/**
 * Small text helpers shared by the extractor: whitespace, entities, Arabic script share and a
 * comparison key. Display text keeps its original spelling; only `comparisonKey` folds it.
 */
import { decodeHTML } from 'entities';

/**
 * Invisible characters that pages sprinkle into headlines and dates: zero-width space, LRM/RLM, the
 * Arabic letter mark and bidi embeddings/isolates. ZWNJ (U+200C) is kept, Persian spelling needs it.
 */
const INVISIBLE = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Every kind of space (NBSP, thin spaces, ideographic space, line breaks) becomes one ASCII space. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Decode HTML entities left in text that did not go through a parser (JSON-LD strings, meta values). */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** Entities decoded, invisibles dropped, whitespace collapsed; null when nothing is left. */
export function cleanText(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const out = collapseWhitespace(decodeEntities(text));
  return out === '' ? null : out;
}

const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/g;
const ANY_LETTER = /\p{L}/gu;

/** Share of letters that are Arabic script, 0 when there are no letters. */
export function arabicShare(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return 0;
  return (sample.match(ARABIC_LETTER)?.length ?? 0) / letters;
}

/** True when the text contains at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return /[\u0620-\u064a]/.test(text);
}

/**
 * A key for deciding whether two strings say the same thing ("بوابة أخبار اليوم" vs "بوابة اخبار
 * اليوم", a headline with and without quotes): harakat and tatweel removed, alef/yeh/teh marbuta
 * forms folded, punctuation dropped, Latin lowercased. It is only ever compared, never shown.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Word count on whitespace, for length thresholds that should not depend on script. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}
