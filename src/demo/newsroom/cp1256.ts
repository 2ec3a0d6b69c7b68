/**
 * Encoding text as windows-1256, the legacy Arabic code page some Levantine and Gulf sites still serve.
 * Node's TextEncoder only writes UTF-8, so the demo carries its own table. It covers what news copy
 * uses: the Arabic letters and harakat, Arabic punctuation, the typographic punctuation editors paste in,
 * and the Persian letters that show up in names. ASCII passes through; anything else becomes a numeric
 * character reference, which is exactly what real windows-1256 sites do with Arabic-Indic digits (the
 * code page has none), so an extractor must decode references to read their dates.
 */

/** [byte, character] pairs of the code page's upper half that news text needs. */
const UPPER_HALF: Array<[number, string]> = [
  // Arabic letters, hamza to yeh. The code page interleaves French letters (à, â, ç, è…) among them.
  [0xc1, 'ء'], [0xc2, 'آ'], [0xc3, 'أ'], [0xc4, 'ؤ'], [0xc5, 'إ'], [0xc6, 'ئ'], [0xc7, 'ا'],
  [0xc8, 'ب'], [0xc9, 'ة'], [0xca, 'ت'], [0xcb, 'ث'], [0xcc, 'ج'], [0xcd, 'ح'], [0xce, 'خ'],
  [0xcf, 'د'], [0xd0, 'ذ'], [0xd1, 'ر'], [0xd2, 'ز'], [0xd3, 'س'], [0xd4, 'ش'], [0xd5, 'ص'],
  [0xd6, 'ض'], [0xd8, 'ط'], [0xd9, 'ظ'], [0xda, 'ع'], [0xdb, 'غ'], [0xdc, 'ـ'], [0xdd, 'ف'],
  [0xde, 'ق'], [0xdf, 'ك'], [0xe1, 'ل'], [0xe3, 'م'], [0xe4, 'ن'], [0xe5, 'ه'], [0xe6, 'و'],
  [0xec, 'ى'], [0xed, 'ي'],
  // Harakat: fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun.
  [0xf0, '\u064b'], [0xf1, '\u064c'], [0xf2, '\u064d'], [0xf3, '\u064e'], [0xf5, '\u064f'],
  [0xf6, '\u0650'], [0xf8, '\u0651'], [0xfa, '\u0652'],
  // Arabic punctuation.
  [0xa1, '،'], [0xba, '؛'], [0xbf, '؟'],
  // Persian and Urdu letters found in foreign names (پوتين، غوغل with گ…).
  [0x81, 'پ'], [0x8d, 'چ'], [0x8e, 'ژ'], [0x90, 'گ'], [0x98, 'ک'],
  // Typographic punctuation and signs.
  [0x80, '€'], [0x85, '…'], [0x91, '\u2018'], [0x92, '\u2019'], [0x93, '\u201c'], [0x94, '\u201d'],
  [0x95, '•'], [0x96, '–'], [0x97, '—'], [0xa0, '\u00a0'], [0xa9, '©'], [0xab, '«'], [0xbb, '»'],
  [0xb0, '°'], [0xd7, '×'], [0xf7, '÷'],
  // Joiners and direction marks, which bidi text needs around Latin words and numbers.
  [0x9d, '\u200c'], [0x9e, '\u200d'], [0xfd, '\u200e'], [0xfe, '\u200f'],
];

const TABLE = new Map<number, number>(UPPER_HALF.map(([byte, ch]) => [ch.codePointAt(0)!, byte]));

/** The characters (beyond ASCII) this encoder writes as single bytes. */
export const CP1256_CHARACTERS: ReadonlyArray<readonly [number, string]> = UPPER_HALF;

/** Text as windows-1256 bytes; characters outside the table become `&#N;` references. */
export function encodeCp1256(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const byte = TABLE.get(cp);
    if (byte !== undefined) {
      out.push(byte);
      continue;
    }
    for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}
