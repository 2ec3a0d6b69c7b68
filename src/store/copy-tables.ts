// What `marsad copy` carries from a SQLite database to PostgreSQL, table by table and column by
// column (sqlite/migrations.ts → postgres/migrations.ts). Every table and every column of both
// schemas is named here: copied, or left behind with the reason. The copy checks the two live
// schemas against this list before it starts (checkCopySchemas), so a migration that adds a table or
// a column fails the copy's test until the column is listed here, rather than being silently lost.
import { normalizeArabic } from '../arabic/index.ts';
import { SEARCH_INDEX_VERSION, searchVector } from './postgres/search.ts';

/** A row as better-sqlite3 returns it. */
export type SqliteRow = Record<string, unknown>;

/** PostgreSQL types as the copy binds them: one array parameter per column (`unnest`). */
export type CopyType = 'bigint' | 'integer' | 'text' | 'boolean' | 'timestamptz' | 'double precision' | 'bytea' | 'jsonb' | 'text[]' | 'tsvector';

export interface CopyColumn {
  /** The PostgreSQL column. */
  name: string;
  type: CopyType;
  /** Its value from the SQLite row; the SQLite column of the same name when absent. */
  from?: (row: SqliteRow) => unknown;
}

export interface TablePlan {
  table: string;
  /** The primary key: rows are read in its order, a batch at a time, after the last one read. */
  key: readonly string[];
  /** The SQLite columns read. */
  read: readonly string[];
  /** SQLite columns left behind, with why. */
  skip?: Readonly<Record<string, string>>;
  /** The PostgreSQL columns written. */
  write: readonly CopyColumn[];
  /** PostgreSQL columns left to their default, with why. */
  defaults?: Readonly<Record<string, string>>;
  /** An identity column, whose sequence must move past the largest copied id. */
  identity?: string;
  /**
   * A column naming another row of the same table by `id`, which may come later in id order (an
   * original stored after its copy). Written when it points back, set in a second pass otherwise.
   */
  selfReference?: string;
}

const str = (row: SqliteRow, name: string) => row[name] as string;

/** SQLite keeps authors as JSON text; a hand-edited row with bad JSON loses its authors, as the store reads it. */
function authors(row: SqliteRow): string {
  try {
    const parsed: unknown = JSON.parse(str(row, 'authors'));
    return JSON.stringify(Array.isArray(parsed) ? parsed.filter((a) => typeof a === 'string') : []);
  } catch {
    return '[]';
  }
}

const LEASE = 'a lease names a worker of the old installation; sources arrive unclaimed';

