/** The value at `fraction` (0.95 for p95) of ascending samples, by nearest rank; undefined when there are none. */
export function nearestRank(sorted: readonly number[], fraction: number): number | undefined {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
