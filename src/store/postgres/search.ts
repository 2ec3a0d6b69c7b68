// Full-text search on PostgreSQL: the tsvector column of migration 3, written with each article, and
// the search itself. As on SQLite (sqlite/search.ts), the analyzer runs in TypeScript: the vector is
// built here from searchDocument's tokens, never by to_tsvector, and queried with compileTsquery's
// string bound as `$1::tsquery`, so both backends see the same tokens and return the same articles.
//
// The vector (layout from src/search/tsquery.ts): title stems weighted A, body stems B, title
// surface tokens C, body surface D, the surface tokens behind SURFACE_MARK so that GIN alone tells
// the roles apart, positions counted within each role as FTS5 counts them within a column, with a
// gap between sections so that a phrase never runs from the title into the body.
//
// Ranking mirrors SQLite's: ts_rank_cd with the title's weights TITLE_WEIGHT times the body's,
// divided by the document's length (normalization 2, the nearest to bm25's length damping of the
// options tried), blended with freshness by the same formula:
//
//   score = rank × (1 + FRESHNESS_BOOST / (1 + age_days / FRESHNESS_DAYS))
//
// ts_rank_cd has no inverse document frequency, so among articles that match about as well the two
// backends may order differently. Measured against SQLite: the same order on every multi-result
// case of the conformance fixtures; on 3,000 SaudiNewsNet articles and 25 queries, the same result
// sets and totals, and 68 % of each top 10 shared (ts_rank, or other normalizations, shared less).
// As on SQLite, relevance order ranks the RANK_WINDOW newest matches (search-plan.ts): ts_rank_cd
// reads each ranked article's whole vector, and reading every match's made a common word's search
// take 0.4 s on SaudiNewsNet.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Article } from '../../model/index.ts';
import { compileTsquery, quoteLexeme, searchDocument, SURFACE_MARK } from '../../search/index.ts';
import { encodeCursor, RANK_WINDOW, type SearchPlan, zoneOffsetMinutes } from '../search-plan.ts';
import { buildSnippet } from '../search-snippet.ts';
import { MAX_DAY_FACETS, MAX_RELEVANCE_OFFSET, MAX_SOURCE_FACETS, type SearchFacets, type SearchResults } from '../search-types.ts';
import { ARTICLE_COLUMNS_SQL, type Database, toArticle } from './rows.ts';

/**
 * What articles.search was built by; rows built by an older analyzer are built again at open. Bump
 * it with SQLite's SEARCH_INDEX_VERSION whenever searchDocument's output changes. 3: the stemmer
 * keeps قانونا with قانون.
 */
export const SEARCH_INDEX_VERSION = 3;

const TITLE_WEIGHT = 4;
/** ts_rank_cd's weights, in its order {D, C, B, A}: title (A, C) TITLE_WEIGHT times the body (B, D). */
const RANK_WEIGHTS = `{${1 / TITLE_WEIGHT}, 1, ${1 / TITLE_WEIGHT}, 1}`;
/** Divide the rank by the document's length in tokens. */
const RANK_NORMALIZATION = 2;
const FRESHNESS_BOOST = 0.6;
const FRESHNESS_DAYS = 7;
/** PostgreSQL keeps positions up to this and at most this many per lexeme; past them it drops or clamps. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** A lexeme is at most 2 KiB; a longer token (never a word) is left out rather than failing the insert. */
const MAX_LEXEME_BYTES = 2_046;
/** Articles per transaction when building the vectors of rows that predate search. */
const BACKFILL_BATCH = 500;

const WHEN = sql`COALESCE(a.published_at, a.fetched_at)`;

