// Stories on SQLite (migration 4): story rows, article assignment, fingerprints and "read also".
// SqliteStore delegates its StoryStore methods here, one function each.
import type Database from 'better-sqlite3';
import type { Article, ArticleHeadline, ArticleTag, Story, StoryEntity, StoryUpdate, WireCredit } from '../../model/index.ts';
import type { ArticleContext, ContextArticle, ContextLimits, FingerprintRecord, RelatedStory, StoredFingerprint, StoryBatch, StoryPage, TimeCursor } from '../story-types.ts';
import { RANK_CANDIDATES, rankStories } from '../story-rank.ts';
import { assembleStory, storedEntities } from '../story-rows.ts';
import { ARTICLE_COLUMNS, type ArticleRow, HEADLINE_COLUMNS, type TagRow, toArticle, toTag } from './rows.ts';

type Db = Database.Database;

const FROM_ARTICLES = 'FROM articles a LEFT JOIN sources s ON s.id = a.source_id';
const WHEN = 'COALESCE(a.published_at, a.fetched_at)';
/**
 * After a time cursor (@after_at, @after_id), written so SQLite seeks its expression indexes with the
 * date bound; the same test as a row value, (date, id) > (…), made it scan them.
 */
const AFTER = `${WHEN} >= @after_at AND (${WHEN} > @after_at OR a.id > @after_id)`;

/** A stories row: the Story without its outlets (read from the articles), entities as stored. */
type StoryRow = Omit<Story, 'entities' | 'outlets'> & { entities: string };

// The story stage writes several rows per article; preparing a statement costs about as much as
// running it, so each connection prepares the writes once.
const writeStatements = new WeakMap<Db, ReturnType<typeof prepareWrites>>();

function prepareWrites(db: Db) {
  return {
    assign: db.prepare('UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?'),
    recount: db.prepare(
      `SELECT MIN(${WHEN}) AS first_seen, MAX(${WHEN}) AS last_seen, COUNT(*) AS article_count,
         COUNT(DISTINCT a.source_id) AS outlet_count FROM articles a WHERE a.story_id = ?`,
    ),
    upsert: db.prepare(
      `INSERT INTO stories (id, headline, headline_article_id, first_seen, last_seen, article_count, outlet_count, entities, updated_at)
       VALUES (@id, @headline, @headline_article_id, @first_seen, @last_seen, @article_count, @outlet_count, @entities, @updated_at)
       ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, headline_article_id = excluded.headline_article_id,
         first_seen = excluded.first_seen, last_seen = excluded.last_seen, article_count = excluded.article_count,
         outlet_count = excluded.outlet_count, entities = excluded.entities, updated_at = excluded.updated_at`,
    ),
    fingerprint: db.prepare(
      `INSERT INTO article_fingerprints (article_id, fingerprint, published_at, agency) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET fingerprint = excluded.fingerprint, published_at = excluded.published_at, agency = excluded.agency`,
    ),
    clearRelated: db.prepare('DELETE FROM article_related WHERE article_id = ?'),
    addRelated: db.prepare('INSERT OR IGNORE INTO article_related (article_id, story_id, rank, score) VALUES (?, ?, ?, ?)'),
  };
}

function writes(db: Db): ReturnType<typeof prepareWrites> {
  let w = writeStatements.get(db);
  if (!w) writeStatements.set(db, (w = prepareWrites(db)));
  return w;
}

export function assignStory(db: Db, articleId: number, storyId: number, duplicateOf: number | null): boolean {
  return writes(db).assign.run(storyId, duplicateOf, articleId).changes > 0;
}

export function upsertStory(db: Db, update: StoryUpdate, now = new Date()): Story {
  return db.transaction(() => {
    writeStory(db, update, now.toISOString());
    return getStory(db, update.id)!;
  })();
}

