import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article, ArticleTag, NewArticle, NewSource, Source, TagInfo } from '../../model/index.ts';
import { canonicalizeUrl } from '../../sanitize/url.ts';
import { StoreError, storageFailure } from '../errors.ts';
import type { ArticlePage, InsertResult, LinkRecord, ListPage, PollRecord, SitemapEntry, Store } from '../store.ts';
import { MIGRATIONS } from './migrations.ts';
import { keepStatements } from './statement-cache.ts';
import { planSearch } from '../search-plan.ts';
import type { SearchPage, SearchRequest } from '../search-types.ts';
import { backfillSearchIndex, indexArticle, registerSearchFunctions, searchSqlite } from './search.ts';
import { ARTICLE_COLUMNS, type ArticleRow, HEADLINE_COLUMNS, type SourceRow, type TagRow, toArticle, toSource, toTag } from './rows.ts';
import type { ArticleHeadline, Story, StoryUpdate, WireCredit } from '../../model/index.ts';
import type { ArticleContext, ContextArticle, ContextLimits, FingerprintRecord, RelatedStory, StoredFingerprint, StoryBatch, StoryPage, TimeCursor } from '../story-types.ts';
import * as stories from './stories.ts';
import * as leases from './leases.ts';
import type { HostGate, SharedLock } from '../lease-types.ts';

/** New sources are polled at once; this is their first interval (seconds) until we learn their pace. */
const DEFAULT_POLL_INTERVAL = 900;

