import type { Article, Source, TagInfo, TagType } from '../../model/index.ts';

/** Row shapes as SQLite returns them, and their conversion to the model. */

/** An Article's columns (the source's name comes from a join as `s`), read into an ArticleRow. */
export const ARTICLE_COLUMNS = `a.id, a.external_id, a.url, a.source_id, s.name AS source_name, a.title, a.lead, a.body,
  a.text, a.published_at, a.published_offset, a.updated_at, a.fetched_at, a.authors, a.image, a.lang,
  a.story_id, a.duplicate_of, a.category`;

/** An ArticleHeadline's columns, under its own names: a row is the headline as it is. */
export const HEADLINE_COLUMNS = `a.id, a.url, a.source_id, s.name AS source_name, a.title, a.lead, a.published_at, a.fetched_at,
  a.image, a.story_id, a.duplicate_of, a.category`;
export interface SourceRow extends Omit<Source, 'paused'> {
  paused: number;
}

export interface ArticleRow extends Omit<Article, 'authors'> {
  authors: string;
}

export function toSource(row: SourceRow): Source {
  // The lease (migration 5) is the workers' business, not part of a source as pages and the API show it.
  const { lease_owner: _owner, lease_until: _until, ...source } = row as SourceRow & { lease_owner?: unknown; lease_until?: unknown };
  return { ...source, paused: row.paused === 1 };
}

export function toArticle(row: ArticleRow): Article {
  let authors: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.authors);
    if (Array.isArray(parsed)) authors = parsed.filter((a): a is string => typeof a === 'string');
  } catch {
    // A hand-edited row with bad JSON loses its authors, not the article.
  }
  return { ...row, authors, category: row.category ?? null };
}

export interface TagRow {
  key: string;
  name: string;
  type: string;
}

const TAG_TYPES = new Set<string>(['person', 'place', 'organization', 'other', 'keyword'] satisfies TagType[]);

export function toTag(row: TagRow): TagInfo {
  // A type written by a newer tagger that this version does not know is shown as 'other'.
  return { key: row.key, name: row.name, type: TAG_TYPES.has(row.type) ? (row.type as TagType) : 'other' };
}
