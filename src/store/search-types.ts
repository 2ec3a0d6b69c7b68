// What a search asks of the store and what comes back. Backend-neutral: SQLite and PostgreSQL take
// the same request and must return the same page (the conformance suite checks it).
import type { Article } from '../model/index.ts';
import type { QueryError, QueryNotice } from '../search/index.ts';

export type SearchSort = 'relevance' | 'date';

export interface SearchRequest {
  /** What the reader typed, as typed; the store parses it (never throws on it). */
  q: string;
  sort?: SearchSort;
  /** From a previous page's `next_cursor`; opaque to callers. */
  cursor?: string | null;
  /** Results per page, 1…MAX_SEARCH_LIMIT (default DEFAULT_SEARCH_LIMIT). */
  limit?: number;
  /** IANA zone of from:/to: days and of the day facet (the `timeZone` setting). */
  timeZone?: string;
  /** "Now" for freshness and for dates typed without a year. */
  now?: Date;
}

/** A run of snippet text; `hit` runs are the query's words, for the view to mark up (escaped). */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  article: Article;
  /** Syndicated copies of this article (their duplicate_of is its id), folded out of the results. */
  copies: number;
  snippet: SnippetSegment[];
}

export interface SourceFacet {
  source_id: number | null;
  name: string | null;
  count: number;
}

export interface DayFacet {
  /** YYYY-MM-DD in the request's time zone. */
  day: string;
  count: number;
}

export interface SearchFacets {
  /** Most results first, at most MAX_SOURCE_FACETS. */
  sources: SourceFacet[];
  /** Newest day first, at most MAX_DAY_FACETS. */
  days: DayFacet[];
  /**
   * True when the counts are of a sample of the results (a backend may count a broad query's
   * newest matches only, to answer fast), so the page says they are approximate. `total` is exact.
   */
  approximate: boolean;
}

export interface SearchResults {
  ok: true;
  items: SearchHit[];
  /** Matching originals (copies folded), over the whole result set. */
  total: number;
  next_cursor: string | null;
  facets: SearchFacets;
  /** What the parser ignored or repaired, for the page to show. */
  notices: QueryNotice[];
  sort: SearchSort;
}

/** A query that cannot run: the parser's message (Arabic and English), or `bad_cursor`. */
export interface SearchFailure {
  ok: false;
  error: QueryError;
}

export type SearchPage = SearchResults | SearchFailure;

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
/**
 * Relevance order pages by offset, and only this deep. A keyset cursor would need a stable score,
 * but the score moves under the reader's feet: freshness changes with the clock and BM25's IDF with
 * every article added. Offset is honest about that and cheap under LIMIT; past 1,000 results a
 * reader refines the query or switches to date order, which pages by a stable keyset cursor.
 */
export const MAX_RELEVANCE_OFFSET = 1_000;
export const MAX_SOURCE_FACETS = 20;
export const MAX_DAY_FACETS = 31;
