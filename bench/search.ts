/**
 * Search on SaudiNewsNet: index build time, index size, and p50/p95/p99 latency (wall, and CPU)
 * over the same mixed queries, in the same run, for SQLite FTS5 (through the real store: ranking,
 * count, facets, snippets and copies folded; and the bare MATCH + bm25 beside it), PostgreSQL
 * (through the real store too: tsvector and GIN, search-postgres.ts), MiniSearch and FlexSearch
 * (each in a child process of its own, search-peers.ts). Each timed pass runs every query on every
 * engine in turn, rotating which goes first, so a busy machine slows them alike. Each engine times a
 * query where it runs (search-engine.ts): CPU is this process's for the stores, the child's for the
 * peers, and PostgreSQL's server processes have theirs apart (`server_cpu`), as the store's client
 * side is all `cpu` sees. Each engine's entry says what one query returns: the store a whole
 * results page, the peers 20 ids, and the bare FTS5 lookups 20 ids by bm25 (fts5_match) or the 20
 * newest, stopping there as FlexSearch does (fts5_newest): the index alone, without the page's work.
 *
 * Articles are stored as a crawler stores them: in publication order (the corpus's own dates), each
 * under its outlet (14 sources). Every engine indexes the same tokens: our analyzer's stems
 * (searchDocument), title and body, so the comparison is of index and query engines, not of
 * tokenizers (eval/search.ts compares those). Peers get the stems as space-separated text and a
 * whitespace tokenizer; every query word is required (AND) in all of them; a "phrase" is its words
 * ANDed for the peers, which have no phrase search.
 *
 * The store ranks a query's RANK_WINDOW newest matches (search-plan.ts): `window_agreement`
 * says how much of each first page is the page an exhaustive ranking of every match gives.
 * `postgres_agreement` checks that PostgreSQL holds what SQLite holds: the same first page and
 * total in date order, the same totals in relevance order (its first page is ranked by another
 * function, so the share in common is a figure, not a check).
 *
 * Sizes: full (31k articles), --small (2,000 articles, for CI; PostgreSQL only with
 * MARSAD_BENCH_POSTGRES=1, as starting a cluster is most of a small run), --huge (SaudiNewsNet
 * replicated to 1M articles: each copy with its own URLs and dates shifted past the previous copy's,
 * as if the outlets had written 33 × 3 weeks of news). Every engine runs at every size. For --huge
 * the stores insert the first copy through their own insert path and make the other replicas from
 * it without analyzing a text again (here for SQLite, in SQL for PostgreSQL), so both hold the same
 * articles under the same ids; the peers index each replica as a document of its own. On this
 * 2-core machine, shared, the 1M SQLite database took 50 minutes to build, PostgreSQL 25 (19 of
 * them the GIN index), MiniSearch 15–20 and FlexSearch 8–14, by the load: MARSAD_BENCH_SEARCH_DB=FILE
 * keeps the SQLite database (build figures in FILE.json) and MARSAD_BENCH_PG_DIR=DIR the PostgreSQL
 * cluster (a database per size, figures inside), and a later run measures the queries on them
 * again; the peers are built on every run. At 1M MiniSearch's index takes about 6 GB of heap, past
 * Node's default limit, hence the children (MARSAD_BENCH_PEER_HEAP_MB, 11 GB by default); a peer
 * that runs out is reported as `{ error }` with the heap it had reached, as is PostgreSQL that
 * cannot start, and the others are measured. `load_average_1m` is the machine's load during the
 * timed pass, as the figures depend on it.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewArticle } from '../src/model/index.ts';
import { compileFts5, parseQuery } from '../src/search/index.ts';
import { planSearch } from '../src/store/search-plan.ts';
import type { SearchPage, SearchRequest } from '../src/store/search-types.ts';
import { INSERT_SEARCH_ROW, registerSearchFunctions, SEARCH_INDEX_VERSION, SEARCH_LAYOUT, searchRow, searchSqlite } from '../src/store/sqlite/search.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { type CorpusArticle, mixedQueries, newArticle, nowAfter, readCorpus } from './search-corpus.ts';
import { type Engine, type Sample, timeHere } from './search-engine.ts';
import { startPeer } from './search-peers.ts';
import { postgresEngine } from './search-postgres.ts';
import { sharedPath } from './shared-data.ts';
import { nearestRank } from './stats.ts';

const SMALL_ARTICLES = 2_000;
/** MARSAD_BENCH_HUGE_ARTICLES sets another size, to try the --huge path quickly (with --small, on 2,000). */
const HUGE_ARTICLES = Number(process.env.MARSAD_BENCH_HUGE_ARTICLES) || 1_000_000;
const PAGE = 20;
const INSERT_BATCH = 1_000;
/**
 * At 1M, every 4th query (of each kind: words, pairs, phrases) for the check that PostgreSQL holds
 * what SQLite holds: date order counts every match on both, seconds per broad query.
 */
