// The story stage: after an article is stored and tagged, find whether it is a syndicated copy,
// put it in a story, and choose its "read also" stories. The stages themselves are pure
// (src/stories); this file wires them to the store.
//
// For each article, one at a time:
//   1. Copy detection against the near-duplicate index (7 days). A copy gets `duplicate_of` its
//      original (the earliest published article with the same wire text, followed to its root) and
//      joins the original's story; it is not clustered, so wire text told five times does not pull
//      a story's centroid towards itself.
//   2. Otherwise the clusterer puts it in the best recent story or starts one.
//   3. Up to five related stories (±7 days, never its own) are chosen for the article page.
//
// The clusterer is online: what it decides for an article depends on what it saw before. So that
// the stories are a function of the articles alone, not of which worker fetched what when, articles
// are placed in one order — publication time, then URL (story-window.ts) — and an article that
// arrives after later ones were placed is put where it belongs: the memory goes back to the state
// before it (the window's base) and the window is placed again, in memory, after which only the
// assignments, story rows and "read also" lists that changed are written, in one transaction. Story
// ids keep the store id most of their articles had, so a story's address survives a replacement.
// The window holds the articles of the last REORDER_DAYS (at most MAX_WINDOW); an article older
// than that rebuilds the base from the store (story-replay.ts), which is slower but as exact. One
// published more than REORDER_DAYS before the newest placed is the exception: it is placed against
// the stories of its own days, and the days after it are not placed again (`placeBacklog`), so for
// such late arrivals the stories do depend on when they came.
//
// `placeBacklog` places every waiting article this way: `marsad import`, a start after a crash, and
// the worker's story placer (src/worker/story-placer.ts), which holds the cross-process story lock
// and rebuilds the memory when another process placed stories since. `assign` places one article at
// once, as a single-process crawl stores it, so that it shows in a story while the round goes on: in
// order when it is the newest, else still at once (a copy that arrived before its original is
// re-pointed to it). The round then ends with a `placeBacklog` pass (crawl.ts), which places again,
// in order, everything from the earliest article `assign` placed out of turn: a single-process crawl
// ends each round with the stories the worker's placer makes of the same articles. An article more
// than REORDER_DAYS older than what the last pass saw is not placed at once but left to that pass,
// which places it as it places any waiting one, rather than placing every day after it again.
import type { Logger } from '../log/index.ts';
import type { StoryUpdate, WireCredit } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { StoryBatch } from '../store/story-types.ts';
import {
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  StoryClusterer,
  findOriginal,
  matchCopies,
  prepareArticle,
  relatedStories,
  serializeFingerprint,
  type ArticleFeatures,
  type PreparedArticle,
} from '../stories/index.ts';
import { DAY_MS, type StoryMemory, emptyMemory, replayStories } from './story-replay.ts';
import { type WindowBase, type WindowEntry, analyzedOf, compareEntries, newEntry, settle, storeIds } from './story-window.ts';

/** Articles read from the store at a time. */
const READ_BATCH = 500;
/** Waiting articles placed in one pass (one transaction); a larger backlog takes several, in order. */
const PASS_ARTICLES = 5000;
/** How far back an article may arrive late and be placed in memory; older ones rebuild from the store. */
const REORDER_DAYS = 3;
/** At most this many articles in the window (memory: each keeps its text and analysis). */
const MAX_WINDOW = 5000;
/** After all stored times: the open end of "placed articles from T on". */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** Serializes story assignment. */
export interface StoryLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** One process: a promise chain, so assignments run one after another in arrival order. */
export class InProcessLock implements StoryLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => {});
    return result;
  }
}

/** Where one article went. */
export interface StoryPlacement {
  article_id: number;
  story_id: number;
  created: boolean;
  duplicate_of: number | null;
  agency: WireCredit | null;
  related: number[];
}

export interface BacklogReport {
  placed: number;
  copies: number;
  failed: number;
  /** Articles placed again because an earlier one arrived after them. */
  replaced: number;
  ms: number;
}

export interface StoryStageOptions {
  log?: Logger;
  lock?: StoryLock;
}

