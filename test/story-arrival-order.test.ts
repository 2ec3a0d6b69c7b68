// Story assignment is a function of the articles alone (issue 7): the demo newsroom's reports — seven
// outlets, eight days, three wire copies — end in the same stories however they arrive. The reference
// is one ordered pass over all of them in a fresh store (what `marsad import` does); each arrival
// order below must give the very same reader view (src/pipeline/stories.ts's header says why that
// holds, and how far back): each article's story and original, every "read also" story with its
// score, each story's headline, compared by URL since the stores number things differently.
//
// Measured before each day's memory was rebuilt from the seven days before it (the stage then placed
// an article more than three days older than the newest against its own days only, without the
// articles of those days placed after it, and without placing the later days again), against 54
// stories and 3 of 3 wire copies for the ordered pass: outlet by outlet with a placer pass after each,
// or placed at once with the round ending in order, 72 stories and no copy found; a new process for
// each outlet, 76 and none; the first four days late one at a time, 68 and one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLES } from '../src/demo/data/articles.ts';
import type { DemoArticle } from '../src/demo/data/types.ts';
import { silentLogger } from '../src/log/index.ts';
import type { NewArticle } from '../src/model/index.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { tagStoredArticle } from '../src/pipeline/tag.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { placeWaitingArticles } from '../src/worker/story-placer.ts';
import { readerView, storyCounts } from './story-view.ts';

const DAY_MS = 86_400_000;
const byTime = [...ARTICLES].sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
const outlets = [...new Set(ARTICLES.map((a) => a.outlet))];
/** An outlet's feed: its reports, newest first. */
const feed = (outlet: string) => byTime.filter((a) => a.outlet === outlet).reverse();

function toNew(a: DemoArticle, sourceId: number): NewArticle {
  const paragraphs = [a.lead, ...a.paragraphs];
  return {
    external_id: null, url: `https://${a.outlet}.demo.test/${a.slug}`, source_id: sourceId, title: a.title, lead: a.lead,
    body: paragraphs.map((p) => `<p>${p}</p>`).join(''), text: paragraphs.join('\n\n'), published_at: new Date(a.published).toISOString(),
    published_offset: null, updated_at: null, fetched_at: new Date(a.published).toISOString(), authors: a.author ? [a.author] : [], image: null, lang: 'ar',
  };
}

/** A fresh newsroom database and a way to store (and tag) a report in it, as a crawl does. */
async function newsroom() {
  const store = SqliteStore.open(':memory:');
  const sources = new Map<string, number>();
  for (const o of outlets) sources.set(o, (await store.addSource({ name: o, url: `https://${o}.demo.test/feed.xml` })).source.id);
  const add = async (a: DemoArticle) => {
    const n = toNew(a, sources.get(a.outlet)!);
    const { id } = await store.insertArticle(n);
    await tagStoredArticle(store, id, n, silentLogger);
    return id;
  };
  return { store, add };
}

interface Arrival {
  store: Store;
  /** Stores and tags a report; its id. */
  add(a: DemoArticle): Promise<number>;
}

/**
 * Reports arriving in `rounds`, each round stored and placed by `place` (which returns the stage the
 * next round uses); the reader view at the end.
 */
async function arrive(rounds: DemoArticle[][], place: (stage: StoryStage, round: DemoArticle[], i: number, at: Arrival) => Promise<StoryStage>) {
  const at = await newsroom();
  try {
    let stage = await StoryStage.open(at.store, { log: silentLogger });
    for (const [i, round] of rounds.entries()) stage = await place(stage, round, i, at);
    assert.deepEqual(await at.store.articlesWithoutStory(5), [], 'every report is in a story');
    return { view: await readerView(at.store), counts: await storyCounts(at.store) };
  } finally {
    await at.store.close();
  }
}

test('the demo newsroom ends in the same stories whatever order its reports arrive in, days late or after a restart', async () => {
  const reference = await arrive([[...byTime].reverse()], async (stage, round, _i, at) => {
    for (const a of round) await at.add(a);
    await stage.placeBacklog();
    return stage;
  });
  assert.deepEqual(reference.counts, { stories: 54, copies: 3 }, 'the ordered pass finds the three wire copies');

  const cut = Date.parse(byTime[0]!.published) + 4 * DAY_MS;
  const late = byTime.filter((a) => Date.parse(a.published) < cut).reverse();
  assert.ok(late.length >= 20, `${late.length} late reports`);
  const orders: Array<[string, DemoArticle[][], Parameters<typeof arrive>[1]]> = [
    // A worker per outlet poll: the outlet's feed stored, then the placer's pass. Each outlet after
    // the first brings reports up to eight days older than the newest placed.
    ['outlet by outlet, a placer pass after each', outlets.map(feed), async (stage, round, _i, at) => {
      for (const a of round) await at.add(a);
      await placeWaitingArticles(at.store, stage, silentLogger);
      return stage;
    }],
    // A single-process crawl: each report placed as it is stored, the round ending with the ordered pass.
    ['outlet by outlet, each placed at once, the round ending in order', outlets.map(feed), async (stage, round, _i, at) => {
      for (const a of round) await stage.assign(await at.add(a));
      await stage.placeBacklog();
      return stage;
    }],
    // The placer role moving to another process (or a restart) before every poll: memory read back.
    ['outlet by outlet in reverse, a new process for each', [...outlets].reverse().map(feed), async (_stage, round, _i, at) => {
      for (const a of round) await at.add(a);
      const stage = await StoryStage.open(at.store, { log: silentLogger });
      await stage.placeBacklog();
      return stage;
    }],
    // Everything from the fifth day on first; then the first four days' reports one by one, newest
    // first, each 4–8 days older than the newest placed, every other one in a new process.
    ['the first four days 4–8 days late, one at a time', [byTime.filter((a) => Date.parse(a.published) >= cut), ...late.map((a) => [a])], async (stage, round, i, at) => {
      for (const a of round) await at.add(a);
      const next = i % 2 ? await StoryStage.open(at.store, { log: silentLogger }) : stage;
      await next.placeBacklog();
      return next;
    }],
  ];
  for (const [name, rounds, place] of orders) {
    const { view, counts } = await arrive(rounds, place);
    assert.deepEqual(counts, reference.counts, name);
    assert.deepEqual(view, reference.view, name);
  }
});

test('a report far older than the rest costs its own week, not the time since', async () => {
  const { store, add } = await newsroom();
  try {
    for (const a of [...byTime].reverse()) await add(a);
    const stage = await StoryStage.open(store, { log: silentLogger });
    await stage.placeBacklog();
    const before = await readerView(store);
    // The earliest report again, as an archive would bring it two years on: a page of its own.
    const first = byTime[0]!;
    const old = { ...first, slug: `${first.slug}-archive`, published: new Date(Date.parse(first.published) - 730 * DAY_MS).toISOString() };
    await add(old);
    const report = await stage.placeBacklog();
    assert.deepEqual({ placed: report.placed + report.copies, replaced: report.replaced }, { placed: 1, replaced: 0 });
    const after = await readerView(store);
    assert.deepEqual(after.filter((l) => !l.includes('-archive')), before, 'nothing placed since changed');
  } finally {
    await store.close();
  }
});
