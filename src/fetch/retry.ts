/** When to try again after a 429, a 503 or a dropped connection. */

/**
 * Retry-After in ms (RFC 9110 §10.2.3): either a number of seconds or an HTTP date; null when absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff with jitter, so retries from many workers do not arrive in step. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  const step = baseMs * 2 ** attempt;
  return Math.min(capMs, Math.round(step * (0.5 + Math.random() / 2)));
}
