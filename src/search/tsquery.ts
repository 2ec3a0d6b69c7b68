// A SearchQuery as a PostgreSQL tsquery, for the PostgreSQL store: the same analyzed terms as
// fts5.ts, so both backends return the same articles. Every lexeme is single-quoted with quotes
// and backslashes doubled, and the operators (& | ! <->) are ours, so the string is always valid
// tsquery input whatever the reader typed.
//
// The planned index: one tsvector column per article built from searchDocument(title, body), one
// GIN index over it, the two roles kept apart by their lexemes and labelled for ranking:
//   stems   tokens as they are, labelled A (title) and B (body)
//   surface tokens behind SURFACE_MARK, labelled C (title) and D (body), positions continuing
//   after the stems (PostgreSQL caps positions at 16,383, so phrases in the tail of an article of
//   more than about 8,000 words are not found)
// A stem lexeme is then searched as 'مفاوض' and a phrase as '=وقف' <-> '=اطلاق'. The roles were
// once told apart by weight alone ('مفاوض':AB); but GIN does not store weights, so every article
// it found had its whole vector read back to check them, which made a common word's search read
// thousands of vectors. A lexeme of its own needs no check: GIN's answer is the answer, except for
// phrases, whose positions it does not store either.
// Bind the string as a parameter and cast it (`search_tsv @@ $1::tsquery`): to_tsquery('simple', $1)
// accepts the same syntax but runs each lexeme through PostgreSQL's own word parser again, which
// can split tokens our analyzer kept whole (3.5, F-16's parts) differently from how the stored
// tsvector was built.
import { analyzeQuery, type IndexColumn, type IndexPhrase } from './terms.ts';
import { searchFilters, type SearchFilters } from './filters.ts';
import type { SearchQuery } from './query-types.ts';

/** Weight letters that mark each role in the tsvector; null searches a role in every weight. */
export type TsWeights = Record<IndexColumn, string | null>;

export const DEFAULT_TS_WEIGHTS: TsWeights = { stems: null, surface: null };

/**
 * What a surface token is stored and searched behind. The analyzer's tokens are letters and digits
 * only, so no stem starts with it.
 */
export const SURFACE_MARK = '=';

export interface TsQuery {
  /** The tsquery text, or null when the query has no positive text (filters only). */
  query: string | null;
  /** Like Fts5Query.exclude: set only when `query` is null and the query excludes text. */
  exclude: string | null;
  filters: SearchFilters;
}

const WEIGHTS = /^[ABCD]{1,4}$/;

/** A tsquery lexeme: single-quoted, with ' and \ doubled. */
export function quoteLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function phrase(p: IndexPhrase, weights: TsWeights): string {
  const w = weights[p.column];
  if (w !== null && !WEIGHTS.test(w)) throw new TypeError(`Invalid tsquery weights: ${w}`);
  const suffix = w === null ? '' : `:${w}`;
  const mark = p.column === 'surface' ? SURFACE_MARK : '';
  const lexemes = p.tokens.map((t) => quoteLexeme(mark + t) + suffix);
  return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
}

function anyOf(phrases: IndexPhrase[], weights: TsWeights): string {
  const parts = phrases.map((p) => phrase(p, weights));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

/** Compile a parsed query for PostgreSQL: a tsquery string and the filters. */
export function compileTsquery(q: SearchQuery, options: { timeZone: string; weights?: TsWeights }): TsQuery {
  const weights = options.weights ?? DEFAULT_TS_WEIGHTS;
  const analyzed = analyzeQuery(q);
  const filters = searchFilters(q, options.timeZone);
  const positive = analyzed.must.map((g) => anyOf(g, weights));
  const negative = analyzed.not.length > 0 ? anyOf(analyzed.not, weights) : null;
  if (positive.length === 0) return { query: null, exclude: negative, filters };
  const parts = negative === null ? positive : [...positive, `!(${negative})`];
  return { query: parts.join(' & '), exclude: null, filters };
}
