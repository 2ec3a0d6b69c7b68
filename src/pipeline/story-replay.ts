// Reading placed articles back from the store, as the story stage keeps them in memory: at start
// (the days its memory covers) and when an article arrives that belongs before them (the days it is
// placed among, and the RETAIN_DAYS before those, which the memory of each day is rebuilt from).
//
// Each article is analyzed and fingerprinted again from its text (~4 ms), not rebuilt from what the
// store keeps of it: the stored fingerprint has no shingle set, and copy detection scored against a
// signature alone (an estimate off by up to ~0.09) would decide otherwise than it did with both
// texts' shingles at hand. The story and original each article was placed in come with it: the
// memory of a day is the stories its articles were placed in (story-window.ts, `dayState`), not a
// new clustering of them.
import type { Store } from '../store/store.ts';
import type { TimeCursor } from '../store/story-types.ts';
import { type StoryRef, type WindowEntry, compareEntries, newEntry } from './story-window.ts';

/** Articles read from the store at a time. */
const READ_BATCH = 500;
/** Before and after every stored time (PostgreSQL has no year 0). */
const BEGINNING = '0001-01-01T00:00:00.000Z';
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export interface LoadReport {
  /** Articles read back, and of those the ones clustered (not copies). */
  articles: number;
  clustered: number;
  ms: number;
}

/** Every placed article published in [since, until) (ms), in placement order, with its story's ref. */
export async function loadPlaced(store: Store, since: number, until: number, storyOf: (id: number) => StoryRef): Promise<{ entries: WindowEntry[]; report: LoadReport }> {
  const started = performance.now();
  const entries: WindowEntry[] = [];
  const sinceIso = Number.isFinite(since) ? new Date(since).toISOString() : BEGINNING;
  const untilIso = Number.isFinite(until) ? new Date(until).toISOString() : END_OF_TIME;
  let after: TimeCursor | null = null;
  for (;;) {
    const batch = await store.articlesInStoriesBetween(sinceIso, untilIso, READ_BATCH, after);
    if (batch.length === 0) break;
    for (const a of batch) entries.push(newEntry(a, storyOf));
    const last = batch[batch.length - 1]!;
    after = { at: last.published_at ?? last.fetched_at, id: last.id };
    if (batch.length < READ_BATCH) break;
  }
  entries.sort(compareEntries);
  const clustered = entries.filter((e) => e.duplicateOf === null).length;
  return { entries, report: { articles: entries.length, clustered, ms: Math.round(performance.now() - started) } };
}

/** Whether any article is in a story yet. */
export async function anyPlaced(store: Store): Promise<boolean> {
  return (await store.articlesInStoriesBetween(BEGINNING, END_OF_TIME, 1)).length > 0;
}
