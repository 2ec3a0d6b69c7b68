// Three `marsad worker` processes on one PostgreSQL database crawl 50 outlets (2,000 articles); the
// story placer among them is killed with SIGKILL mid-crawl. The survivors must take over its leased
// sources (once the leases expire) and its role, so that in the end every article is stored once,
// no source is left leased, and the stories are those one process makes of the same articles.
//
// What "the same stories" means: the clusterer is online, so what it decides depends on what it saw
// first. Articles are therefore placed in publication order (then URL), and one that arrives after
// later ones were placed is put where it belongs and the later ones placed again (StoryStage). The
// workers store articles in whatever order their polls bring them and place them pass by pass; the
// reference places the very same stored articles (same text, same tags) in one process, in one pass,
// in a fresh SQLite store. The partitions — which articles share a story, whatever the ids — must be
// identical; the fixture's events are reported too, to show any difference.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { silentLogger } from '../src/log/index.ts';
import type { ArticleTag, NewArticle } from '../src/model/index.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { tagStoredArticle } from '../src/pipeline/tag.ts';
import { placeWaitingArticles } from '../src/worker/story-placer.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer, type TestServer } from '../src/store/postgres/test-server.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { EVENTS, type FixtureArticle, OUTLETS, PER_EVENT, fixtureArticles, startFixtureOutlets } from './workers-fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const TOTAL = EVENTS * PER_EVENT;

let server: TestServer | null = null;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.stop();
});

