// Source leases on SQLite (migration 5). One process normally crawls a SQLite database, but the
// claim still runs in one IMMEDIATE transaction, so two processes on one file never share a source.
// There is no host table or cross-process story lock here: the fetcher's in-process politeness queue
// and the story stage's in-process lock are all one process needs.
import type Database from 'better-sqlite3';
import type { Source } from '../../model/index.ts';
import { InProcessSharedLock } from '../lease-types.ts';
import { type SourceRow, toSource } from './rows.ts';

export function claimDueSources(db: Database.Database, workerId: string, now: Date, limit: number, leaseSeconds: number): Source[] {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const claim = db.transaction(() => db
    .prepare(
      `UPDATE sources SET lease_owner = ?, lease_until = ?
       WHERE id IN (SELECT id FROM sources
         WHERE paused = 0 AND kind <> 'import' AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until < ?)
         ORDER BY next_poll_at, id LIMIT ?)
       RETURNING *`,
    )
    .all(workerId, until, at, at, limit) as SourceRow[]);
  // RETURNING gives no order; callers poll the longest-waiting first.
  return claim.immediate().map(toSource).sort((a, b) => (a.next_poll_at < b.next_poll_at ? -1 : a.next_poll_at > b.next_poll_at ? 1 : a.id - b.id));
}

export function releaseSource(db: Database.Database, id: number, workerId: string): boolean {
  return db.prepare('UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(id, workerId).changes > 0;
}

export function renewLease(db: Database.Database, id: number, workerId: string, now: Date, leaseSeconds: number): boolean {
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  return db.prepare('UPDATE sources SET lease_until = ? WHERE id = ? AND lease_owner = ?').run(until, id, workerId).changes > 0;
}

export { InProcessSharedLock };
