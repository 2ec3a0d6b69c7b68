import { crawlDue } from '../pipeline/crawl.ts';
import type { PollDeps } from '../pipeline/poll-source.ts';
import { sleep } from './sleep.ts';

export interface SchedulerOptions {
  /** Seconds between rounds; each round polls every source that is due. */
  tickSeconds: number;
  signal: AbortSignal;
}

/**
 * Poll due sources round after round until `signal` aborts. A round in progress is finished, not cut,
 * so an article is either stored whole or fetched again next time.
 */
export async function runScheduler(deps: PollDeps, opts: SchedulerOptions): Promise<void> {
  while (!opts.signal.aborted) {
    try {
      const results = await crawlDue(deps);
      if (results.length) {
        const added = results.reduce((n, r) => n + r.new_articles, 0);
        deps.log('info', 'crawl_round', { sources: results.length, new_articles: added });
      }
    } catch (err) {
      // A storage hiccup (a locked database) costs one round, not the process.
      deps.log('error', 'crawl_round_failed', { error: (err as Error).message });
    }
    await sleep(opts.tickSeconds * 1000, opts.signal);
  }
}
