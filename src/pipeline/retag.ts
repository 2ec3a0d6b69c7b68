import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from '../log/index.ts';
import type { Article } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { TAGGER_VERSION } from '../tags/index.ts';
import { tagStoredArticle } from './tag.ts';

/** Articles read from the store at a time. */
const DEFAULT_BATCH_SIZE = 100;
/**
 * Tagging is synchronous work (a few milliseconds for a long article), so the backfill gives the
 * event loop back this often: web pages served beside it wait at most about this long.
 */
const YIELD_EVERY_MS = 50;

export interface RetagOptions {
  /** Tag every article again, not only those never tagged or tagged by an older tagger. */
  all?: boolean;
  batchSize?: number;
  /** Stops between batches; what is done stays done, and the rest waits for the next run. */
  signal?: AbortSignal;
  log?: Logger;
}

export interface RetagReport {
  tagged: number;
  failed: number;
  version: number;
  ms: number;
  stopped: boolean;
}

/**
 * Backfill tags: articles stored before tagging existed, those an older tagger version tagged, and
 * those whose tagging failed on ingest. Works in batches and yields to the event loop every
 * YIELD_EVERY_MS, so it can run in the background of a serving process. An article that fails is reported and skipped, not retried
 * in the same run.
 */
export async function retagArticles(store: Store, opts: RetagOptions = {}): Promise<RetagReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const failed = new Set<number>();
  let tagged = 0;

  let lastYield = performance.now();
  /** Tags a batch; false when not one article in it could be tagged (a broken tagger: stop). */
  const tagBatch = async (articles: Article[]): Promise<boolean> => {
    const before = tagged;
    for (const a of articles) {
      if (await tagStoredArticle(store, a.id, a, log)) tagged++;
      else failed.add(a.id);
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await nextTurn();
        lastYield = performance.now();
      }
    }
    return articles.length === 0 || tagged > before;
  };

  if (opts.all) {
    let batch: Article[] = [];
    for await (const a of store.iterateArticles(batchSize)) {
      batch.push(a);
      if (batch.length < batchSize) continue;
      const progressed = await tagBatch(batch);
      batch = [];
      if (!progressed || opts.signal?.aborted) break;
    }
    if (batch.length && !opts.signal?.aborted) await tagBatch(batch);
  } else {
    for (;;) {
      if (opts.signal?.aborted) break;
      // Articles that failed in this run are still "needing tags": ask for enough to get past them.
      const next = (await store.articlesNeedingTags(TAGGER_VERSION, batchSize + failed.size)).filter((a) => !failed.has(a.id));
      if (next.length === 0 || !(await tagBatch(next))) break;
    }
  }

  const report = {
    tagged, failed: failed.size, version: TAGGER_VERSION, ms: Math.round(performance.now() - started),
    stopped: opts.signal?.aborted ?? false,
  };
  if (tagged || failed.size) log('info', 'articles_retagged', report);
  return report;
}
