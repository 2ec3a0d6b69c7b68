// From what the reader typed to what the index holds. Both sides go through src/arabic, so a word
// matches whatever its clitics, harakat, hamza seat or final ى/ي and ة/ه:
// - a word becomes the light stems of its content words, looked up in the `stems` column
//   (والمفاوضات and بالمفاوضات are both مفاوض there);
// - a phrase becomes its normalized surface tokens, stop words kept, looked up in order in the
//   `surface` column (so "وقف إطلاق النار" does not match النار ... وقف, nor the stem's cousins).
import { isStopWord, stem, terms, tokenize } from '../arabic/index.ts';
import type { QueryTerm, SearchQuery } from './query-types.ts';

/** The two indexed columns; see fts5.ts for the schema. */
export type IndexColumn = 'stems' | 'surface';

/** Tokens that must appear adjacent and in this order in one column (one token: just that term). */
export interface IndexPhrase {
  column: IndexColumn;
  tokens: string[];
}

/** A SearchQuery in index terms: every group must match (any of its phrases), none of `not` may. */
export interface AnalyzedQuery {
  must: IndexPhrase[][];
  not: IndexPhrase[];
}

/** What the store writes to the two columns for one article. */
export interface SearchDocument {
  /** Stems of the content words of title and body, space-separated. */
  stems: string;
  /** Normalized surface tokens of title and body, stop words kept, space-separated. */
  surface: string;
}

/**
 * The index columns of an article, exactly as the query side expects them: title then body, each
 * through the analyzer. The store must index through this function and nothing else.
 */
export function searchDocument(title: string, body: string): SearchDocument {
  const surface: string[] = [];
  for (const text of [title, body]) for (const t of tokenize(text)) surface.push(t.norm);
  return { stems: [...terms(title), ...terms(body)].join(' '), surface: surface.join(' ') };
}

interface Analyzed {
  phrase: IndexPhrase;
  /** A word made only of stop words (من، في، أو): the stems column does not hold it. */
  stopOnly: boolean;
}

function analyzeTerm(term: QueryTerm): Analyzed | null {
  const tokens = tokenize(term.text);
  if (tokens.length === 0) return null;
  if (term.kind === 'phrase') return { phrase: { column: 'surface', tokens: tokens.map((t) => t.norm) }, stopOnly: false };
  const content = tokens.filter((t) => !isStopWord(t.norm));
  // A word the analyzer splits (F-16, كوفيد-19) is typed as one: its parts stay adjacent.
  if (content.length > 0) return { phrase: { column: 'stems', tokens: content.map((t) => stem(t.norm)) }, stopOnly: false };
  return { phrase: { column: 'surface', tokens: tokens.map((t) => t.norm) }, stopOnly: true };
}

/**
 * Index terms for a parsed query. Stop words are dropped from the required part unless nothing
 * else is left (a search for من alone looks for من in the surface column); excluded stop words are
 * kept, since the reader asked for them by name.
 */
export function analyzeQuery(q: SearchQuery): AnalyzedQuery {
  const groups = q.must.map((g) => g.map(analyzeTerm).filter((a): a is Analyzed => a !== null));
  const hasContent = groups.some((g) => g.some((a) => !a.stopOnly));
  const must = groups
    .map((g) => (hasContent ? g.filter((a) => !a.stopOnly) : g).map((a) => a.phrase))
    .filter((g) => g.length > 0);
  const not = q.not.map(analyzeTerm).flatMap((a) => (a ? [a.phrase] : []));
  return { must, not };
}

