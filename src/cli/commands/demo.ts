import { rmSync } from 'node:fs';
import { startNewsroom } from '../../demo/newsroom/index.ts';
import { Fetcher } from '../../fetch/index.ts';
import { crawlDue } from '../../pipeline/crawl.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { createApp } from '../../web/app.tsx';
import { serveApp } from '../../web/serve.ts';
import { runScheduler } from '../../worker/scheduler.ts';
import { type CommandContext, parseCommandArgs } from '../context.ts';
import { StoryStage } from '../../pipeline/stories.ts';
import { backfillTags, parsePort, siteSecurity, untilSignal } from './serve.ts';

export const DEMO_HELP = `marsad demo [--port 8080] [--db data/demo.db] [--once]
  Serve the bundled demo newsroom (7 invented Arabic outlets) on loopback, crawl it with the real
  crawler, poll it a second time, and serve the site. --once crawls and exits without serving.`;

/** The demo's own database, started afresh each run: its outlets listen on new ports every time. */
const DEMO_DB = 'data/demo.db';

export async function demoCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { port: { type: 'string' }, host: { type: 'string' }, once: { type: 'boolean' } }, false);
  if (values.help) return ctx.out(DEMO_HELP), 0;
  const port = parsePort(values.port, ctx.settings.port);
  const dbPath = values.db ?? DEMO_DB;
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

  const newsroom = await startNewsroom();
  const store = SqliteStore.open(dbPath);
  // Loopback outlets are refused by default; the demo is the one place that allows them.
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 50 });
  const stories = await StoryStage.open(store, { log: ctx.log });
  const deps = { store, fetcher, log: ctx.log, stories };
  try {
    for (const o of newsroom.outlets) {
      await store.addSource({ name: o.name, url: o.feedUrl, home_url: o.homeUrl, kind: o.kind, country: o.country, lang: o.lang });
    }
    const first = await crawlDue(deps);
    const stored = await store.countArticles();
    ctx.out(`Crawled ${first.length} demo outlets: ${stored} articles stored (${first.filter((r) => r.error).length} outlets failed).`);
    const told = (await store.latestStories({ limit: 1000 })).length;
    ctx.out(`Grouped them into ${told} stories.`);
    // A second poll right away shows conditional requests and idempotent inserts at work.
    const second = await crawlDue(deps, { now: new Date(Date.now() + 48 * 3600_000) });
    const added = second.reduce((n, r) => n + r.new_articles, 0);
    ctx.out(`Polled again: ${added} new articles, ${second.filter((r) => r.status === 'not-modified').length} outlets answered 304 Not Modified.`);
    if (values.once) return first.some((r) => r.error) ? 1 : 0;

    const app = createApp({ store, log: ctx.log, timeZone: ctx.settings.timeZone, ...siteSecurity(ctx.settings) });
    const server = await serveApp(app, { port, host: values.host ?? '127.0.0.1' });
    ctx.out(`The site is up at ${server.url}/ — Ctrl-C stops the demo.`);
    if (ctx.settings.adminToken) ctx.out(`The admin pages are at ${server.url}/admin (the password is MARSAD_ADMIN_TOKEN).`);
    const { signal } = untilSignal();
    const backfill = backfillTags(store, ctx.log, signal);
    await runScheduler(deps, { tickSeconds: ctx.settings.tickSeconds, signal });
    await backfill;
    await server.close();
    return 0;
  } finally {
    await fetcher.close();
    await store.close();
    await newsroom.close();
  }
}
