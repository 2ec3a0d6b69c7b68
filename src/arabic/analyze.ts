// The one analyzer: search, deduplication, clustering and tagging all see the same terms.
import { normalizeArabic } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { scanTokens, tokenize, type Token } from './tokenize.ts';

/** A token that carries meaning, with its light stem. */
export type AnalyzedToken = Token & { stem: string };

/** Tokenize, normalize, drop stop words, stem: the content words of `text` with their offsets. */
export function analyze(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokenize(text)) {
    if (!isStopWord(token.norm)) out.push({ ...token, stem: stem(token.norm) });
  }
  return out;
}

/** The stems of `text`'s content words, in order, repeats kept: what the search index stores. */
export function terms(text: string): string[] {
  const out: string[] = [];
  // Same steps as analyze, without building a Token per word: this runs over whole archives.
  scanTokens(text, (start, end) => {
    const norm = normalizeArabic(text.slice(start, end));
    if (!isStopWord(norm)) out.push(stem(norm));
  });
  return out;
}
