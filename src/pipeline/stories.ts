// The story stage: after an article is stored and tagged, find whether it is a syndicated copy,
// put it in a story, and choose its "read also" stories. The stages themselves are pure
// (src/stories); this file wires them to the store.
//
// For each article, one at a time:
//   1. Copy detection against the near-duplicate index (7 days). A copy gets `duplicate_of` its
//      original (the earliest published article with the same wire text, followed to its root) and
//      joins the original's story; it is not clustered, so wire text told five times does not pull
//      a story's centroid towards itself. When the newcomer is itself the original of copies that
//      arrived first (crawl order is not publication order), those copies are re-pointed to it and
//      it joins their story.
//   2. Otherwise the clusterer puts it in the best recent story or starts one.
//   3. The story row is upserted (the store recounts articles, outlets and span), and up to five
//      related stories (±7 days, never its own) are stored for the article page.
//
// Writes are held and saved together (saveStoryBatch: one transaction, each story recounted once),
// at the end of each backlog batch and after each single assignment. Placing an article reads back
// only what earlier placements decided, so those decisions are kept in memory until saved
// (`unsaved`), and the rare reads that need the store itself (re-pointing copies that arrived
// before their original, a story the clusterer no longer holds) save what is held first. On
// `marsad import` of SaudiNewsNet the writes are now about a tenth of the stage's time; the rest is
// the pure stages (related stories and clustering first; `npm run bench stories` measures them).
//
// One process owns this memory (the near-duplicate index and the clusterer); it is rebuilt at start
// by replaying the last 7 days of stored articles (story-replay.ts), then any article still waiting
// for a story is placed, oldest first. Assignments are serialized through a StoryLock. On SQLite
// everything runs in one process, and the in-process lock is enough.
//
// The seam for many workers on PostgreSQL (issue 7): give the stage a lock that is also held across
// processes (pg_advisory_xact_lock or equivalent), and, once inside it, bring the memory up to date
// with what other workers assigned since this one last held it (articlesInStoriesBetween from its
// clock, replayed as story-replay.ts does) before deciding. Everything else stays as it is.
import type { Logger } from '../log/index.ts';
import type { Article, ArticleTag, StoryUpdate, WireCredit } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { StoryBatch } from '../store/story-types.ts';
import {
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  RETAIN_DAYS,
  findOriginal,
  matchCopies,
  prepareArticle,
  relatedStories,
  serializeFingerprint,
  type AnalyzedArticle,
  type CopyArticle,
  type StorySummary,
} from '../stories/index.ts';
import { DAY_MS, type StoryMemory, analyzeStored, articleTime, emptyMemory, replayStories } from './story-replay.ts';

/** Articles read from the store at a time when placing a backlog. */
const BACKLOG_BATCH = 500;

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
  ms: number;
}

export interface StoryStageOptions {
  log?: Logger;
  lock?: StoryLock;
}

/** One placed article's writes, held until `flush`. */
interface HeldPlacement {
  article_id: number;
  writes: StoryBatch;
}

export class StoryStage {
  private held: HeldPlacement[] = [];
  /** Story and original of every article in `held` (re-pointed copies included), for later placements. */
  private readonly unsaved = new Map<number, { story_id: number; duplicate_of: number | null }>();
  /** Articles whose writes could not be saved since the caller last looked. */
  private readonly failedToSave = new Set<number>();

  private constructor(
    private readonly store: Store,
    private memory: StoryMemory,
    private readonly log: Logger,
    private readonly lock: StoryLock,
  ) {}

  /**
   * Rebuilds the memory from the store (the last RETAIN_DAYS) and logs how long the replay took.
   * Articles still waiting for a story are placed by `placeBacklog`, which callers run next.
   */
  static async open(store: Store, opts: StoryStageOptions = {}): Promise<StoryStage> {
    const log = opts.log ?? (() => {});
    const stage = new StoryStage(store, emptyMemory(0), log, opts.lock ?? new InProcessLock());
    await stage.lock.run(async () => {
      const newest = await newestStoryTime(store);
      const { memory, report } = await replayStories(store, newest + 1);
      stage.memory = memory;
      log('info', 'stories_replayed', { ...report });
    });
    return stage;
  }

  /**
   * Rebuilds the memory from the store, for a lock that finds, once held, that another process
   * assigned stories since this one last held it (src/worker/story-placer.ts). Runs inside the lock.
   */
  async reload(): Promise<void> {
    this.memory = (await replayStories(this.store, (await newestStoryTime(this.store)) + 1)).memory;
  }

