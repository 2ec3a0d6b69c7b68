import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { normalizeArabic } from '../../arabic/index.ts';
import type { Article, ArticleHeadline, ArticleTag, NewArticle, NewSource, Source, Story, StoryUpdate, TagInfo, WireCredit } from '../../model/index.ts';
import { canonicalizeUrl } from '../../sanitize/url.ts';
import { StoreError } from '../errors.ts';
import { planSearch } from '../search-plan.ts';
import type { SearchPage, SearchRequest } from '../search-types.ts';
import type { ArticlePage, InsertResult, LinkRecord, ListPage, PollRecord, SitemapEntry, Store } from '../store.ts';
import type { ArticleContext, ContextArticle, ContextLimits, FingerprintRecord, RelatedStory, StoredFingerprint, StoryBatch, StoryPage, TimeCursor } from '../story-types.ts';
import { ChangeCounter } from './changes.ts';
import { migrate } from './migrate.ts';
import { ARTICLE_COLUMNS, type Database, HEADLINE_COLUMNS, toArticle, toTag } from './rows.ts';
import { backfillSearchIndex, SEARCH_INDEX_VERSION, searchPostgres, searchVector } from './search.ts';
import * as stories from './stories.ts';
import type { HostGate, SharedLock } from '../lease-types.ts';
import * as leases from './leases.ts';

/** New sources are polled at once; this is their first interval (seconds) until we learn their pace. */
const DEFAULT_POLL_INTERVAL = 900;
/** How long to wait for a connection before saying the server cannot be reached. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Names per batch when filling the matching form of names that predate migration 3. */
const NAME_BATCH = 1_000;

const SOURCE_COLUMNS = [
  'id', 'name', 'url', 'home_url', 'kind', 'country', 'lang', 'paused', 'poll_interval', 'next_poll_at',
  'last_polled_at', 'last_status', 'last_error', 'consecutive_failures', 'etag', 'last_modified', 'created_at',
] as const;

const WHEN = sql`COALESCE(a.published_at, a.fetched_at)`;

// Per pool, not pg's global registry: bigint ids and counts come back as numbers (ids stay far
// below 2^53), instants as the ISO strings SQLite stores, whatever the session's time zone.
const OID_INT8 = 20;
const OID_TIMESTAMPTZ = 1184;
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_INT8) return (value: string) => Number(value);
    if (oid === OID_TIMESTAMPTZ) {
      const parse = pg.types.getTypeParser(OID_TIMESTAMPTZ) as (value: string) => Date;
      return (value: string) => parse(value).toISOString();
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** A connection string, or pg's pool options for more (pool size, SSL…). */
export type PostgresTarget = string | pg.PoolConfig;

function describe(config: pg.PoolConfig): string {
  // Never the password: the message ends up in logs.
  if (config.connectionString) {
    try {
      const url = new URL(config.connectionString);
      return `${url.hostname || 'localhost'}:${url.port || 5432}${url.pathname}`;
    } catch {
      return 'the configured server';
    }
  }
  return `${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database ?? ''}`;
}

/** Say what to do about a failure to connect or migrate. */
function openError(cause: unknown, config: pg.PoolConfig): StoreError {
  if (cause instanceof StoreError) return cause;
  const err = cause as Error & { code?: string; errors?: Array<{ code?: string }> };
  const code = err.code ?? err.errors?.[0]?.code ?? '';
  const where = describe(config);
  let hint = 'check --database-url (or MARSAD_DATABASE_URL)';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code) || /timeout/i.test(err.message)) {
    hint = 'start the server or check the host and port in --database-url';
  } else if (code === '28P01' || code === '28000') {
    hint = 'check the user name and password in --database-url';
  } else if (code === '3D000') {
    hint = 'create the database first (createdb NAME) or fix its name in --database-url';
  }
  const detail = err.message || code || 'connection failed';
  return new StoreError('open-failed', `cannot open the PostgreSQL database at ${where} (${detail}): ${hint}`, { cause });
}

