// Relevance order on SQLite: FTS5's bm25() with the title's columns weighted TITLE_WEIGHT times the
// body's, blended with freshness:
//
//   score = bm25 × (1 + FRESHNESS_BOOST / (1 + age_days / FRESHNESS_DAYS))
//
// bm25() is negative (more negative is better), so the factor, between 1 and 1 + FRESHNESS_BOOST,
// makes a fresh article rank as if it matched up to 60 % better: today's article beats one from
// last month that matches about as well, but never one that matches far better. age_days is the
// distance from the request's "now" to the article's date, in either direction: a page whose clock
// put it in the future gains nothing from the error.
//
// The work is bounded: a query is ranked over its RANK_WINDOW newest matches (search-plan.ts says
// why). bm25() costs about a microsecond per match, as it reads the match's positions and length.
// The page, the facets and, when the window holds every result, the total come from one statement
// over the window; a broad query's total adds the results older than the window, counted apart,
// exactly, without walking the window's matches a second time.
import type Database from 'better-sqlite3';
import { RANK_WINDOW, zoneOffsetMinutes, type SearchPlan } from '../search-plan.ts';
import { countMatches, countOriginals, LOCAL_DAY, type Sql, TITLE_WEIGHT, WHEN } from './search-sql.ts';

const FRESHNESS_BOOST = 0.6;
const FRESHNESS_DAYS = 7;
const BM25 = `bm25(article_search, ${TITLE_WEIGHT}, ${TITLE_WEIGHT}, 1, 1)`;
const FRESHNESS = `(1.0 + ${FRESHNESS_BOOST} / (1.0 + ABS(julianday(@now) - julianday(at)) / ${FRESHNESS_DAYS}))`;

export interface FacetCount {
  source_id: number | null;
  /** Days since 1970-01-01 in the request's zone. */
  day: number | null;
  n: number;
}

export interface RankedWindow {
  /** The page's ids in order, one more than the page when there is a next page. */
  ids: number[];
  /** Results by outlet and local day, over the window. */
  counts: FacetCount[];
  /** Matching originals, exact. */
  total: number;
  /** Whether the window left older results out of the ranking and the counts. */
  approximate: boolean;
}

/**
 * Rank the window of `sql` (which has words) and count it by outlet and day, in one statement: the
 * window's rows are read once, into a materialized table that both the ORDER BY and the GROUP BY
 * read, and only the page's ids and the groups come back to JavaScript.
 */
export function rankWindow(db: Database.Database, plan: SearchPlan, sql: Sql, window = RANK_WINDOW): RankedWindow {
  const offset = plan.position.kind === 'offset' ? plan.position.offset : 0;
  const limit = plan.limit + 1;
  // The window must not depend on the page: each page of one query is cut from the same ranking.
  // FTS5 walks the matches newest first and each is joined to its row until `window` pass, so
  // bm25() is computed for the window's rows only.
  const rows = db.prepare(`WITH win AS MATERIALIZED (
        SELECT s.rowid AS id, ${BM25} AS rank, a.source_id, ${WHEN} AS at, ${LOCAL_DAY} AS day
        FROM article_search s JOIN articles a INDEXED BY articles_search_meta ON a.id = s.rowid
        WHERE article_search MATCH @match AND ${sql.where.join(' AND ')} ORDER BY s.rowid DESC LIMIT @window)
      SELECT id, score, NULL AS source_id, NULL AS day, NULL AS n FROM
        (SELECT id, rank * ${FRESHNESS} AS score FROM win ORDER BY score, id DESC LIMIT @limit OFFSET @offset)
      UNION ALL
      SELECT MIN(id), NULL, source_id, day, COUNT(*) FROM win GROUP BY source_id, day`)
    .raw()
    .all({
      ...sql.params, now: plan.now.toISOString(), zone_s: zoneOffsetMinutes(plan.timeZone, plan.now) * 60,
      window: Number.isFinite(window) ? window : -1, limit, offset,
    }) as Array<[number | null, number | null, number | null, number | null, number | null]>;
  const page: Array<{ id: number; score: number }> = [];
  const counts: FacetCount[] = [];
  let inWindow = 0;
  let oldest = Infinity;
  for (const [id, score, source_id, day, n] of rows) {
    if (n === null) page.push({ id: id!, score: score! });
    else {
      counts.push({ source_id, day, n });
      inWindow += n;
      oldest = Math.min(oldest, id!);
    }
  }
  // A compound SELECT promises no order of its rows: the page is put back in order here.
  const ids = page.sort((x, y) => x.score - y.score || y.id - x.id).map((r) => r.id);
  // A window with room to spare holds every result. A full one holds every result from its oldest
  // id on, so the total is the window and the results below that id, which FTS5 counts without
  // walking the window's matches again.
  if (inWindow < window) return { ids, counts, total: inWindow, approximate: false };
  const older = countOriginals(db, sql, countMatches(db, sql, oldest), oldest);
  return { ids, counts, total: inWindow + older, approximate: older > 0 };
}