  /** Places one stored (and tagged) article. Null when there is no such article or it failed. */
  assign(articleId: number): Promise<StoryPlacement | null> {
    return this.lock.run(async () => {
      const article = await this.store.getArticle(articleId);
      if (!article) return null;
      if (article.story_id !== null) return { article_id: article.id, story_id: article.story_id, created: false, duplicate_of: article.duplicate_of, agency: null, related: [] };
      const placed = await this.placeLogged(article, await this.store.tagsForArticle(article.id));
      await this.flush();
      const saved = placed && !this.failedToSave.has(placed.article_id);
      this.failedToSave.clear();
      return saved ? placed : null;
    });
  }

  /**
   * Places every article not yet in a story, oldest first: what an import stored, what a crash
   * left, what a release before stories stored. Publication order, not arrival order, so a dump in
   * any order clusters as if it had streamed in date order. A backlog older than the memory's
   * window is placed against the stories of the 7 days before it; the live memory is rebuilt after.
   */
  placeBacklog(): Promise<BacklogReport> {
    return this.lock.run(async () => {
      const started = performance.now();
      const report = { placed: 0, copies: 0, failed: 0 };
      let after: { at: string; id: number } | null = null;
      let rewound = false;
      for (;;) {
        const batch = await this.store.articlesWithoutStory(BACKLOG_BATCH, after);
        if (batch.length === 0) break;
        const first = articleTime(batch[0]!);
        if (!after && first < this.memory.clock - RETAIN_DAYS * DAY_MS) {
          this.memory = (await replayStories(this.store, first)).memory;
          rewound = true;
        }
        const tags = await this.store.tagsForArticles(batch.map((a) => a.id));
        const placements: (StoryPlacement | null)[] = [];
        for (const article of batch) placements.push(await this.placeLogged(article, tags.get(article.id) ?? []));
        await this.flush();
        // SQLite answers synchronously, so without this a long backlog would hold the event loop
        // (and a server placing it in the background) for minutes.
        await new Promise((resolve) => setImmediate(resolve));
        for (const placed of placements) {
          if (!placed || this.failedToSave.has(placed.article_id)) report.failed++;
          else if (placed.duplicate_of !== null) report.copies++;
          else report.placed++;
        }
        this.failedToSave.clear();
        const last = batch[batch.length - 1]!;
        after = { at: last.published_at ?? last.fetched_at, id: last.id };
      }
      if (rewound) this.memory = (await replayStories(this.store, (await newestStoryTime(this.store)) + 1)).memory;
      const out = { ...report, ms: Math.round(performance.now() - started) };
      if (report.placed || report.copies || report.failed) this.log('info', 'story_backlog_placed', out);
      return out;
    });
  }

  private async placeLogged(article: Article, tags: readonly ArticleTag[]): Promise<StoryPlacement | null> {
    try {
      const placed = await this.place(article, tags);
      this.log('debug', 'story_assigned', { article_id: placed.article_id, story_id: placed.story_id, created: placed.created, duplicate_of: placed.duplicate_of });
      return placed;
    } catch (err) {
      // The article stays waiting for a story; the next start tries it again.
      this.log('warn', 'story_failed', { article_id: article.id, error: (err as Error).message });
      return null;
    }
  }