export class StoryStage {
  private memory: StoryMemory = emptyMemory();
  private base: WindowBase = { state: emptyMemory().clusterer.toJSON(), ids: new Map(), until: -Infinity };
  /** Placed since the base, in placement order (key order unless `assign` took one out of turn). */
  private window: WindowEntry[] = [];
  private readonly byId = new Map<number, WindowEntry>();
  /** Clusterer story id → store id; a negative id stands for a store story the clusterer does not hold. */
  private ids = new Map<number, number>();
  private readonly byStoreId = new Map<number, number>();
  /**
   * The earliest time of an article `assign` placed out of turn since the last ordered pass, which
   * places everything from it on again; Infinity when none. Kept when the window settles or the
   * memory is rebuilt, as those keep the out-of-turn decisions.
   */
  private outOfTurnSince = Infinity;
  /** The newest article time when the last ordered pass (or the replay at open) ended. */
  private orderedClock = -Infinity;
  private maxStoreId = 0;
  /** Articles whose placement threw: left waiting, and skipped by this stage from then on. */
  private readonly failed = new Set<number>();
  private needsRebuild = false;
  /** Entries placed (or re-pointed) since the last commit: the only ones whose writes may differ. */
  private readonly dirty = new Set<WindowEntry>();
  /** Copies outside the window re-pointed to an original placed out of turn, written at the next commit. */
  private outside: StoryBatch['assignments'][number][] = [];

