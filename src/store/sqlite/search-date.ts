// Date order on SQLite: newest first by the date a reader sees (WHEN), then by id, with the total
// and facets that go with it.
//
// A query of filters only is read along articles_latest (or its outlet's index), newest first, and
// stops at the page. A query with words used to sort every match by date, which for a common word
// is a third of the archive: milliseconds at 31k articles, and growing with it. But articles are
// stored about in the order they were published (by a crawler, a polling interval apart at most;
// by an import, as its file orders them), so the page lies among the newest matches by id. The
// newest page's worth of them gives a date the page reaches at least; the articles dated after it,
// found along articles_latest, give the lowest id the page can hold; and only the matches from
// that id on are sorted. When that id lies deep in the archive (a rare word, an archive stored out
// of order) every match is sorted, as before. Either way the page is exactly the one sorting every
// match gives.
import type Database from 'better-sqlite3';
import { RANK_WINDOW, type SearchPlan, zoneOffsetMinutes } from '../search-plan.ts';
import type { FacetCount } from './search-rank.ts';
import { countMatches, countOriginals, everyMatch, LOCAL_DAY, type Sql, WHEN } from './search-sql.ts';

/**
 * Articles dated after the newest matches' last that are read along articles_latest (about 0.2 µs
 * each) before sorting every match instead: a word whose page reaches deeper is rare enough that
 * sorting its matches costs no more.
 */
const DATE_SCAN_LIMIT = 2_000;

type Dated = [id: number, at: string];

/** The condition of a page after the first: before the previous page's last article. */
function pageCursor(plan: SearchPlan): { after: string; params: Record<string, unknown> } {
  if (plan.position.kind !== 'before') return { after: '', params: {} };
  return {
    after: ` AND (${WHEN} < @before_at OR (${WHEN} = @before_at AND a.id < @before_id))`,
    params: { before_at: plan.position.at, before_id: plan.position.id },
  };
}

/** Newest first, then by id among equal dates, as ORDER BY WHEN DESC, a.id DESC (dates are ISO text). */
function byDate(rows: Dated[]): number[] {
  return rows.sort((x, y) => (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : y[0] - x[0])).map(([id]) => id);
}

/**
 * The lowest id the page can hold, or the page itself when the query has fewer results than it
 * holds, or null when finding the bound would cost more than sorting every match. The newest
 * `want` results by id are a page's worth: the page reaches at least the date of the last of them,
 * so it holds only results dated after that (all stored at or above the lowest id among the
 * articles so dated) and results of that date stored at or above the lowest id among those `want`.
 */
function pageFloor(db: Database.Database, plan: SearchPlan, sql: Sql, want: number): number | number[] | null {
  const all = everyMatch(sql);
  const { after, params } = pageCursor(plan);
  const newest = db.prepare(`SELECT a.id, ${WHEN} FROM ${all.from} WHERE ${all.where}${after}
      ORDER BY article_search.rowid DESC LIMIT @want`).raw().all({ ...sql.params, ...params, want }) as Dated[];
  if (newest.length < want) return byDate(newest);
  const last = newest.reduce((min, r) => (r[1] < min ? r[1] : min), newest[0]![1]);
  const lowest = newest.reduce((min, r) => Math.min(min, r[0]), Infinity);
  // One range of articles_latest: every article dated after `last` (and before the cursor).
  const range = plan.position.kind === 'before' ? ` AND ${WHEN} <= @before_at${after}` : '';
  const later = db.prepare(`SELECT COUNT(*) AS n, MIN(id) AS low FROM
      (SELECT a.id FROM articles a INDEXED BY articles_latest WHERE ${WHEN} > @last${range} LIMIT @scan)`)
    .get({ ...params, last, scan: DATE_SCAN_LIMIT }) as { n: number; low: number | null };
  if (later.n >= DATE_SCAN_LIMIT) return null;
  return Math.min(lowest, later.low ?? Infinity);
}

/** The page's ids in date order (newest first), one more than the page when there is a next page. */
export function dateOrderIds(db: Database.Database, plan: SearchPlan, sql: Sql): number[] {
  const want = plan.limit + 1;
  const floor = sql.match === null ? null : pageFloor(db, plan, sql, want);
  if (Array.isArray(floor)) return floor;
  const all = everyMatch(sql);
  const { after, params } = pageCursor(plan);
  // FTS5 starts its walk at a rowid bound only when the bound is an integer (search-sql.ts).
  const from = floor === null ? '' : ' AND article_search.rowid >= CAST(@floor AS INTEGER)';
  return db.prepare(`SELECT a.id FROM ${all.from} WHERE ${all.where}${after}${from} ORDER BY ${WHEN} DESC, a.id DESC LIMIT @want`)
    .pluck().all({ ...sql.params, ...params, floor, want }) as number[];
}

/**
 * Total and facets in date order. Without words: one grouped pass over every result. With words:
 * the grouped pass over the newest RANK_WINDOW matches, which is every match of most queries; a
 * broader one adds the results older than those, counted apart, and has its facets marked
 * approximate when there are any.
 */
export function dateOrderCounts(db: Database.Database, plan: SearchPlan, sql: Sql): { counts: FacetCount[]; total: number; approximate: boolean } {
  const zone_s = zoneOffsetMinutes(plan.timeZone, plan.now) * 60;
  if (sql.match === null) {
    const counts = db.prepare(`SELECT a.source_id, ${LOCAL_DAY} AS day, COUNT(*) AS n FROM articles a
        WHERE ${sql.where.join(' AND ')} GROUP BY a.source_id, day`).all({ ...sql.params, zone_s }) as FacetCount[];
    return { counts, total: counts.reduce((sum, r) => sum + r.n, 0), approximate: false };
  }
  // The sample's size and oldest id come back as one more row, with a NULL count of results.
  const rows = db.prepare(`WITH m AS MATERIALIZED (SELECT rowid AS id FROM article_search WHERE article_search MATCH @match ORDER BY rowid DESC LIMIT @sample)
      SELECT a.source_id, ${LOCAL_DAY} AS day, COUNT(*) AS n, NULL AS oldest, NULL AS seen
        FROM m JOIN articles a INDEXED BY articles_search_meta ON a.id = m.id WHERE ${sql.where.join(' AND ')} GROUP BY a.source_id, day
      UNION ALL
      SELECT NULL, NULL, NULL, MIN(id), COUNT(*) FROM m`)
    .all({ ...sql.params, sample: RANK_WINDOW, zone_s }) as Array<FacetCount & { oldest: number | null; seen: number | null }>;
  const counts: FacetCount[] = [];
  let total = 0;
  let oldest = 0;
  let seen = 0;
  for (const r of rows) {
    if (r.seen === null) {
      counts.push({ source_id: r.source_id, day: r.day, n: r.n });
      total += r.n;
    } else {
      oldest = r.oldest ?? 0;
      seen = r.seen;
    }
  }
  if (seen < RANK_WINDOW) return { counts, total, approximate: false };
  const older = countOriginals(db, sql, countMatches(db, sql, oldest), oldest);
  return { counts, total: total + older, approximate: older > 0 };
}
