/**
 * Pages on SaudiNewsNet: requests/s and latency of the article, story, home and search pages of our
 * site over a SQLite database holding the whole corpus (31k articles, imported and placed in stories
 * as `marsad import` does), each next to the floor of our stack: Hono and @hono/node-server returning
 * a fixed body of the same size on the same routes. Both servers run in their own process
 * (bench/pages-server.ts), are loaded one at a time by autocannon in this one, with the same
 * connections for the same time, so the ratio is measured side by side in the same run.
 *
 * Requests vary: each goes to the next of a few hundred article ids or stories (spread over the
 * corpus) or search queries; the home page is one URL by nature. The site keeps rendered pages
 * (src/web/page-cache.ts), so after the warm-up those few hundred pages are mostly served from
 * memory, as the pages a news site's readers crowd onto are. The cold runs show the other end: every
 * request a different article of the 31k, none of them ever kept, so each is read and rendered. Each
 * run reports how many of its requests the cache answered (from the server's /metrics).
 *
 * Then the goal: the article page at a fixed 1,000 requests/s, p99 under 20 ms and within 3×
 * of the floor at the same rate. autocannon paces a rate as a per-second budget per connection, so
 * requests come in bursts at the start of each second: a harsher load than an even 1,000/s.
 *
 * Latencies are taken from each response (fractions of a millisecond) rather than from autocannon's
 * histogram, which rounds to whole milliseconds: a floor of 0 or 1 ms would make ratios meaningless.
 *
 * The full database is built once and kept in tmp/bench-cache/ (keyed by the corpus file's size and
 * date; MARSAD_BENCH_FRESH=1 builds it again). --small: 300 articles and 30 requests a run, for CI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once, type EventEmitter } from 'node:events';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { SEARCH_QUERY_PAIRS } from '../eval/search-queries.ts';
import { STEMMER_QUERIES } from '../eval/stemmer-queries.ts';
import { silentLogger } from '../src/log/index.ts';
import { importJsonl } from '../src/pipeline/import.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sharedPath } from './shared-data.ts';
import { nearestRank } from './stats.ts';

const SMALL_ARTICLES = 300;
/** Kept open at once by the load generator in the throughput runs (and the fixed-rate run). */
const CONNECTIONS = 10;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
/** --small counts requests instead of seconds, so even a slow, busy CI machine measures something. */
const SMALL_REQUESTS = 30;
const SMALL_WARMUP_REQUESTS = 10;
/** The goal: article page p99 under 20 ms at 1,000 requests/s, within 3× of the floor. */
const FIXED_RATE = 1_000;
const GOAL_P99_MS = 20;
const GOAL_FLOOR_RATIO = 3;
/** Distinct URLs per page kind that the requests cycle through. */
const TARGETS = 400;
/** Pages fetched once to size the floor's bodies (the median of them). */
const SIZE_SAMPLE = { full: 40, small: 5 };

const CACHE_DIR = fileURLToPath(new URL('../tmp/bench-cache/', import.meta.url));
const SERVER = fileURLToPath(new URL('./pages-server.ts', import.meta.url));