  private async place(article: Article, tags: readonly ArticleTag[]): Promise<StoryPlacement> {
    const { clusterer, copies } = this.memory;
    const time = articleTime(article);
    this.memory.clock = Math.max(this.memory.clock, time);
    const asCopy: CopyArticle = { id: String(article.id), title: article.title, body: article.text, publishedAt: time, source: article.source_id === null ? undefined : String(article.source_id) };
    const prepared = prepareArticle(asCopy);
    const original = findOriginal(asCopy, copies, prepared);
    // Only a credit (a dateline, "(واس)") names the source of a text; a mention in passing does not.
    const agency: WireCredit | null = prepared.agency?.credited ? { code: prepared.agency.code, name: prepared.agency.name } : null;

    let storyId: number | null = null;
    let duplicateOf: number | null = null;
    let created = false;
    let summary: StorySummary | undefined;
    let analyzed: AnalyzedArticle | null = null;

    const assignments: StoryBatch['assignments'][number][] = [];
    if (original) {
      const rootId = Number(original.originalId);
      const rootStory = this.unsaved.get(rootId)?.story_id ?? (await this.store.getArticle(rootId))?.story_id;
      if (rootStory != null) {
        storyId = rootStory;
        duplicateOf = rootId;
      }
    } else {
      // Stored articles published after this one that carry its text: they are its copies.
      const laterCopies = matchCopies(asCopy, copies, prepared).filter((m) =>
        m.publishedAt > time && m.meta.duplicateOf === undefined && (m.similarity >= NEAR_JACCARD || (m.containment >= NEAR_CONTAINMENT && m.containment > m.contained)));
      // Re-pointing reads copies from the store: it must see every decision so far.
      if (laterCopies.length) await this.flush();
      for (const m of laterCopies) {
        const copy = await this.store.getArticle(Number(m.id));
        if (copy?.story_id == null) continue;
        storyId ??= copy.story_id;
        for (const c of [copy, ...(await this.store.copiesOf(copy.id))]) assignments.push({ article_id: c.id, story_id: c.story_id ?? storyId, duplicate_of: article.id });
        m.meta.duplicateOf = String(article.id);
      }
    }

    if (storyId === null) {
      analyzed = analyzeStored(article, tags);
      const added = clusterer.add(analyzed);
      storyId = added.storyId;
      created = added.created;
      summary = added.story;
    }

    copies.add(String(article.id), prepared.fingerprint, time, {
      source: asCopy.source,
      agency: prepared.agency,
      duplicateOf: duplicateOf === null ? undefined : String(duplicateOf),
      words: prepared.short ? prepared.words : undefined,
    });
    assignments.push({ article_id: article.id, story_id: storyId, duplicate_of: duplicateOf });
    const update = await this.storyUpdate(storyId, summary);

    analyzed ??= analyzeStored(article, tags);
    const related = relatedStories(clusterer.features(analyzed), clusterer, { excludeStory: storyId });
    this.held.push({
      article_id: article.id,
      writes: {
        assignments,
        fingerprints: [{ article_id: article.id, fingerprint: serializeFingerprint(prepared.fingerprint), published_at: new Date(time).toISOString(), agency }],
        stories: [update],
        related: [{ article_id: article.id, related: related.map((r) => ({ story_id: r.storyId, score: r.score })) }],
      },
    });
    for (const a of assignments) this.unsaved.set(a.article_id, { story_id: a.story_id, duplicate_of: a.duplicate_of });
    return { article_id: article.id, story_id: storyId, created, duplicate_of: duplicateOf, agency, related: related.map((r) => r.storyId) };
  }

  /**
   * Saves the held writes in one transaction. When that fails, each article's writes are saved on
   * their own, so one bad row costs its article, not the batch; those that still fail are logged
   * and stay waiting for a story (the next start places them again).
   */
  private async flush(): Promise<void> {
    const held = this.held;
    if (held.length === 0) return;
    this.held = [];
    this.unsaved.clear();
    try {
      await this.store.saveStoryBatch({
        assignments: held.flatMap((h) => h.writes.assignments),
        fingerprints: held.flatMap((h) => h.writes.fingerprints),
        stories: held.flatMap((h) => h.writes.stories),
        related: held.flatMap((h) => h.writes.related),
      });
    } catch (batchErr) {
      this.log('warn', 'story_batch_failed', { articles: held.length, error: (batchErr as Error).message });
      for (const h of held) {
        try {
          await this.store.saveStoryBatch(h.writes);
        } catch (err) {
          this.failedToSave.add(h.article_id);
          this.log('warn', 'story_failed', { article_id: h.article_id, error: (err as Error).message });
        }
      }
    }
  }

  /** The story row's update: the clusterer's view when it holds the story, else the stored one kept. */
  private async storyUpdate(storyId: number, summary?: StorySummary): Promise<StoryUpdate> {
    const s = summary ?? this.memory.clusterer.story(storyId)?.summary();
    if (s) {
      return {
        id: storyId,
        headline: s.headline,
        headline_article_id: s.headlineArticleId === '' ? null : Number(s.headlineArticleId),
        entities: s.entities.map((e) => ({ key: e.id, weight: e.weight })),
      };
    }
    await this.flush(); // the story's stored record must include what is held
    const stored = await this.store.getStory(storyId);
    if (stored) return { id: storyId, headline: stored.headline, headline_article_id: stored.headline_article_id, entities: stored.entities.map((e) => ({ key: e.key, weight: e.weight })) };
    const first = (await this.store.storyArticles(storyId))[0];
    return { id: storyId, headline: first?.title ?? '', headline_article_id: first?.id ?? null, entities: [] };
  }
}

/** The newest article time in the store (ms), capped at now so a future-dated article cannot empty the window. */
async function newestStoryTime(store: Store): Promise<number> {
  const [newest] = await store.latestArticles({ limit: 1 });
  const now = Date.now();
  return newest ? Math.min(now, articleTime(newest)) : now;
}