/** One article's tsvector, in PostgreSQL's text form, to be cast with ::tsvector. */
export function searchVector(title: string, text: string): string {
  const t = searchDocument(title, '');
  const b = searchDocument('', text);
  const sections: Array<[string, string, string]> = [[t.stems, 'A', ''], [b.stems, 'B', ''], [t.surface, 'C', SURFACE_MARK], [b.surface, 'D', SURFACE_MARK]];
  const positions = new Map<string, string[]>();
  let at = 1;
  for (const [tokens, weight, mark] of sections) {
    for (const word of tokens.split(' ')) {
      const token = mark + word;
      if (word === '' || Buffer.byteLength(token) > MAX_LEXEME_BYTES) continue;
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(at, MAX_POSITION)}${weight}`);
      positions.set(token, list);
      at++;
    }
    at++; // the gap between sections
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

/**
 * Build the vector of every article not built by this SEARCH_INDEX_VERSION, a batch per
 * transaction. Rows are claimed with SKIP LOCKED, so processes opening together share the work.
 * Returns how many this process built.
 */
export async function backfillSearchIndex(db: Kysely<Database>): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number; title: string; text: string }>`
        SELECT id, title, text FROM articles
        WHERE search_version IS NULL OR search_version < ${SEARCH_INDEX_VERSION}
        ORDER BY search_version NULLS FIRST, id LIMIT ${BACKFILL_BATCH} FOR UPDATE SKIP LOCKED`.execute(trx);
      if (rows.length === 0) return 0;
      await sql`UPDATE articles a SET search = v.search::tsvector, search_version = ${SEARCH_INDEX_VERSION}
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => searchVector(r.title, r.text))}::text[]) AS v(id, search)
        WHERE a.id = v.id`.execute(trx);
      return rows.length;
    });
    if (n === 0) return done;
    done += n;
  }
}

interface Compiled {
  where: RawBuilder<unknown>;
  /** The tsquery to rank by, when the results are in relevance order. */
  rankBy: string | null;
  /** Whether the query has words, so the GIN index is the way to its matches. */
  words: boolean;
}

/** WHERE for a plan: the tsquery, the filters as bound parameters, copies left out. */
function compile(plan: SearchPlan): Compiled {
  const compiled = compileTsquery(plan.query, { timeZone: plan.timeZone });
  const f = compiled.filters;
  const where: RawBuilder<unknown>[] = [sql`a.duplicate_of IS NULL`];
  if (compiled.query !== null) where.push(sql`a.search @@ ${compiled.query}::tsquery`);
  else if (compiled.exclude !== null) where.push(sql`NOT COALESCE(a.search @@ ${compiled.exclude}::tsquery, false)`);
  const norms = (list: { norm: string }[]) => list.map((n) => n.norm);
  if (f.sources.length > 0) where.push(sql`a.source_id IN (SELECT id FROM sources WHERE name_norm = ANY(${norms(f.sources)}::text[]))`);
  if (f.notSources.length > 0) {
    where.push(sql`(a.source_id IS NULL OR a.source_id NOT IN (SELECT id FROM sources WHERE name_norm = ANY(${norms(f.notSources)}::text[])))`);
  }
  // A tag is named by its key (country:JO) as the tag pages link it, or by its name in any spelling.
  const tagged = (tag: { text: string; norm: string }) =>
    sql`(SELECT t.article_id FROM article_tags t JOIN tags g ON g.id = t.tag_id WHERE g.key = ${tag.text} OR g.name_norm = ${tag.norm})`;
  for (const tag of f.tags) where.push(sql`a.id IN ${tagged(tag)}`);
  for (const tag of f.notTags) where.push(sql`a.id NOT IN ${tagged(tag)}`);
  if (f.publishedFrom !== null) where.push(sql`${WHEN} >= ${f.publishedFrom}::timestamptz`);
  if (f.publishedBefore !== null) where.push(sql`${WHEN} < ${f.publishedBefore}::timestamptz`);
  return {
    where: sql.join(where, sql` AND `),
    rankBy: compiled.query !== null && plan.sort === 'relevance' ? compiled.query : null,
    words: compiled.query !== null,
  };
}

type PageRow = Article & { copies: number };

/** A page in date order (newest first), from a cursor. */
async function page(db: Kysely<Database>, plan: SearchPlan, c: Compiled): Promise<{ rows: PageRow[]; next: string | null }> {
  const limit = plan.limit + 1;
  const after = plan.position.kind === 'before'
    ? sql` AND (${WHEN}, a.id) < (${plan.position.at}::timestamptz, ${plan.position.id}::bigint)`
    : sql``;
  const { rows } = await sql<PageRow>`SELECT ${sql.raw(ARTICLE_COLUMNS_SQL)}, (SELECT COUNT(*) FROM articles x WHERE x.duplicate_of = a.id) AS copies
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE ${c.where}${after} ORDER BY ${WHEN} DESC, a.id DESC LIMIT ${limit}`.execute(db);
  const more = rows.length > plan.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  const next = more && last ? encodeCursor({ kind: 'before', at: last.published_at ?? last.fetched_at, id: last.id }) : null;
  return { rows, next };
}

/** Total and facets of date order, in one grouped pass over the whole result set. */
async function facets(db: Kysely<Database>, plan: SearchPlan, c: Compiled): Promise<{ total: number; facets: SearchFacets }> {
  // Days at the zone's offset at "now", as SQLite groups them, so both backends give the same days.
  const offset = zoneOffsetMinutes(plan.timeZone, plan.now);
  const { rows } = await sql<Counts[number]>`
    SELECT a.source_id, s.name, to_char((${WHEN} AT TIME ZONE 'UTC') + make_interval(mins => ${offset}::int), 'YYYY-MM-DD') AS day,
      COUNT(*) AS n
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE ${c.where} GROUP BY a.source_id, s.name, day`.execute(db);
  return { total: rows.reduce((sum, r) => sum + r.n, 0), facets: facetLists(rows, false) };
}

type Counts = Array<{ source_id: number | null; name: string | null; day: string | null; n: number }>;

function facetLists(rows: Counts, approximate: boolean): SearchFacets {
  const sources = new Map<number | null, { source_id: number | null; name: string | null; count: number }>();
  const days = new Map<string, number>();
  for (const r of rows) {
    const s = sources.get(r.source_id) ?? { source_id: r.source_id, name: r.name, count: 0 };
    s.count += r.n;
    sources.set(r.source_id, s);
    if (r.day) days.set(r.day, (days.get(r.day) ?? 0) + r.n);
  }
  return {
    sources: [...sources.values()].sort((a, b) => b.count - a.count || (a.source_id ?? 0) - (b.source_id ?? 0)).slice(0, MAX_SOURCE_FACETS),
    days: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, MAX_DAY_FACETS),
    approximate,
  };
}

/**
 * Relevance order over the query's `window` newest matches (RANK_WINDOW, search-plan.ts): one pass
 * over the matches counts them and lists the window's ids, reading no vector (GIN answers a query
 * of words alone); then ts_rank_cd reads the vectors of the window only, and one statement ranks
 * it and counts it by outlet and day.
 */
async function rankWindow(db: Kysely<Database>, plan: SearchPlan, c: Compiled, window: number): Promise<{ ids: number[]; total: number; facets: SearchFacets }> {
  const offset = plan.position.kind === 'offset' ? plan.position.offset : 0;
  // MATERIALIZED keeps the matches a bitmap scan of the GIN index: with the ORDER BY id beside
  // it, the planner walked the primary key newest first and tested every article's vector, which
  // for a common word read all of them.
  const { rows: newest } = await sql<{ n: number; id: number }>`WITH m AS MATERIALIZED (SELECT a.id FROM articles a WHERE ${c.where})
    SELECT count(*) OVER () AS n, id FROM m ORDER BY id DESC LIMIT ${window}`.execute(db);
  const matches = newest[0]?.n ?? 0;
  const zone = zoneOffsetMinutes(plan.timeZone, plan.now);
  const age = sql`abs(extract(epoch FROM (${plan.now.toISOString()}::timestamptz - at)))::float8 / 86400.0`;
  const { rows } = await sql<{ id: number | null; score: number | null; source_id: number | null; name: string | null; day: string | null; n: number | null }>`
    WITH win AS MATERIALIZED (
      SELECT a.id, a.source_id, ${WHEN} AS at,
        ts_rank_cd(${sql.lit(RANK_WEIGHTS)}::float4[], a.search, ${c.rankBy}::tsquery, ${sql.lit(RANK_NORMALIZATION)})::float8 AS rank
      FROM articles a WHERE a.id = ANY(${newest.map((r) => r.id)}::bigint[]))
    (SELECT id, score, NULL::bigint AS source_id, NULL::text AS name, NULL::text AS day, NULL::bigint AS n FROM
      (SELECT id, rank * (1.0 + ${sql.lit(FRESHNESS_BOOST)} / (1.0 + ${age} / ${sql.lit(FRESHNESS_DAYS)})) AS score FROM win) scored
      ORDER BY score DESC, id DESC LIMIT ${plan.limit + 1} OFFSET ${offset})
    UNION ALL
    SELECT NULL, NULL, w.source_id, s.name, to_char((w.at AT TIME ZONE 'UTC') + make_interval(mins => ${zone}::int), 'YYYY-MM-DD') AS day, COUNT(*)
    FROM win w LEFT JOIN sources s ON s.id = w.source_id GROUP BY w.source_id, s.name, day`.execute(db);
  const page = rows.filter((r) => r.n === null).sort((x, y) => y.score! - x.score! || y.id! - x.id!).map((r) => r.id!);
  const counts = rows.filter((r) => r.n !== null) as Counts;
  return { ids: page, total: matches, facets: facetLists(counts, matches > window) };
}

/** Run a planned search on PostgreSQL; `window` is search-plan.ts's RANK_WINDOW unless a test sets it. */
export async function searchPostgres(db: Kysely<Database>, plan: SearchPlan, window = RANK_WINDOW): Promise<SearchResults> {
  const c = compile(plan);
  if (!c.words) return run(db, plan, c, window);
  // A word in a fifth of the articles or more makes the planner prefer reading the whole table to
  // the GIN index; but testing a row means decompressing its vector, which it does not count, and
  // a common word's search took half a second on SaudiNewsNet. Within this transaction only, the
  // index is the way: GIN's bitmap of matches reads no vector at all.
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    // A word in 100k+ articles makes GIN's bitmap of matches larger than the default 4 MB of
    // work_mem; PostgreSQL then keeps pages, not rows, and re-checks every vector on them: 10–22 s a
    // search at 1M articles (bench/search.ts). Enough for the bitmap, for this transaction only.
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return run(trx, plan, c, window);
  });
}

async function run(db: Kysely<Database>, plan: SearchPlan, c: Compiled, window: number): Promise<SearchResults> {
  if (c.rankBy === null) {
    const [{ rows, next }, { total, facets: f }] = await Promise.all([page(db, plan, c), facets(db, plan, c)]);
    return { ok: true, items: items(rows, plan), total, next_cursor: next, facets: f, notices: plan.query.notices, sort: 'date' };
  }
  const ranked = await rankWindow(db, plan, c, window);
  const { rows: found } = await sql<PageRow>`SELECT ${sql.raw(ARTICLE_COLUMNS_SQL)}, (SELECT COUNT(*) FROM articles x WHERE x.duplicate_of = a.id) AS copies
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ANY(${ranked.ids.slice(0, plan.limit)}::bigint[])`.execute(db);
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ranked.ids.slice(0, plan.limit).map((id) => byId.get(id)).filter((r) => r !== undefined);
  const offset = (plan.position.kind === 'offset' ? plan.position.offset : 0) + plan.limit;
  const next = ranked.ids.length > plan.limit && offset < MAX_RELEVANCE_OFFSET ? encodeCursor({ kind: 'offset', offset }) : null;
  return { ok: true, items: items(rows, plan), total: ranked.total, next_cursor: next, facets: ranked.facets, notices: plan.query.notices, sort: 'relevance' };
}

function items(rows: PageRow[], plan: SearchPlan) {
  return rows.map((row) => {
    const article = toArticle(row);
    return { article, copies: row.copies, snippet: buildSnippet(article.text, plan.analyzed) };
  });
}
