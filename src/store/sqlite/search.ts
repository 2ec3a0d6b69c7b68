// Full-text search on SQLite: the FTS5 index of migration 3, kept in step with articles, and the
// search itself. The analyzer runs in TypeScript (searchDocument) and FTS5 only stores and looks up
// its tokens, so PostgreSQL's tsvector over the same tokens returns the same articles.
//
// Ranking. FTS5's bm25() with the title's columns weighted TITLE_WEIGHT times the body's, blended
// with freshness:
//
//   score = bm25 × (1 + FRESHNESS_BOOST / (1 + age_days / FRESHNESS_DAYS))
//
// bm25() is negative (more negative is better), so the factor, between 1 and 1 + FRESHNESS_BOOST,
// makes a fresh article rank as if it matched up to 60 % better: today's article beats one from
// last month that matches about as well, but never one that matches far better. age_days is the
// distance from the request's "now" to the article's date (published, or fetched when undated), in
// either direction: a page whose clock put it in the future gains nothing from the error. Sorting
// by date is the other order. Only a pool of the best bm25 matches is blended with freshness when
// that provably gives the same page (RANK_POOL), and a broad query's facets count a sample of its
// matches (FACET_SAMPLE): both keep a search of a common word fast.
import type Database from 'better-sqlite3';
import type { Article } from '../../model/index.ts';
import { normalizeArabic } from '../../arabic/index.ts';
import { compileFts5, searchDocument, type Fts5Columns } from '../../search/index.ts';
import { encodeCursor, type SearchPlan, zoneOffsetMinutes } from '../search-plan.ts';
import { buildSnippet } from '../search-snippet.ts';
import { MAX_DAY_FACETS, MAX_RELEVANCE_OFFSET, MAX_SOURCE_FACETS, type SearchFacets, type SearchResults } from '../search-types.ts';
import { type ArticleRow, toArticle } from './rows.ts';

/**
 * What the rows of article_search were built by. Rows indexed by an older analyzer (or never, as
 * after the upgrade to migration 3) are indexed again at open; bump this when searchDocument's
 * output changes.
 */
export const SEARCH_INDEX_VERSION = 1;

/** The title has columns of its own so bm25() can weight it (fts5.ts's Fts5Columns). */
export const SEARCH_COLUMNS: Fts5Columns = { stems: ['title_stems', 'stems'], surface: ['title_surface', 'surface'] };
/** bm25() weights in column order: title_stems, title_surface, stems, surface. */
const TITLE_WEIGHT = 4;
const FRESHNESS_BOOST = 0.6;
const FRESHNESS_DAYS = 7;
/**
 * Relevance order ranks the RANK_POOL best matches by bm25 alone, then blends freshness into those.
 * The freshness factor is at most 1 + FRESHNESS_BOOST, so a match outside the pool, whose bm25 is no
 * better than the pool's worst (w), scores at best w × (1 + FRESHNESS_BOOST): a page whose last row
 * scores better than that is exactly the page a full ranking gives, and one that does not (or a page
 * with filters, which may leave too few of the pool) is ranked in full. On SaudiNewsNet the pool
 * proves 58 of the 60 bench queries with more than 1,000 matches; the full ranking (of السعودية's
 * 9,000 matches) reads every match's date and costs several times more.
 */
const RANK_POOL = 1_000;
/**
 * Facets of a query with more matches than this count its newest FACET_SAMPLE (by id: the order they
 * were stored, close to the order they were published) and are marked approximate: grouping every
 * match by outlet and local day was the slowest part of a broad search. The total stays exact.
 */
const FACET_SAMPLE = 2_000;
/** Rows per transaction when indexing a database that predates search: a crash loses one batch of work. */
const BACKFILL_BATCH = 500;

const WHEN = 'COALESCE(a.published_at, a.fetched_at)';

