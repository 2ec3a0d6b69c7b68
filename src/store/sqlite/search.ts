// Full-text search on SQLite: the FTS5 index of migration 3, kept in step with articles, and the
// search itself. The analyzer runs in TypeScript (searchDocument) and FTS5 only stores and looks up
// its tokens, so PostgreSQL's tsvector over the same tokens returns the same articles.
//
// Relevance order is search-rank.ts (bm25 with the title weighted, blended with freshness, over a
// bounded window of the newest matches); date order, and queries of filters only, search-date.ts.
// Either way only the page's rows are read in full (text, for the snippets) and only their copies
// counted.
import type Database from 'better-sqlite3';
import type { Article } from '../../model/index.ts';
import { normalizeArabic } from '../../arabic/index.ts';
import { markSurface, searchDocument } from '../../search/index.ts';
import { encodeCursor, RANK_WINDOW, type SearchPlan } from '../search-plan.ts';
import { buildSnippet } from '../search-snippet.ts';
import { MAX_DAY_FACETS, MAX_RELEVANCE_OFFSET, MAX_SOURCE_FACETS, type SearchFacets, type SearchResults } from '../search-types.ts';
import { type ArticleRow, toArticle } from './rows.ts';
import { dateOrderCounts, dateOrderIds } from './search-date.ts';
import { type FacetCount, rankWindow } from './search-rank.ts';
import { compile } from './search-sql.ts';

export { SEARCH_COLUMNS, SEARCH_LAYOUT } from './search-sql.ts';

/**
 * What the rows of article_search were built by. Rows indexed by an older analyzer (or never, as
 * after the upgrade to migration 3) are indexed again at open. Bump this when searchDocument's
 * output or searchRow's changes, with a migration of RECREATE_SEARCH_INDEX (migrations.ts says
 * why). 2: surface tokens marked (fts5.ts's markSurface); 3: the stemmer keeps قانونا with قانون.
 */
export const SEARCH_INDEX_VERSION = 3;

/** Rows per transaction when indexing a database that predates search: a crash loses one batch of work. */
const BACKFILL_BATCH = 500;

/** The SQL function the filters use to compare outlet and tag names in matching form. */
export function registerSearchFunctions(db: Database.Database): void {
  db.function('marsad_normalize', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? normalizeArabic(s) : null));
}

/**
 * An article's index row: title_stems, title_surface, stems, surface. Title and body go through
 * searchDocument apart (the same tokens as one call, in two columns), and the surface columns are
 * marked (SEARCH_LAYOUT).
 */
export function searchRow(title: string, text: string): [string, string, string, string] {
  const t = searchDocument(title, '');
  const b = searchDocument('', text);
  return [t.stems, markSurface(t.surface), b.stems, markSurface(b.surface)];
}

export const INSERT_SEARCH_ROW = 'INSERT INTO article_search (rowid, title_stems, title_surface, stems, surface) VALUES (?, ?, ?, ?, ?)';

/** Write (or rewrite) one article's index row; the caller holds the transaction. */
export function indexArticle(db: Database.Database, id: number, title: string, text: string, replace = false): void {
  if (replace) db.prepare('DELETE FROM article_search WHERE rowid = ?').run(id);
  db.prepare(INSERT_SEARCH_ROW).run(id, ...searchRow(title, text));
  db.prepare('UPDATE articles SET search_version = ? WHERE id = ?').run(SEARCH_INDEX_VERSION, id);
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

const PAGE_COLUMNS = `a.id, a.external_id, a.url, a.source_id, s.name AS source_name, a.title, a.lead, a.body,
  a.text, a.published_at, a.published_offset, a.updated_at, a.fetched_at, a.authors, a.image, a.lang,
  a.story_id, a.duplicate_of, a.category, (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = a.id) AS copies`;

type PageRow = ArticleRow & { copies: number };

/** The rows of `ids`, in that order: the only rows whose text is read and whose copies are counted. */
function readRows(db: Database.Database, ids: number[]): PageRow[] {
  const byId = new Map((db.prepare(`SELECT ${PAGE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
      WHERE a.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids) }) as PageRow[]).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** Source facets name their outlet: the few names are looked up once the counts are known. */
function facetLists(db: Database.Database, counts: FacetCount[], approximate: boolean): SearchFacets {
  const bySource = new Map<number | null, number>();
  const byDay = new Map<number, number>();
  for (const r of counts) {
    bySource.set(r.source_id, (bySource.get(r.source_id) ?? 0) + r.n);
    if (r.day !== null) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.n);
  }
  const top = [...bySource].sort((a, b) => b[1] - a[1] || (a[0] ?? 0) - (b[0] ?? 0)).slice(0, MAX_SOURCE_FACETS);
  const ids = top.map(([id]) => id).filter((id) => id !== null);
  const names = new Map(ids.length === 0 ? [] : (db.prepare('SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(@ids))')
    .raw().all({ ids: JSON.stringify(ids) }) as Array<[number, string]>));
  return {
    sources: top.map(([source_id, count]) => ({ source_id, name: source_id === null ? null : names.get(source_id) ?? null, count })),
    days: [...byDay].sort((a, b) => b[0] - a[0]).slice(0, MAX_DAY_FACETS)
      .map(([day, count]) => ({ day: new Date(day * 86_400_000).toISOString().slice(0, 10), count })),
    approximate,
  };
}

/** Run a planned search on SQLite; `window` is search-plan.ts's RANK_WINDOW unless a test sets it. */
export function searchSqlite(db: Database.Database, plan: SearchPlan, window = RANK_WINDOW): SearchResults {
  const sql = compile(plan);
  let ids: number[];
  let counted: { counts: FacetCount[]; total: number; approximate: boolean };
  if (sql.ranked) ({ ids, ...counted } = rankWindow(db, plan, sql, window));
  else {
    ids = dateOrderIds(db, plan, sql);
    counted = dateOrderCounts(db, plan, sql);
  }
  // One id past the page says there is a next page; its row is not read.
  const more = ids.length > plan.limit;
  const rows = readRows(db, more ? ids.slice(0, plan.limit) : ids);
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
  const items = rows.map((row) => {
    const { copies, ...rest } = row;
    const article: Article = toArticle(rest);
    return { article, copies, snippet: buildSnippet(article.text, plan.analyzed) };
  });
  return {
    ok: true, items, total: counted.total, next_cursor: next, facets: facetLists(db, counted.counts, counted.approximate),
    notices: plan.query.notices, sort: sql.ranked ? 'relevance' : 'date',
  };
}
