/**
 * How often to poll a source. An outlet that publishes every ten minutes is polled every five; one
 * that publishes twice a day, every few hours; a failing one backs off exponentially. All pure.
 */

/** Never poll a source more often than this (seconds): politeness, and feeds rarely change faster. */
export const MIN_POLL_INTERVAL = 5 * 60;
/** Never wait longer than a day: even a quiet outlet may come back. */
export const MAX_POLL_INTERVAL = 24 * 60 * 60;
/** How many recent items' dates tell the publishing pace; older ones describe another season. */
const PACE_WINDOW = 10;
/** A poll that brings nothing new stretches the interval by this factor. */
const QUIET_FACTOR = 1.5;

const clamp = (s: number) => Math.round(Math.min(MAX_POLL_INTERVAL, Math.max(MIN_POLL_INTERVAL, s)));

/**
 * The next interval after a successful poll. `itemDates` are the feed items' publication instants
 * (any order); `newItems` is how many of them we had not seen before.
 */
export function nextPollInterval(previous: number, itemDates: Date[], newItems: number): number {
  let interval = previous;
  const times = itemDates
    .map((d) => d.getTime())
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => b - a)
    .slice(0, PACE_WINDOW);
  if (times.length >= 2) {
    const gaps = times.slice(1).map((t, i) => times[i]! - t).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)]! / 1000;
    // Polling at half the typical gap catches most items within one gap of publication.
    interval = median / 2;
  }
  if (newItems === 0) interval = Math.max(interval, previous * QUIET_FACTOR);
  return clamp(interval);
}

/** Seconds until the next try after `failures` consecutive failures (1 = the first). */
export function backoffDelay(interval: number, failures: number, retryAfterMs?: number): number {
  const exponential = interval * 2 ** Math.min(Math.max(failures - 1, 0), 10);
  const serverAsked = retryAfterMs ? retryAfterMs / 1000 : 0;
  return clamp(Math.max(exponential, serverAsked));
}
