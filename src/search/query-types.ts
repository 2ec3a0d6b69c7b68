// What a reader's search box means once parsed: plain data, no storage, no SQL.

/** A word as typed (cleaned of invisible controls), or the text between a pair of quotes. */
export type QueryTerm = { kind: 'word'; text: string } | { kind: 'phrase'; text: string };

/** A `source:` or `tag:` value: as typed, and in matching form for comparing with stored names. */
export interface FilterName {
  text: string;
  /** `normalizeArabic(text)`: الشرق الأوسط and الشرق الاوسط are one outlet. */
  norm: string;
}

/** A calendar day, `YYYY-MM-DD`. Which instants it covers depends on the site's time zone. */
export type Day = string;

export interface QueryFilters {
  /** Any of these outlets (an article has one source, so several `source:` mean either). */
  sources: FilterName[];
  /** None of these outlets (`-source:`). */
  notSources: FilterName[];
  /** All of these tags (`tag:a tag:b` narrows, as each word does). */
  tags: FilterName[];
  /** None of these tags (`-tag:`). */
  notTags: FilterName[];
  /** First day included: `from:2026` is 2026-01-01, `from:نوفمبر 2026` is 2026-11-01. */
  from: Day | null;
  /** Last day included: `to:2026` is 2026-12-31, `to:11/2026` is 2026-11-30. */
  to: Day | null;
}

export interface QueryNotice {
  /** Stable code: `unclosed_quote`, `dangling_operator`, `empty_filter`, `ignored_symbols`, `repeated_date`. */
  code: string;
  ar: string;
  en: string;
}

/**
 * A parsed query: every group in `must` has to match, a group matching when any of its alternatives
 * does (`a b OR c d` is a AND (b OR c) AND d: OR binds tighter than the implicit AND); nothing in
 * `not` may match; the filters narrow by outlet, tag and day.
 */
export interface SearchQuery {
  must: QueryTerm[][];
  not: QueryTerm[];
  filters: QueryFilters;
  /** What was ignored or repaired, for the search page to show beside the results. */
  notices: QueryNotice[];
}

export interface QueryError {
  /** Stable code: `empty`, `too_long`, `too_many_terms`, `phrase_too_long`, `only_exclusions`, `bad_date`, `date_range_inverted`, `unreadable`. */
  code: string;
  /** Arabic, then English: what to change in the query. */
  message: string;
  ar: string;
  en: string;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: QueryError };
