// Story placement when many workers share one database. Workers store and tag articles; one of them
// at a time, the placer (Store.leadStories), puts waiting articles in stories, each pass under the
// store's story lock. Keeping one placer means its memory (near-duplicate index, clusterer, the
// window of recent placements) is rebuilt only when the role moves (the lock reports "stale":
// another process assigned stories since), not at every pass; and the lock still serializes
// assignment should two processes ever both believe they place. When the placer dies, its claim dies
// with its connection and another worker takes over at its next pass.
//
// A pass places every waiting article in publication order, and an article published before ones
// already placed is put where it belongs with the later ones placed again, however late it came
// (StoryStage.placeBacklog), so the stories are those one ordered pass over the same articles makes,
// whichever worker stored what, when, and whichever worker placed it (a new placer reads its memory
// back from the store, which gives the same stories: src/pipeline/stories.ts).
//
// An article is placed only once tagged, so that no article in a story lacks its tags. A worker
// killed between storing and tagging leaves an untagged article behind; the placer tags it itself
// (tagging is deterministic, so the same tags the worker would have saved) before placing it.
import type { Logger } from '../log/index.ts';
import { StoryStage } from '../pipeline/stories.ts';
import { tagStoredArticle } from '../pipeline/tag.ts';
import type { Store } from '../store/store.ts';
import type { TimeCursor } from '../store/story-types.ts';
import { sleep } from './sleep.ts';

/** Waiting articles read from the store at a time when looking for untagged ones. */
const READ_BATCH = 500;

export interface PassReport {
  placed: number;
  tagged: number;
  /** Articles placed again because one published before them arrived after them. */
  replaced: number;
}

/** Tags waiting articles that have no tags yet (their worker died before tagging them). */
async function tagWaiting(store: Store, log: Logger, signal?: AbortSignal): Promise<number> {
  let tagged = 0;
  let after: TimeCursor | null = null;
  while (!signal?.aborted) {
    const batch = await store.articlesWithoutStory(READ_BATCH, after);
    if (batch.length === 0) break;
    const tags = await store.tagsForArticles(batch.map((a) => a.id));
    for (const article of batch) {
      if (!tags.get(article.id)?.length && (await tagStoredArticle(store, article.id, article, log))) tagged++;
    }
    const last = batch[batch.length - 1]!;
    after = { at: last.published_at ?? last.fetched_at, id: last.id };
  }
  return tagged;
}

/** Place every article waiting for a story, in publication order, tagging first any left untagged. */
export async function placeWaitingArticles(store: Store, stage: StoryStage, log: Logger, signal?: AbortSignal): Promise<PassReport> {
  const tagged = await tagWaiting(store, log, signal);
  if (signal?.aborted) return { placed: 0, tagged, replaced: 0 };
  const report = await stage.placeBacklog();
  return { placed: report.placed + report.copies, tagged, replaced: report.replaced };
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
    const started = performance.now();
    try {
      if (await store.leadStories()) {
        const report = await store.storyLock().run(async (stale) => {
          if (!stage) {
            // Opening reads memory back from the store, so a first hold needs no reload.
            stage = await StoryStage.open(store, { log });
            log('info', 'story_placer_started', {});
          } else if (stale) {
            await stage.reload();
          }
          return placeWaitingArticles(store, stage, log, opts.signal);
        });
        if (report.placed) log('info', 'stories_placed', { ...report, ms: Math.round(performance.now() - started) });
      }
    } catch (err) {
      // The articles keep waiting; the next pass (here or in another worker) places them.
      log('error', 'story_pass_failed', { error: (err as Error).message });
    }
    // A pass that placed articles again costs the days from the earliest late one on: pausing as
    // long as it took keeps the placer to half the worker's time however late articles keep arriving.
    await sleep(Math.max(opts.everyMs, performance.now() - started), opts.signal);
  }
}
