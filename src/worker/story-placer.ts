// Story placement when many workers share one database. Workers store and tag articles; one of them
// at a time, the placer (Store.leadStories), puts waiting articles in stories, oldest first, each pass
// under the store's story lock. Keeping one placer means its memory (near-duplicate index, clusterer)
// is rebuilt only when the role moves (the lock reports "stale": another process assigned stories
// since), not at every article; and the lock still serializes assignment should two processes ever
// both believe they place. The lock is taken per pass, not per article: it costs a few round trips,
// which per article would add a third to placing it on PostgreSQL. When the placer dies, its claim dies with its connection and another
// worker takes over at its next pass, replaying the last 7 days first.
//
// An article is placed only once tagged, since its tags weigh in the clustering. A worker killed
// between storing and tagging leaves an untagged article behind; the placer tags it itself (tagging is
// deterministic, so the same tags the worker would have saved) before placing it.
import type { Logger } from '../log/index.ts';
import { StoryStage } from '../pipeline/stories.ts';
import { tagStoredArticle } from '../pipeline/tag.ts';
import type { Store } from '../store/store.ts';
import type { TimeCursor } from '../store/story-types.ts';
import { sleep } from './sleep.ts';

/** Waiting articles read from the store at a time. */
const PASS_BATCH = 200;

export interface PassReport {
  placed: number;
  tagged: number;
}

/** Place every article waiting for a story, oldest first; stops between articles when `signal` aborts. */
export async function placeWaitingArticles(store: Store, stage: StoryStage, log: Logger, signal?: AbortSignal): Promise<PassReport> {
  const report: PassReport = { placed: 0, tagged: 0 };
  let after: TimeCursor | null = null;
  while (!signal?.aborted) {
    const batch = await store.articlesWithoutStory(PASS_BATCH, after);
    if (batch.length === 0) break;
    const tags = await store.tagsForArticles(batch.map((a) => a.id));
    for (const article of batch) {
      if (signal?.aborted) break;
      if (!tags.get(article.id)?.length && (await tagStoredArticle(store, article.id, article, log))) report.tagged++;
      if (await stage.assign(article.id)) report.placed++;
    }
    const last = batch[batch.length - 1]!;
    after = { at: last.published_at ?? last.fetched_at, id: last.id };
  }
  return report;
}

export interface PlacerOptions {
  /** Pause between passes. */
  everyMs: number;
  signal: AbortSignal;
}

/** Try to be the placer, and while it, place waiting articles pass after pass, until `signal`. */
export async function runStoryPlacer(store: Store, log: Logger, opts: PlacerOptions): Promise<void> {
  let stage: StoryStage | null = null;
  while (!opts.signal.aborted) {
    try {
      if (await store.leadStories()) {
        const report = await store.storyLock().run(async (stale) => {
          if (!stage) {
            // Opening replays the last 7 days, so a first hold needs no reload.
            stage = await StoryStage.open(store, { log });
            log('info', 'story_placer_started', {});
          } else if (stale) {
            await stage.reload();
          }
          return placeWaitingArticles(store, stage, log, opts.signal);
        });
        if (report.placed) log('info', 'stories_placed', { ...report });
      }
    } catch (err) {
      // The articles keep waiting; the next pass (here or in another worker) places them.
      log('error', 'story_pass_failed', { error: (err as Error).message });
    }
    await sleep(opts.everyMs, opts.signal);
  }
}

