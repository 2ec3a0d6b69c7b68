// Words and numbers out of running Arabic (and mixed Latin) text, with offsets into the original
// string so callers can highlight and link the exact span a reader sees.
import { normalizeArabic } from './normalize.ts';

/** A word or number: `surface === text.slice(start, end)`; `norm` is its matching form. */
export interface Token {
  surface: string;
  norm: string;
  /** UTF-16 index of the first code unit in the original text. */
  start: number;
  /** UTF-16 index one past the last code unit. */
  end: number;
}

// Character classes, one byte per UTF-16 code unit.
const SEPARATOR = 0;
const ARABIC_LETTER = 1;
/** Letters of other scripts; Latin words keep their digits (F16, G20, mp3). */
const OTHER_LETTER = 2;
const DIGIT = 3;
/** Combining marks (harakat): part of the letter before them, so they end a token with it. */
const MARK = 4;
/** Tatweel and invisible format controls: glue inside a word, trimmed at its edges. */
const FILLER = 5;
/** . , ٫ ٬ join two digits (3.5, 2,000, ٣٫٥) and separate everything else. */
const NUMBER_JOINER = 6;

const CLASSES = buildClasses();

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const arabic = /\p{Script=Arabic}/u;
  const digit = /\p{Nd}/u;
  const mark = /\p{M}/u;
  const format = /\p{Cf}/u;
  for (let c = 0; c < 0x10000; c++) {
    // Surrogate halves stay separators: astral code points are almost all emoji and symbols.
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) classes[c] = arabic.test(ch) ? ARABIC_LETTER : OTHER_LETTER;
    else if (digit.test(ch)) classes[c] = DIGIT;
    else if (mark.test(ch)) classes[c] = MARK;
    else if (format.test(ch)) classes[c] = FILLER;
  }
  // Tatweel is a letter to Unicode (Lm) but a stretch of the baseline to a reader: inside a word it
  // joins (مـفـاوضـات); alone it is a dash (سبق ـ الرياض).
  classes[0x0640] = FILLER;
  // The Arabic-Indic decimal and thousands separators are punctuation to Unicode.
  for (const ch of '.,\u066B\u066C') classes[ch.charCodeAt(0)] = NUMBER_JOINER;
  return classes;
}

/**
 * Calls `onToken(start, end)` for each word or number in `text`. Splits on whitespace and on all
 * punctuation (، ؛ ؟ « » and Latin), and where Arabic letters meet digits or Latin letters
 * (2015م → 2015 م; the م and هـ after years are era marks, not part of the number).
 */
export function scanTokens(text: string, onToken: (start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  let end = -1; // one past the last letter, digit or mark of the open token
  let prev = SEPARATOR; // class of the last letter or digit in the open token
  for (let i = 0; i < n; i++) {
    const k = CLASSES[text.charCodeAt(i)]!;
    if (k === ARABIC_LETTER || k === OTHER_LETTER || k === DIGIT) {
      if (start >= 0 && prev !== k && (prev === ARABIC_LETTER || k === ARABIC_LETTER)) {
        onToken(start, end);
        start = -1;
      }
      if (start < 0) start = i;
      end = i + 1;
      prev = k;
    } else if (k === MARK) {
      if (start >= 0) end = i + 1;
    } else if (k === FILLER) {
      // glue: neither opens nor closes a token
    } else if (k === NUMBER_JOINER && start >= 0 && prev === DIGIT && end === i && i + 1 < n && CLASSES[text.charCodeAt(i + 1)] === DIGIT) {
      end = i + 1;
    } else if (start >= 0) {
      onToken(start, end);
      start = -1;
    }
  }
  if (start >= 0) onToken(start, end);
}

/** The words and numbers of `text`, each with its matching form and its offsets in `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end) => {
    const surface = text.slice(start, end);
    tokens.push({ surface, norm: normalizeArabic(surface), start, end });
  });
  return tokens;
}
