// The matching form of Arabic text: what search, deduplication, clustering and tagging compare.
// Display always keeps the original. This runs over every word of every article, so it is one pass
// over UTF-16 code units through a 64K lookup table built once at load time.
import { toAsciiDigits } from './digits.ts';

/** Table value for code units that vanish: they change how a word looks, never which word it is. */
const DROP = 0xffff;
/** Table value for every kind of whitespace; runs of it collapse to one ASCII space. */
const SPACE = 0x20;
/** Table value for presentation forms: the whole string goes through NFKC first. */
const NEEDS_NFKC = 0xfffe;

// Harakat (fathatan … sukun, madda/hamza above and below, and the rest of U+064B–U+065F) and the
// superscript alef U+0670: vocalized and bare spellings of a word must match. Writers vocalize only
// to disambiguate or for emphasis (مُفَاوَضَات), inconsistently from one outlet to the next.
const HARAKAT: Array<[number, number]> = [[0x064b, 0x065f], [0x0670, 0x0670]];
// Quranic annotation marks (small high letters, end-of-ayah signs): quotations of verses carry them.
const QURANIC_MARKS: Array<[number, number]> = [[0x06d6, 0x06dc], [0x06df, 0x06e4], [0x06e7, 0x06e8], [0x06ea, 0x06ed]];
// Tatweel stretches a word for layout (مـفـاوضـات); bidi and zero-width controls are invisible
// marks CMSs and copy-paste leave inside words; the soft hyphen is an invisible line-break hint.
const INVISIBLE: Array<[number, number]> = [
  [0x0640, 0x0640], [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0x061c, 0x061c], [0xfeff, 0xfeff], [0x00ad, 0x00ad],
];
// Arabic presentation forms (contextual glyphs and ligatures like ﻻ and ﷲ) come from PDF copies and
// old encoders; NFKC maps them back to letters. U+FEFF is in the block but is dropped above instead.
const PRESENTATION_FORMS: Array<[number, number]> = [[0xfb50, 0xfdff], [0xfe70, 0xfefe]];

// Letter folds. Hamza seats and alef variants are spelled inconsistently across outlets (أرمينيا /
// ارمينيا), alef maqsura and final ya are swapped (مستشفى / مستشفي, especially in Egyptian print),
// as are taa marbuta and final ha (المدرسة / المدرسه). Persian and Urdu code points for kaf, ya and
// heh come from keyboards with a Persian layout and look identical to the Arabic letters.
// Bare hamza ء is kept: it is the only trace of the hamza in words like جزء and هيئة → هيية would
// be too far.
const LETTER_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', '\u0672': 'ا', '\u0673': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ێ': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ە': 'ه', 'ۃ': 'ه',
  'ؤ': 'و',
  'ئ': 'ي',
  'ک': 'ك', 'ڪ': 'ك',
};

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const whitespace = /\s/;
  for (let c = 0; c < 0x10000; c++) {
    table[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves pass through untouched
    const ch = String.fromCharCode(c);
    if (whitespace.test(ch)) {
      table[c] = SPACE;
      continue;
    }
    // Latin (and Greek, Cyrillic…) lowercased, so "UN" and "un" match; only 1:1 mappings, which
    // keeps the output no longer than the input (İ → i̇ is left alone).
    const lower = ch.toLowerCase();
    if (lower.length === 1) table[c] = lower.charCodeAt(0);
  }
  const fill = (ranges: Array<[number, number]>, value: number) => {
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) table[c] = value;
  };
  fill(PRESENTATION_FORMS, NEEDS_NFKC);
  fill(HARAKAT, DROP);
  fill(QURANIC_MARKS, DROP);
  fill(INVISIBLE, DROP);
  for (const [from, to] of Object.entries(LETTER_FOLDS)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  // Digits: one source of truth for which digit sets exist and what ٫ ٬ mean.
  for (let c = 0x0660; c <= 0x066c; c++) table[c] = toAsciiDigits(String.fromCharCode(c)).charCodeAt(0);
  for (let c = 0x06f0; c <= 0x06f9; c++) table[c] = toAsciiDigits(String.fromCharCode(c)).charCodeAt(0);
  return table;
}

// Output buffer reused across calls; grows to the longest input seen.
let buffer = new Uint16Array(256);
/** Below this length String.fromCharCode beats TextDecoder; above it, fromCharCode's argument list gets too long. */
const FROM_CHAR_CODE_MAX = 1024;
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * The matching form of `text`: harakat, tatweel and invisible controls removed; hamza seats, alef
 * maqsura, taa marbuta and Persian letter forms folded; presentation forms through NFKC; Arabic-Indic
 * and Persian digits to ASCII; letters lowercased; whitespace collapsed and trimmed.
 */
export function normalizeArabic(text: string): string {
  let out = fold(text, false);
  if (out === null) out = fold(text.normalize('NFKC'), true)!;
  return out;
}

// Returns null when a presentation form was seen and `afterNfkc` is false (the caller retries).
function fold(text: string, afterNfkc: boolean): string | null {
  const n = text.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const buf = buffer;
  let len = 0;
  let changed = false;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let m = TABLE[c]!;
    if (m === NEEDS_NFKC) {
      if (!afterNfkc) return null;
      m = c; // a presentation form with no decomposition (ornate parentheses): keep it
    }
    if (m === c && c !== SPACE) {
      if (pendingSpace) {
        if (len > 0) buf[len++] = SPACE;
        else changed = true;
        pendingSpace = false;
      }
      buf[len++] = c;
      continue;
    }
    if (m === SPACE) {
      // A space is kept only if a word follows; a second one, or a non-ASCII one, is a change.
      if (pendingSpace || c !== SPACE) changed = true;
      pendingSpace = true;
      continue;
    }
    changed = true;
    if (m === DROP) continue;
    if (pendingSpace) {
      if (len > 0) buf[len++] = SPACE;
      pendingSpace = false;
    }
    buf[len++] = m;
  }
  if (pendingSpace) changed = true; // trailing whitespace trimmed
  if (!changed && !afterNfkc) return text;
  if (len <= FROM_CHAR_CODE_MAX) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  return utf16.decode(buf.subarray(0, len));
}
