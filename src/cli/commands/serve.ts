import { existsSync } from 'node:fs';
import { Fetcher } from '../../fetch/index.ts';
import type { Logger } from '../../log/index.ts';
import { retagArticles } from '../../pipeline/retag.ts';
import { StoryStage } from '../../pipeline/stories.ts';
import type { Store } from '../../store/store.ts';
import type { Settings } from '../../config/settings.ts';
import { createApp, type WebOptions } from '../../web/app.tsx';
import { serveApp } from '../../web/serve.ts';
import { AdminTokenError, MIN_TOKEN_LENGTH } from '../../web/admin-auth.ts';
import { runScheduler } from '../../worker/scheduler.ts';
import { runStoryPlacer } from '../../worker/story-placer.ts';
import { runWorker, workerName } from '../../worker/worker.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';
import { UsageError } from '../errors.ts';
import { importOpmlFile } from './sources.ts';

export const START_HELP = `marsad start [--port 8080] [--host 127.0.0.1] [--db PATH] [--sources FILE.opml]
  Scheduler, crawler and web site in one process. With no sources yet, the default list
  (sources/arabic-outlets.opml) is imported first. Articles not yet tagged by this version of the
  tagger are tagged in the background. Set MARSAD_ADMIN_TOKEN to turn on /admin (sources, OPML).`;
export const WEB_HELP = `marsad web [--port 8080] [--host 127.0.0.1] [--db PATH]   the web site only
  (with /admin when MARSAD_ADMIN_TOKEN is set)`;
export const WORKER_HELP = `marsad worker [--database-url URL | --db PATH] [--allow-private] [--concurrency 8]
    [--lease-seconds 600] [--grace-seconds 20] [--idle-seconds 5] [--host-delay-ms 1000]
  The crawler only. Any number of workers share one PostgreSQL database: each claims due sources
  with a lease, polls them and lets them go; one at a time places new articles in stories. SIGTERM
  stops claiming, lets polls in flight finish for the grace period, releases the rest, and exits 0.
  (And, in the background, tagging of articles an older tagger or release left untagged.)`;

const WORKER_OPTIONS = {
  'allow-private': { type: 'boolean' },
  concurrency: { type: 'string' },
  'lease-seconds': { type: 'string' },
  'grace-seconds': { type: 'string' },
  'idle-seconds': { type: 'string' },
  'host-delay-ms': { type: 'string' },
} as const;

function positive(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${raw}"`);
  return n;
}

const SERVE_OPTIONS = { port: { type: 'string' }, host: { type: 'string' } } as const;

/** Security headers, rate limits, the admin's credential and the page cache, as the operator's settings ask. */
export function siteSecurity(settings: Settings): Pick<WebOptions, 'https' | 'trustProxy' | 'rateLimits' | 'adminToken' | 'pageCache'> {
  // A token too short to protect anything is refused at start, not discovered by an intruder.
  if (settings.adminToken !== null && settings.adminToken.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(new AdminTokenError().message);
  }
  return {
    adminToken: settings.adminToken ?? undefined,
    https: settings.https,
    trustProxy: settings.trustProxy,
    rateLimits: { searchPerMinute: settings.searchRatePerMinute, apiPerMinute: settings.apiRatePerMinute },
    pageCache: pageCacheOptions(settings),
  };
}

/** The page cache as the operator's settings size it; a bad number is refused at start. */
export function pageCacheOptions(settings: Settings): WebOptions['pageCache'] {
  const { pageCacheMb: mb, pageCacheGraceSeconds: grace } = settings;
  if (!Number.isFinite(mb) || mb < 0) throw new UsageError(`MARSAD_PAGE_CACHE_MB must be a number of megabytes (0 turns the cache off)`);
  if (!Number.isFinite(grace) || grace < 0) throw new UsageError(`MARSAD_PAGE_CACHE_GRACE must be a number of seconds (0: pages are rebuilt after every write)`);
  return mb === 0 ? false : { maxBytes: Math.round(mb * 1024 * 1024), graceMs: Math.round(grace * 1000) };
}

export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${raw}"`);
  return port;
}

