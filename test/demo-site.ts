// The demo newsroom crawled by the real crawler into a SQLite file, and the site served over it on a
// loopback port: what a reader sees after `marsad demo`, for the browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNewsroom } from '../src/demo/newsroom/index.ts';
import { Fetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log/index.ts';
import { crawlDue } from '../src/pipeline/crawl.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { createApp } from '../src/web/app.tsx';
import { serveApp } from '../src/web/serve.ts';

export interface DemoSite {
  url: string;
  store: SqliteStore;
  articles: number;
  close(): Promise<void>;
}

/** Crawl every demo outlet once into a temporary database file, then serve the site over it. */
export async function startDemoSite(): Promise<DemoSite> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-site-'));
  const newsroom = await startNewsroom();
  const store = SqliteStore.open(join(dir, 'demo.db'));
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, retryBaseDelayMs: 50 });
  try {
    for (const o of newsroom.outlets) {
      await store.addSource({ name: o.name, url: o.feedUrl, home_url: o.homeUrl, kind: o.kind, country: o.country, lang: o.lang });
    }
    const stories = await StoryStage.open(store, { log: silentLogger });
    const polled = await crawlDue({ store, fetcher, log: silentLogger, stories });
    const failed = polled.filter((r) => r.error);
    if (failed.length) throw new Error(`demo crawl failed for sources ${failed.map((r) => r.source_id).join(', ')}`);
  } finally {
    await fetcher.close();
  }
  const server = await serveApp(createApp({ store, log: silentLogger }), { port: 0 });
  return {
    url: server.url,
    store,
    articles: await store.countArticles(),
    async close() {
      await server.close();
      await store.close();
      await newsroom.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
