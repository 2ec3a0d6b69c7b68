/**
 * Search quality as ranked retrieval: recall@10, recall@100 and MRR of three analyzers, each built
 * into SQLite FTS5 the same way (title and body columns, bm25 with the title weighted as the store
 * weights it, every query word required): ours (src/arabic's light stems, what the store indexes
 * through searchDocument), Snowball's Arabic stemmer, and no stemming (normalized surface forms). A
 * fourth row, `store`, runs ours through the real SqliteStore.search (freshness blend, copies and
 * all) to show the product ranks as the bare index does. Two PostgreSQL rows (search-postgres.ts,
 * on a server started for the run): `pg_arabic`, PostgreSQL's built-in `arabic` configuration, and
 * `pg_store`, our PostgresStore.search; null, with `postgres_error` saying why, when no server starts.
 *
 * Data: a fixed sample of SaudiNewsNet from ../shared (every SAMPLE_EVERY-th article), read at run
 * time and never copied into the project. Queries: search-queries.ts, two concepts each. Relevance is
 * established the way eval/stemmers.ts does it: an article is relevant when its normalized tokens hold
 * an accepted surface form (hand-listed in stemmer-queries.ts, plus the clitics and suffixes any
 * reader accepts) of every concept. It is lexical relevance: it measures whether the index finds the
 * forms a reader means and ranks articles that hold them first, not topical judgement.
 *
 * recall@k is the share of the relevant articles the top k could hold that it does hold:
 * |relevant ∩ top k| / min(k, |relevant|), so a query with 3 relevant articles scores 1 when all 3 are
 * in the top 10. MRR is the mean of 1 / rank of the first relevant result (0 when none is retrieved).
 */
import Database from 'better-sqlite3';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { isStopWord, terms, tokenize } from '../src/arabic/index.ts';
import { quoteFts5 } from '../src/search/index.ts';
import type { NewArticle } from '../src/model/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { startPostgresSearchers } from './search-postgres.ts';
import { SEARCH_QUERY_PAIRS } from './search-queries.ts';
import { STEMMER_QUERIES } from './stemmer-queries.ts';
import { snowballTerms, surfaceVariants } from './stemmers.ts';

/** Every SAMPLE_EVERY-th article, up to SAMPLE_SIZE: all outlets and all three weeks, in about 20 s. */
const SAMPLE_EVERY = 6;
const SAMPLE_SIZE = 5_000;
const TOP = 100;
/** As the store weights the title's columns (src/store/sqlite/search.ts). */
const TITLE_WEIGHT = 4;

export type SearchAnalyzerName = 'marsad' | 'snowball' | 'none' | 'store';
export type PostgresAnalyzerName = 'pg_arabic' | 'pg_store';

export interface RankScore {
  recall_at_10: number;
  recall_at_100: number;
  mrr: number;
}

export interface SearchEval {
  articles: number;
  queries: number;
  /** Queries with no relevant article in the sample: left out of the averages. */
  skipped: string[];
  analyzers: Record<SearchAnalyzerName, RankScore> & Record<PostgresAnalyzerName, RankScore | null>;
  /** Why the PostgreSQL rows are null: the server did not start, or was not asked for. */
  postgres_error: string | null;
  per_query: Array<{ query: string; relevant: number } & Record<SearchAnalyzerName, RankScore> & Partial<Record<PostgresAnalyzerName, RankScore>>>;
}

interface Sample {
  id: string;
  title: string;
  body: string;
  date: string;
}