/** Prepared statements by SQL text: a search's SQL varies only with the filters' shape. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const STATEMENT_CACHE_SIZE = 200;

function prepare(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    cache.set(sql, (stmt = db.prepare(sql)));
  }
  return stmt;
}

/** The SQL function the filters use to compare outlet and tag names in matching form. */
export function registerSearchFunctions(db: Database.Database): void {
  db.function('marsad_normalize', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? normalizeArabic(s) : null));
}

/** Write (or rewrite) one article's index row; the caller holds the transaction. */
export function indexArticle(db: Database.Database, id: number, title: string, text: string, replace = false): void {
  // Title and body through searchDocument separately: the same tokens as one call, in two columns.
  const t = searchDocument(title, '');
  const b = searchDocument('', text);
  if (replace) prepare(db, 'DELETE FROM article_search WHERE rowid = ?').run(id);
  prepare(db, 'INSERT INTO article_search (rowid, title_stems, title_surface, stems, surface) VALUES (?, ?, ?, ?, ?)')
    .run(id, t.stems, t.surface, b.stems, b.surface);
  prepare(db, 'UPDATE articles SET search_version = ? WHERE id = ?').run(SEARCH_INDEX_VERSION, id);
}

/**
 * Index every article not indexed by this SEARCH_INDEX_VERSION, in batches, each its own
 * transaction, oldest first. After the upgrade to migration 3 this is the whole archive once
 * (about 40 s for 31k articles of SaudiNewsNet); on later opens one indexed range lookup finds
 * nothing to do. Returns how many were indexed.
 */
export function backfillSearchIndex(db: Database.Database): number {
  // Two range scans of articles_search_version rather than one OR, which SQLite would answer by
  // reading every article on every open. Indexed rows leave the range, so each batch starts over.
  const never = db.prepare('SELECT id, title, text, search_version FROM articles WHERE search_version IS NULL ORDER BY id LIMIT ?');
  const older = db.prepare('SELECT id, title, text, search_version FROM articles WHERE search_version < ? ORDER BY search_version, id LIMIT ?');
  let done = 0;
  for (;;) {
    let rows = never.all(BACKFILL_BATCH) as Array<{ id: number; title: string; text: string; search_version: number | null }>;
    if (rows.length === 0) rows = older.all(SEARCH_INDEX_VERSION, BACKFILL_BATCH) as typeof rows;
    if (rows.length === 0) return done;
    db.transaction(() => {
      for (const r of rows) indexArticle(db, r.id, r.title, r.text, r.search_version !== null);
    })();
    done += rows.length;
  }
}

