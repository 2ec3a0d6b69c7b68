// The SQL a search on SQLite is made of: the prepared-statement cache, a plan compiled to a MATCH
// expression and bound filters, and the expressions both orders share.
import type Database from 'better-sqlite3';
import { compileFts5, type CompileOptions, type Fts5Columns } from '../../search/index.ts';
import type { SearchPlan } from '../search-plan.ts';

/** The title has columns of its own so bm25() can weight it (fts5.ts's Fts5Columns). */
export const SEARCH_COLUMNS: Fts5Columns = { stems: ['title_stems', 'stems'], surface: ['title_surface', 'surface'] };
/** How the index is written (search.ts's searchRow): its surface tokens marked, so no column filters. */
export const SEARCH_LAYOUT: Omit<CompileOptions, 'timeZone'> = { columns: SEARCH_COLUMNS, markedSurface: true };
/** bm25() weights in column order: title_stems, title_surface, stems, surface. */
export const TITLE_WEIGHT = 4;

/** The instant an article is dated by: published, or fetched when the page gave no date. */
export const WHEN = 'COALESCE(a.published_at, a.fetched_at)';
/**
 * The local day of WHEN as a count of days since 1970-01-01, for the day facet: @zone_s is the
 * zone's offset in seconds. Integer arithmetic on unixepoch(), so an article at local midnight
 * falls on the right day in any zone, and about half the cost of SQLite's date() per row. (The
 * CAST because better-sqlite3 binds every JavaScript number as a REAL, which would make the
 * division fractional and every article a day of its own.)
 */
export const LOCAL_DAY = `(unixepoch(${WHEN}) + CAST(@zone_s AS INTEGER)) / 86400`;

export interface Sql {
  /** The FTS5 MATCH expression of the query's words, or null for a query of filters only. */
  match: string | null;
  /** The conditions besides the MATCH: copies left out, exclusions without words, filters. */
  where: string[];
  params: Record<string, unknown>;
  /** Whether a filter (source, tag, date) narrows the matches. */
  filtered: boolean;
  ranked: boolean;
}

/** The filters of a plan as bound parameters, copies left out; the MATCH kept apart. */
export function compile(plan: SearchPlan): Sql {
  const compiled = compileFts5(plan.query, { ...SEARCH_LAYOUT, timeZone: plan.timeZone });
  const f = compiled.filters;
  const where = ['a.duplicate_of IS NULL'];
  const params: Record<string, unknown> = {};
  if (compiled.match !== null) params.match = compiled.match;
  else if (compiled.exclude !== null) {
    where.push('a.id NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH @exclude)');
    params.exclude = compiled.exclude;
  }
  const names = (prefix: string, list: { norm: string }[]) =>
    list.map((n, i) => {
      params[`${prefix}${i}`] = n.norm;
      return `@${prefix}${i}`;
    }).join(', ');
  if (f.sources.length > 0) where.push(`a.source_id IN (SELECT id FROM sources WHERE marsad_normalize(name) IN (${names('src', f.sources)}))`);
  if (f.notSources.length > 0) {
    where.push(`(a.source_id IS NULL OR a.source_id NOT IN (SELECT id FROM sources WHERE marsad_normalize(name) IN (${names('nsrc', f.notSources)})))`);
  }
  // A tag is named by its key (country:JO) as the tag pages link it, or by its name in any spelling.
  const tagged = (param: string, tag: { text: string; norm: string }) => {
    params[`${param}k`] = tag.text;
    params[`${param}n`] = tag.norm;
    return `(SELECT t.article_id FROM article_tags t JOIN tags g ON g.id = t.tag_id
      WHERE g.key = @${param}k OR marsad_normalize(g.name) = @${param}n)`;
  };
  f.tags.forEach((tag, i) => where.push(`a.id IN ${tagged(`tag${i}`, tag)}`));
  f.notTags.forEach((tag, i) => where.push(`a.id NOT IN ${tagged(`ntag${i}`, tag)}`));
  if (f.publishedFrom !== null) {
    where.push(`${WHEN} >= @published_from`);
    params.published_from = f.publishedFrom;
  }
  if (f.publishedBefore !== null) {
    where.push(`${WHEN} < @published_before`);
    params.published_before = f.publishedBefore;
  }
  const filtered = f.sources.length + f.notSources.length + f.tags.length + f.notTags.length > 0
    || f.publishedFrom !== null || f.publishedBefore !== null;
  return { match: compiled.match, where, params, filtered, ranked: compiled.match !== null && plan.sort === 'relevance' };
}

/**
 * FROM and WHERE over every match. Matches meet articles through articles_search_meta, which holds
 * all a search reads of them: without INDEXED BY, SQLite (before ANALYZE has run) reads each match's
 * table row, whose date and copy columns sit after its text, and walks the text's overflow pages.
 */
export function everyMatch(sql: Sql): { from: string; where: string } {
  if (sql.match === null) return { from: 'articles a', where: sql.where.join(' AND ') };
  return {
    from: 'article_search JOIN articles a INDEXED BY articles_search_meta ON a.id = article_search.rowid',
    where: ['article_search MATCH @match', ...sql.where].join(' AND '),
  };
}

/**
 * Rows of the index below an id. FTS5 starts and stops its walk at a rowid bound only when the
 * bound is an integer, and better-sqlite3 binds every JavaScript number as a REAL: without the
 * CAST it walks every match and tests each.
 */
const BELOW = 'rowid < CAST(@below AS INTEGER)';

/**
 * How many rows of the index match (copies included); with `below`, only those of lower rowid,
 * which FTS5 counts without walking the newer ones.
 */
export function countMatches(db: Database.Database, sql: Sql, below?: number): number {
  const older = below === undefined ? '' : ` AND ${BELOW}`;
  return (db.prepare(`SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH @match${older}`).get({ match: sql.match, below }) as { n: number }).n;
}

/**
 * Every matching original that passes the filters (of id lower than `below`, when given): without
 * filters, the index's match count (`matches`, counted alike) less the copies among them.
 */
export function countOriginals(db: Database.Database, sql: Sql, matches: number, below?: number): number {
  const params = { ...sql.params, below };
  if (!sql.filtered) {
    // Copies are few, and a partial index lists them: probing them against the matches beats
    // reading every match's row.
    const copies = db.prepare(`SELECT COUNT(*) AS n FROM articles c INDEXED BY articles_duplicate_of
        WHERE c.duplicate_of IS NOT NULL AND c.id IN (SELECT rowid FROM article_search WHERE article_search MATCH @match${below === undefined ? '' : ` AND ${BELOW}`})`)
      .get(params) as { n: number };
    return matches - copies.n;
  }
  const all = everyMatch(sql);
  const older = below === undefined ? '' : ` AND article_search.${BELOW}`;
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${all.from} WHERE ${all.where}${older}`).get(params) as { n: number }).n;
}