async function loadSample(path: string): Promise<Sample[]> {
  const out: Sample[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let i = 0;
  for await (const line of lines) {
    if (i++ % SAMPLE_EVERY !== 0) continue;
    const a = JSON.parse(line) as { id: string; title?: string; body?: string; date?: string };
    out.push({ id: a.id, title: a.title ?? '', body: a.body ?? '', date: a.date ?? '2015-08-01 00:00:00' });
    if (out.length >= SAMPLE_SIZE) break;
  }
  lines.close();
  return out;
}

/** An FTS5 index over one analyzer's terms; returns a ranked search (sample indexes, best first). */
function buildIndex(samples: Sample[], analyze: (text: string) => string[]): (query: string) => number[] {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 0')`);
  const insert = db.prepare('INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => samples.forEach((s, i) => insert.run(i + 1, analyze(s.title).join(' '), analyze(s.body).join(' '))))();
  const search = db.prepare(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, ${TITLE_WEIGHT}, 1) LIMIT ${TOP}`);
  return (query) => {
    const wanted = [...new Set(analyze(query))];
    if (wanted.length === 0) return [];
    return (search.all(wanted.map(quoteFts5).join(' AND ')) as Array<{ rowid: number }>).map((r) => r.rowid - 1);
  };
}

function unstemmed(text: string): string[] {
  return tokenize(text).filter((t) => !isStopWord(t.norm)).map((t) => t.norm);
}

function rankScore(ranked: number[], relevant: Set<number>): RankScore {
  const hits = (k: number) => ranked.slice(0, k).filter((i) => relevant.has(i)).length;
  const first = ranked.findIndex((i) => relevant.has(i));
  return {
    recall_at_10: hits(10) / Math.min(10, relevant.size),
    recall_at_100: hits(100) / Math.min(100, relevant.size),
    mrr: first < 0 ? 0 : 1 / (first + 1),
  };
}

function mean(scores: RankScore[]): RankScore {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const avg = (f: (s: RankScore) => number) => round(scores.reduce((sum, s) => sum + f(s), 0) / scores.length);
  return { recall_at_10: avg((s) => s.recall_at_10), recall_at_100: avg((s) => s.recall_at_100), mrr: avg((s) => s.mrr) };
}

/** "Now" for the stores' freshness: the day after the sample's last week. */
const NOW = new Date('2015-08-12T00:00:00Z');

function toNewArticle(s: Sample): NewArticle {
  const at = `${s.date.replace(' ', 'T')}.000Z`;
  return {
    external_id: s.id, url: `https://eval.example/${s.id}`, source_id: null, title: s.title, lead: null, body: '', text: s.body,
    published_at: at, published_offset: null, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
  };
}

/** The store's own search over the same sample, for the `store` row. */
async function storeSearch(samples: Sample[]): Promise<{ search: (q: string) => Promise<number[]>; close: () => Promise<void> }> {
  const store = SqliteStore.open(':memory:');
  const results = await store.insertArticles(samples.map(toNewArticle));
  const index = new Map(results.map((r, i) => [r.id, i]));
  return {
    search: async (q) => {
      const page = await store.search({ q, limit: TOP, now: NOW, timeZone: 'Asia/Riyadh' });
      return page.ok ? page.items.map((h) => index.get(h.article.id)!) : [];
    },
    close: () => store.close(),
  };
}

/** Add the PostgreSQL rows to each query's scores; returns why they are missing, or null. */
async function scorePostgres(samples: Sample[], perQuery: SearchEval['per_query'], relevantOf: Array<Set<number>>): Promise<string | null> {
  let postgres: Awaited<ReturnType<typeof startPostgresSearchers>>;
  try {
    postgres = await startPostgresSearchers(samples.map(toNewArticle), TOP, NOW);
  } catch (err) {
    const reason = `PostgreSQL could not be started or filled: ${(err as Error).message}`;
    process.stderr.write(`evalSearch: ${reason}; the PostgreSQL rows are null\n`);
    return reason;
  }
  try {
    for (const [i, q] of perQuery.entries()) {
      q.pg_arabic = rankScore(await postgres.arabic(q.query), relevantOf[i]!);
      q.pg_store = rankScore(await postgres.store(q.query), relevantOf[i]!);
    }
  } finally {
    await postgres.close();
  }
  return null;
}

/**
 * Recall@10, recall@100 and MRR per analyzer; null when ../shared is absent. `postgres: false`
 * leaves the PostgreSQL rows out (null), for a test that must be quick.
 */
export async function evalSearch(opts: { postgres?: boolean } = {}): Promise<SearchEval | null> {
  const shared = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
  const path = join(shared, 'corpus', 'saudinewsnet', 'articles.jsonl.gz');
  if (!existsSync(path)) {
    process.stderr.write('evalSearch: ../shared/corpus/saudinewsnet is absent; skipping the search evaluation\n');
    return null;
  }
  const samples = await loadSample(path);
  const byKey = new Map(STEMMER_QUERIES.map((q) => [q.query, q]));
  const indexes = {
    marsad: buildIndex(samples, terms),
    snowball: buildIndex(samples, snowballTerms()),
    none: buildIndex(samples, unstemmed),
  };
  const store = await storeSearch(samples);
  const norms = samples.map((s) => new Set(tokenize(`${s.title}\n${s.body}`).map((t) => t.norm)));

  const perQuery: SearchEval['per_query'] = [];
  const skipped: string[] = [];
  const relevantOf: Array<Set<number>> = [];
  for (const [a, b] of SEARCH_QUERY_PAIRS) {
    const qa = byKey.get(a);
    const qb = byKey.get(b);
    if (!qa || !qb) throw new Error(`search-queries.ts names a query stemmer-queries.ts lacks: ${!qa ? a : b}`);
    const query = `${qa.query} ${qb.query}`;
    const groups = [...qa.concepts, ...qb.concepts].map((forms) => new Set(forms.flatMap(surfaceVariants)));
    const relevant = new Set<number>();
    norms.forEach((set, i) => {
      if (groups.every((g) => [...g].some((v) => set.has(v)))) relevant.add(i);
    });
    if (relevant.size === 0) {
      skipped.push(query);
      continue;
    }
    perQuery.push({
      query,
      relevant: relevant.size,
      marsad: rankScore(indexes.marsad(query), relevant),
      snowball: rankScore(indexes.snowball(query), relevant),
      none: rankScore(indexes.none(query), relevant),
      store: rankScore(await store.search(query), relevant),
    });
    relevantOf.push(relevant);
  }
  await store.close();
  const postgresError = opts.postgres ?? true ? await scorePostgres(samples, perQuery, relevantOf) : 'not run (evalSearch({ postgres: false }))';
  const postgres = postgresError === null;
  const names: SearchAnalyzerName[] = ['marsad', 'snowball', 'none', 'store'];
  const pgRow = (n: PostgresAnalyzerName) => (postgres ? mean(perQuery.map((q) => q[n]!)) : null);
  return {
    articles: samples.length,
    queries: perQuery.length,
    skipped,
    analyzers: {
      ...Object.fromEntries(names.map((n) => [n, mean(perQuery.map((q) => q[n]))])) as Record<SearchAnalyzerName, RankScore>,
      pg_arabic: pgRow('pg_arabic'),
      pg_store: pgRow('pg_store'),
    },
    postgres_error: postgresError,
    per_query: perQuery,
  };
}
