// Apply MIGRATIONS to a database that several processes may be opening at the same moment (N
// workers and M web processes started together). A session-level advisory lock makes them take
// turns: the first applies what is missing, the others wait, then find nothing left to do.
import type pg from 'pg';
import { StoreError } from '../errors.ts';
import { MIGRATIONS } from './migrations.ts';

/** The advisory lock's key: two int4s, 'MRSD' and 1, unlikely to meet another application's. */
const LOCK_KEY: [number, number] = [0x4d525344, 1];

/** Run `work` holding Marsad's schema lock on one connection of `pool`. */
export async function withSchemaLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', LOCK_KEY);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK_KEY).catch(() => {
        broken = true;
      });
    }
  } finally {
    // A connection that could not unlock is closed rather than reused: closing releases the lock.
    client.release(broken);
  }
}

/** The last applied version, 0 for an empty database. */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return Number(rows[0]?.v ?? 0);
}

/** Bring the schema to the last version; returns the version reached. */
export async function migrate(pool: pg.Pool): Promise<number> {
  return withSchemaLock(pool, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await schemaVersion(client);
    if (current > MIGRATIONS.length) {
      throw new StoreError('migration-failed', `the database is at schema version ${current}, newer than this Marsad knows (${MIGRATIONS.length}): upgrade Marsad`);
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      try {
        await client.query('BEGIN');
        // No parameters: the simple protocol runs the entry's several statements in one call.
        await client.query(MIGRATIONS[version]!);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (cause) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new StoreError('migration-failed', `migrating the database to version ${version + 1} failed: ${(cause as Error).message}`, { cause });
      }
    }
    return MIGRATIONS.length;
  });
}