const HUGE_AGREEMENT_EVERY = 4;

interface Latency {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
}

function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => +nearestRank(sorted, p / 100)!.toFixed(3);
  return { p50_ms: at(50), p95_ms: at(95), p99_ms: at(99), mean_ms: +(samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(3) };
}

/**
 * One warm-up pass, then one timed pass; each query runs on every engine before the next query,
 * the engine that goes first rotating. Each engine times its queries where it runs (search-engine.ts).
 */
async function measureAll(queries: string[], engines: Record<string, Engine>): Promise<{ latency: Record<string, Record<string, Latency>>; load: Record<string, number> }> {
  const names = Object.keys(engines);
  const samples = new Map(names.map((n) => [n, [] as Sample[]]));
  // The machine may be shared: its 1-minute load average at each query of the timed pass.
  const load: number[] = [];
  for (const timed of [false, true]) {
    for (const [i, q] of queries.entries()) {
      if (timed) load.push(loadavg()[0]!);
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const sample = await engines[name]!.measure(q);
        if (timed) samples.get(name)!.push(sample);
      }
    }
  }
  const latency = Object.fromEntries(names.map((n) => {
    const list = samples.get(n)!;
    const server = list.flatMap((s) => (s.server_cpu_ms === undefined ? [] : [s.server_cpu_ms]));
    return [n, { wall: percentiles(list.map((s) => s.wall_ms)), cpu: percentiles(list.map((s) => s.cpu_ms)), ...(server.length ? { server_cpu: percentiles(server) } : {}) }];
  }));
  const round = (x: number) => +x.toFixed(2);
  return { latency, load: { min: round(Math.min(...load)), mean: round(load.reduce((s, x) => s + x, 0) / load.length), max: round(Math.max(...load)) } };
}

interface SqliteBuild {
  articles: number;
  build_s: number;
  articles_per_s: number;
  /** The first copy of the corpus, through the store's own insert path. */
  store_insert: { articles: number; build_s: number; articles_per_s: number };
  index_mb: number;
  database_mb: number;
  built_at: string;
  /** SEARCH_INDEX_VERSION of the rows: a kept database of another is built again, not reindexed at open for an hour. */
  search_version: number;
}

/**
 * The store builds the first copy of the corpus (its insert path: analyzer, article row, index row
 * in one transaction); later replicas, for --huge, reuse the analyzer's output for their text and
 * write the same two rows with SQL of their own, as the store does but without analyzing a text a
 * second time, which would take hours on a shared machine and measure nothing new.
 */
async function buildSqlite(path: string, corpus: CorpusArticle[], total: number): Promise<SqliteBuild> {
  const store = SqliteStore.open(path);
  const sources = new Map<string, number>();
  for (const name of new Set(corpus.map((a) => a.source))) {
    sources.set(name, (await store.addSource({ name, url: `https://bench.example/${encodeURIComponent(name)}/feed`, kind: 'import' })).source.id);
  }
  const first = Math.min(total, corpus.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < first; i += INSERT_BATCH) {
    const batch: NewArticle[] = [];
    for (let j = i; j < Math.min(first, i + INSERT_BATCH); j++) batch.push(newArticle(corpus, j, sources));
    await store.insertArticles(batch);
  }
  const storeBuild = Number(process.hrtime.bigint() - start) / 1e9;
  await store.close();
  if (total > first) replicate(path, corpus, first, total, sources);
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  const db = new Database(path, { readonly: true });
  const { bytes } = db.prepare(`SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'article_search%'`).get() as { bytes: number };
  const { whole } = db.prepare('SELECT SUM(pgsize) AS whole FROM dbstat').get() as { whole: number };
  db.close();
  return {
    articles: total, build_s: +build.toFixed(2), articles_per_s: Math.round(total / build),
    store_insert: { articles: first, build_s: +storeBuild.toFixed(2), articles_per_s: Math.round(first / storeBuild) },
    index_mb: +(bytes / 1e6).toFixed(1), database_mb: +(whole / 1e6).toFixed(1), built_at: new Date().toISOString(),
    search_version: SEARCH_INDEX_VERSION,
  };
}

