// The public surface of src/arabic: one analyzer (normalize → tokenize → stop words → stem) and
// the date helpers. Everything else in the folder is internal.
export { analyze, terms, type AnalyzedToken } from './analyze.ts';
export { parseArabicDate, findArabicDate, formatArabicDate, formatRelativeArabic, type DateOptions, type ParsedDate } from './dates.ts';
export { toAsciiDigits } from './digits.ts';
export { normalizeArabic } from './normalize.ts';
export { MIN_STEM, stem } from './stem.ts';
export { STOP_WORDS, isStopWord } from './stop-words.ts';
export { scanTokens, tokenize, type Token } from './tokenize.ts';
