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

export class StoryStage {
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

  /** Places one stored (and tagged) article. Null when there is no such article or it failed. */
  assign(articleId: number): Promise<StoryPlacement | null> {
    return this.lock.run(async () => {
      const article = await this.store.getArticle(articleId);
      if (!article) return null;
      if (article.story_id !== null) return { article_id: article.id, story_id: article.story_id, created: false, duplicate_of: article.duplicate_of, agency: null, related: [] };
      return this.placeLogged(article, await this.store.tagsForArticle(article.id));
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
        for (const article of batch) {
          const placed = await this.placeLogged(article, tags.get(article.id) ?? []);
          if (!placed) report.failed++;
          else if (placed.duplicate_of !== null) report.copies++;
          else report.placed++;
        }
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

    if (original) {
      const root = await this.store.getArticle(Number(original.originalId));
      if (root?.story_id != null) {
        storyId = root.story_id;
        duplicateOf = root.id;
      }
    } else {
      // Stored articles published after this one that carry its text: they are its copies.
      const laterCopies = matchCopies(asCopy, copies, prepared).filter((m) =>
        m.publishedAt > time && m.meta.duplicateOf === undefined && (m.similarity >= NEAR_JACCARD || (m.containment >= NEAR_CONTAINMENT && m.containment > m.contained)));
      for (const m of laterCopies) {
        const copy = await this.store.getArticle(Number(m.id));
        if (copy?.story_id == null) continue;
        storyId ??= copy.story_id;
        await this.repoint(copy, article.id, storyId);
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
    await this.store.assignStory(article.id, storyId, duplicateOf);
    await this.store.saveFingerprint({ article_id: article.id, fingerprint: serializeFingerprint(prepared.fingerprint), published_at: new Date(time).toISOString(), agency });
    await this.store.upsertStory(await this.storyUpdate(storyId, summary));

    analyzed ??= analyzeStored(article, tags);
    const related = relatedStories(clusterer.features(analyzed), clusterer, { excludeStory: storyId });
    await this.store.setRelated(article.id, related.map((r) => ({ story_id: r.storyId, score: r.score })));
    return { article_id: article.id, story_id: storyId, created, duplicate_of: duplicateOf, agency, related: related.map((r) => r.storyId) };
  }

  /** A copy that arrived before its original: it, and anything folded under it, now fold under the original. */
  private async repoint(copy: Article, originalId: number, storyId: number): Promise<void> {
    for (const c of [copy, ...(await this.store.copiesOf(copy.id))]) {
      await this.store.assignStory(c.id, c.story_id ?? storyId, originalId);
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
