import type { Article, Source } from '../../model/index.ts';

/** Row shapes as SQLite returns them, and their conversion to the model. */
export interface SourceRow extends Omit<Source, 'paused'> {
  paused: number;
}

export interface ArticleRow extends Omit<Article, 'authors'> {
  authors: string;
}

export function toSource(row: SourceRow): Source {
  return { ...row, paused: row.paused === 1 };
}

export function toArticle(row: ArticleRow): Article {
  let authors: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.authors);
    if (Array.isArray(parsed)) authors = parsed.filter((a): a is string => typeof a === 'string');
  } catch {
    // A hand-edited row with bad JSON loses its authors, not the article.
  }
  return { ...row, authors };
}
