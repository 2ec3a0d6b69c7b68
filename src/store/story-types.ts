// What the story stage asks of the store, and what the story, article and home pages read back.
// Backend-neutral: SQLite and PostgreSQL implement it and pass story-conformance.ts.
import type { Article, ArticleHeadline, ArticleTag, Story, StoryUpdate, WireCredit } from '../model/index.ts';

/** A page of stories, newest first (by last seen, then id). */
export interface StoryPage {
  limit: number;
  before?: { last_seen: string; id: number } | null;
}

/** A cursor over articles in time order (published, or fetched when undated), oldest first. */
export interface TimeCursor {
  at: string;
  id: number;
}

/** One article's near-duplicate fingerprint as stored. */
export interface FingerprintRecord {
  article_id: number;
  /** `serializeFingerprint` bytes. */
  fingerprint: Uint8Array;
  published_at: string;
  agency: WireCredit | null;
}

/** A stored fingerprint with what the copy index needs to resume: the article's outlet and original. */
export interface StoredFingerprint extends FingerprintRecord {
  source_id: number | null;
  duplicate_of: number | null;
}

/**
 * The story stage's writes for a run of placed articles, saved in one transaction (`saveStoryBatch`).
 * Applied in this order: assignments, fingerprints, story rows, then "read also", so the rows a
 * later step refers to exist.
 */
export interface StoryBatch {
  /** Article → story (and original, for a copy); a later entry for the same article wins. */
  assignments: readonly { article_id: number; story_id: number; duplicate_of: number | null }[];
  fingerprints: readonly FingerprintRecord[];
  /** Story rows to upsert, each recounted once from its articles after the assignments. */
  stories: readonly StoryUpdate[];
  /** Each article's "read also" stories, in rank order, replacing what it had. */
  related: readonly { article_id: number; related: readonly { story_id: number; score: number }[] }[];
  /**
   * Stories the stage no longer uses (their articles were placed again elsewhere): deleted last,
   * with the "read also" entries naming them, each only if no article is in it any more.
   */
  retired?: readonly number[];
}

/** A "read also" entry: another story, the article to link to (its headline article), and the score. */
export interface RelatedStory {
  story: Story;
  article: Article | null;
  score: number;
}

/** How much of its story an article page shows; the story page has the rest. */
export interface ContextLimits {
  /** Other articles of the same story, oldest first. */
  coverage: number;
  /** "Read also" stories. */
  related: number;
  /** Related stories must have a span within this many days of the article. */
  days: number;
}

/** The article an article page is about: what its context is looked up by. */
export type ContextArticle = Pick<Article, 'id' | 'story_id' | 'duplicate_of' | 'published_at' | 'fetched_at'>;

/**
 * What an article page shows around the article, as headlines (no text): its story's counts, other
 * articles of the story, "read also" (each related story's headline article, best first, as
 * `relatedForArticle` ranks them), and, for a syndicated copy, its original and the agency credited.
 */
export interface ArticleContext {
  story: { id: number; outlet_count: number; article_count: number } | null;
  coverage: ArticleHeadline[];
  related: ArticleHeadline[];
  original: ArticleHeadline | null;
  /** The wire agency the copy's text credits, else its original's; null for an article that is no copy. */
  agency: WireCredit | null;
}

export interface StoryStore {
  /** Puts an article in a story; `duplicateOf` marks it a syndicated copy of that article. */
  assignStory(articleId: number, storyId: number, duplicateOf: number | null): Promise<boolean>;
  /**
   * Creates or updates a story: headline and entities as given; first/last seen, article and outlet
   * counts recounted from its articles (copies included), so they are right whatever the clusterer
   * holds in memory.
   */
  upsertStory(update: StoryUpdate): Promise<Story>;
  getStory(id: number): Promise<Story | null>;
  /** The highest story id ever stored (0 for none): new ids continue from it after a restart. */
  maxStoryId(): Promise<number>;
  /** A story's articles in time order, oldest first: the timeline. Copies included. */
  storyArticles(storyId: number): Promise<Article[]>;
  /** The same timeline as headlines (no text): what the story page lists. */
  storyHeadlines(storyId: number): Promise<ArticleHeadline[]>;
  /** Stories newest first, paged with a cursor. */
  latestStories(page: StoryPage): Promise<Story[]>;
  /** The home page's top stories, ranked by outlet count and freshness (story-rank.ts). */
  topStories(opts: { now: Date; limit: number }): Promise<Story[]>;

  /**
   * Everything `assignStory`, `saveFingerprint`, `upsertStory` and `setRelated` would write for
   * many articles, in one transaction: all of it or none. Each story touched is recounted once,
   * not once per article.
   */
  saveStoryBatch(batch: StoryBatch): Promise<void>;

  /** Stores (or replaces) an article's fingerprint and wire credit. */
  saveFingerprint(record: FingerprintRecord): Promise<void>;
  /** Fingerprints of articles published at or after `since`, oldest first. */
  recentFingerprints(since: string): Promise<StoredFingerprint[]>;
  /** The agency an article's text credits, when one was detected. */
  wireCredit(articleId: number): Promise<WireCredit | null>;
  /** The syndicated copies of an article (duplicate_of = it), oldest first. */
  copiesOf(articleId: number): Promise<Article[]>;

  /** Replaces an article's "read also" stories, in rank order. */
  setRelated(articleId: number, related: readonly { story_id: number; score: number }[]): Promise<void>;
  /**
   * Up to `limit` other stories related to an article, best first: those chosen when it arrived, and
   * later stories that chose its story; never its own story, and only stories whose span is within
   * `days` of the article.
   */
  relatedForArticle(articleId: number, limit?: number, days?: number): Promise<RelatedStory[]>;
  /** An article page's context in a few reads of headlines, not whole stories and articles. */
  articleContext(article: ContextArticle, limits: ContextLimits): Promise<ArticleContext>;

  /** Articles not in a story yet, oldest first, after the cursor. */
  articlesWithoutStory(limit: number, after?: TimeCursor | null): Promise<Article[]>;
  /** Articles already in stories, from `since` (inclusive) to `until` (exclusive), oldest first. */
  articlesInStoriesBetween(since: string, until: string, limit: number, after?: TimeCursor | null): Promise<Article[]>;
  /** Tags of many articles at once, each list in rank order. */
  tagsForArticles(ids: readonly number[]): Promise<Map<number, ArticleTag[]>>;
}
