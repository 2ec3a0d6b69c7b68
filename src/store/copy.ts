// `marsad copy`: an operator's whole SQLite database into PostgreSQL, for the day one machine is not
// enough (DESIGN.md, "Scale-out"). Ids are kept, so /article/123 and feed GUIDs still point at the
// same articles, and the sequences move past them so new rows never collide.
//
// All or nothing: the copy is one PostgreSQL transaction, read from one SQLite snapshot, and ends
// by comparing row counts table by table before it commits. A copy that fails or is interrupted
// leaves the target as it found it; running it again is the way to resume. Rows stream in batches
// of `batchSize` (one array parameter per column, `unnest`), at most two batches in memory: the
// next one is read and its search vectors built while PostgreSQL stores the last.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './sqlite/migrations.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import { PostgresStore } from './postgres/postgres-store.ts';
import { SEARCH_INDEX_VERSION } from './postgres/search.ts';
import { checkCopySchemas, COPY_PLAN, type CopyColumn, type CopyType, type SchemaColumns, type SqliteRow, type TablePlan } from './copy-tables.ts';

/** Rows per batch: a batch of articles with bodies and vectors is a few megabytes. */
export const DEFAULT_COPY_BATCH = 500;

export type CopyErrorCode = 'no-source' | 'source-newer' | 'schema-mismatch' | 'target-not-empty' | 'row-rejected' | 'verify-failed';

/** A copy that cannot start or did not check out; the target is left as it was. */
export class CopyError extends Error {
  readonly code: CopyErrorCode;
  constructor(code: CopyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CopyError';
    this.code = code;
  }
}

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export interface CopyOptions {
  /** The SQLite file. */
  from: string;
  /** The PostgreSQL URL (or pg options). */
  to: string | pg.PoolConfig;
  /** Empty the target first (in the same transaction) instead of refusing one that holds data. */
  force?: boolean;
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
}

/** One line of the closing check: rows (or a property of rows) on each side. */
export interface CopyCount {
  what: string;
  sqlite: number;
  postgres: number;
}

export interface CopyReport {
  counts: CopyCount[];
  rows: number;
  ms: number;
}

type Batch = unknown[][];