/** The story row, with span and counts recounted from its articles (copies included). */
function writeStory(db: Db, update: StoryUpdate, at: string): void {
  const w = writes(db);
  const counts = w.recount.get(update.id) as { first_seen: string | null; last_seen: string | null; article_count: number; outlet_count: number };
  w.upsert.run({
    id: update.id,
    headline: update.headline,
    headline_article_id: update.headline_article_id,
    first_seen: counts.first_seen ?? at,
    last_seen: counts.last_seen ?? at,
    article_count: counts.article_count,
    outlet_count: counts.outlet_count,
    entities: JSON.stringify(update.entities.map((e) => ({ key: e.key, weight: e.weight }))),
    updated_at: at,
  });
}

export function saveStoryBatch(db: Db, batch: StoryBatch, now = new Date()): void {
  const at = now.toISOString();
  const w = writes(db);
  db.transaction(() => {
    for (const a of batch.assignments) w.assign.run(a.story_id, a.duplicate_of, a.article_id);
    for (const f of batch.fingerprints) writeFingerprint(db, f);
    const seen = new Set<number>();
    // The last update of a story is the current one; the recount is the same whichever is written.
    for (let i = batch.stories.length - 1; i >= 0; i--) {
      const update = batch.stories[i]!;
      if (seen.has(update.id)) continue;
      seen.add(update.id);
      writeStory(db, update, at);
    }
    for (const r of batch.related) writeRelated(db, r.article_id, r.related);
    for (const id of batch.retired ?? []) {
      if (db.prepare('SELECT 1 FROM articles WHERE story_id = ? LIMIT 1').get(id)) continue;
      db.prepare('DELETE FROM article_related WHERE story_id = ?').run(id);
      db.prepare('DELETE FROM stories WHERE id = ?').run(id);
    }
  })();
}

export function getStory(db: Db, id: number): Story | null {
  const row = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  return row ? toStory(db, row) : null;
}

export function maxStoryId(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM stories').get() as { n: number }).n;
}

/** A story's articles as headlines, oldest first: all of them (limit -1), or all but one, up to a limit. */
function headlinesOf(db: Db, storyId: number, except: number | null, limit: number): ArticleHeadline[] {
  return db
    .prepare(`SELECT ${HEADLINE_COLUMNS} ${FROM_ARTICLES} WHERE a.story_id = @story AND a.id IS NOT @except ORDER BY ${WHEN}, a.id LIMIT @limit`)
    .all({ story: storyId, except, limit }) as ArticleHeadline[];
}

export function storyHeadlines(db: Db, storyId: number): ArticleHeadline[] {
  return headlinesOf(db, storyId, null, -1);
}

export function storyArticles(db: Db, storyId: number): Article[] {
  return (db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.story_id = ? ORDER BY ${WHEN}, a.id`).all(storyId) as ArticleRow[]).map(toArticle);
}

export function latestStories(db: Db, page: StoryPage): Story[] {
  const rows = page.before
    ? db.prepare('SELECT * FROM stories WHERE (last_seen, id) < (?, ?) ORDER BY last_seen DESC, id DESC LIMIT ?').all(page.before.last_seen, page.before.id, page.limit)
    : db.prepare('SELECT * FROM stories ORDER BY last_seen DESC, id DESC LIMIT ?').all(page.limit);
  return (rows as StoryRow[]).map((r) => toStory(db, r));
}

export function topStories(db: Db, now: Date, limit: number): Story[] {
  // Rank on the three columns the formula reads; only the winners are read whole.
  const candidates = db.prepare('SELECT id, outlet_count, last_seen FROM stories ORDER BY last_seen DESC, id DESC LIMIT ?')
    .all(RANK_CANDIDATES) as Pick<StoryRow, 'id' | 'outlet_count' | 'last_seen'>[];
  const one = db.prepare('SELECT * FROM stories WHERE id = ?');
  return rankStories(candidates, now, limit).map((r) => toStory(db, one.get(r.id) as StoryRow));
}

export function saveFingerprint(db: Db, record: FingerprintRecord): void {
  writeFingerprint(db, record);
}

function writeFingerprint(db: Db, record: FingerprintRecord): void {
  writes(db).fingerprint.run(record.article_id, Buffer.from(record.fingerprint), record.published_at, record.agency ? JSON.stringify(record.agency) : null);
}

export function recentFingerprints(db: Db, since: string): StoredFingerprint[] {
  const rows = db
    .prepare(
      `SELECT f.article_id, f.fingerprint, f.published_at, f.agency, a.source_id, a.duplicate_of
       FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
       WHERE f.published_at >= ? ORDER BY f.published_at, f.article_id`,
    )
    .all(since) as Array<Omit<StoredFingerprint, 'agency'> & { agency: string | null; fingerprint: Buffer }>;
  return rows.map((r) => ({ ...r, fingerprint: new Uint8Array(r.fingerprint), agency: parseCredit(r.agency) }));
}

export function wireCredit(db: Db, articleId: number): WireCredit | null {
  const row = db.prepare('SELECT agency FROM article_fingerprints WHERE article_id = ?').get(articleId) as { agency: string | null } | undefined;
  return parseCredit(row?.agency ?? null);
}

export function copiesOf(db: Db, articleId: number): Article[] {
  return (db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.duplicate_of = ? ORDER BY ${WHEN}, a.id`).all(articleId) as ArticleRow[]).map(toArticle);
}