/**
 * PostgreSQL through pg and Kysely: the backend for several machines (DESIGN.md, "Scale-out").
 * Opening migrates the schema under an advisory lock, so any number of processes may open it at once.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly kysely: Kysely<Database>;
  private readonly ready: Promise<void>;
  private readonly gate: leases.PostgresHostGate;
  private readonly lock: leases.PostgresStoryLock;
  private readonly leader: leases.PostgresStoryLeader;
  private readonly changes: ChangeCounter;

  private constructor(config: pg.PoolConfig) {
    const pool = new pg.Pool({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'marsad', ...config, types: TYPES });
    // An idle connection the server drops (restart, failover) must not crash the process; the next
    // query reconnects or fails with its own error.
    pool.on('error', () => undefined);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    this.kysely = kysely;
    this.gate = new leases.PostgresHostGate(pool);
    this.lock = new leases.PostgresStoryLock(pool);
    this.leader = new leases.PostgresStoryLeader(pool);
    this.changes = new ChangeCounter(pool);
    this.ready = (async () => {
      try {
        await migrate(pool);
        await fillNormalizedNames(kysely);
        await backfillSearchIndex(kysely);
      } catch (cause) {
        throw openError(cause, config);
      }
    })();
    // Awaited by every method; this only keeps an early failure from being an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Connect, migrate and index what needs it; rejects with a StoreError that says what to do. */
  static async open(target: PostgresTarget): Promise<PostgresStore> {
    const store = PostgresStore.openLazily(target);
    try {
      await store.ready;
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  /**
   * The same store at once, for callers that cannot wait (the command line's openStore): it
   * connects and migrates in the background, and the first method called fails with open's error.
   */
  static openLazily(target: PostgresTarget): PostgresStore {
    return new PostgresStore(typeof target === 'string' ? { connectionString: target } : target);
  }

  private async db(): Promise<Kysely<Database>> {
    await this.ready;
    return this.kysely;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.leader.drop();
    this.changes.close();
    await this.kysely.destroy();
  }

  async schemaVersion(): Promise<number> {
    const db = await this.db();
    const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  async dataVersion(): Promise<string | null> {
    await this.ready;
    return this.changes.version();
  }

  async addSource(source: NewSource): Promise<{ source: Source; created: boolean }> {
    const db = await this.db();
    const now = new Date().toISOString();
    const inserted = await db
      .insertInto('sources')
      .values({
        name: source.name, name_norm: normalizeArabic(source.name), url: source.url, home_url: source.home_url ?? null,
        kind: source.kind ?? 'feed', country: source.country ?? null, lang: source.lang ?? null,
        poll_interval: DEFAULT_POLL_INTERVAL, next_poll_at: now, created_at: now,
      })
      .onConflict((oc) => oc.column('url').doNothing())
      .returning(SOURCE_COLUMNS)
      .executeTakeFirst();
    if (inserted) return { source: inserted, created: true };
    const existing = await db.selectFrom('sources').select(SOURCE_COLUMNS).where('url', '=', source.url).executeTakeFirstOrThrow();
    return { source: existing, created: false };
  }

  async getSource(id: number): Promise<Source | null> {
    const db = await this.db();
    return (await db.selectFrom('sources').select(SOURCE_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async findSourceByName(name: string): Promise<Source | null> {
    const db = await this.db();
    return (await db.selectFrom('sources').select(SOURCE_COLUMNS).where('name', '=', name).orderBy('id').limit(1).executeTakeFirst()) ?? null;
  }

  async listSources(): Promise<Source[]> {
    const db = await this.db();
    return db.selectFrom('sources').select(SOURCE_COLUMNS).orderBy('id').execute();
  }

  async removeSource(id: number): Promise<boolean> {
    const db = await this.db();
    const result = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setSourcePaused(id: number, paused: boolean): Promise<boolean> {
    const db = await this.db();
    const result = await db.updateTable('sources').set({ paused }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async dueSources(now: Date, limit: number): Promise<Source[]> {
    const db = await this.db();
    return db.selectFrom('sources').select(SOURCE_COLUMNS)
      .where('paused', '=', false).where('kind', '<>', 'import').where('next_poll_at', '<=', now.toISOString())
      .orderBy('next_poll_at').orderBy('id').limit(limit).execute();
  }

  async recordPoll(sourceId: number, poll: PollRecord): Promise<void> {
    const db = await this.db();
    // A failed poll keeps the validators of the last good one, so the next try is still conditional.
    await db.updateTable('sources')
      .set({
        last_polled_at: poll.polled_at, last_status: poll.status, last_error: poll.error ?? null,
        consecutive_failures: poll.ok ? 0 : sql<number>`consecutive_failures + 1`,
        etag: poll.ok && poll.etag != null ? poll.etag : sql<string | null>`etag`,
        last_modified: poll.ok && poll.last_modified != null ? poll.last_modified : sql<string | null>`last_modified`,
        poll_interval: poll.poll_interval, next_poll_at: poll.next_poll_at,
        lease_owner: null, lease_until: null,
      })
      .where('id', '=', sourceId)
      .execute();
  }

  // Leases, host spacing and the story lock (migration 5): see leases.ts.
  async claimDueSources(workerId: string, now: Date, limit: number, leaseSeconds: number): Promise<Source[]> {
    return leases.claimDueSources(await this.db(), SOURCE_COLUMNS, workerId, now, limit, leaseSeconds);
  }
  async releaseSource(id: number, workerId: string): Promise<boolean> { return leases.releaseSource(await this.db(), id, workerId); }
  async renewLease(id: number, workerId: string, now: Date, leaseSeconds: number): Promise<boolean> { return leases.renewLease(await this.db(), id, workerId, now, leaseSeconds); }
  hostGate(): HostGate | null { return this.gate; }
  storyLock(): SharedLock { return this.lock; }
  async leadStories(): Promise<boolean> {
    await this.db();
    return this.leader.lead();
  }

  async insertArticle(article: NewArticle): Promise<InsertResult> {
    const db = await this.db();
    // One statement with its search vector: an article is never stored unsearchable.
    return db.transaction().execute((trx) => insertOne(trx, article));
  }

  async insertArticles(articles: NewArticle[]): Promise<InsertResult[]> {
    const db = await this.db();
    return db.transaction().execute(async (trx) => {
      const results: InsertResult[] = [];
      for (const article of articles) results.push(await insertOne(trx, article));
      return results;
    });
  }

  async getArticle(id: number): Promise<Article | null> {
    const db = await this.db();
    const row = await selectArticles(db).where('a.id', '=', id).executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  async getArticleByUrl(url: string): Promise<Article | null> {
    const db = await this.db();
    const row = await selectArticles(db).where('a.url', '=', canonicalizeUrl(url) ?? url).executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  async latestArticles(page: ArticlePage): Promise<Article[]> {
    await this.ready;
    return (await this.latest(page).select(ARTICLE_COLUMNS).execute()).map(toArticle);
  }

  async latestHeadlines(page: ArticlePage): Promise<ArticleHeadline[]> {
    await this.ready;
    return this.latest(page).select(HEADLINE_COLUMNS).execute();
  }

  /** The newest articles (of a source), after a cursor; the caller chooses the columns. */
  private latest(page: ArticlePage) {
    // Articles without a date sort as if published when fetched, so they are not lost at the end.
    let query = this.kysely.selectFrom('articles as a').leftJoin('sources as s', 's.id', 'a.source_id');
    if (page.source_id !== undefined) query = query.where('a.source_id', '=', page.source_id);
    if (page.category !== undefined) query = query.where('a.category', '=', page.category);
    if (page.before) query = query.where(sql<boolean>`(${WHEN}, a.id) < (${page.before.published_at}::timestamptz, ${page.before.id}::bigint)`);
    return query.orderBy(sql`${WHEN}`, 'desc').orderBy('a.id', 'desc').limit(page.limit);
  }

  async countStories(): Promise<number> {
    const db = await this.db();
    return (await db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  }

  async sitemapEntries(kind: 'articles' | 'stories', offset: number, limit: number): Promise<SitemapEntry[]> {
    const db = await this.db();
    const { rows } = await (kind === 'articles'
      ? sql<SitemapEntry>`SELECT a.id, COALESCE(a.updated_at, a.published_at, a.fetched_at) AS lastmod FROM articles a
          ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`
      : sql<SitemapEntry>`SELECT id, last_seen AS lastmod FROM stories ORDER BY last_seen DESC, id DESC LIMIT ${limit} OFFSET ${offset}`
    ).execute(db);
    return rows;
  }

  async countArticles(sourceId?: number): Promise<number> {
    const db = await this.db();
    let query = db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'));
    if (sourceId !== undefined) query = query.where('source_id', '=', sourceId);
    return (await query.executeTakeFirstOrThrow()).n;
  }

  async *iterateArticles(batchSize = 500): AsyncIterable<Article> {
    const db = await this.db();
    let after = 0;
    for (;;) {
      const rows = await selectArticles(db).where('a.id', '>', after).orderBy('a.id').limit(batchSize).execute();
      if (rows.length === 0) return;
      for (const row of rows) yield toArticle(row);
      after = rows[rows.length - 1]!.id;
    }
  }

  async setArticleTags(articleId: number, tags: readonly ArticleTag[], version: number): Promise<boolean> {
    const db = await this.db();
    return db.transaction().execute(async (trx) => {
      // The row lock serializes two taggers of one article; the second then replaces the first's tags.
      const { rows } = await sql<{ at: string }>`SELECT COALESCE(published_at, fetched_at) AS at FROM articles
        WHERE id = ${articleId} FOR UPDATE`.execute(trx);
      const article = rows[0];
      if (!article) return false;
      await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
      // A tagger never gives one key twice, but a repeat must not cost the article its other tags.
      const unique = new Map<string, { tag: ArticleTag; rank: number }>();
      for (const tag of tags) if (!unique.has(tag.key)) unique.set(tag.key, { tag, rank: unique.size + 1 });
      // Upserted in key order, so two transactions sharing tags lock them in the same order and never deadlock.
      const links: Array<{ article_id: number; tag_id: number; weight: number; rank: number; published_at: string }> = [];
      for (const { tag, rank } of [...unique.values()].sort((a, b) => (a.tag.key < b.tag.key ? -1 : 1))) {
        const { id } = await trx.insertInto('tags')
          .values({ key: tag.key, name: tag.name, name_norm: normalizeArabic(tag.name), type: tag.type })
          .onConflict((oc) => oc.column('key').doUpdateSet({
            name: (eb) => eb.ref('excluded.name'), name_norm: (eb) => eb.ref('excluded.name_norm'), type: (eb) => eb.ref('excluded.type'),
          }))
          .returning('id')
          .executeTakeFirstOrThrow();
        links.push({ article_id: articleId, tag_id: id, weight: tag.weight, rank, published_at: article.at });
      }
      if (links.length > 0) await trx.insertInto('article_tags').values(links).execute();
      await trx.updateTable('articles').set({ tags_version: version }).where('id', '=', articleId).execute();
      return true;
    });
  }

  async tagsForArticle(articleId: number): Promise<ArticleTag[]> {
    const db = await this.db();
    const rows = await db.selectFrom('article_tags as t').innerJoin('tags as g', 'g.id', 't.tag_id')
      .select(['g.key', 'g.name', 'g.type', 't.weight']).where('t.article_id', '=', articleId).orderBy('t.rank').execute();
    return rows.map((r) => ({ ...toTag(r), weight: r.weight }));
  }

  async getTag(key: string): Promise<TagInfo | null> {
    const db = await this.db();
    const row = await db.selectFrom('tags').select(['key', 'name', 'type']).where('key', '=', key).executeTakeFirst();
    return row ? toTag(row) : null;
  }

  async latestArticlesWithTag(key: string, page: ListPage): Promise<Article[]> {
    await this.ready;
    return (await this.latestWithTag(key, page).select(ARTICLE_COLUMNS).execute()).map(toArticle);
  }

  async latestHeadlinesWithTag(key: string, page: ListPage): Promise<ArticleHeadline[]> {
    await this.ready;
    return this.latestWithTag(key, page).select(HEADLINE_COLUMNS).execute();
  }

  private latestWithTag(key: string, page: ListPage) {
    // One range scan of article_tags_latest, then a primary-key lookup per article shown.
    let query = this.kysely.selectFrom('tags as g')
      .innerJoin('article_tags as t', 't.tag_id', 'g.id')
      .innerJoin('articles as a', 'a.id', 't.article_id')
      .leftJoin('sources as s', 's.id', 'a.source_id')
      .where('g.key', '=', key);
    if (page.before) {
      query = query.where(sql<boolean>`(t.published_at, t.article_id) < (${page.before.published_at}::timestamptz, ${page.before.id}::bigint)`);
    }
    return query.orderBy('t.published_at', 'desc').orderBy('t.article_id', 'desc').limit(page.limit);
  }

  async countArticlesWithTag(key: string): Promise<number> {
    const db = await this.db();
    const row = await db.selectFrom('tags as g').innerJoin('article_tags as t', 't.tag_id', 'g.id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('g.key', '=', key).executeTakeFirstOrThrow();
    return row.n;
  }

  async articlesNeedingTags(version: number, limit: number): Promise<Article[]> {
    const db = await this.db();
    // The never tagged first (they show no tags at all), then those an older tagger tagged; each
    // one range scan of its partial index.
    const untagged = await selectArticles(db).where('a.tags_version', 'is', null).orderBy('a.id', 'desc').limit(limit).execute();
    const older = untagged.length < limit
      ? await selectArticles(db).where('a.tags_version', '<', version)
        .orderBy('a.tags_version', 'desc').orderBy('a.id', 'desc').limit(limit - untagged.length).execute()
      : [];
    return [...untagged, ...older].map(toArticle);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const plan = planSearch(request);
    if ('ok' in plan) return plan;
    return searchPostgres(await this.db(), plan);
  }

  // Stories (migration 4): see stories.ts.
  async assignStory(articleId: number, storyId: number, duplicateOf: number | null): Promise<boolean> { return stories.assignStory(await this.db(), articleId, storyId, duplicateOf); }
  async upsertStory(update: StoryUpdate): Promise<Story> { return stories.upsertStory(await this.db(), update); }
  async getStory(id: number): Promise<Story | null> { return stories.getStory(await this.db(), id); }
  async maxStoryId(): Promise<number> { return stories.maxStoryId(await this.db()); }
  async storyArticles(storyId: number): Promise<Article[]> { return stories.storyArticles(await this.db(), storyId); }
  async storyHeadlines(storyId: number): Promise<ArticleHeadline[]> { return stories.storyHeadlines(await this.db(), storyId); }
  async latestStories(page: StoryPage): Promise<Story[]> { return stories.latestStories(await this.db(), page); }
  async topStories(opts: { now: Date; limit: number }): Promise<Story[]> { return stories.topStories(await this.db(), opts.now, opts.limit); }
  async saveStoryBatch(batch: StoryBatch): Promise<void> { return stories.saveStoryBatch(await this.db(), batch); }
  async saveFingerprint(record: FingerprintRecord): Promise<void> { return stories.saveFingerprint(await this.db(), record); }
  async recentFingerprints(since: string): Promise<StoredFingerprint[]> { return stories.recentFingerprints(await this.db(), since); }
  async wireCredit(articleId: number): Promise<WireCredit | null> { return stories.wireCredit(await this.db(), articleId); }
  async copiesOf(articleId: number): Promise<Article[]> { return stories.copiesOf(await this.db(), articleId); }
  async setRelated(articleId: number, related: readonly { story_id: number; score: number }[]): Promise<void> { return stories.setRelated(await this.db(), articleId, related); }
  async relatedForArticle(articleId: number, limit = 5, days = 7): Promise<RelatedStory[]> { return stories.relatedForArticle(await this.db(), articleId, limit, days); }
  async articleContext(article: ContextArticle, limits: ContextLimits): Promise<ArticleContext> { return stories.articleContext(await this.db(), article, limits); }
  async articlesWithoutStory(limit: number, after?: TimeCursor | null): Promise<Article[]> { return stories.articlesWithoutStory(await this.db(), limit, after ?? null); }
  async articlesInStoriesBetween(since: string, until: string, limit: number, after?: TimeCursor | null): Promise<Article[]> { return stories.articlesInStoriesBetween(await this.db(), since, until, limit, after ?? null); }
  async tagsForArticles(ids: readonly number[]): Promise<Map<number, ArticleTag[]>> { return stories.tagsForArticles(await this.db(), ids); }

  async getLink(url: string): Promise<LinkRecord | null> {
    const db = await this.db();
    const row = await db.selectFrom('links').select(['url', 'source_id', 'article_id', 'status', 'tries', 'last_at'])
      .where('url', '=', url).executeTakeFirst();
    return row ?? null;
  }

  async recordLink(link: Omit<LinkRecord, 'tries'>): Promise<void> {
    const db = await this.db();
    await db.insertInto('links')
      .values({ url: link.url, source_id: link.source_id, article_id: link.article_id, status: link.status, tries: 1, last_at: link.last_at })
      .onConflict((oc) => oc.column('url').doUpdateSet({
        article_id: sql`COALESCE(excluded.article_id, links.article_id)`,
        status: (eb) => eb.ref('excluded.status'),
        tries: sql`links.tries + 1`,
        last_at: (eb) => eb.ref('excluded.last_at'),
      }))
      .execute();
  }
}

function selectArticles(db: Kysely<Database>) {
  return db.selectFrom('articles as a').leftJoin('sources as s', 's.id', 'a.source_id').select(ARTICLE_COLUMNS);
}

async function insertOne(db: Kysely<Database>, article: NewArticle): Promise<InsertResult> {
  const url = canonicalizeUrl(article.url) ?? article.url;
  // ON CONFLICT DO NOTHING waits for a concurrent insert of the same URL and then yields to it, so
  // any number of workers store each article once.
  const row = await db.insertInto('articles')
    .values({
      external_id: article.external_id, url, source_id: article.source_id, title: article.title, lead: article.lead,
      body: article.body, text: article.text, published_at: article.published_at, published_offset: article.published_offset,
      updated_at: article.updated_at, fetched_at: article.fetched_at, authors: article.authors, image: article.image,
      lang: article.lang, category: article.category ?? null,
      search: sql<string>`${searchVector(article.title, article.text)}::tsvector`, search_version: SEARCH_INDEX_VERSION,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, inserted: true };
  const existing = await db.selectFrom('articles').select('id').where('url', '=', url).executeTakeFirstOrThrow();
  return { id: existing.id, inserted: false };
}

/** The matching form of source and tag names that predate it (migration 3), for the search filters. */
async function fillNormalizedNames(db: Kysely<Database>): Promise<void> {
  for (const table of ['sources', 'tags'] as const) {
    for (;;) {
      const rows = await db.selectFrom(table).select(['id', 'name']).where('name_norm', 'is', null).limit(NAME_BATCH).execute();
      if (rows.length === 0) break;
      await sql`UPDATE ${sql.table(table)} t SET name_norm = v.norm
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => normalizeArabic(r.name))}::text[]) AS v(id, norm)
        WHERE t.id = v.id`.execute(db);
    }
  }
}