/** In dependency order: a table comes after every table it references. */
export const COPY_PLAN: readonly TablePlan[] = [
  {
    table: 'sources',
    key: ['id'],
    read: ['id', 'name', 'url', 'home_url', 'kind', 'country', 'lang', 'paused', 'poll_interval', 'next_poll_at',
      'last_polled_at', 'last_status', 'last_error', 'consecutive_failures', 'etag', 'last_modified', 'created_at'],
    skip: { lease_owner: LEASE, lease_until: LEASE },
    write: [
      { name: 'id', type: 'bigint' }, { name: 'name', type: 'text' },
      { name: 'name_norm', type: 'text', from: (r) => normalizeArabic(str(r, 'name')) },
      { name: 'url', type: 'text' }, { name: 'home_url', type: 'text' }, { name: 'kind', type: 'text' },
      { name: 'country', type: 'text' }, { name: 'lang', type: 'text' },
      { name: 'paused', type: 'boolean', from: (r) => r.paused === 1 },
      { name: 'poll_interval', type: 'integer' }, { name: 'next_poll_at', type: 'timestamptz' },
      { name: 'last_polled_at', type: 'timestamptz' }, { name: 'last_status', type: 'text' }, { name: 'last_error', type: 'text' },
      { name: 'consecutive_failures', type: 'integer' }, { name: 'etag', type: 'text' }, { name: 'last_modified', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    defaults: { lease_owner: LEASE, lease_until: LEASE },
    identity: 'id',
  },
  {
    table: 'articles',
    key: ['id'],
    read: ['id', 'external_id', 'url', 'source_id', 'title', 'lead', 'body', 'text', 'published_at', 'published_offset',
      'updated_at', 'fetched_at', 'authors', 'image', 'lang', 'story_id', 'duplicate_of', 'tags_version', 'category'],
    skip: { search_version: "the version of SQLite's FTS5 index; PostgreSQL's vector is built here, at its own version" },
    write: [
      { name: 'id', type: 'bigint' }, { name: 'external_id', type: 'text' }, { name: 'url', type: 'text' },
      { name: 'source_id', type: 'bigint' }, { name: 'title', type: 'text' }, { name: 'lead', type: 'text' },
      { name: 'body', type: 'text' }, { name: 'text', type: 'text' }, { name: 'published_at', type: 'timestamptz' },
      { name: 'published_offset', type: 'integer' }, { name: 'updated_at', type: 'timestamptz' },
      { name: 'fetched_at', type: 'timestamptz' }, { name: 'authors', type: 'text[]', from: authors },
      { name: 'image', type: 'text' }, { name: 'lang', type: 'text' }, { name: 'story_id', type: 'bigint' },
      { name: 'duplicate_of', type: 'bigint' }, { name: 'tags_version', type: 'integer' }, { name: 'category', type: 'text' },
      // Built from the same analyzer as SQLite's index, so searches find the same articles.
      { name: 'search', type: 'tsvector', from: (r) => searchVector(str(r, 'title'), str(r, 'text')) },
      { name: 'search_version', type: 'integer', from: () => SEARCH_INDEX_VERSION },
    ],
    identity: 'id',
    selfReference: 'duplicate_of',
  },
  {
    table: 'links',
    key: ['url'],
    read: ['url', 'source_id', 'article_id', 'status', 'tries', 'last_at'],
    write: [
      { name: 'url', type: 'text' }, { name: 'source_id', type: 'bigint' }, { name: 'article_id', type: 'bigint' },
      { name: 'status', type: 'text' }, { name: 'tries', type: 'integer' }, { name: 'last_at', type: 'timestamptz' },
    ],
  },
  {
    table: 'tags',
    key: ['id'],
    read: ['id', 'key', 'name', 'type'],
    write: [
      { name: 'id', type: 'bigint' }, { name: 'key', type: 'text' }, { name: 'name', type: 'text' },
      { name: 'name_norm', type: 'text', from: (r) => normalizeArabic(str(r, 'name')) }, { name: 'type', type: 'text' },
    ],
    identity: 'id',
  },
  {
    table: 'article_tags',
    key: ['article_id', 'tag_id'],
    read: ['article_id', 'tag_id', 'weight', 'rank', 'published_at'],
    write: [
      { name: 'article_id', type: 'bigint' }, { name: 'tag_id', type: 'bigint' }, { name: 'weight', type: 'double precision' },
      { name: 'rank', type: 'integer' }, { name: 'published_at', type: 'timestamptz' },
    ],
  },
  {
    table: 'stories',
    key: ['id'],
    read: ['id', 'headline', 'headline_article_id', 'first_seen', 'last_seen', 'article_count', 'outlet_count', 'entities', 'updated_at'],
    write: [
      { name: 'id', type: 'bigint' }, { name: 'headline', type: 'text' }, { name: 'headline_article_id', type: 'bigint' },
      { name: 'first_seen', type: 'timestamptz' }, { name: 'last_seen', type: 'timestamptz' },
      { name: 'article_count', type: 'integer' }, { name: 'outlet_count', type: 'integer' },
      { name: 'entities', type: 'jsonb' }, { name: 'updated_at', type: 'timestamptz' },
    ],
  },
  {
    table: 'article_fingerprints',
    key: ['article_id'],
    read: ['article_id', 'fingerprint', 'published_at', 'agency'],
    write: [
      { name: 'article_id', type: 'bigint' }, { name: 'fingerprint', type: 'bytea' },
      { name: 'published_at', type: 'timestamptz' }, { name: 'agency', type: 'jsonb' },
    ],
  },
  {
    table: 'article_related',
    key: ['article_id', 'story_id'],
    read: ['article_id', 'story_id', 'rank', 'score'],
    write: [
      { name: 'article_id', type: 'bigint' }, { name: 'story_id', type: 'bigint' },
      { name: 'rank', type: 'integer' }, { name: 'score', type: 'double precision' },
    ],
  },
];

/** SQLite tables not copied, with why. An FTS5 table's shadow tables (NAME_data, NAME_idx…) go with it. */
export const SQLITE_ONLY_TABLES: Readonly<Record<string, string>> = {
  article_search: "SQLite's full-text index; PostgreSQL's is articles.search, built from the same analyzer's tokens",
};

/** PostgreSQL tables the copy does not fill, with why. */
export const POSTGRES_ONLY_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'written by migrate when the target is opened',
  hosts: 'per-host politeness between workers: it fills itself at the first fetch',
  story_lock: "one row made by migration 5; the copy moves its epoch on, so a running placer reloads",
};

/** Tables and their columns, as a live database has them. */
export type SchemaColumns = ReadonlyMap<string, readonly string[]>;

/**
 * What the plan does not account for in two live schemas: a table or column in either database
 * that is neither copied nor listed as left behind, or a planned one that is missing. Empty when
 * the plan matches both.
 */
export function checkCopySchemas(sqlite: SchemaColumns, postgres: SchemaColumns): string[] {
  const problems: string[] = [];
  const planned = new Map(COPY_PLAN.map((p) => [p.table, p]));
  const compare = (where: string, table: string, actual: readonly string[], expected: readonly string[]) => {
    for (const c of actual) if (!expected.includes(c)) problems.push(`${where} column ${table}.${c} is not in the copy plan (src/store/copy-tables.ts)`);
    for (const c of expected) if (!actual.includes(c)) problems.push(`${where} has no column ${table}.${c}, which the copy plan names`);
  };
  for (const [table, columns] of sqlite) {
    const plan = planned.get(table);
    if (plan) compare('SQLite', table, columns, [...plan.read, ...Object.keys(plan.skip ?? {})]);
    else if (!(table in SQLITE_ONLY_TABLES)) problems.push(`SQLite table ${table} is not in the copy plan (src/store/copy-tables.ts)`);
  }
  for (const [table, columns] of postgres) {
    const plan = planned.get(table);
    if (plan) compare('PostgreSQL', table, columns, [...plan.write.map((c) => c.name), ...Object.keys(plan.defaults ?? {})]);
    else if (!(table in POSTGRES_ONLY_TABLES)) problems.push(`PostgreSQL table ${table} is not in the copy plan (src/store/copy-tables.ts)`);
  }
  for (const table of planned.keys()) {
    if (!sqlite.has(table)) problems.push(`SQLite has no table ${table}, which the copy plan names`);
    if (!postgres.has(table)) problems.push(`PostgreSQL has no table ${table}, which the copy plan names`);
  }
  return problems;
}