/** Copy the SQLite database at `from` into the PostgreSQL database `to`; see the file's comment. */
export async function copySqliteToPostgres(opts: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? DEFAULT_COPY_BATCH;
  const source = await openSqlite(opts.from);
  const config = typeof opts.to === 'string' ? { connectionString: opts.to } : opts.to;
  let client: pg.Client | null = null;
  try {
    // Opening the store migrates the target (under its lock) and says what to do when it cannot connect.
    await (await PostgresStore.open(config)).close();
    client = new pg.Client({ application_name: 'marsad copy', ...config });
    await client.connect();

    const problems = checkCopySchemas(readSqliteSchema(source), await readPostgresSchema(client));
    if (problems.length) throw new CopyError('schema-mismatch', `the copy does not know every table and column: ${problems.join('; ')}`);

    await client.query('BEGIN');
    try {
      const counts = await copyAll(source, client, opts, batchSize);
      await client.query('COMMIT');
      const rows = counts.filter((c) => COPY_PLAN.some((p) => p.table === c.what)).reduce((n, c) => n + c.postgres, 0);
      return { counts, rows, ms: Math.round(performance.now() - started) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    source.close();
    await client?.end().catch(() => undefined);
  }
}

/** The SQLite file at its latest schema, opened read-only. */
async function openSqlite(path: string): Promise<Database.Database> {
  if (path === ':memory:' || !existsSync(path)) throw new CopyError('no-source', `there is no SQLite database at ${path}: give the file with --from PATH`);
  let db = new Database(path, { readonly: true, fileMustExist: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQLITE_MIGRATIONS.length) {
    db.close();
    throw new CopyError('source-newer', `the SQLite database is at schema version ${version}, newer than this Marsad knows (${SQLITE_MIGRATIONS.length}): copy with the Marsad that wrote it`);
  }
  if (version < SQLITE_MIGRATIONS.length) {
    // What every command does on open: bring an older database to this version first.
    db.close();
    await SqliteStore.open(path).close();
    db = new Database(path, { readonly: true, fileMustExist: true });
  }
  return db;
}

/** Tables and columns of a SQLite database, leaving out SQLite's own tables and FTS5's shadow tables. */
export function readSqliteSchema(db: Database.Database): SchemaColumns {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const schema = new Map<string, string[]>();
  for (const { name } of tables) {
    if (virtual.some((v) => name.startsWith(`${v}_`))) continue;
    schema.set(name, (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>).map((c) => c.name));
  }
  return schema;
}

/** Tables and columns of the PostgreSQL database's current schema. */
export async function readPostgresSchema(client: pg.ClientBase): Promise<SchemaColumns> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const schema = new Map<string, string[]>();
  for (const r of rows) {
    const list = schema.get(r.table_name) ?? [];
    list.push(r.column_name);
    schema.set(r.table_name, list);
  }
  return schema;
}

const quote = (name: string) => `"${name}"`;

async function copyAll(source: Database.Database, client: pg.Client, opts: CopyOptions, batchSize: number): Promise<CopyCount[]> {
  const tables = COPY_PLAN.map((p) => quote(p.table));
  // Nothing else writes while the copy runs (readers may read the old rows).
  await client.query(`LOCK TABLE ${tables.join(', ')} IN EXCLUSIVE MODE`);
  await ensureEmpty(client, opts);

  // One snapshot of the SQLite file, however long the copy takes, even if a crawler still writes to it.
  source.exec('BEGIN');
  try {
    const expected = new Map<string, number>();
    for (const plan of COPY_PLAN) {
      const total = (source.prepare(`SELECT count(*) AS n FROM ${quote(plan.table)}`).get() as { n: number }).n;
      expected.set(plan.table, total);
      await copyTable(source, client, plan, total, batchSize, opts.onProgress);
      if (plan.selfReference) await linkForward(source, client, plan, batchSize);
      if (plan.identity) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(${quote(plan.identity)}), 1), max(${quote(plan.identity)}) IS NOT NULL) FROM ${quote(plan.table)}`, [plan.table, plan.identity]);
      }
    }
    // A story placer running against the target reloads its memory from the copied stories.
    await client.query('UPDATE story_lock SET epoch = epoch + 1');
    return await verify(source, client, expected);
  } finally {
    source.exec('COMMIT');
  }
}

async function ensureEmpty(client: pg.Client, opts: CopyOptions): Promise<void> {
  const held: string[] = [];
  for (const plan of COPY_PLAN) {
    const { rows } = await client.query<{ some: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(plan.table)}) AS some`);
    if (rows[0]!.some) held.push(plan.table);
  }
  if (held.length === 0) return;
  if (!opts.force) {
    throw new CopyError('target-not-empty', `the PostgreSQL database already holds ${held.join(', ')}: copy into an empty database (createdb NAME), or add --force to replace everything it holds`);
  }
  await client.query(`TRUNCATE ${COPY_PLAN.map((p) => quote(p.table)).join(', ')} RESTART IDENTITY`);
}

/** Every row of one table, in key order, a batch per INSERT. */
async function copyTable(
  source: Database.Database, client: pg.Client, plan: TablePlan, total: number, batchSize: number, onProgress?: (p: CopyProgress) => void,
): Promise<void> {
  const columns = plan.read.map(quote).join(', ');
  const order = plan.key.map(quote).join(', ');
  const first = source.prepare(`SELECT ${columns} FROM ${quote(plan.table)} ORDER BY ${order} LIMIT ?`);
  const next = source.prepare(`SELECT ${columns} FROM ${quote(plan.table)} WHERE (${order}) > (${plan.key.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ?`);
  const insert = insertStatement(plan);
  let after: unknown[] | null = null;
  let copied = 0;
  let inFlight: Promise<number> | null = null;
  onProgress?.({ table: plan.table, copied, total });
  for (;;) {
    const rows = (after ? next.all(...after, batchSize) : first.all(batchSize)) as SqliteRow[];
    if (rows.length === 0) break;
    after = plan.key.map((k) => rows[rows.length - 1]![k]);
    const params = toColumns(plan, rows);
    if (inFlight) {
      copied += await inFlight;
      onProgress?.({ table: plan.table, copied, total });
    }
    const range = `${plan.key.join(', ')} from ${plan.key.map((k) => rows[0]![k]).join(', ')} to ${after.join(', ')}`;
    inFlight = client.query(insert, params).then(() => rows.length, (err: Error & { detail?: string }) => {
      throw new CopyError('row-rejected', `PostgreSQL refused a row of ${plan.table} (${range}): ${err.message}${err.detail ? ` (${err.detail})` : ''}; nothing was copied: fix the row in SQLite and run the copy again`, { cause: err });
    });
  }
  if (inFlight) {
    copied += await inFlight;
    onProgress?.({ table: plan.table, copied, total });
  }
}

