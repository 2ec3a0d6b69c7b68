// How the home page ranks stories: by how many outlets tell them and how fresh they are.
//
//   rank = outlets · 2^(−age / HALF_LIFE),   age = reference − last_seen (never negative)
//
// A story told by four outlets outranks a single-outlet one of the same age, and keeps doing so for
// two half-lives: a day later the two tie. A twenty-outlet story still gives way to a fresh
// five-outlet one after a day, and everything leaves the ranking after RANK_WINDOW_HOURS. (The
// logarithm of the outlet count was tried first: on the demo newsroom it let single-outlet
// follow-ups from the last hours bury the stories every outlet told.) Freshness counts from the
// story's LAST article, so a story that keeps getting coverage stays up. The reference is "now",
// unless the newest story is older than now (a quiet archive, an imported dump, the demo): then it
// is that story's time, so the page still shows the archive's top stories rather than nothing.
// Both backends rank with this one function over the same candidates, so they agree.
import type { Story } from '../model/index.ts';

/** Hours after which a story's freshness factor halves. */
export const RANK_HALF_LIFE_HOURS = 12;
/** Only stories seen this close to the reference time are ranked. */
export const RANK_WINDOW_HOURS = 72;
/** Candidates read from the store before ranking: the newest stories by last seen. */
export const RANK_CANDIDATES = 500;

const HOUR_MS = 3_600_000;

export function storyRank(story: Pick<Story, 'outlet_count' | 'last_seen'>, reference: number): number {
  const age = Math.max(0, reference - Date.parse(story.last_seen)) / HOUR_MS;
  return Math.max(1, story.outlet_count) * 2 ** (-age / RANK_HALF_LIFE_HOURS);
}

/** The reference time: now, or the newest story's last article when that is older. */
export function rankReference(now: Date, newestLastSeen: string | null): number {
  const t = now.getTime();
  if (!newestLastSeen) return t;
  return Math.min(t, Date.parse(newestLastSeen));
}

/** Ranks candidates (newest first, as the store reads them) and keeps the best `limit`. */
export function rankStories<S extends Pick<Story, 'id' | 'outlet_count' | 'last_seen'>>(candidates: readonly S[], now: Date, limit: number): S[] {
  if (candidates.length === 0) return [];
  const newest = candidates.reduce((m, s) => (s.last_seen > m ? s.last_seen : m), candidates[0]!.last_seen);
  const reference = rankReference(now, newest);
  const from = reference - RANK_WINDOW_HOURS * HOUR_MS;
  return candidates
    .filter((s) => Date.parse(s.last_seen) >= from && Date.parse(s.last_seen) <= now.getTime())
    .map((s) => ({ s, r: storyRank(s, reference) }))
    .sort((a, b) => b.r - a.r || (a.s.last_seen < b.s.last_seen ? 1 : a.s.last_seen > b.s.last_seen ? -1 : b.s.id - a.s.id))
    .slice(0, limit)
    .map((x) => x.s);
}
