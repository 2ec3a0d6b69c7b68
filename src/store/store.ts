import type { Article, ArticleHeadline, ArticleTag, NewArticle, NewSource, Source, TagInfo } from '../model/index.ts';
import type { SearchPage, SearchRequest } from './search-types.ts';

import type { StoryStore } from './story-types.ts';
import type { WorkStore } from './lease-types.ts';

export type { ArticleContext, ContextArticle, ContextLimits, FingerprintRecord, RelatedStory, StoredFingerprint, StoryPage, StoryStore, TimeCursor } from './story-types.ts';
export type { HostGate, SharedLock, WorkStore } from './lease-types.ts';
export type { DayFacet, SearchFacets, SearchFailure, SearchHit, SearchPage, SearchRequest, SearchResults, SearchSort, SnippetSegment, SourceFacet } from './search-types.ts';

/** The outcome of one poll of a source, as the pipeline reports it to the store. */
export interface PollRecord {
  ok: boolean;
  /** 'ok', 'not-modified', or an error code ('timeout', 'http-status', …). */
  status: string;
  error?: string | null;
  etag?: string | null;
  last_modified?: string | null;
  poll_interval: number;
  next_poll_at: string;
  polled_at: string;
}

/** A link seen in a feed, so that a failing or already stored page is not fetched on every poll. */
export interface LinkRecord {
  url: string;
  source_id: number | null;
  article_id: number | null;
  status: string;
  tries: number;
  last_at: string;
}

export interface InsertResult {
  id: number;
  inserted: boolean;
}

/** One page of a list of articles, newest first. */
export interface ListPage {
  limit: number;
  /**
   * Return articles published before this article (by published_at, then id), for pagination. An
   * article without a date sorts by its fetch time, and its cursor carries that time.
   */
  before?: { published_at: string; id: number } | null;
}

export interface ArticlePage extends ListPage {
  source_id?: number;
  /** Only articles of this section (src/categories). */
  category?: string;
}

/**
 * Everything Marsad keeps. Both backends (SQLite, PostgreSQL) implement it and pass the same
 * conformance suite (`conformance.ts`). Methods are async so a networked backend fits the same shape.
 */
/** An address in a sitemap: an article or story id, and when it last changed. */
export interface SitemapEntry {
  id: number;
  lastmod: string;
}

export interface Store extends StoryStore, WorkStore {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  schemaVersion(): Promise<number>;
  /**
   * A token that changes whenever anything stored changes, by this process or another: what a page
   * cache checks its pages against. Null when the backend cannot tell cheaply (then nothing may be
   * cached on the strength of it).
   */
  dataVersion(): Promise<string | null>;

  addSource(source: NewSource): Promise<{ source: Source; created: boolean }>;
  getSource(id: number): Promise<Source | null>;
  findSourceByName(name: string): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  removeSource(id: number): Promise<boolean>;
  setSourcePaused(id: number, paused: boolean): Promise<boolean>;
  /** Sources whose next poll is due at `now`, oldest first; paused and import-only sources never are. */
  dueSources(now: Date, limit: number): Promise<Source[]>;
  /** Record a poll's outcome and end any lease on the source. */
  recordPoll(sourceId: number, poll: PollRecord): Promise<void>;

  /** Insert or, when the canonical URL is already stored, return the stored id untouched. */
  insertArticle(article: NewArticle): Promise<InsertResult>;
  /** The same for many articles in one transaction; one result per input, in order. */
  insertArticles(articles: NewArticle[]): Promise<InsertResult[]>;
  getArticle(id: number): Promise<Article | null>;
  getArticleByUrl(url: string): Promise<Article | null>;
  latestArticles(page: ArticlePage): Promise<Article[]>;
  /** The same list as headlines (no text): what the site's lists show. */
  latestHeadlines(page: ArticlePage): Promise<ArticleHeadline[]>;
  countArticles(sourceId?: number): Promise<number>;
  /** Stories stored: what the sitemap index divides into sitemaps. */
  countStories(): Promise<number>;
  /**
   * One sitemap's worth of addresses, newest first (articles by their date, stories by when last
   * seen), `limit` of them from `offset`: an id and the date to give as lastmod, nothing else.
   */
  sitemapEntries(kind: 'articles' | 'stories', offset: number, limit: number): Promise<SitemapEntry[]>;
  /** Every article, oldest id first, in batches. */
  iterateArticles(batchSize?: number): AsyncIterable<Article>;

  /**
   * Replace an article's tags (in the given order, which is their rank) and record the tagger version
   * that produced them, in one transaction. A tag key seen again takes the name and type given last.
   * An empty list still marks the article as tagged. False when there is no such article.
   */
  setArticleTags(articleId: number, tags: readonly ArticleTag[], version: number): Promise<boolean>;
  /** An article's tags, by rank. */
  tagsForArticle(articleId: number): Promise<ArticleTag[]>;
  getTag(key: string): Promise<TagInfo | null>;
  /** The articles carrying a tag, newest first, paged like `latestArticles`. */
  latestArticlesWithTag(key: string, page: ListPage): Promise<Article[]>;
  /** The same list as headlines (no text). */
  latestHeadlinesWithTag(key: string, page: ListPage): Promise<ArticleHeadline[]>;
  countArticlesWithTag(key: string): Promise<number>;
  /** Articles never tagged or tagged by a tagger older than `version`, at most `limit`, newest first. */
  articlesNeedingTags(version: number, limit: number): Promise<Article[]>;

  /**
   * Full-text search (src/search's query language) over the analyzer's tokens: BM25 with the title
   * weighted, blended with freshness, or newest first; filters, facets by source and day (over the
   * whole result set, or marked approximate), an exact total, copies folded under their original, a
   * highlighted snippet per result. A query
   * that cannot run comes back as `{ ok: false, error }` with the parser's message; never throws on
   * what a reader typed.
   */
  search(request: SearchRequest): Promise<SearchPage>;

  getLink(url: string): Promise<LinkRecord | null>;
  recordLink(link: Omit<LinkRecord, 'tries'>): Promise<void>;
}