function replicate(path: string, corpus: CorpusArticle[], from: number, total: number, sources: Map<string, number>): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const docs = corpus.map((a) => searchRow(a.title, a.body));
  const article = db.prepare(`INSERT INTO articles (url, source_id, title, body, text, published_at, published_offset, fetched_at, authors, lang, search_version)
    VALUES (@url, @source_id, @title, @body, @text, @published_at, @published_offset, @fetched_at, '[]', @lang, ${SEARCH_INDEX_VERSION})`);
  const row = db.prepare(INSERT_SEARCH_ROW);
  for (let i = from; i < total; i += INSERT_BATCH) {
    db.transaction(() => {
      for (let j = i; j < Math.min(total, i + INSERT_BATCH); j++) {
        const a = newArticle(corpus, j, sources);
        const id = Number(article.run(a).lastInsertRowid);
        row.run(id, ...docs[j % corpus.length]!);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The store's search and the bare FTS5 lookup, on a database built for the run or kept from an earlier one. */
async function sqliteEngines(corpus: CorpusArticle[], total: number, queries: string[], now: Date): Promise<{ store: Engine & { search: Search }; bare: Engine; newest: Engine; agreement: Record<string, number> }> {
  const kept = process.env.MARSAD_BENCH_SEARCH_DB;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  const path = kept ?? join(dir!, 'search.db');
  let build: SqliteBuild;
  if (kept && existsSync(path) && existsSync(`${path}.json`)) {
    build = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as SqliteBuild;
    if (build.articles !== total) throw new Error(`${path} holds ${build.articles} articles, not ${total}: remove it to build again`);
    if (build.search_version !== SEARCH_INDEX_VERSION) {
      throw new Error(`${path} was indexed by search version ${build.search_version ?? 1}, not ${SEARCH_INDEX_VERSION}: remove it to build again`);
    }
  } else {
    build = await buildSqlite(path, corpus, total);
    if (kept) writeFileSync(`${path}.json`, JSON.stringify(build));
  }
  const store = SqliteStore.open(path);
  const db = new Database(path, { readonly: true });
  registerSearchFunctions(db);
  const bare = db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 4, 4, 1, 1) LIMIT ${PAGE}`);
  const newest = db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ${PAGE}`);
  const matchOf = new Map(queries.map((q) => {
    const parsed = parseQuery(q);
    return [q, parsed.ok ? compileFts5(parsed.query, { ...SEARCH_LAYOUT, timeZone: 'Asia/Riyadh' }).match : null];
  }));
  const agreement = windowAgreement(db, queries, now);
  const close = async () => {
    db.close();
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return {
    store: { search: (request) => store.search(request), measure: (q) => timeHere(() => store.search({ q, limit: PAGE, now })), close, report: { ...build, returns: 'a results page: 20 articles with snippets, exact total, facets by outlet and day, copies folded' } },
    bare: { measure: (q) => timeHere(() => (matchOf.get(q) ? bare.all(matchOf.get(q)) : [])), close: async () => undefined, report: { returns: '20 ids by bm25 alone' } },
    newest: {
      measure: (q) => timeHere(() => (matchOf.get(q) ? newest.all(matchOf.get(q)) : [])), close: async () => undefined,
      report: { returns: 'the 20 newest ids, stopping at the limit: no ranking, total, facets or snippets (the work FlexSearch does)' },
    },
    agreement,
  };
}

/**
 * How much of the store's first page (ranked over the newest RANK_WINDOW matches) is the first page
 * of an exhaustive ranking of every match, averaged over the queries; and how many pages are equal.
 */
function windowAgreement(db: Database.Database, queries: string[], now: Date): Record<string, number> {
  let shared = 0;
  let equal = 0;
  let windowed = 0;
  for (const q of queries) {
    const plan = planSearch({ q, now, limit: PAGE });
    if ('ok' in plan) continue;
    const fast = searchSqlite(db, plan);
    const full = searchSqlite(db, plan, Infinity);
    const ids = fast.items.map((i) => i.article.id);
    const want = full.items.map((i) => i.article.id);
    shared += want.length === 0 ? 1 : want.filter((id) => ids.includes(id)).length / want.length;
    if (JSON.stringify(ids) === JSON.stringify(want)) equal++;
    if (fast.facets.approximate) windowed++;
  }
  return { queries_past_window: windowed, same_first_page: equal, mean_shared_of_20: +(shared / queries.length).toFixed(3) };
}

type Search = (request: SearchRequest) => Promise<SearchPage>;

/**
 * Whether PostgreSQL holds the articles SQLite holds, query by query: in date order (newest first,
 * by id among equals) the two must give the same first page and total; in relevance order the same
 * total, and a first page ranked by another function (ts_rank_cd has no idf), so the share of it in
 * common is a figure, not a check.
 */
async function backendAgreement(sqlite: Search, postgres: Search, queries: string[], now: Date): Promise<Record<string, number>> {
  const ids = (page: SearchPage) => (page.ok ? page.items.map((i) => i.article.id) : []);
  const total = (page: SearchPage) => (page.ok ? page.total : -1);
  let sameDate = 0;
  let sameTotal = 0;
  let shared = 0;
  for (const q of queries) {
    const [a, b] = [await sqlite({ q, sort: 'date', limit: PAGE, now }), await postgres({ q, sort: 'date', limit: PAGE, now })];
    if (JSON.stringify(ids(a)) === JSON.stringify(ids(b)) && total(a) === total(b)) sameDate++;
    const [x, y] = [await sqlite({ q, limit: PAGE, now }), await postgres({ q, limit: PAGE, now })];
    if (total(x) === total(y)) sameTotal++;
    const want = ids(x);
    shared += want.length === 0 ? 1 : ids(y).filter((id) => want.includes(id)).length / want.length;
  }
  return { queries: queries.length, same_date_page_and_total: sameDate, same_relevance_total: sameTotal, relevance_shared_of_20: +(shared / queries.length).toFixed(3) };
}

function log(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

export async function benchSearch(opts: { small: boolean; huge?: boolean }) {
  const path = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!path) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const limit = opts.small ? SMALL_ARTICLES : Infinity;
  const corpus = await readCorpus(path, limit);
  const queries = mixedQueries(corpus.map((a) => a.title));
  const total = opts.huge ? HUGE_ARTICLES : corpus.length;
  const now = nowAfter(corpus, total);
  const engines: Record<string, Engine> = {};
  const skipped: Record<string, unknown> = {};
  let agreement: Record<string, unknown> = {};
  try {
    const sqlite = await sqliteEngines(corpus, total, queries, now);
    engines.sqlite = sqlite.store;
    engines.fts5_match = sqlite.bare;
    engines.fts5_newest = sqlite.newest;
    agreement = { window_agreement: sqlite.agreement };
    if (opts.small && process.env.MARSAD_BENCH_POSTGRES !== '1') skipped.postgres = { skipped: 'small run (MARSAD_BENCH_POSTGRES=1 adds it)' };
    else {
      const postgres = await postgresEngine(corpus, total, now, log);
      if ('error' in postgres) skipped.postgres = postgres;
      else {
        engines.postgres = postgres;
        log('postgres: comparing its pages with SQLite\'s');
        const sample = queries.filter((_, i) => i % (opts.huge ? HUGE_AGREEMENT_EVERY : 1) === 0);
        agreement.postgres_agreement = await backendAgreement(sqlite.store.search, (request) => postgres.store.search(request), sample, now);
      }
    }
    // One at a time, so that each builds on a machine the other is not loading.
    for (const kind of ['minisearch', 'flexsearch'] as const) {
      const peer = await startPeer(kind, path, limit, total, log);
      if ('error' in peer) skipped[kind] = peer;
      else engines[kind] = peer;
    }
    const { latency, load } = await measureAll(queries, engines);
    const results = Object.fromEntries(Object.entries(engines).map(([name, e]) => [name, { ...e.report, ...latency[name] }]));
    return {
      corpus: opts.huge ? `saudinewsnet ×${Math.ceil(total / corpus.length)}` : 'saudinewsnet',
      articles: total,
      queries: queries.length,
      now: now.toISOString(),
      load_average_1m: load,
      ...agreement,
      ...results,
      ...skipped,
    };
  } finally {
    for (const e of Object.values(engines)) await e.close();
  }
}
