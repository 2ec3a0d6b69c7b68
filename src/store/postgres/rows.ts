// The tables as Kysely sees them, and their rows as the model's types. The pool's type parsers
// (postgres-store.ts) already turn bigint into number and timestamptz into the ISO 8601 strings
// SQLite stores (2026-11-24T07:30:00.000Z), so a row needs little more than renaming.
import type { ColumnType, Generated } from 'kysely';
import type { Article, SourceKind, TagInfo, TagType } from '../../model/index.ts';

/** An instant: written as an ISO string, read back as one (see the timestamptz parser). */
type Instant = string;
type NullableInstant = string | null;

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  name_norm: string | null;
  url: string;
  home_url: string | null;
  kind: ColumnType<SourceKind, SourceKind | undefined, SourceKind>;
  country: string | null;
  lang: string | null;
  paused: Generated<boolean>;
  poll_interval: Generated<number>;
  next_poll_at: Instant;
  last_polled_at: NullableInstant;
  last_status: string | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  created_at: Instant;
  /** The worker polling the source and until when (migration 5, leases.ts). */
  lease_owner: string | null;
  lease_until: NullableInstant;
}

export interface ArticlesTable {
  id: Generated<number>;
  external_id: string | null;
  url: string;
  source_id: number | null;
  title: string;
  lead: string | null;
  body: string;
  text: string;
  published_at: NullableInstant;
  published_offset: number | null;
  updated_at: NullableInstant;
  fetched_at: Instant;
  authors: string[];
  image: string | null;
  lang: string | null;
  story_id: number | null;
  duplicate_of: number | null;
  category: string | null;
  tags_version: number | null;
  /** tsvector, written as its text form with a cast (search.ts). */
  search: string | null;
  search_version: number | null;
}

export interface LinksTable {
  url: string;
  source_id: number | null;
  article_id: number | null;
  status: string;
  tries: Generated<number>;
  last_at: Instant;
}

export interface TagsTable {
  id: Generated<number>;
  key: string;
  name: string;
  name_norm: string | null;
  type: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  weight: number;
  rank: number;
  published_at: Instant;
}

export interface SchemaMigrationsTable {
  version: number;
  applied_at: Generated<Instant>;
}

export interface StoriesTable {
  id: number;
  headline: string;
  headline_article_id: number | null;
  first_seen: Instant;
  last_seen: Instant;
  article_count: number;
  outlet_count: number;
  /** jsonb [{key, weight}]: read back parsed, written as JSON text with a cast. */
  entities: ColumnType<unknown, string, string>;
  updated_at: Instant;
}

export interface ArticleFingerprintsTable {
  article_id: number;
  fingerprint: Buffer;
  published_at: Instant;
  /** jsonb {code, name} or NULL. */
  agency: ColumnType<unknown, string | null, string | null>;
}

export interface ArticleRelatedTable {
  article_id: number;
  story_id: number;
  rank: number;
  score: number;
}

export interface Database {
  stories: StoriesTable;
  article_fingerprints: ArticleFingerprintsTable;
  article_related: ArticleRelatedTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  links: LinksTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  schema_migrations: SchemaMigrationsTable;
}

/** The columns of an Article, for `select` (the source's name comes from a join as `s`). */
export const ARTICLE_COLUMNS = [
  'a.id', 'a.external_id', 'a.url', 'a.source_id', 's.name as source_name', 'a.title', 'a.lead', 'a.body',
  'a.text', 'a.published_at', 'a.published_offset', 'a.updated_at', 'a.fetched_at', 'a.authors', 'a.image',
  'a.lang', 'a.story_id', 'a.duplicate_of', 'a.category',
] as const;

/** The same list as SQL text, for the raw queries of search.ts. */
export const ARTICLE_COLUMNS_SQL = ARTICLE_COLUMNS.map((c) => c.replace(' as ', ' AS ')).join(', ');

/** An ArticleHeadline's columns, for `select`: a row is the headline as it is. */
export const HEADLINE_COLUMNS = [
  'a.id', 'a.url', 'a.source_id', 's.name as source_name', 'a.title', 'a.lead', 'a.published_at', 'a.fetched_at',
  'a.image', 'a.story_id', 'a.duplicate_of', 'a.category',
] as const;

/** The same list as SQL text, for raw queries. */
export const HEADLINE_COLUMNS_SQL = HEADLINE_COLUMNS.map((c) => c.replace(' as ', ' AS ')).join(', ');

export function toArticle(row: Article): Article {
  // Only the article's own fields: a query may carry extra columns (copies, score).
  return {
    id: row.id, external_id: row.external_id, url: row.url, source_id: row.source_id, source_name: row.source_name,
    title: row.title, lead: row.lead, body: row.body, text: row.text, published_at: row.published_at,
    published_offset: row.published_offset, updated_at: row.updated_at, fetched_at: row.fetched_at,
    authors: row.authors ?? [], image: row.image, lang: row.lang, story_id: row.story_id, duplicate_of: row.duplicate_of,
    category: row.category ?? null,
  };
}

const TAG_TYPES = new Set<string>(['person', 'place', 'organization', 'other', 'keyword'] satisfies TagType[]);

export function toTag(row: { key: string; name: string; type: string }): TagInfo {
  // A type written by a newer tagger that this version does not know is shown as 'other'.
  return { key: row.key, name: row.name, type: TAG_TYPES.has(row.type) ? (row.type as TagType) : 'other' };
}
