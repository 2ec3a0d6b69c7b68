// A SearchQuery as an SQLite FTS5 MATCH expression. The expression is built only from our own
// tokens, each inside double quotes with any quote doubled, joined by operators we write; nothing a
// reader typed reaches FTS5's grammar, so NEAR(, *, ^, col: and stray quotes are plain text and the
// expression always parses. It is bound as a parameter (`WHERE article_search MATCH ?`), never
// spliced into SQL.
//
// The planned index (the store creates it; the names here must match):
//
//   CREATE VIRTUAL TABLE article_search USING fts5(
//     stems,     -- searchDocument().stems: light stems of the content words of title and body
//     surface,   -- searchDocument().surface: normalized surface tokens, stop words kept (phrases)
//     content = '',                    -- contentless: articles.title/body hold the text
//     contentless_delete = 1,          -- plain DELETE/re-INSERT by rowid (SQLite ≥ 3.43)
//     tokenize = 'unicode61 remove_diacritics 0'
//   );
//   -- rowid = articles.id; each row is searchDocument(title, body), rewritten when the article
//   -- changes. Query: SELECT rowid FROM article_search WHERE article_search MATCH ? (bound).
//
// The analyzer has already split, folded and stemmed, so the tokenizer only has to split at the
// spaces between our tokens. unicode61 does that (Arabic letters and digits are token characters);
// where it splits further (3.5 → 3 5) it does so alike in the row and in the quoted query token, so
// the two still meet. remove_diacritics 0 because normalizeArabic decided what folds already.
// Ranking (bm25 with the title weighted) will want the title's tokens in columns of their own
// (title_stems, title_surface); `Fts5Columns` lets the store list several columns per role.
//
// A column filter ({title_stems stems} : …) costs FTS5 a walk through each match's positions to see
// which columns they are in, and bm25() pays it again to count the rows that hold each phrase
// (counting a word in 292k of a million articles: 33 ms with it, 23 without). The store writes
// every surface token with FTS5_SURFACE_MARK before it (markSurface), so no stem is spelled like a
// surface token, and compiles with `markedSurface`: a phrase then finds its tokens in its own
// columns with no filter. (PostgreSQL's vectors keep the two apart alike, with tsquery.ts's
// SURFACE_MARK.)
import { analyzeQuery, type IndexColumn, type IndexPhrase } from './terms.ts';
import { searchFilters, type SearchFilters } from './filters.ts';
import type { SearchQuery } from './query-types.ts';

/** The FTS5 columns that hold each role; a phrase is searched in all columns of its role. */
export type Fts5Columns = Record<IndexColumn, readonly string[]>;

export const DEFAULT_FTS5_COLUMNS: Fts5Columns = { stems: ['stems'], surface: ['surface'] };

export interface Fts5Query {
  /**
   * The MATCH expression, or null when the query has no positive text (filters only: every
   * article that passes them). Exclusions are inside it when it is not null.
   */
  match: string | null;
  /**
   * When `match` is null but the query excludes text (`source:x -كرة`): rows matching this must be
   * left out (`rowid NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)`),
   * since FTS5 has no NOT without something to subtract from. Null otherwise.
   */
  exclude: string | null;
  filters: SearchFilters;
}

export interface CompileOptions {
  /** IANA zone for from:/to: days (the `timeZone` setting). */
  timeZone: string;
  columns?: Fts5Columns;
  /**
   * The index holds its surface tokens marked (markSurface) and its stems as they are, each role
   * in `columns` and nowhere else: phrases are written without a column filter.
   */
  markedSurface?: boolean;
}

/**
 * Written before each surface token by an index that keeps stems and surface forms apart by
 * spelling. A private-use character: the analyzer's tokens never hold one (tokenize.ts reads it as
 * a separator), and FTS5's unicode61 counts it a token character, so it stays part of the token.
 */
export const FTS5_SURFACE_MARK = '\uE000';

/** What unicode61 reads as one token: a run of letters, digits and private-use characters. */
const FTS5_TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * Surface text (space-separated tokens) with FTS5_SURFACE_MARK before every token FTS5 will see,
 * also the parts of a token it splits (3.5 is 3 and 5), so no part of it can pass for a stem.
 */
export function markSurface(text: string): string {
  return text.replace(FTS5_TOKEN, (run) => FTS5_SURFACE_MARK + run);
}

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An FTS5 string token: any character allowed, quotes doubled. */
export function quoteFts5(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function columnSpec(names: readonly string[]): string {
  for (const name of names) {
    // Column names come from the store's code, not from readers; a bad one is a programming error.
    if (!COLUMN_NAME.test(name)) throw new TypeError(`Invalid FTS5 column name: ${name}`);
  }
  if (names.length === 0) throw new TypeError('An FTS5 column role needs at least one column');
  return names.length === 1 ? names[0]! : `{${names.join(' ')}}`;
}

/**
 * `stems : "مفاوض"`, `surface : "وقف" + "اطلاق" + "النار"` (+ joins the tokens of one phrase); in
 * a marked index `"مفاوض"` and the surface tokens marked.
 */
function phrase(p: IndexPhrase, columns: Fts5Columns, marked: boolean): string {
  if (!marked) return `${columnSpec(columns[p.column])} : ${p.tokens.map(quoteFts5).join(' + ')}`;
  const tokens = p.column === 'surface' ? p.tokens.map(markSurface) : p.tokens;
  return tokens.map(quoteFts5).join(' + ');
}

function anyOf(phrases: IndexPhrase[], columns: Fts5Columns, marked: boolean): string {
  const parts = phrases.map((p) => phrase(p, columns, marked));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** Compile a parsed query for SQLite: a MATCH expression and the filters. */
export function compileFts5(q: SearchQuery, options: CompileOptions): Fts5Query {
  const columns = options.columns ?? DEFAULT_FTS5_COLUMNS;
  const marked = options.markedSurface === true;
  const analyzed = analyzeQuery(q);
  const filters = searchFilters(q, options.timeZone);
  const positive = analyzed.must.map((g) => anyOf(g, columns, marked));
  const negative = analyzed.not.length > 0 ? anyOf(analyzed.not, columns, marked) : null;
  if (positive.length === 0) return { match: null, exclude: negative, filters };
  const all = positive.length === 1 ? positive[0]! : positive.map((p) => `(${p})`).join(' AND ');
  // FTS5's NOT is binary ("a NOT b"), with higher precedence than AND: both sides in parentheses.
  return { match: negative === null ? all : `(${all}) NOT (${negative})`, exclude: null, filters };
}
