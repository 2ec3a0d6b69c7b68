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
// by date is the other order.
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
  from: string;
  where: string[];
  params: Record<string, unknown>;
  ranked: boolean;
}

/** FROM and WHERE for a plan: the MATCH, the filters as bound parameters, copies left out. */
function compile(plan: SearchPlan): Sql {
  const compiled = compileFts5(plan.query, { timeZone: plan.timeZone, columns: SEARCH_COLUMNS });
  const f = compiled.filters;
  const where = ['a.duplicate_of IS NULL'];
  const params: Record<string, unknown> = {};
  let from = 'articles a';
  if (compiled.match !== null) {
    from = 'article_search JOIN articles a ON a.id = article_search.rowid';
    where.push('article_search MATCH @match');
    params.match = compiled.match;
  } else if (compiled.exclude !== null) {
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
  return { from, where, params, ranked: compiled.match !== null && plan.sort === 'relevance' };
}

const PAGE_COLUMNS = `a.id, a.external_id, a.url, a.source_id, s.name AS source_name, a.title, a.lead, a.body,
  a.text, a.published_at, a.published_offset, a.updated_at, a.fetched_at, a.authors, a.image, a.lang,
  a.story_id, a.duplicate_of, (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = a.id) AS copies`;

function page(db: Database.Database, plan: SearchPlan, sql: Sql): { rows: Array<ArticleRow & { copies: number }>; next: string | null } {
  const params: Record<string, unknown> = { ...sql.params, limit: plan.limit + 1 };
  const where = [...sql.where];
  let order: string;
  let score = '';
  if (sql.ranked) {
    score = `, bm25(article_search, ${TITLE_WEIGHT}, ${TITLE_WEIGHT}, 1, 1)
      * (1.0 + ${FRESHNESS_BOOST} / (1.0 + ABS(julianday(@now) - julianday(${WHEN})) / ${FRESHNESS_DAYS})) AS score`;
    params.now = plan.now.toISOString();
    order = 'score, a.id DESC LIMIT @limit OFFSET @offset';
    params.offset = plan.position.kind === 'offset' ? plan.position.offset : 0;
  } else {
    if (plan.position.kind === 'before') {
      where.push(`(${WHEN} < @before_at OR (${WHEN} = @before_at AND a.id < @before_id))`);
      params.before_at = plan.position.at;
      params.before_id = plan.position.id;
    }
    order = `${WHEN} DESC, a.id DESC LIMIT @limit`;
  }
  // Rank ids first, then read the page's rows: sorting whole rows (bodies included) and counting
  // copies for every match, not just the page's, made a search several times slower.
  const rows = prepare(db, `WITH page AS (SELECT a.id, ${WHEN} AS at${score} FROM ${sql.from}
      WHERE ${where.join(' AND ')} ORDER BY ${order})
    SELECT ${PAGE_COLUMNS} FROM page JOIN articles a ON a.id = page.id LEFT JOIN sources s ON s.id = a.source_id
    ORDER BY ${sql.ranked ? 'page.score, page.id DESC' : 'page.at DESC, page.id DESC'}`)
    .all(params) as Array<ArticleRow & { copies: number }>;
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

/** Total and facets in one grouped pass over the whole result set. */
function facets(db: Database.Database, plan: SearchPlan, sql: Sql): { total: number; facets: SearchFacets } {
  const offset = zoneOffsetMinutes(plan.timeZone, plan.now);
  const rows = prepare(db, `SELECT a.source_id, s.name, date(${WHEN}, @zone) AS day, COUNT(*) AS n
      FROM ${sql.from} LEFT JOIN sources s ON s.id = a.source_id
      WHERE ${sql.where.join(' AND ')} GROUP BY a.source_id, day`)
    .all({ ...sql.params, zone: `${offset >= 0 ? '+' : '-'}${Math.abs(offset)} minutes` }) as Array<{ source_id: number | null; name: string | null; day: string | null; n: number }>;
  const sources = new Map<number | null, { source_id: number | null; name: string | null; count: number }>();
  const days = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    const s = sources.get(r.source_id) ?? { source_id: r.source_id, name: r.name, count: 0 };
    s.count += r.n;
    sources.set(r.source_id, s);
    if (r.day) days.set(r.day, (days.get(r.day) ?? 0) + r.n);
  }
  return {
    total,
    facets: {
      sources: [...sources.values()].sort((a, b) => b.count - a.count || (a.source_id ?? 0) - (b.source_id ?? 0)).slice(0, MAX_SOURCE_FACETS),
      days: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, MAX_DAY_FACETS),
    },
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