/** The element type an array parameter is bound as, and how the column is made of it. */
const BINDING: Record<CopyType, { param: string; expr: (v: string) => string }> = {
  bigint: { param: 'bigint', expr: (v) => v },
  integer: { param: 'integer', expr: (v) => v },
  text: { param: 'text', expr: (v) => v },
  boolean: { param: 'boolean', expr: (v) => v },
  timestamptz: { param: 'timestamptz', expr: (v) => v },
  'double precision': { param: 'double precision', expr: (v) => v },
  bytea: { param: 'bytea', expr: (v) => v },
  jsonb: { param: 'text', expr: (v) => `${v}::jsonb` },
  tsvector: { param: 'text', expr: (v) => `${v}::tsvector` },
  // unnest would flatten an array of arrays: each row's list travels as JSON text.
  'text[]': { param: 'text', expr: (v) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))` },
};

function insertStatement(plan: TablePlan): string {
  const names = plan.write.map((c) => quote(c.name));
  const params = plan.write.map((c, i) => `$${i + 1}::${BINDING[c.type].param}[]`);
  const exprs = plan.write.map((c) => BINDING[c.type].expr(`v.${quote(c.name)}`));
  return `INSERT INTO ${quote(plan.table)} (${names.join(', ')}) SELECT ${exprs.join(', ')} FROM unnest(${params.join(', ')}) AS v(${names.join(', ')})`;
}

/** Rows → one array per written column. */
function toColumns(plan: TablePlan, rows: SqliteRow[]): Batch {
  return plan.write.map((column: CopyColumn) => rows.map((row) => {
    const value = column.from ? column.from(row) : row[column.name];
    // A reference to a row not yet copied waits for linkForward.
    if (column.name === plan.selfReference && typeof value === 'number' && value > (row.id as number)) return null;
    return value ?? null;
  }));
}

/** The self-references that point forward in id order, now that every row is there. */
async function linkForward(source: Database.Database, client: pg.Client, plan: TablePlan, batchSize: number): Promise<void> {
  const ref = quote(plan.selfReference!);
  const read = source.prepare(`SELECT id, ${ref} AS ref FROM ${quote(plan.table)} WHERE ${ref} > id AND id > ? ORDER BY id LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = read.all(after, batchSize) as Array<{ id: number; ref: number }>;
    if (rows.length === 0) return;
    await client.query(`UPDATE ${quote(plan.table)} t SET ${ref} = v.ref FROM unnest($1::bigint[], $2::bigint[]) AS v(id, ref) WHERE t.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => r.ref)]);
    after = rows[rows.length - 1]!.id;
  }
}

/** Beyond row counts: what a lost second pass or an unbuilt vector would change. */
const CHECKS: Array<{ what: string; sqlite: string; postgres: string }> = [
  { what: 'articles in a story', sqlite: 'SELECT count(*) AS n FROM articles WHERE story_id IS NOT NULL', postgres: 'SELECT count(*) AS n FROM articles WHERE story_id IS NOT NULL' },
  { what: 'copies (duplicate_of)', sqlite: 'SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL', postgres: 'SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL' },
  { what: 'articles searchable', sqlite: 'SELECT count(*) AS n FROM articles', postgres: `SELECT count(*) AS n FROM articles WHERE search IS NOT NULL AND search_version = ${SEARCH_INDEX_VERSION}` },
  { what: 'largest article id', sqlite: 'SELECT COALESCE(max(id), 0) AS n FROM articles', postgres: 'SELECT COALESCE(max(id), 0) AS n FROM articles' },
];

async function verify(source: Database.Database, client: pg.Client, expected: Map<string, number>): Promise<CopyCount[]> {
  const counts: CopyCount[] = [];
  for (const [table, n] of expected) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    counts.push({ what: table, sqlite: n, postgres: Number(rows[0]!.n) });
  }
  for (const check of CHECKS) {
    const sqlite = (source.prepare(check.sqlite).get() as { n: number }).n;
    const { rows } = await client.query<{ n: string }>(check.postgres);
    counts.push({ what: check.what, sqlite, postgres: Number(rows[0]!.n) });
  }
  const wrong = counts.filter((c) => c.sqlite !== c.postgres);
  if (wrong.length) {
    throw new CopyError('verify-failed', `the copy does not match its source (${wrong.map((c) => `${c.what}: ${c.sqlite} in SQLite, ${c.postgres} in PostgreSQL`).join('; ')}); nothing was committed`);
  }
  return counts;
}