export function setRelated(db: Db, articleId: number, related: readonly { story_id: number; score: number }[]): void {
  db.transaction(() => writeRelated(db, articleId, related))();
}

function writeRelated(db: Db, articleId: number, related: readonly { story_id: number; score: number }[]): void {
  const w = writes(db);
  w.clearRelated.run(articleId);
  related.forEach((r, i) => w.addRelated.run(articleId, r.story_id, i + 1, r.score));
}

/**
 * "Read also" for an article of `story` published `at`: the stories chosen when it arrived, and the
 * reverse: later articles whose "read also" named its story (the follow-ups it could not know about
 * yet). The best score of either counts. Parameters: @article, @story, @from, @to, @limit.
 */
const RELATED_SQL = `SELECT x.story_id, MAX(x.score) AS score FROM (
    SELECT r.story_id, r.score FROM article_related r WHERE r.article_id = @article
    UNION ALL
    SELECT o.story_id, r.score FROM article_related r JOIN articles o ON o.id = r.article_id
    WHERE @story IS NOT NULL AND r.story_id = @story AND o.story_id IS NOT NULL
  ) x JOIN stories st ON st.id = x.story_id
  WHERE x.story_id IS NOT @story AND st.last_seen >= @from AND st.first_seen <= @to
  GROUP BY x.story_id ORDER BY score DESC, x.story_id LIMIT @limit`;

function relatedParams(article: number, story: number | null, at: string, limit: number, days: number) {
  const t = Date.parse(at);
  return { article, story, from: new Date(t - days * 86_400_000).toISOString(), to: new Date(t + days * 86_400_000).toISOString(), limit };
}