  private constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly lock: StoryLock,
  ) {}

  /**
   * Rebuilds the memory from the store (the last RETAIN_DAYS) and logs how long the replay took.
   * Articles still waiting for a story are placed by `placeBacklog`, which callers run next.
   */
  static async open(store: Store, opts: StoryStageOptions = {}): Promise<StoryStage> {
    const stage = new StoryStage(store, opts.log ?? (() => {}), opts.lock ?? new InProcessLock());
    await stage.lock.run(async () => {
      const report = await stage.rebuild((await newestStoryTime(store)) + 1);
      stage.orderedClock = stage.memory.clock;
      stage.log('info', 'stories_replayed', { ...report });
    });
    return stage;
  }

  /**
   * Rebuilds the memory from the store, for a lock that finds, once held, that another process
   * assigned stories since this one last held it (src/worker/story-placer.ts). Runs inside the lock.
   */
  async reload(): Promise<void> {
    await this.rebuild((await newestStoryTime(this.store)) + 1);
  }

  /**
   * Places one stored (and tagged) article at once; the next `placeBacklog` puts it in order (see the
   * header). Null when there is no such article, it failed, or it is left to that pass (published
   * more than REORDER_DAYS before the newest article the last pass saw).
   */
  assign(articleId: number): Promise<StoryPlacement | null> {
    return this.lock.run(async () => {
      if (this.needsRebuild) await this.reload();
      const article = await this.store.getArticle(articleId);
      if (!article) return null;
      if (article.story_id !== null) return { article_id: article.id, story_id: article.story_id, created: false, duplicate_of: article.duplicate_of, agency: null, related: [] };
      const entry = newEntry(article, await this.store.tagsForArticle(article.id));
      if (entry.time < this.orderedClock - REORDER_DAYS * DAY_MS) return null;
      const last = this.window[this.window.length - 1];
      if ((last && compareEntries(entry, last) < 0) || entry.time < this.base.until) this.outOfTurnSince = Math.min(this.outOfTurnSince, entry.time);
      if (!(await this.placeLogged(entry))) return null;
      this.window.push(entry);
      this.byId.set(entry.article.id, entry);
      if (!(await this.commit())) return null;
      return this.placementOf(entry);
    });
  }

  /**
   * Places every article not yet in a story, in publication order: what an import stored, what a
   * crash left, what workers stored since the last pass. Articles published before ones already
   * placed are placed where they belong and the ones after them placed again (see the header).
   */
  placeBacklog(): Promise<BacklogReport> {
    return this.lock.run(async () => {
      const started = performance.now();
      const report = { placed: 0, copies: 0, failed: 0, replaced: 0 };
      if (this.needsRebuild) await this.reload();
      for (;;) {
        const waiting = await this.readWaiting();
        // Nothing waiting, but `assign` placed articles out of turn: they are placed again in order.
        if (waiting.length === 0 && this.outOfTurnSince === Infinity) break;
        // Older than the reorder window: placed against the stories of the days before them, without
        // placing again the months that may follow (an import of an old archive, a long outage).
        const horizon = this.memory.clock - REORDER_DAYS * DAY_MS;
        const old = waiting.length && waiting[0]!.time < horizon ? waiting.filter((e) => e.time < horizon) : [];
        if (old.length) await this.rebuild(old[0]!.time);
        const replaced = old.length ? 0 : await this.placeAll(waiting);
        if (old.length) for (const e of old) if (await this.placeLogged(e)) this.push(e);
        const saved = await this.commit(replaced > 0);
        // Everything from the earliest article placed out of turn on was placed again, in order.
        if (saved && !old.length) this.outOfTurnSince = Infinity;
        for (const e of old.length ? old : waiting) {
          if (!saved || this.failed.has(e.article.id)) report.failed++;
          else if (e.duplicateOf !== null) report.copies++;
          else report.placed++;
        }
        if (saved) report.replaced += replaced;
        if (old.length) await this.reload(); // the live memory again, for the articles after them
        if (!saved || (!old.length && waiting.length < PASS_ARTICLES)) break;
        // SQLite answers synchronously: let a server placing a long backlog answer requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.orderedClock = this.memory.clock;
      const out = { ...report, ms: Math.round(performance.now() - started) };
      if (report.placed || report.copies || report.failed || report.replaced) this.log('info', 'story_backlog_placed', out);
      return out;
    });
  }

  /** Memory from the store: the stories of the RETAIN_DAYS before `until`, and an empty window. */
  private async rebuild(until: number) {
    const { memory, report } = await replayStories(this.store, until);
    this.memory = memory;
    this.base = { state: memory.clusterer.toJSON(), ids: new Map(memory.ids), until };
    this.window = [];
    this.byId.clear();
    this.dirty.clear();
    this.outside = [];
    this.setIds(memory.ids);
    this.needsRebuild = false;
    this.maxStoreId = await this.store.maxStoryId();
    return report;
  }

  /** Up to PASS_ARTICLES waiting articles with their tags, in placement order. */
  private async readWaiting(): Promise<WindowEntry[]> {
    const out: WindowEntry[] = [];
    let after: { at: string; id: number } | null = null;
    while (out.length < PASS_ARTICLES) {
      const batch = await this.store.articlesWithoutStory(Math.min(READ_BATCH, PASS_ARTICLES - out.length), after);
      if (batch.length === 0) break;
      const tags = await this.store.tagsForArticles(batch.map((a) => a.id));
      for (const a of batch) if (!this.failed.has(a.id)) out.push(newEntry(a, tags.get(a.id) ?? []));
      const last = batch[batch.length - 1]!;
      after = { at: last.published_at ?? last.fetched_at, id: last.id };
    }
    return out.sort(compareEntries);
  }

  /**
   * Places `waiting` (in order, perhaps none) after or among the window's articles, and again in order
   * whatever `assign` placed out of turn; returns how many were placed again.
   */
  private async placeAll(waiting: WindowEntry[]): Promise<number> {
    const first = waiting[0];
    const last = this.window[this.window.length - 1];
    if (this.outOfTurnSince === Infinity && first && (!last || compareEntries(first, last) > 0) && first.time >= this.base.until) {
      for (const e of waiting) if (await this.placeLogged(e)) this.push(e);
      return 0;
    }
    // `assign` may have placed articles out of turn, even before the base (or settled them into it).
    const earliest = Math.min(this.outOfTurnSince, first?.time ?? Infinity);
    if (earliest < this.base.until) await this.rebuildFrom(earliest);
    // Back to the base, then the window and the newcomers in order.
    const replaced = this.window.length;
    const all = [...this.window, ...waiting].sort(compareEntries);
    for (const e of this.window) this.memory.copies.remove(String(e.article.id));
    this.memory = { ...this.memory, clusterer: StoryClusterer.fromJSON(this.base.state), clock: this.base.state.clock };
    this.setIds(this.base.ids);
    this.window = [];
    this.byId.clear();
    for (const e of all) if (await this.placeLogged(e)) this.push(e);
    return replaced;
  }

  /** The base from the store as it stood before `until`; the window: every article placed from then on. */
  private async rebuildFrom(until: number): Promise<void> {
    const cached = new Map(this.byId);
    await this.rebuild(until);
    let after: { at: string; id: number } | null = null;
    for (;;) {
      const batch = await this.store.articlesInStoriesBetween(new Date(until).toISOString(), END_OF_TIME, READ_BATCH, after);
      if (batch.length === 0) break;
      const tags = await this.store.tagsForArticles(batch.map((a) => a.id));
      for (const a of batch) this.push(newEntry(a, tags.get(a.id) ?? [], cached.get(a.id)));
      const last = batch[batch.length - 1]!;
      after = { at: last.published_at ?? last.fetched_at, id: last.id };
    }
    this.log('info', 'stories_rewound', { since: new Date(until).toISOString(), articles: this.window.length });
  }

  private push(e: WindowEntry): void {
    this.window.push(e);
    this.byId.set(e.article.id, e);
  }

  private async placeLogged(e: WindowEntry): Promise<boolean> {
    try {
      await this.place(e);
      this.log('debug', 'story_assigned', { article_id: e.article.id, story_id: e.story, created: e.created, duplicate_of: e.duplicateOf });
      return true;
    } catch (err) {
      // The article stays waiting for a story; a rebuilt memory tries it again.
      this.failed.add(e.article.id);
      this.log('warn', 'story_failed', { article_id: e.article.id, error: (err as Error).message });
      return false;
    }
  }

  /** Decides `e`'s story, original and related stories in memory (clusterer ids). */
  private async place(e: WindowEntry): Promise<void> {
    const { clusterer, copies } = this.memory;
    const { article, time, asCopy } = e;
    this.dirty.add(e);
    this.memory.clock = Math.max(this.memory.clock, time);
    // A long text is matched on its fingerprint alone: its words are not worth keeping in the window.
    const prepared = (e.prepared ??= slim(prepareArticle(asCopy)));
    const original = findOriginal(asCopy, copies, prepared);
    // Only a credit (a dateline, "(واس)") names the source of a text; a mention in passing does not.
    e.agency = prepared.agency?.credited ? { code: prepared.agency.code, name: prepared.agency.name } : null;
    e.duplicateOf = null;
    e.created = false;
    let story: number | null = null;
    if (original) {
      const root = Number(original.originalId);
      story = this.byId.get(root)?.story ?? this.fromStore((await this.store.getArticle(root))?.story_id ?? null);
      if (story !== null) e.duplicateOf = root;
    } else {
      // Placed out of turn (assign), an article may be the original of copies placed before it.
      const laterCopies = matchCopies(asCopy, copies, prepared).filter((m) =>
        m.publishedAt > time && m.meta.duplicateOf === undefined && (m.similarity >= NEAR_JACCARD || (m.containment >= NEAR_CONTAINMENT && m.containment > m.contained)));
      for (const m of laterCopies) {
        const copy = this.byId.get(Number(m.id));
        if (copy) {
          story ??= copy.story;
          for (const c of [copy, ...this.window.filter((x) => x.duplicateOf === copy.article.id)]) {
            c.duplicateOf = article.id;
            this.dirty.add(c);
          }
        } else {
          // Settled out of the window: the store has it, as everything before the last commit.
          const stored = await this.store.getArticle(Number(m.id));
          if (stored?.story_id == null) continue;
          story ??= this.fromStore(stored.story_id);
          for (const c of [stored, ...(await this.store.copiesOf(stored.id))]) this.outside.push({ article_id: c.id, story_id: c.story_id ?? stored.story_id, duplicate_of: article.id });
        }
        m.meta.duplicateOf = String(article.id);
      }
    }
    let features: ArticleFeatures | null = null;
    if (story === null) {
      const added = clusterer.add(analyzedOf(e));
      story = added.storyId;
      e.created = added.created;
      features = added.features;
    }
    e.story = story;
    copies.add(String(article.id), prepared.fingerprint, time, {
      source: asCopy.source,
      agency: prepared.agency,
      duplicateOf: e.duplicateOf === null ? undefined : String(e.duplicateOf),
      words: prepared.short ? prepared.words : undefined,
    });
    // A copy was not clustered, so only it has no features yet.
    features ??= clusterer.features(analyzedOf(e));
    e.related = relatedStories(features, clusterer, { excludeStory: story }).map((r) => ({ storyId: r.storyId, score: r.score }));
  }

  /**
   * Writes what the window's placements changed in the store, in one transaction; true when saved.
   * When it fails, nothing was written and the memory no longer matches the store: the next call
   * rebuilds it.
   */
  private async commit(rewound = false): Promise<boolean> {
    const { ids, retired } = storeIds(this.base, this.window, () => ++this.maxStoreId);
    this.setIds(ids);
    const batch = { assignments: [] as Writable<'assignments'>, fingerprints: [] as Writable<'fingerprints'>, stories: [] as StoryUpdate[], related: [] as Writable<'related'>, retired };
    const touched = new Set<number>();
    const done: Array<() => void> = [];
    for (const e of this.window) {
      if (!this.dirty.has(e)) continue;
      const story = this.toStore(e.story);
      const related = e.related.filter((r) => this.ids.has(r.storyId)).map((r) => ({ story_id: this.toStore(r.storyId), score: r.score }));
      const relatedKey = JSON.stringify(related);
      const { saved } = e;
      if (!saved || saved.story !== story || saved.duplicateOf !== e.duplicateOf) {
        batch.assignments.push({ article_id: e.article.id, story_id: story, duplicate_of: e.duplicateOf });
        touched.add(story);
        if (saved) touched.add(saved.story);
      }
      if (!e.fingerprintSaved) {
        batch.fingerprints.push({ article_id: e.article.id, fingerprint: serializeFingerprint(e.prepared!.fingerprint), published_at: new Date(e.time).toISOString(), agency: e.agency });
      }
      if (saved?.related !== relatedKey) batch.related.push({ article_id: e.article.id, related });
      done.push(() => {
        e.saved = { story, duplicateOf: e.duplicateOf, related: relatedKey };
        e.fingerprintSaved = true;
      });
    }
    for (const a of this.outside) {
      batch.assignments.push(a);
      touched.add(a.story_id);
    }
    // Placed again, a story's headline and entities may have changed with the same articles.
    if (rewound) for (const e of this.window) touched.add(this.toStore(e.story));
    for (const id of retired) touched.delete(id);
    for (const id of touched) batch.stories.push(await this.storyUpdate(id));
    try {
      if (batch.assignments.length || batch.fingerprints.length || batch.related.length || batch.stories.length || retired.length) await this.store.saveStoryBatch(batch);
    } catch (err) {
      this.needsRebuild = true;
      this.log('warn', 'story_batch_failed', { articles: batch.assignments.length, error: (err as Error).message });
      return false;
    }
    for (const d of done) d();
    this.dirty.clear();
    this.outside = [];
    this.settleOld();
    return true;
  }

  /** Keeps the window within REORDER_DAYS and MAX_WINDOW by moving its oldest articles into the base. */
  private settleOld(): void {
    if (this.window.length === 0) return;
    const times = this.window.map((e) => e.time).sort((a, b) => a - b);
    let until = this.memory.clock - REORDER_DAYS * DAY_MS;
    if (times.length > MAX_WINDOW) until = Math.max(until, times[times.length - MAX_WINDOW]!);
    // A day's worth at a time: settling rebuilds the base, which costs as much as the stories it holds.
    if (times[0]! >= until - DAY_MS && times.length <= MAX_WINDOW * 1.1) return;
    const old = this.window.filter((e) => e.time < until).sort(compareEntries);
    this.base = settle(this.base, old, Math.max(until, this.base.until), (story) => this.toStore(story));
    this.window = this.window.filter((e) => e.time >= until);
    for (const e of old) this.byId.delete(e.article.id);
  }

  private setIds(ids: Map<number, number>): void {
    this.ids = new Map(ids);
    this.byStoreId.clear();
    for (const [own, id] of this.ids) this.byStoreId.set(id, own);
  }

  private toStore(story: number): number {
    return story < 0 ? -story : this.ids.get(story)!;
  }

  /** The clusterer's id for a stored story; a negative one when the clusterer does not hold it. */
  private fromStore(id: number | null): number | null {
    return id === null ? null : this.byStoreId.get(id) ?? -id;
  }

  private placementOf(e: WindowEntry): StoryPlacement {
    return {
      article_id: e.article.id, story_id: this.toStore(e.story), created: e.created, duplicate_of: e.duplicateOf, agency: e.agency,
      related: e.related.filter((r) => this.ids.has(r.storyId)).map((r) => this.toStore(r.storyId)),
    };
  }

  /** The story row's update: the clusterer's view when it holds the story, else the stored one kept. */
  private async storyUpdate(id: number): Promise<StoryUpdate> {
    const own = this.byStoreId.get(id);
    const s = own === undefined ? undefined : this.memory.clusterer.story(own)?.summary();
    if (s) {
      return {
        id,
        headline: s.headline,
        headline_article_id: s.headlineArticleId === '' ? null : Number(s.headlineArticleId),
        entities: s.entities.map((e) => ({ key: e.id, weight: e.weight })),
      };
    }
    const stored = await this.store.getStory(id);
    if (stored) return { id, headline: stored.headline, headline_article_id: stored.headline_article_id, entities: stored.entities.map((e) => ({ key: e.key, weight: e.weight })) };
    const first = this.window.find((e) => this.toStore(e.story) === id)?.article ?? (await this.store.storyArticles(id))[0];
    return { id, headline: first?.title ?? '', headline_article_id: first?.id ?? null, entities: [] };
  }
}

type Writable<K extends 'assignments' | 'fingerprints' | 'related'> = Array<StoryBatch[K][number]>;

function slim(prepared: PreparedArticle): PreparedArticle {
  return prepared.short ? prepared : { ...prepared, words: [] };
}

/** The newest article time in the store (ms), capped at now so a future-dated article cannot empty the window. */
async function newestStoryTime(store: Store): Promise<number> {
  const [newest] = await store.latestArticles({ limit: 1 });
  const now = Date.now();
  return newest ? Math.min(now, Date.parse(newest.published_at ?? newest.fetched_at)) : now;
}