interface Worker {
  child: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

function startWorker(url: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--database-url', url, '--allow-private',
    '--concurrency', '4', '--lease-seconds', '6', '--grace-seconds', '3', '--idle-seconds', '0.3', '--host-delay-ms', '5'], {
    env: { ...process.env, MARSAD_LOG: 'info', MARSAD_DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const worker: Worker = { child, log: '', exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stderr!.on('data', (chunk: Buffer) => void (worker.log += chunk.toString()));
  return worker;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Which articles share a story, by URL, in a form two stores can compare. */
async function partition(store: Store): Promise<string[][]> {
  const groups = new Map<number, string[]>();
  for await (const a of store.iterateArticles()) {
    assert.notEqual(a.story_id, null, `${a.url} is in a story`);
    let group = groups.get(a.story_id!);
    if (!group) groups.set(a.story_id!, (group = []));
    group.push(a.url);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

// The waits are generous so that a loaded machine slows the test down instead of failing it.
test('three workers, one killed mid-crawl, store every article once and build the stories one process builds', { timeout: 1_000_000 }, async (t) => {
  const articles = fixtureArticles();
  const outlets = await startFixtureOutlets(articles);
  const url = await server!.createDatabase();
  const store = await PostgresStore.open(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const workers: Worker[] = [];
  try {
    for (const o of outlets.outlets) await store.addSource({ name: o.name, url: o.feed, home_url: o.origin, country: 'JO', lang: 'ar' });
    for (let i = 0; i < 3; i++) workers.push(startWorker(url));

    // Mid-crawl: a fifth of the articles stored. The victim is the story placer, so its role moves too.
    await until('a fifth of the articles', async () => (await store.countArticles()) >= TOTAL / 5, 300_000).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${await store.countArticles()}\n${workers.map((w) => w.log.split('\n').slice(-8).join('\n')).join('\n---\n')}`);
    });
    const victim = workers.find((w) => w.log.includes('"story_placer_started"')) ?? workers[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const leasedByVictim = await db.query(`SELECT count(*)::int AS n FROM sources WHERE lease_until IS NOT NULL`);

    await until('every article stored and placed', async () =>
      (await store.countArticles()) >= TOTAL && (await store.articlesWithoutStory(1)).length === 0, 600_000).catch(async (err: Error) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n, count(story_id)::int AS placed FROM articles`);
      throw new Error(`${err.message}: ${JSON.stringify(rows[0])}\n${workers.map((w) => w.log.split('\n').filter((l) => !l.includes('source_polled')).slice(-15).join('\n')).join('\n---\n')}`);
    });

    // The survivors stop as an operator's SIGTERM stops them: exit 0, nothing left leased.
    const survivors = workers.filter((w) => w !== victim);
    const passes = workers.flatMap((w) => w.log.split('\n').filter((l) => l.includes('"stories_placed"')).map((l) => JSON.parse(l) as { replaced: number; ms: number }));
    t.diagnostic(`placer passes: ${passes.length}, articles placed again: ${passes.reduce((n, p) => n + p.replaced, 0)}, ms in passes: ${passes.reduce((n, p) => n + p.ms, 0)}`);
    for (const w of survivors) w.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all(survivors.map((w) => w.exited)), [0, 0], survivors.map((w) => w.log.slice(-2000)).join('\n'));
    assert.ok(survivors.some((w) => w.log.includes('"story_placer_started"')), 'a survivor took over placing stories');

    const { rows: [counts] } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT url)::int AS urls FROM articles`);
    assert.deepEqual(counts, { n: TOTAL, urls: TOTAL }, 'every article stored exactly once');
    const stored = new Set<string>();
    for await (const a of store.iterateArticles()) stored.add(a.url);
    assert.deepEqual([...stored].sort(), articles.map((a) => outlets.urlOf(a)).sort(), 'the stored URLs are the fixture\'s');
    const { rows: [leased] } = await db.query(`SELECT count(*)::int AS n FROM sources WHERE lease_owner IS NOT NULL OR lease_until IS NOT NULL`);
    assert.equal(leased.n, 0, 'no source stuck leased');
    const { rows: [polled] } = await db.query(`SELECT count(*)::int AS n FROM sources WHERE last_status = 'ok'`);
    assert.equal(polled.n, OUTLETS);
    assert.ok(leasedByVictim.rows[0].n >= 0);

    // The reference: the same articles and tags, placed by one process in publication order.
    const reference = SqliteStore.open(':memory:');
    try {
      for await (const a of store.iterateArticles()) {
        const { id } = await reference.insertArticle({ ...a, source_id: null });
        await reference.setArticleTags(id, await store.tagsForArticle(a.id), 1);
      }
      await (await StoryStage.open(reference)).placeBacklog();
      const ours = await partition(store);
      const theirs = await partition(reference);
      const byUrl = new Map(articles.map((a) => [outlets.urlOf(a), a.event]));
      const describe = (p: string[][]) => p.map((g) => [...new Set(g.map((u) => byUrl.get(u)))].join('+')).join(' ');
      assert.deepEqual(ours, theirs, `workers: ${describe(ours)}\none process: ${describe(theirs)}`);
      // And they are the fixture's events (a sanity check on the fixtures, not on the workers).
      assert.equal(ours.length, EVENTS, describe(ours));
      // No story row left behind by articles placed again elsewhere, and each counts its articles.
      const { rows: [rows] } = await db.query(`SELECT count(*)::int AS stories, sum(article_count)::int AS articles FROM stories`);
      assert.deepEqual(rows, { stories: EVENTS, articles: TOTAL });
    } finally {
      await reference.close();
    }
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await db.end();
    await store.close();
    await outlets.close();
  }
});

// The same property without PostgreSQL or HTTP: articles arriving outlet by outlet (each outlet's
// feed spans all the days) and placed pass after pass end in the stories of one pass over all of
// them in date order; a late article does not renumber the stories it precedes. (Placed as they
// came, without going back, these arrivals made 102 stories of the 100 events.)
test('articles placed as they arrive, out of date order, end in the stories of one date-ordered pass', async () => {
  const articles = fixtureArticles(Date.parse('2026-03-01T12:00:00Z'));
  const late = articles.find((a) => a.event === 3 && a.slug.endsWith('-61'))!;
  const toNew = (a: FixtureArticle, sourceId: number): NewArticle => {
    const text = a.paragraphs.join('\n\n');
    return {
      external_id: null, url: `http://outlet-${a.outlet}.test/${a.slug}`, source_id: sourceId, title: a.title, lead: null,
      body: a.paragraphs.map((p) => `<p>${p}</p>`).join(''), text, published_at: a.published.toISOString(), published_offset: 180,
      updated_at: null, fetched_at: a.published.toISOString(), authors: [], image: null, lang: 'ar',
    };
  };
  const open = async () => {
    const store = SqliteStore.open(':memory:');
    const sources: number[] = [];
    for (let o = 0; o < OUTLETS; o++) sources.push((await store.addSource({ name: `منفذ ${o}`, url: `http://outlet-${o}.test/feed.xml` })).source.id);
    const add = async (a: FixtureArticle) => {
      const { id } = await store.insertArticle(toNew(a, sources[a.outlet]!));
      await tagStoredArticle(store, id, { title: a.title, lead: null, text: a.paragraphs.join('\n\n') }, silentLogger);
      return id;
    };
    return { store, add, sources };
  };
  const live = await open();
  const reference = await open();
  try {
    const stage = await StoryStage.open(live.store, { log: silentLogger });
    const byOutlet = articles.filter((a) => a !== late).sort((a, b) => a.outlet - b.outlet);
    let replaced = 0;
    for (let o = 0; o < OUTLETS; o += 10) {
      for (const a of byOutlet.filter((x) => x.outlet >= o && x.outlet < o + 10)) await live.add(a);
      replaced += (await placeWaitingArticles(live.store, stage, silentLogger)).replaced;
    }
    assert.ok(replaced > 0, 'later passes placed earlier articles again');
    const before = new Map<string, number>();
    for await (const a of live.store.iterateArticles()) before.set(a.url, a.story_id!);
    await live.add(late);
    await placeWaitingArticles(live.store, stage, silentLogger);
    for await (const a of live.store.iterateArticles()) {
      if (before.has(a.url)) assert.equal(a.story_id, before.get(a.url), `${a.url} keeps its story id`);
    }

    // The reference: the same articles with the same tags (copied, not computed twice), newest first.
    const tagsByUrl = new Map<string, ArticleTag[]>();
    for await (const a of live.store.iterateArticles()) tagsByUrl.set(a.url, await live.store.tagsForArticle(a.id));
    for (const a of [...articles].reverse()) {
      const { id } = await reference.store.insertArticle(toNew(a, reference.sources[a.outlet]!));
      await reference.store.setArticleTags(id, tagsByUrl.get(toNew(a, 0).url)!, 1);
    }
    await (await StoryStage.open(reference.store, { log: silentLogger })).placeBacklog();
    const ours = await partition(live.store);
    assert.deepEqual(ours, await partition(reference.store));
    assert.equal(ours.length, EVENTS);
    // Every story row names articles, and counts them right: none left behind by a replacement.
    const stories = await live.store.latestStories({ limit: 1000 });
    assert.equal(stories.length, EVENTS);
    assert.equal(stories.reduce((n, s) => n + s.article_count, 0), articles.length);
  } finally {
    await live.store.close();
    await reference.store.close();
  }
});
