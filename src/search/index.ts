// The public surface of src/search: parse what a reader typed, analyze it with src/arabic, and
// compile it for SQLite FTS5 or PostgreSQL, with the filters as data for parameterized SQL.
export { compileFts5, markSurface, quoteFts5, DEFAULT_FTS5_COLUMNS, FTS5_SURFACE_MARK, type CompileOptions, type Fts5Columns, type Fts5Query } from './fts5.ts';
export { searchFilters, type SearchFilters } from './filters.ts';
export { formatQuery } from './query-format.ts';
export { MAX_FILTER_CHARS, MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MAX_TERMS } from './query-limits.ts';
export { parseQuery, type ParseOptions } from './query-parser.ts';
export type { Day, FilterName, ParseResult, QueryError, QueryFilters, QueryNotice, QueryTerm, SearchQuery } from './query-types.ts';
export { analyzeQuery, searchDocument, type AnalyzedQuery, type IndexColumn, type IndexPhrase, type SearchDocument } from './terms.ts';
export { compileTsquery, quoteLexeme, DEFAULT_TS_WEIGHTS, SURFACE_MARK, type TsQuery, type TsWeights } from './tsquery.ts';