/** Run until SIGINT/SIGTERM, then stop taking work, finish what is in flight, and close. */
export function untilSignal(): { signal: AbortSignal; done: Promise<void> } {
  const controller = new AbortController();
  const done = new Promise<void>((resolve) => {
    const stop = () => {
      controller.abort();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { signal: controller.signal, done };
}

/**
 * Tag, in the background, what an older release stored untagged or an older tagger tagged. It works
 * in small batches between requests and crawl rounds; resolves (never rejects) once done or stopped.
 */
export function backfillTags(store: Store, log: Logger, signal: AbortSignal): Promise<void> {
  return retagArticles(store, { log, signal }).then(
    () => {},
    (err: Error) => log('error', 'retag_failed', { error: err.message }),
  );
}

/**
 * The story stage of a crawling process: memory rebuilt from the last 7 days, then, in the
 * background, the articles still waiting for a story (new crawls queue behind them).
 */
export async function openStoryStage(store: Store, log: Logger): Promise<StoryStage> {
  const stage = await StoryStage.open(store, { log });
  stage.placeBacklog().catch((err: Error) => log('error', 'story_backlog_failed', { error: err.message }));
  return stage;
}

export async function startCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...SERVE_OPTIONS, sources: { type: 'string' }, 'allow-private': { type: 'boolean' } }, false);
  if (values.help) return ctx.out(START_HELP), 0;
  const port = parsePort(values.port, ctx.settings.port);
  const store = openStore(values, ctx.settings);
  const fetcher = new Fetcher({ allowPrivateAddresses: values['allow-private'] || ctx.settings.allowPrivateAddresses });
  if ((await store.listSources()).length === 0) {
    const file = values.sources ?? ctx.settings.defaultSources;
    if (existsSync(file)) ctx.log('info', 'sources_imported', { file, ...(await importOpmlFile(file, store)) });
  }
  const server = await serveApp(createApp({ store, log: ctx.log, timeZone: ctx.settings.timeZone, siteUrl: ctx.settings.siteUrl ?? undefined, ...siteSecurity(ctx.settings) }), { port, host: values.host ?? ctx.settings.host });
  ctx.out(`Marsad is serving ${server.url} and polling ${(await store.listSources()).length} sources. Ctrl-C stops it.`);
  const { signal } = untilSignal();
  const backfill = backfillTags(store, ctx.log, signal);
  const stories = await openStoryStage(store, ctx.log);
  await runScheduler({ store, fetcher, log: ctx.log, stories }, { tickSeconds: ctx.settings.tickSeconds, signal });
  await backfill;
  await server.close();
  await fetcher.close();
  await store.close();
  return 0;
}

export async function webCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, SERVE_OPTIONS, false);
  if (values.help) return ctx.out(WEB_HELP), 0;
  const store = openStore(values, ctx.settings);
  const server = await serveApp(createApp({ store, log: ctx.log, timeZone: ctx.settings.timeZone, siteUrl: ctx.settings.siteUrl ?? undefined, ...siteSecurity(ctx.settings) }), { port: parsePort(values.port, ctx.settings.port), host: values.host ?? ctx.settings.host });
  ctx.out(`Marsad is serving ${server.url}. Ctrl-C stops it.`);
  await untilSignal().done;
  await server.close();
  await store.close();
  return 0;
}

export async function workerCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, WORKER_OPTIONS, false);
  if (values.help) return ctx.out(WORKER_HELP), 0;
  const concurrency = Math.round(positive(values.concurrency, 8, '--concurrency'));
  const leaseSeconds = positive(values['lease-seconds'], 600, '--lease-seconds');
  const graceMs = positive(values['grace-seconds'], 20, '--grace-seconds') * 1000;
  const idleMs = positive(values['idle-seconds'], 5, '--idle-seconds') * 1000;
  const minHostDelayMs = values['host-delay-ms'] === undefined ? undefined : positive(values['host-delay-ms'], 1000, '--host-delay-ms');
  const store = openStore(values, ctx.settings);
  const fetcher = new Fetcher({
    allowPrivateAddresses: values['allow-private'] || ctx.settings.allowPrivateAddresses,
    minHostDelayMs,
    hostSlots: store.hostGate(),
  });
  const { signal } = untilSignal();
  const workerId = workerName();
  ctx.log('info', 'worker_started', { worker: workerId, backend: store.kind, concurrency, lease_s: leaseSeconds });
  const backfill = backfillTags(store, ctx.log, signal);
  const placer = runStoryPlacer(store, ctx.log, { everyMs: idleMs, signal });
  await runWorker({ store, fetcher, log: ctx.log }, { workerId, leaseSeconds, concurrency, idleMs, graceMs, signal });
  await Promise.all([backfill, placer]);
  // The store first: a poll cut after the grace period then cannot record a failure it did not have.
  await store.close();
  await fetcher.close();
  return 0;
}
