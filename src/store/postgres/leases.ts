// Work shared by many workers on PostgreSQL (migration 5): source leases, per-host spacing, the story
// lock and the story placer's claim. Each is one short statement or an advisory lock, so they cost a
// round trip each and hold no row lock beyond their own statement.
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Source } from '../../model/index.ts';
import type { HostGate, SharedLock } from '../lease-types.ts';
import type { Database } from './rows.ts';

/** Advisory lock keys: 'MRSD' and a number per use (1 is the schema lock, migrate.ts). */
const STORY_LOCK_KEY: [number, number] = [0x4d525344, 2];
const STORY_LEADER_KEY: [number, number] = [0x4d525344, 3];

/**
 * FOR UPDATE SKIP LOCKED: concurrent claimers each take rows no one else is taking, instead of
 * queueing behind each other; the lease columns then keep the claim after the statement commits.
 */
export async function claimDueSources(
  db: Kysely<Database>, columns: readonly string[], workerId: string, now: Date, limit: number, leaseSeconds: number,
): Promise<Source[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const { rows } = await sql<Source>`UPDATE sources SET lease_owner = ${workerId}, lease_until = ${until}::timestamptz
    WHERE id IN (SELECT id FROM sources
      WHERE NOT paused AND kind <> 'import' AND next_poll_at <= ${at}::timestamptz
        AND (lease_until IS NULL OR lease_until < ${at}::timestamptz)
      ORDER BY next_poll_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING ${sql.raw(columns.join(', '))}`.execute(db);
  // RETURNING gives no order; callers poll the longest-waiting first.
  return rows.sort((a, b) => (a.next_poll_at < b.next_poll_at ? -1 : a.next_poll_at > b.next_poll_at ? 1 : a.id - b.id));
}

export async function releaseSource(db: Kysely<Database>, id: number, workerId: string): Promise<boolean> {
  const result = await sql`UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ${id} AND lease_owner = ${workerId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function renewLease(db: Kysely<Database>, id: number, workerId: string, now: Date, leaseSeconds: number): Promise<boolean> {
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const result = await sql`UPDATE sources SET lease_until = ${until}::timestamptz WHERE id = ${id} AND lease_owner = ${workerId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Start-to-start spacing per host across every worker: one upsert moves the host's next slot on by
 * the delay and hands back the one reserved, measured on the server's clock so workers' clocks need
 * not agree.
 */
export class PostgresHostGate implements HostGate {
  constructor(private readonly pool: pg.Pool) {}

  async reserve(host: string, delayMs: number): Promise<number> {
    const { rows } = await this.pool.query<{ wait_ms: number }>(
      `INSERT INTO hosts AS h (host, next_allowed_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (host) DO UPDATE
         SET next_allowed_at = greatest(clock_timestamp(), h.next_allowed_at) + make_interval(secs => $2::float8 / 1000)
       RETURNING (extract(epoch FROM h.next_allowed_at - clock_timestamp()) * 1000 - $2::float8)::float8 AS wait_ms`,
      [host, delayMs],
    );
    return Math.max(0, Math.ceil(rows[0]?.wait_ms ?? 0));
  }
}

/**
 * pg_advisory_xact_lock on a connection of its own, for the length of the work; the work's queries
 * run on the store's other connections. story_lock.epoch moves on at each release, so a holder that
 * finds it where it left it knows no other process assigned stories in between.
 */
export class PostgresStoryLock implements SharedLock {
  private epoch: number | null = null;
  // One holder per process at a time, so a process never waits on its own lock from two connections.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: pg.Pool) {}

  run<T>(work: (stale: boolean) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.hold(work));
    this.tail = result.catch(() => {});
    return result;
  }

  private async hold<T>(work: (stale: boolean) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', STORY_LOCK_KEY);
      const { rows } = await client.query<{ epoch: number }>('SELECT epoch FROM story_lock WHERE id = 1');
      const stale = Number(rows[0]?.epoch) !== this.epoch;
      let out: T;
      try {
        out = await work(stale);
      } catch (err) {
        // Memory may be half updated: the next holder in this process rebuilds it.
        this.epoch = null;
        await client.query('UPDATE story_lock SET epoch = epoch + 1 WHERE id = 1');
        await client.query('COMMIT');
        throw err;
      }
      const bumped = await client.query<{ epoch: number }>('UPDATE story_lock SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch');
      await client.query('COMMIT');
      this.epoch = Number(bumped.rows[0]!.epoch);
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

/**
 * The story placer's claim: a session advisory lock on a connection kept for as long as this process
 * holds it. A process that dies drops its connection, and with it the claim.
 */
export class PostgresStoryLeader {
  private client: pg.PoolClient | null = null;

  constructor(private readonly pool: pg.Pool) {}

  async lead(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', STORY_LEADER_KEY);
      if (!rows[0]?.ok) {
        client.release();
        return false;
      }
    } catch (err) {
      client.release(true);
      throw err;
    }
    // A connection the server drops loses the claim with it; the next try claims afresh.
    client.on('error', () => this.drop());
    this.client = client;
    return true;
  }

  /** Give up the claim: closing the connection releases the lock. */
  drop(): void {
    const client = this.client;
    this.client = null;
    client?.release(true);
  }
}
