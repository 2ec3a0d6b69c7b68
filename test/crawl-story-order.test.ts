// A single-process crawl (`marsad crawl --once`, `marsad start`, the demo) places each article in a
// story as it stores it, in whatever order the polls bring them: an outlet's feed lists its newest
// report first, and seven outlets polled at once interleave. The clusterer is online, so the order
// matters while the round goes on; the crawl must end each round with the stories of publication
// order, while its articles still join stories as they arrive.
//
// The reference is one ordered pass over every article crawled so far, in a fresh store (what
// `marsad import` of those articles does), rebuilt after each round. The worker path (the same
// articles stored round by round, newest first, and placed by the placer's pass after each round)
// must give it too. Round two brings reports up to eight days older than the newest placed: beyond
// the seven days the clusterer remembers, so they are placed among their own days and every day
// after them is placed again (StoryStage's header).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARTICLES } from '../src/demo/data/articles.ts';
import { startNewsroom, type DemoOutlet } from '../src/demo/newsroom/index.ts';
import { Fetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log/index.ts';
import type { Article } from '../src/model/index.ts';
import { crawlDue } from '../src/pipeline/crawl.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { placeWaitingArticles } from '../src/worker/story-placer.ts';
import { readerView } from './story-view.ts';

async function addOutlet(store: Store, o: DemoOutlet): Promise<void> {
  await store.addSource({ name: o.name, url: o.feedUrl, home_url: o.homeUrl, kind: o.kind, country: o.country, lang: o.lang });
}

/** Copies what `crawled` stored into `into` (newest first) with the same tags, but for `skip`; how many. */
async function copyArticles(crawled: Store, into: Store, skip: (url: string) => boolean = () => false): Promise<number> {
  const sources = new Map<number, number>();
  for (const s of await crawled.listSources()) {
    sources.set(s.id, (await into.addSource({ name: s.name, url: s.url, home_url: s.home_url, kind: s.kind, country: s.country, lang: s.lang })).source.id);
  }
  const fresh: Article[] = [];
  for await (const a of crawled.iterateArticles()) if (!skip(a.url)) fresh.push(a);
  for (const a of fresh.reverse()) {
    const { id } = await into.insertArticle({ ...a, source_id: sources.get(a.source_id!)! });
    await into.setArticleTags(id, await crawled.tagsForArticle(a.id), 1);
  }
  return fresh.length;
}

/** One ordered pass over every article crawled so far, in a fresh store. */
async function orderedPass(crawled: Store): Promise<string[]> {
  const store = SqliteStore.open(':memory:');
  try {
    await copyArticles(crawled, store);
    await (await StoryStage.open(store, { log: silentLogger })).placeBacklog();
    return await readerView(store);
  } finally {
    await store.close();
  }
}

/** The worker path's stories of the same articles: a fresh store, one placer pass per round. */
class WorkerPath {
  private readonly store = SqliteStore.open(':memory:');
  private readonly copied = new Set<string>();
  private stage: StoryStage | null = null;

  constructor(private readonly crawled: Store) {}

  /** Copies what the crawl stored since the last round, with its tags, and places it as the placer does. */
  async round(): Promise<string[]> {
    await copyArticles(this.crawled, this.store, (url) => this.copied.has(url));
    for await (const a of this.crawled.iterateArticles()) this.copied.add(a.url);
    this.stage ??= await StoryStage.open(this.store, { log: silentLogger });
    await placeWaitingArticles(this.store, this.stage, silentLogger);
    return readerView(this.store);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

test('outlets crawled in one process, their reports arriving out of publication order, end each round with the stories of publication order', async () => {
  const newsroom = await startNewsroom();
  const store = SqliteStore.open(':memory:');
  const workers = new WorkerPath(store);
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, retryBaseDelayMs: 50 });
  try {
    const stories = await StoryStage.open(store, { log: silentLogger });
    const deps = { store, fetcher, log: silentLogger, stories };
    // Round one: four outlets at once, each feed newest first, a week of news between them.
    for (const o of newsroom.outlets.slice(0, 4)) await addOutlet(store, o);
    const first = await crawlDue(deps);
    assert.ok(first.every((r) => r.status === 'ok' && r.new_articles > 0), JSON.stringify(first));
    let reference = await orderedPass(store);
    assert.deepEqual(await readerView(store), reference, 'the crawl after the first round');
    assert.deepEqual(await workers.round(), reference, 'the worker path after the first round');
    // Round two: three more outlets, one by one, whose reports of the same days come after them, up
    // to eight days older than the newest placed.
    for (const o of newsroom.outlets.slice(4)) await addOutlet(store, o);
    const second = await crawlDue(deps, { concurrency: 1 });
    assert.equal(second.filter((r) => r.new_articles > 0).length, 3, JSON.stringify(second));
    reference = await orderedPass(store);
    assert.deepEqual(await readerView(store), reference, 'the crawl after the second round');
    assert.deepEqual(await workers.round(), reference, 'the worker path after the second round');
    assert.deepEqual(await store.articlesWithoutStory(5), [], 'every article is in a story');
  } finally {
    await fetcher.close();
    await store.close();
    await workers.close();
    await newsroom.close();
  }
});

test('while a round still waits on a slow outlet, the reports already crawled are in stories', async () => {
  const newsroom = await startNewsroom();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // An outlet whose feed answers only when the test lets it (its robots.txt at once: there is none).
  const slow = createServer((req, res) => {
    if (req.url !== '/feed.xml') return void res.writeHead(404).end();
    void released.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>البطيئة</title><link>http://x/</link></channel></rss>'));
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  const store = SqliteStore.open(':memory:');
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, retryBaseDelayMs: 50, maxRetries: 0, headersTimeoutMs: 120_000 });
  try {
    for (const o of newsroom.outlets) await addOutlet(store, o);
    await store.addSource({ name: 'البطيئة', url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/feed.xml` });
    const stories = await StoryStage.open(store, { log: silentLogger });
    const published = ARTICLES.filter((a) => new Date(a.published) <= new Date()).length;
    let ended = false;
    const round = crawlDue({ store, fetcher, log: silentLogger, stories }).finally(() => (ended = true));
    for (let waited = 0; (await store.countArticles()) < published || (await store.articlesWithoutStory(1)).length > 0; waited += 50) {
      assert.ok(waited < 60_000, 'the demo outlets were crawled and placed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(ended, false, 'the round is still polling the slow outlet');
    release();
    await round;
  } finally {
    release();
    await fetcher.close();
    await store.close();
    await newsroom.close();
    await new Promise<void>((resolve) => {
      slow.close(() => resolve());
      slow.closeAllConnections();
    });
  }
});
