// What many workers sharing one database ask of the store (DESIGN.md, "Scale-out"): leases on due
// sources, per-host spacing across processes, and the lock that serializes story assignment.
// Backend-neutral: SQLite and PostgreSQL implement it and pass lease-conformance.ts.
import type { Source } from '../model/index.ts';

/**
 * Per-host spacing shared by every process crawling into one database. The fetcher asks it just
 * before a request; it answers how long to wait so that requests to a host, from any worker, start
 * at least `delayMs` apart.
 */
export interface HostGate {
  /** Reserve the host's next slot; resolves to the milliseconds to wait for it (0: go now). */
  reserve(host: string, delayMs: number): Promise<number>;
}

/**
 * A lock held across every process sharing the store. `stale` tells the holder that another
 * process held it since this one last did, so whatever it keeps in memory may be out of date.
 */
export interface SharedLock {
  run<T>(work: (stale: boolean) => Promise<T>): Promise<T>;
}

export interface WorkStore {
  /**
   * Lease up to `limit` due sources (as `dueSources` picks them, oldest first) to `workerId` for
   * `leaseSeconds`. A source leased to anyone until after `now` is skipped; two callers, in any
   * processes, never get the same source. `recordPoll` and `releaseSource` end the lease.
   */
  claimDueSources(workerId: string, now: Date, limit: number, leaseSeconds: number): Promise<Source[]>;
  /** End `workerId`'s lease on a source (its schedule untouched). False when it held none. */
  releaseSource(id: number, workerId: string): Promise<boolean>;
  /**
   * Extend `workerId`'s lease on a source to `leaseSeconds` after `now`, for a poll that runs long.
   * False when it no longer holds it (the lease expired and another worker claimed the source).
   */
  renewLease(id: number, workerId: string, now: Date, leaseSeconds: number): Promise<boolean>;
  /** The host spacing shared across processes, or null when one process does all the crawling (SQLite). */
  hostGate(): HostGate | null;
  /** The lock story assignment runs under; in-process on SQLite, where one process crawls. */
  storyLock(): SharedLock;
  /**
   * Become, if no other process is, the one that places articles in stories; true while this store
   * is it. The claim ends when the store closes or its process dies (on PostgreSQL, a session
   * advisory lock), so another worker takes over at its next try.
   */
  leadStories(): Promise<boolean>;
}

/** A SharedLock for a store only one process uses: a promise chain, never stale. */
export class InProcessSharedLock implements SharedLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: (stale: boolean) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => work(false));
    this.tail = result.catch(() => {});
    return result;
  }
}