interface Sql {
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
function compile(plan: SearchPlan): Sql {
  const compiled = compileFts5(plan.query, { timeZone: plan.timeZone, columns: SEARCH_COLUMNS });
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
function everyMatch(sql: Sql): { from: string; where: string } {
  if (sql.match === null) return { from: 'articles a', where: sql.where.join(' AND ') };
  return {
    from: 'article_search JOIN articles a INDEXED BY articles_search_meta ON a.id = article_search.rowid',
    where: ['article_search MATCH @match', ...sql.where].join(' AND '),
  };
}

const BM25 = `bm25(article_search, ${TITLE_WEIGHT}, ${TITLE_WEIGHT}, 1, 1)`;
const FRESHNESS = `(1.0 + ${FRESHNESS_BOOST} / (1.0 + ABS(julianday(@now) - julianday(${WHEN})) / ${FRESHNESS_DAYS}))`;

interface Ranked {
  id: number;
  at: string;
  score?: number;
  pool_size?: number;
  pool_worst?: number;
}

/**
 * The page's ids in relevance order, from the bm25 pool when that is provably the full ranking's
 * page (see RANK_POOL), otherwise from ranking every match.
 */
function rankIds(db: Database.Database, sql: Sql, params: Record<string, unknown>): Ranked[] {
  if (!sql.filtered) {
    const pool = Math.max(RANK_POOL, 2 * ((params.offset as number) + (params.limit as number)));
    const rows = prepare(db, `WITH pool AS MATERIALIZED (SELECT rowid AS id, ${BM25} AS rank FROM article_search
        WHERE article_search MATCH @match ORDER BY rank LIMIT @pool)
      SELECT a.id, ${WHEN} AS at, pool.rank * ${FRESHNESS} AS score,
        (SELECT COUNT(*) FROM pool) AS pool_size, (SELECT MAX(rank) FROM pool) AS pool_worst
      FROM pool JOIN articles a INDEXED BY articles_search_meta ON a.id = pool.id
      WHERE ${sql.where.join(' AND ')} ORDER BY score, a.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, pool }) as Ranked[];
    const last = rows[rows.length - 1];
    // The pool held every match, or the last row outscores the best any match outside it can reach.
    // (An empty pool page goes on to the full ranking, which costs nothing when nothing matches.)
    if (last && (last.pool_size! < pool || (rows.length === params.limit && last.score! < last.pool_worst! * (1 + FRESHNESS_BOOST)))) return rows;
  }
  const all = everyMatch(sql);
  return prepare(db, `SELECT a.id, ${WHEN} AS at, ${BM25} * ${FRESHNESS} AS score FROM ${all.from}
      WHERE ${all.where} ORDER BY score, a.id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as Ranked[];
}

const PAGE_COLUMNS = `a.id, a.external_id, a.url, a.source_id, s.name AS source_name, a.title, a.lead, a.body,
  a.text, a.published_at, a.published_offset, a.updated_at, a.fetched_at, a.authors, a.image, a.lang,
  a.story_id, a.duplicate_of, (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = a.id) AS copies`;

function page(db: Database.Database, plan: SearchPlan, sql: Sql): { rows: Array<ArticleRow & { copies: number }>; next: string | null } {
  const params: Record<string, unknown> = { ...sql.params, limit: plan.limit + 1 };
  let ids: Ranked[];
  if (sql.ranked) {
    params.now = plan.now.toISOString();
    params.offset = plan.position.kind === 'offset' ? plan.position.offset : 0;
    ids = rankIds(db, sql, params);
  } else {
    const all = everyMatch(sql);
    let after = '';
    if (plan.position.kind === 'before') {
      after = ` AND (${WHEN} < @before_at OR (${WHEN} = @before_at AND a.id < @before_id))`;
      params.before_at = plan.position.at;
      params.before_id = plan.position.id;
    }
    ids = prepare(db, `SELECT a.id, ${WHEN} AS at FROM ${all.from} WHERE ${all.where}${after}
        ORDER BY ${WHEN} DESC, a.id DESC LIMIT @limit`).all(params) as Ranked[];
  }
  // Rank ids first, then read the page's rows: sorting whole rows (bodies included) and counting
  // copies for every match, not just the page's, made a search several times slower.
  const byId = new Map((prepare(db, `SELECT ${PAGE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
      WHERE a.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids.map((r) => r.id)) }) as Array<ArticleRow & { copies: number }>).map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  const more = rows.length > plan.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  let next: string | null = null;
  if (more && last) {
    if (sql.ranked) {
      const offset = (plan.position.kind === 'offset' ? plan.position.offset : 0) + plan.limit;
      next = offset < MAX_RELEVANCE_OFFSET ? encodeCursor({ kind: 'offset', offset }) : null;
    } else {
      next = encodeCursor({ kind: 'before', at: last.published_at ?? last.fetched_at, id: last.id });
    }
  }
  return { rows, next };
}

type FacetRow = { source_id: number | null; name: string | null; at: string | null; n: number };

/**
 * Total and facets. Without words: one grouped pass over every result. With words: the grouped pass
 * over the newest FACET_SAMPLE matches, which is every match of most queries; a broader one has its
 * facets marked approximate and its total counted apart.
 */
function facets(db: Database.Database, plan: SearchPlan, sql: Sql): { total: number; facets: SearchFacets } {
  const offset = zoneOffsetMinutes(plan.timeZone, plan.now);
  // Grouped by the UTC hour (minute, in a zone a fraction of an hour off UTC), made local days here:
  // SQLite's date() on every row cost more than the rest of the grouping.
  const params = { ...sql.params, prefix: offset % 60 === 0 ? 13 : 16, sample: FACET_SAMPLE };
  const from = sql.match === null
    ? 'articles a'
    : `(SELECT rowid AS id FROM article_search WHERE article_search MATCH @match ORDER BY rowid DESC LIMIT @sample) m
      JOIN articles a INDEXED BY articles_search_meta ON a.id = m.id`;
  const rows = prepare(db, `SELECT a.source_id, s.name, substr(${WHEN}, 1, @prefix) AS at, COUNT(*) AS n
      FROM ${from} LEFT JOIN sources s ON s.id = a.source_id
      WHERE ${sql.where.join(' AND ')} GROUP BY a.source_id, at`)
    .all(params) as FacetRow[];
  let total = rows.reduce((sum, r) => sum + r.n, 0);
  let approximate = false;
  if (sql.match !== null) {
    const matches = (prepare(db, 'SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH @match').get(sql.params) as { n: number }).n;
    approximate = matches > FACET_SAMPLE;
    if (approximate) total = countAll(db, sql, matches);
  }
  return { total, facets: { ...facetLists(rows, offset), approximate } };
}

/** Every matching original: without filters, the index's match count less the copies among them. */
function countAll(db: Database.Database, sql: Sql, matches: number): number {
  if (!sql.filtered) {
    // Copies are few, and a partial index lists them: probing them against the matches beats
    // reading every match's row.
    const copies = prepare(db, `SELECT COUNT(*) AS n FROM articles c INDEXED BY articles_duplicate_of
        WHERE c.duplicate_of IS NOT NULL AND c.id IN (SELECT rowid FROM article_search WHERE article_search MATCH @match)`)
      .get(sql.params) as { n: number };
    return matches - copies.n;
  }
  const all = everyMatch(sql);
  return (prepare(db, `SELECT COUNT(*) AS n FROM ${all.from} WHERE ${all.where}`).get(sql.params) as { n: number }).n;
}

/** The local day of a UTC hour or minute ("2026-11-23T22", "2026-11-23T22:30") `offset` minutes east. */
function localDay(at: string, offset: number): string | null {
  const ms = Date.parse(`${at.replace(' ', 'T')}${at.length <= 13 ? ':00' : ''}:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}

function facetLists(rows: FacetRow[], offset: number): Omit<SearchFacets, 'approximate'> {
  const sources = new Map<number | null, { source_id: number | null; name: string | null; count: number }>();
  const days = new Map<string, number>();
  for (const r of rows) {
    const s = sources.get(r.source_id) ?? { source_id: r.source_id, name: r.name, count: 0 };
    s.count += r.n;
    sources.set(r.source_id, s);
    const day = r.at ? localDay(r.at, offset) : null;
    if (day) days.set(day, (days.get(day) ?? 0) + r.n);
  }
  return {
    sources: [...sources.values()].sort((a, b) => b.count - a.count || (a.source_id ?? 0) - (b.source_id ?? 0)).slice(0, MAX_SOURCE_FACETS),
    days: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, MAX_DAY_FACETS),
  };
}

/** Run a planned search on SQLite. */
export function searchSqlite(db: Database.Database, plan: SearchPlan): SearchResults {
  const sql = compile(plan);
  const { rows, next } = page(db, plan, sql);
  const { total, facets: f } = facets(db, plan, sql);
  const items = rows.map((row) => {
    const { copies, ...rest } = row;
    const article: Article = toArticle(rest);
    return { article, copies, snippet: buildSnippet(article.text, plan.analyzed) };
  });
  return { ok: true, items, total, next_cursor: next, facets: f, notices: plan.query.notices, sort: sql.ranked ? 'relevance' : 'date' };
}
