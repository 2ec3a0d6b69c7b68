/** A storage failure that a user can act on (a locked, read-only or full database…). */
export class StoreError extends Error {
  readonly code: 'open-failed' | 'migration-failed' | 'read-only' | 'disk-full' | 'constraint';
  constructor(code: StoreError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** SQLite result codes (better-sqlite3's `code`) and PostgreSQL SQLSTATEs that mean the storage cannot take writes. */
const DISK_FULL = /^(SQLITE_FULL|SQLITE_IOERR(_WRITE|_FSYNC|_TRUNCATE|_SHMSIZE|_DIR_FSYNC)?|53100)$/;
const READ_ONLY = /^(SQLITE_READONLY(_\w+)?|25006)$/;

/**
 * The StoreError a driver's error amounts to when the disk is full or the database read-only, or
 * null for any other error. Either stops the work that hit it: nothing more can be stored, and
 * what was committed before is intact (SQLite and PostgreSQL roll back the failed transaction).
 */
export function storageFailure(err: unknown): StoreError | null {
  if (err instanceof StoreError) return err.code === 'disk-full' || err.code === 'read-only' ? err : null;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const detail = `${(err as Error).message} (${code})`;
  if (DISK_FULL.test(code)) {
    return new StoreError('disk-full', `cannot write to the database: ${detail}. The disk is probably full or the file at its size limit; free some space and run again. Everything stored before is kept.`, { cause: err });
  }
  if (READ_ONLY.test(code)) {
    return new StoreError('read-only', `the database is read-only: ${detail}. Marsad must be able to write the database file and its folder (for the -wal and -shm files); fix the permissions or the mount.`, { cause: err });
  }
  return null;
}
