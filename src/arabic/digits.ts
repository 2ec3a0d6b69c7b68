// Arabic pages print numbers in three digit sets: ASCII, Arabic-Indic (U+0660–U+0669, used in the
// Levant, Egypt and the Gulf) and Extended Arabic-Indic, a.k.a. Persian (U+06F0–U+06F9, which some
// CMSs emit when the editor's keyboard is Persian or Urdu). Parsers only want ASCII.
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

// The Arabic decimal separator (U+066B "٫") and thousands separator (U+066C "٬") travel with
// Arabic-Indic digits: "٣٫٥" is 3.5 and "١٬٠٠٠" is 1,000.
const ARABIC_DECIMAL_SEPARATOR = '\u066B';
const ARABIC_THOUSANDS_SEPARATOR = '\u066C';

/** Replace Arabic-Indic and Persian digits with ASCII ones, and ٫ ٬ with "." and ",". */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g, (ch) => {
    if (ch === ARABIC_DECIMAL_SEPARATOR) return '.';
    if (ch === ARABIC_THOUSANDS_SEPARATOR) return ',';
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}