/** SQLite through better-sqlite3: one file, WAL, the default backend. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Open (creating when needed) and migrate the database at `path`; ':memory:' for tests. */
  static open(path: string): SqliteStore {
    let db: Database.Database;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } catch (cause) {
      const failure = storageFailure(cause);
      if (failure) throw new StoreError(failure.code, `${path}: ${failure.message}`, { cause });
      throw new StoreError('open-failed', `cannot open the database at ${path}: ${(cause as Error).message}`, { cause });
    }
    const store = new SqliteStore(db);
    store.migrate();
    keepStatements(db);
    registerSearchFunctions(db);
    backfillSearchIndex(db);
    return store;
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let version = current; version < MIGRATIONS.length; version++) {
      try {
        this.db.transaction(() => {
          this.db.exec(MIGRATIONS[version]!);
          this.db.pragma(`user_version = ${version + 1}`);
        })();
      } catch (cause) {
        const failure = storageFailure(cause);
        if (failure) throw failure;
        throw new StoreError('migration-failed', `migrating the database to version ${version + 1} failed: ${(cause as Error).message}`, { cause });
      }
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async schemaVersion(): Promise<number> {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  async dataVersion(): Promise<string> {
    // data_version moves when another connection commits; total_changes counts this one's own writes.
    return this.db.prepare('SELECT (SELECT data_version FROM pragma_data_version()) || \'.\' || total_changes()').pluck().get() as string;
  }

  async addSource(source: NewSource): Promise<{ source: Source; created: boolean }> {
    const existing = this.db.prepare('SELECT * FROM sources WHERE url = ?').get(source.url) as SourceRow | undefined;
    if (existing) return { source: toSource(existing), created: false };
    const now = new Date().toISOString();
    const info = this.db
      .prepare(
        `INSERT INTO sources (name, url, home_url, kind, country, lang, poll_interval, next_poll_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(source.name, source.url, source.home_url ?? null, source.kind ?? 'feed', source.country ?? null,
        source.lang ?? null, DEFAULT_POLL_INTERVAL, now, now);
    return { source: (await this.getSource(Number(info.lastInsertRowid)))!, created: true };
  }

  async getSource(id: number): Promise<Source | null> {
    const row = this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  async findSourceByName(name: string): Promise<Source | null> {
    const row = this.db.prepare('SELECT * FROM sources WHERE name = ? ORDER BY id LIMIT 1').get(name) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  async listSources(): Promise<Source[]> {
    return (this.db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[]).map(toSource);
  }

  async removeSource(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
  }

  async setSourcePaused(id: number, paused: boolean): Promise<boolean> {
    return this.db.prepare('UPDATE sources SET paused = ? WHERE id = ?').run(paused ? 1 : 0, id).changes > 0;
  }

  async dueSources(now: Date, limit: number): Promise<Source[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM sources WHERE paused = 0 AND kind <> 'import' AND next_poll_at <= ?
         ORDER BY next_poll_at, id LIMIT ?`,
      )
      .all(now.toISOString(), limit) as SourceRow[];
    return rows.map(toSource);
  }

  async recordPoll(sourceId: number, poll: PollRecord): Promise<void> {
    // A failed poll keeps the validators of the last good one, so the next try is still conditional.
    this.db
      .prepare(
        `UPDATE sources SET last_polled_at = @polled_at, last_status = @status, last_error = @error,
           consecutive_failures = CASE WHEN @ok THEN 0 ELSE consecutive_failures + 1 END,
           etag = CASE WHEN @ok AND @etag IS NOT NULL THEN @etag ELSE etag END,
           last_modified = CASE WHEN @ok AND @last_modified IS NOT NULL THEN @last_modified ELSE last_modified END,
           poll_interval = @poll_interval, next_poll_at = @next_poll_at, lease_owner = NULL, lease_until = NULL
         WHERE id = @id`,
      )
      .run({
        id: sourceId, ok: poll.ok ? 1 : 0, status: poll.status, error: poll.error ?? null, etag: poll.etag ?? null,
        last_modified: poll.last_modified ?? null, poll_interval: poll.poll_interval, next_poll_at: poll.next_poll_at,
        polled_at: poll.polled_at,
      });
  }

  // Leases (migration 5): see leases.ts.
  private readonly sharedLock = new leases.InProcessSharedLock();
  async claimDueSources(workerId: string, now: Date, limit: number, leaseSeconds: number): Promise<Source[]> { return leases.claimDueSources(this.db, workerId, now, limit, leaseSeconds); }
  async releaseSource(id: number, workerId: string): Promise<boolean> { return leases.releaseSource(this.db, id, workerId); }
  async renewLease(id: number, workerId: string, now: Date, leaseSeconds: number): Promise<boolean> { return leases.renewLease(this.db, id, workerId, now, leaseSeconds); }
  hostGate(): HostGate | null { return null; }
  storyLock(): SharedLock { return this.sharedLock; }
  async leadStories(): Promise<boolean> { return true; }

  async insertArticle(article: NewArticle): Promise<InsertResult> {
    // One transaction with its index row: an article is never stored unsearchable.
    return this.db.transaction(() => this.insertOne(article))();
  }

  async insertArticles(articles: NewArticle[]): Promise<InsertResult[]> {
    return this.db.transaction((batch: NewArticle[]) => batch.map((a) => this.insertOne(a)))(articles);
  }

  private insertOne(article: NewArticle): InsertResult {
    const url = canonicalizeUrl(article.url) ?? article.url;
    const info = this.db
      .prepare(
        `INSERT INTO articles (external_id, url, source_id, title, lead, body, text, published_at, published_offset,
           updated_at, fetched_at, authors, image, lang, category)
         VALUES (@external_id, @url, @source_id, @title, @lead, @body, @text, @published_at, @published_offset,
           @updated_at, @fetched_at, @authors, @image, @lang, @category)
         ON CONFLICT (url) DO NOTHING`,
      )
      .run({ ...article, url, authors: JSON.stringify(article.authors), category: article.category ?? null });
    if (info.changes > 0) {
      const id = Number(info.lastInsertRowid);
      indexArticle(this.db, id, article.title, article.text);
      return { id, inserted: true };
    }
    const row = this.db.prepare('SELECT id FROM articles WHERE url = ?').get(url) as { id: number };
    return { id: row.id, inserted: false };
  }

  async getArticle(id: number): Promise<Article | null> {
    const row = this.db
      .prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`)
      .get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async getArticleByUrl(url: string): Promise<Article | null> {
    const key = canonicalizeUrl(url) ?? url;
    const row = this.db
      .prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.url = ?`)
      .get(key) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async latestArticles(page: ArticlePage): Promise<Article[]> {
    return (this.latest(ARTICLE_COLUMNS, page) as ArticleRow[]).map(toArticle);
  }

  async latestHeadlines(page: ArticlePage): Promise<ArticleHeadline[]> {
    return this.latest(HEADLINE_COLUMNS, page) as ArticleHeadline[];
  }

  /** The newest articles (of a source), after a cursor, as `columns`. */
  private latest(columns: string, page: ArticlePage): unknown[] {
    // Articles without a date sort as if published when fetched, so they are not lost at the end.
    const when = `COALESCE(a.published_at, a.fetched_at)`;
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: page.limit };
    if (page.source_id !== undefined) {
      where.push('a.source_id = @source_id');
      params.source_id = page.source_id;
    }
    if (page.category !== undefined) {
      where.push('a.category = @category');
      params.category = page.category;
    }
    if (page.before) {
      // The date bound alone is what SQLite seeks the expression index with; as a row value
      // ((date, id) < (…)) it scanned the index from the top, 8 ms a page at 31k articles.
      where.push(`${when} <= @before_at AND (${when} < @before_at OR a.id < @before_id)`);
      params.before_at = page.before.published_at;
      params.before_id = page.before.id;
    }
    const sql = `SELECT ${columns} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${when} DESC, a.id DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params);
  }

  async countStories(): Promise<number> {
    return this.db.prepare('SELECT COUNT(*) FROM stories').pluck().get() as number;
  }

  async sitemapEntries(kind: 'articles' | 'stories', offset: number, limit: number): Promise<SitemapEntry[]> {
    // The offset is counted along the index alone: rows are read only for the entries returned.
    const sql = kind === 'articles'
      ? `SELECT a.id, COALESCE(a.updated_at, a.published_at, a.fetched_at) AS lastmod FROM articles a
         ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, a.id DESC LIMIT ? OFFSET ?`
      : 'SELECT id, last_seen AS lastmod FROM stories ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?';
    return this.db.prepare(sql).all(limit, offset) as SitemapEntry[];
  }

  async countArticles(sourceId?: number): Promise<number> {
    const row = sourceId === undefined
      ? this.db.prepare('SELECT COUNT(*) AS n FROM articles').get()
      : this.db.prepare('SELECT COUNT(*) AS n FROM articles WHERE source_id = ?').get(sourceId);
    return (row as { n: number }).n;
  }

  async *iterateArticles(batchSize = 500): AsyncIterable<Article> {
    let after = 0;
    const stmt = this.db.prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id > ? ORDER BY a.id LIMIT ?`,
    );
    for (;;) {
      const rows = stmt.all(after, batchSize) as ArticleRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield toArticle(row);
      after = rows[rows.length - 1]!.id;
    }
  }

  async setArticleTags(articleId: number, tags: readonly ArticleTag[], version: number): Promise<boolean> {
    return this.db.transaction(() => {
      const article = this.db
        .prepare('SELECT COALESCE(published_at, fetched_at) AS at FROM articles WHERE id = ?')
        .get(articleId) as { at: string } | undefined;
      if (!article) return false;
      this.db.prepare('DELETE FROM article_tags WHERE article_id = ?').run(articleId);
      const upsertTag = this.db.prepare(
        `INSERT INTO tags (key, name, type) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, type = excluded.type RETURNING id`,
      );
      const link = this.db.prepare('INSERT INTO article_tags (article_id, tag_id, weight, rank, published_at) VALUES (?, ?, ?, ?, ?)');
      const seen = new Set<string>();
      for (const tag of tags) {
        // A tagger never gives one key twice, but a repeat must not cost the article its other tags.
        if (seen.has(tag.key)) continue;
        seen.add(tag.key);
        const { id } = upsertTag.get(tag.key, tag.name, tag.type) as { id: number };
        link.run(articleId, id, tag.weight, seen.size, article.at);
      }
      this.db.prepare('UPDATE articles SET tags_version = ? WHERE id = ?').run(version, articleId);
      return true;
    })();
  }

  async tagsForArticle(articleId: number): Promise<ArticleTag[]> {
    const rows = this.db
      .prepare(
        `SELECT g.key, g.name, g.type, t.weight FROM article_tags t JOIN tags g ON g.id = t.tag_id
         WHERE t.article_id = ? ORDER BY t.rank`,
      )
      .all(articleId) as Array<TagRow & { weight: number }>;
    return rows.map((r) => ({ ...toTag(r), weight: r.weight }));
  }

  async getTag(key: string): Promise<TagInfo | null> {
    const row = this.db.prepare('SELECT key, name, type FROM tags WHERE key = ?').get(key) as TagRow | undefined;
    return row ? toTag(row) : null;
  }

  async latestArticlesWithTag(key: string, page: ListPage): Promise<Article[]> {
    return (this.latestWithTag(ARTICLE_COLUMNS, key, page) as ArticleRow[]).map(toArticle);
  }

  async latestHeadlinesWithTag(key: string, page: ListPage): Promise<ArticleHeadline[]> {
    return this.latestWithTag(HEADLINE_COLUMNS, key, page) as ArticleHeadline[];
  }

  private latestWithTag(columns: string, key: string, page: ListPage): unknown[] {
    // One range scan of article_tags_latest, then a primary-key lookup per article shown.
    const params: Record<string, unknown> = { key, limit: page.limit };
    let after = '';
    if (page.before) {
      after = 'AND (t.published_at, t.article_id) < (@before_at, @before_id)';
      params.before_at = page.before.published_at;
      params.before_id = page.before.id;
    }
    const sql = `SELECT ${columns} FROM tags g
      JOIN article_tags t ON t.tag_id = g.id
      JOIN articles a ON a.id = t.article_id
      LEFT JOIN sources s ON s.id = a.source_id
      WHERE g.key = @key ${after}
      ORDER BY t.published_at DESC, t.article_id DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params);
  }

  async countArticlesWithTag(key: string): Promise<number> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM tags g JOIN article_tags t ON t.tag_id = g.id WHERE g.key = ?')
      .get(key) as { n: number };
    return row.n;
  }

  async articlesNeedingTags(version: number, limit: number): Promise<Article[]> {
    // Two index range scans rather than one OR, which SQLite would answer with a full scan and a sort:
    // the never tagged first (they show no tags at all), then those an older tagger tagged.
    const select = `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id`;
    const untagged = this.db
      .prepare(`${select} WHERE a.tags_version IS NULL ORDER BY a.id DESC LIMIT ?`)
      .all(limit) as ArticleRow[];
    const older = untagged.length < limit
      ? this.db
        .prepare(`${select} WHERE a.tags_version < ? ORDER BY a.tags_version DESC, a.id DESC LIMIT ?`)
        .all(version, limit - untagged.length) as ArticleRow[]
      : [];
    return [...untagged, ...older].map(toArticle);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const plan = planSearch(request);
    return 'ok' in plan ? plan : searchSqlite(this.db, plan);
  }

  // Stories (migration 4): see stories.ts.
  async assignStory(articleId: number, storyId: number, duplicateOf: number | null): Promise<boolean> { return stories.assignStory(this.db, articleId, storyId, duplicateOf); }
  async upsertStory(update: StoryUpdate): Promise<Story> { return stories.upsertStory(this.db, update); }
  async getStory(id: number): Promise<Story | null> { return stories.getStory(this.db, id); }
  async maxStoryId(): Promise<number> { return stories.maxStoryId(this.db); }
  async storyArticles(storyId: number): Promise<Article[]> { return stories.storyArticles(this.db, storyId); }
  async storyHeadlines(storyId: number): Promise<ArticleHeadline[]> { return stories.storyHeadlines(this.db, storyId); }
  async latestStories(page: StoryPage): Promise<Story[]> { return stories.latestStories(this.db, page); }
  async topStories(opts: { now: Date; limit: number }): Promise<Story[]> { return stories.topStories(this.db, opts.now, opts.limit); }
  async saveStoryBatch(batch: StoryBatch): Promise<void> { stories.saveStoryBatch(this.db, batch); }
  async saveFingerprint(record: FingerprintRecord): Promise<void> { stories.saveFingerprint(this.db, record); }
  async recentFingerprints(since: string): Promise<StoredFingerprint[]> { return stories.recentFingerprints(this.db, since); }
  async wireCredit(articleId: number): Promise<WireCredit | null> { return stories.wireCredit(this.db, articleId); }
  async copiesOf(articleId: number): Promise<Article[]> { return stories.copiesOf(this.db, articleId); }
  async setRelated(articleId: number, related: readonly { story_id: number; score: number }[]): Promise<void> { stories.setRelated(this.db, articleId, related); }
  async relatedForArticle(articleId: number, limit = 5, days = 7): Promise<RelatedStory[]> { return stories.relatedForArticle(this.db, articleId, limit, days); }
  async articleContext(article: ContextArticle, limits: ContextLimits): Promise<ArticleContext> { return stories.articleContext(this.db, article, limits); }
  async articlesWithoutStory(limit: number, after?: TimeCursor | null): Promise<Article[]> { return stories.articlesWithoutStory(this.db, limit, after ?? null); }
  async articlesInStoriesBetween(since: string, until: string, limit: number, after?: TimeCursor | null): Promise<Article[]> { return stories.articlesInStoriesBetween(this.db, since, until, limit, after ?? null); }
  async tagsForArticles(ids: readonly number[]): Promise<Map<number, ArticleTag[]>> { return stories.tagsForArticles(this.db, ids); }

  async getLink(url: string): Promise<LinkRecord | null> {
    const row = this.db.prepare('SELECT * FROM links WHERE url = ?').get(url) as LinkRecord | undefined;
    return row ?? null;
  }

  async recordLink(link: Omit<LinkRecord, 'tries'>): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO links (url, source_id, article_id, status, tries, last_at)
         VALUES (@url, @source_id, @article_id, @status, 1, @last_at)
         ON CONFLICT (url) DO UPDATE SET article_id = COALESCE(excluded.article_id, links.article_id),
           status = excluded.status, tries = links.tries + 1, last_at = excluded.last_at`,
      )
      .run(link);
  }
}