export function relatedForArticle(db: Db, articleId: number, limit: number, days: number): RelatedStory[] {
  const me = db.prepare(`SELECT a.story_id, ${WHEN} AS at FROM articles a WHERE a.id = ?`).get(articleId) as { story_id: number | null; at: string } | undefined;
  if (!me) return [];
  const rows = db.prepare(RELATED_SQL).all(relatedParams(articleId, me.story_id, me.at, limit, days)) as Array<{ story_id: number; score: number }>;
  const getArticle = db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.id = ?`);
  const out: RelatedStory[] = [];
  for (const r of rows) {
    const story = getStory(db, r.story_id);
    if (!story) continue;
    const row = story.headline_article_id === null ? undefined : (getArticle.get(story.headline_article_id) as ArticleRow | undefined);
    out.push({ story, article: row ? toArticle(row) : null, score: r.score });
  }
  return out;
}

export function articleContext(db: Db, article: ContextArticle, limits: ContextLimits): ArticleContext {
  const headline = db.prepare(`SELECT ${HEADLINE_COLUMNS} ${FROM_ARTICLES} WHERE a.id = ?`);
  const original = article.duplicate_of === null ? null : ((headline.get(article.duplicate_of) as ArticleHeadline | undefined) ?? null);
  const agency = original ? (wireCredit(db, article.id) ?? wireCredit(db, original.id)) : null;
  if (article.story_id === null) return { story: null, coverage: [], related: [], original, agency };
  const story = (db.prepare('SELECT id, outlet_count, article_count FROM stories WHERE id = ?').get(article.story_id) as ArticleContext['story'] | undefined) ?? null;
  const coverage = headlinesOf(db, article.story_id, article.id, limits.coverage);
  const related = db
    .prepare(
      `SELECT ${HEADLINE_COLUMNS} FROM (${RELATED_SQL}) r JOIN stories st ON st.id = r.story_id
       JOIN articles a ON a.id = st.headline_article_id LEFT JOIN sources s ON s.id = a.source_id
       ORDER BY r.score DESC, r.story_id`,
    )
    .all(relatedParams(article.id, article.story_id, article.published_at ?? article.fetched_at, limits.related, limits.days)) as ArticleHeadline[];
  return { story, coverage, related, original, agency };
}

export function articlesWithoutStory(db: Db, limit: number, after: TimeCursor | null): Article[] {
  const rows = after
    ? db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.story_id IS NULL AND ${AFTER} ORDER BY ${WHEN}, a.id LIMIT @limit`).all({ after_at: after.at, after_id: after.id, limit })
    : db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.story_id IS NULL ORDER BY ${WHEN}, a.id LIMIT ?`).all(limit);
  return (rows as ArticleRow[]).map(toArticle);
}

export function articlesInStoriesBetween(db: Db, since: string, until: string, limit: number, after: TimeCursor | null): Article[] {
  const rows = db
    .prepare(
      `SELECT ${ARTICLE_COLUMNS} ${FROM_ARTICLES} WHERE a.story_id IS NOT NULL AND ${WHEN} >= @since AND ${WHEN} < @until
       AND (@after_at IS NULL OR ${AFTER}) ORDER BY ${WHEN}, a.id LIMIT @limit`,
    )
    .all({ since, until, limit, after_at: after?.at ?? null, after_id: after?.id ?? 0 }) as ArticleRow[];
  return rows.map(toArticle);
}

export function tagsForArticles(db: Db, ids: readonly number[]): Map<number, ArticleTag[]> {
  const out = new Map<number, ArticleTag[]>();
  const stmt = db.prepare(
    `SELECT t.article_id, g.key, g.name, g.type, t.weight FROM article_tags t JOIN tags g ON g.id = t.tag_id
     WHERE t.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.article_id, t.rank`,
  );
  for (const id of ids) out.set(id, []);
  for (const r of stmt.all(JSON.stringify(ids)) as Array<TagRow & { article_id: number; weight: number }>) {
    out.get(r.article_id)?.push({ ...toTag(r), weight: r.weight });
  }
  return out;
}

function toStory(db: Db, row: StoryRow): Story {
  let entities: StoryEntity[] = [];
  try {
    entities = storedEntities(JSON.parse(row.entities));
  } catch {
    // A hand-edited row with bad JSON loses its entities, not the story.
  }
  const names = entities.length === 0 ? [] : db.prepare('SELECT key, name, type FROM tags WHERE key IN (SELECT value FROM json_each(?))').all(JSON.stringify(entities.map((e) => e.key))) as TagRow[];
  const outlets = db
    .prepare(
      `SELECT a.source_id AS id, s.name AS name, MIN(${WHEN}) AS first FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.story_id = ? AND a.source_id IS NOT NULL GROUP BY a.source_id ORDER BY first, a.source_id`,
    )
    .all(row.id) as Array<{ id: number; name: string | null }>;
  return assembleStory(row, entities, new Map(names.map((n) => [n.key, toTag(n)])), outlets);
}

function parseCredit(raw: string | null): WireCredit | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as WireCredit;
    return typeof v?.code === 'string' && typeof v?.name === 'string' ? { code: v.code, name: v.name } : null;
  } catch {
    return null;
  }
}
