import type { PollDeps, PollResult } from './poll-source.ts';
import { pollSource } from './poll-source.ts';

/** Sources polled at once; the fetcher still serializes each host and caps requests in flight. */
const SOURCE_CONCURRENCY = 8;
/** Due sources taken per round: a huge backlog is worked through round after round. */
const DUE_BATCH = 500;

/**
 * Poll every source that is due now, a few at a time. One source's failure never stops the others;
 * a store that cannot take writes (pollSource throws) stops the round once the polls in flight end.
 */
export async function crawlDue(deps: PollDeps, opts: { concurrency?: number; now?: Date } = {}): Promise<PollResult[]> {
  const due = await deps.store.dueSources(opts.now ?? new Date(), DUE_BATCH);
  const results: PollResult[] = [];
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < due.length && failure === null) {
      const source = due[next++]!;
      try {
        results.push(await pollSource(source, deps));
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? SOURCE_CONCURRENCY, due.length) }, worker));
  if (failure !== null) throw failure;
  // The stories each article joined as it was stored depend on the order the polls brought them in;
  // the round ends with those of publication order (the stage's ordered pass), whoever came first.
  await deps.stories?.placeBacklog();
  return results;
}