type Page = 'article' | 'story' | 'home' | 'search';
const PAGES: Page[] = ['article', 'story', 'home', 'search'];
/** Every article once, in a fixed shuffled order: requests no page cache can answer. */
type Paths = Record<Page, string[]> & { article_cold: string[] };

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}
type Autocannon = (opts: object, done: (err: Error | null, result: AutocannonResult) => void) => EventEmitter;
// No type definitions ship with autocannon; the little we use is typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function benchPages(opts: { small: boolean }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const scratch = mkdtempSync(join(tmpdir(), 'marsad-bench-pages-'));
  const servers: ChildProcess[] = [];
  try {
    const db = opts.small ? await buildDatabase(corpus, join(scratch, 'small.db'), SMALL_ARTICLES) : await cachedDatabase(corpus);
    const { paths, articles, stories, now } = pickTargets(db);
    const length: Length = opts.small ? { requests: SMALL_REQUESTS, warmup: SMALL_WARMUP_REQUESTS } : { seconds: SECONDS, warmup: WARMUP_SECONDS };

    const site = await startServer(['--db', db, '--now', now], servers);
    const bodies = {} as Record<Page, string>;
    const bytes = {} as Record<Page, number>;
    for (const page of PAGES) {
      const sized = await medianPage(site, paths[page].slice(0, opts.small ? SIZE_SAMPLE.small : SIZE_SAMPLE.full));
      bodies[page] = sized.body;
      bytes[page] = sized.bytes;
    }
    const floorFile = join(scratch, 'floor.json');
    writeFileSync(floorFile, JSON.stringify(bodies));
    const floor = await startServer(['--floor', floorFile], servers);

    const results: Record<string, object> = {};
    const runs: Array<[string, Page, string[]]> = [...PAGES.map((p): [string, Page, string[]] => [p, p, paths[p]]), ['article_cold', 'article', paths.article_cold]];
    for (const [name, page, urls] of runs) {
      const ours = await load(site, urls, length);
      const base = await load(floor, urls, length);
      results[name] = {
        bytes: bytes[page],
        urls: urls.length,
        ours,
        floor: base,
        requests_per_s_ratio: round(ours.requests_per_s / base.requests_per_s, 3),
        p99_ratio: round(ours.p99_ms / base.p99_ms, 2),
      };
    }

    const fixed = async (urls: string[]) => {
      const ours = await load(site, urls, length, FIXED_RATE);
      const base = await load(floor, urls, length, FIXED_RATE);
      const p99Ratio = round(ours.p99_ms / base.p99_ms, 2);
      return {
        rate: FIXED_RATE,
        urls: urls.length,
        ours,
        floor: base,
        p99_ratio: p99Ratio,
        goal: { p99_under_ms: GOAL_P99_MS, met_p99: ours.p99_ms < GOAL_P99_MS, within_floor_ratio: GOAL_FLOOR_RATIO, met_ratio: p99Ratio <= GOAL_FLOOR_RATIO },
      };
    };
    return {
      corpus: 'saudinewsnet',
      articles,
      /** Stories of two articles or more. */
      stories,
      connections: CONNECTIONS,
      ...length,
      ...results,
      article_at_fixed_rate: await fixed(paths.article),
      article_cold_at_fixed_rate: await fixed(paths.article_cold),
    };
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The whole corpus, imported once and kept: building it takes minutes on a loaded machine. */
async function cachedDatabase(corpus: string): Promise<string> {
  const { size, mtimeMs } = statSync(corpus);
  const path = join(CACHE_DIR, `pages-saudinewsnet-${size}-${Math.round(mtimeMs)}.db`);
  if (existsSync(path) && process.env.MARSAD_BENCH_FRESH !== '1') return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  // Built under another name and renamed, so an interrupted build is never taken for a finished one.
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  await buildDatabase(corpus, building, Infinity);
  renameSync(building, path);
  return path;
}

/** What `marsad import` does: articles tagged as they are stored, then placed in stories. */
async function buildDatabase(corpus: string, path: string, limit: number): Promise<string> {
  let file = corpus;
  if (Number.isFinite(limit)) {
    file = `${path}.jsonl.gz`;
    writeFileSync(file, gzipSync((await firstLines(corpus, limit)).join('\n')));
  }
  const store = SqliteStore.open(path);
  try {
    process.stderr.write(`  pages: importing ${Number.isFinite(limit) ? limit : 'all'} articles into ${path}…\n`);
    await importJsonl(file, store, () => {});
    await (await StoryStage.open(store, { log: silentLogger })).placeBacklog();
  } finally {
    await store.close();
  }
  return path;
}

async function firstLines(path: string, n: number): Promise<string[]> {
  const out: string[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    out.push(line);
    if (out.length >= n) break;
  }
  lines.close();
  return out;
}

/** URLs for each page kind, spread over the whole database; and the site's clock, the day after the corpus. */
function pickTargets(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const articleIds = (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    // Stories that are stories (two articles or more) when there are enough of them; any otherwise.
    let storyIds = (db.prepare('SELECT id FROM stories WHERE article_count >= 2 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    if (storyIds.length < 10) storyIds = (db.prepare('SELECT id FROM stories ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const { latest } = db.prepare('SELECT MAX(published_at) AS latest FROM articles').get() as { latest: string };
    const queries = [
      ...STEMMER_QUERIES.map((q) => q.query),
      ...SEARCH_QUERY_PAIRS.map(([a, b]) => `${a} ${b}`),
    ];
    const paths: Paths = {
      article: spread(articleIds, TARGETS).map((id) => `/article/${id}`),
      article_cold: spread(articleIds, articleIds.length).map((id) => `/article/${id}`),
      story: spread(storyIds, TARGETS).map((id) => `/story/${id}`),
      home: ['/'],
      search: spread(queries, TARGETS).map((q) => `/search?q=${encodeURIComponent(q)}`),
    };
    const now = new Date(Date.parse(latest) + 86_400_000).toISOString();
    const { stories } = db.prepare('SELECT COUNT(*) AS stories FROM stories WHERE article_count >= 2').get() as { stories: number };
    return { paths, articles: articleIds.length, stories, now };
  } finally {
    db.close();
  }
}

/** Up to n items evenly spaced through the list, in a fixed shuffled order (no two neighbours adjacent). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length === 0) throw new Error('nothing to request: the database is empty');
  const step = Math.max(1, items.length / n);
  const picked: T[] = [];
  for (let x = 0; x < items.length && picked.length < n; x += step) picked.push(items[Math.floor(x)]!);
  // A fixed permutation (multiplying by a number coprime with the length), so runs are comparable.
  let stride = 7919 % picked.length || 1;
  while (gcd(stride, picked.length) !== 1) stride++;
  return picked.map((_, i) => picked[(i * stride) % picked.length]!);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

interface Server {
  url: string;
}

async function startServer(args: string[], started: ChildProcess[]): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MARSAD_LOG: 'silent' } });
  started.push(child);
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`bench server ${args.join(' ')} exited with ${code} before listening`);
  });
  const first = (async () => {
    for await (const line of lines) return JSON.parse(line) as Server;
    throw new Error('bench server closed its output before listening');
  })();
  const server = await Promise.race([first, exited]);
  exited.catch(() => {});
  return server;
}

/** The page of median size among a sample of them, and that size: what the floor will answer. */
async function medianPage(server: Server, paths: readonly string[]): Promise<{ body: string; bytes: number }> {
  const pages: { body: string; bytes: number }[] = [];
  for (const path of paths) {
    const res = await fetch(server.url + path);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
    pages.push({ body, bytes: Buffer.byteLength(body) });
  }
  pages.sort((a, b) => a.bytes - b.bytes);
  return pages[Math.floor(pages.length / 2)]!;
}

interface Run {
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  /** autocannon's own p99: whole milliseconds, corrected for coordinated omission in a fixed-rate run. */
  autocannon_p99_ms: number;
  /** Answered 2xx; the others are counted apart. */
  requests: number;
  non_2xx: number;
  errors: number;
  /** Of the measured requests, the share our site answered with a kept page (absent for the floor). */
  page_cache_hit_ratio?: number;
}

/** How long a run lasts: seconds, or a number of requests (--small); the warm-up in the same unit. */
type Length = { seconds: number; warmup: number } | { requests: number; warmup: number };

/** Load one server with the requests cycling through `paths`: a warm-up, then the measured run. */
async function load(server: Server, paths: readonly string[], length: Length, rate?: number): Promise<Run> {
  const until = (n: number) => ('seconds' in length ? { duration: n } : { amount: Math.max(n, CONNECTIONS) });
  await cannon(server, paths, until(length.warmup), rate);
  const before = await cacheCounts(server);
  const run = await cannon(server, paths, until('seconds' in length ? length.seconds : length.requests), rate);
  const after = await cacheCounts(server);
  if (!before || !after) return run;
  const hits = after.hits - before.hits;
  const served = hits + after.misses - before.misses;
  return { ...run, page_cache_hit_ratio: served ? round(hits / served, 3) : 0 };
}

/** The site's page cache counters from its /metrics; null for the floor, which has none. */
async function cacheCounts(server: Server): Promise<{ hits: number; misses: number } | null> {
  const res = await fetch(`${server.url}/metrics`);
  if (res.status !== 200) return null;
  const text = await res.text();
  const count = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  const counts = { hits: count('marsad_page_cache_hits_total'), misses: count('marsad_page_cache_misses_total') };
  return Number.isNaN(counts.hits) ? null : counts;
}

/**
 * Where each server is in each list of URLs: a run goes on from where the last one on the same
 * server stopped, so the cold runs never ask our site for an article it has already built.
 */
const cursors = new Map<string, WeakMap<readonly string[], number>>();

async function cannon(server: Server, paths: readonly string[], until: { duration: number } | { amount: number }, rate?: number): Promise<Run> {
  if (!cursors.has(server.url)) cursors.set(server.url, new WeakMap());
  const cursor = cursors.get(server.url)!;
  let next = cursor.get(paths) ?? 0;
  const latencies: number[] = [];
  // Our own clock: autocannon's duration is rounded up to its once-a-second sampling tick.
  const started = performance.now();
  let last = started;
  let instance: EventEmitter;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: server.url,
        connections: CONNECTIONS,
        ...until,
        ...(rate ? { overallRate: rate } : {}),
        // One request whose path changes every time: autocannon calls setupRequest before each send.
        requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      last = performance.now();
    });
  });
  cursor.set(paths, next);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(nearestRank(latencies, p) ?? NaN, 2);
  return {
    requests_per_s: round(latencies.length / ((last - started) / 1000), 1),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    autocannon_p99_ms: result.latency.p99,
    requests: result['2xx'],
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function round(x: number, digits: number): number {
  return Number.isFinite(x) ? +x.toFixed(digits) : x;
}
