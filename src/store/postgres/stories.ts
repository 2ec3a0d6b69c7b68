// Stories on PostgreSQL (migration 4): the same operations as sqlite/stories.ts, one function each,
// for PostgresStore to delegate to. Counts are recounted from the articles in the same transaction
// as the upsert, so a story is right whatever the clusterer holds in memory.
import { type Kysely, sql } from 'kysely';
import type { Article, ArticleHeadline, ArticleTag, Story, StoryUpdate, WireCredit } from '../../model/index.ts';
import { RANK_CANDIDATES, rankStories } from '../story-rank.ts';
import { assembleStory, storedEntities } from '../story-rows.ts';
import type { ArticleContext, ContextArticle, ContextLimits, FingerprintRecord, RelatedStory, StoredFingerprint, StoryBatch, StoryPage, TimeCursor } from '../story-types.ts';
import { ARTICLE_COLUMNS, type Database, HEADLINE_COLUMNS_SQL, toArticle, toTag } from './rows.ts';

type Db = Kysely<Database>;

const WHEN = sql`COALESCE(a.published_at, a.fetched_at)`;
const DAY_MS = 86_400_000;
const HEADLINE_COLUMNS = sql.raw(HEADLINE_COLUMNS_SQL);

/** A stories row: the Story without its outlets (read from the articles), entities as stored. */
type StoryRow = Omit<Story, 'entities' | 'outlets'> & { entities: unknown };

function selectArticles(db: Db) {
  return db.selectFrom('articles as a').leftJoin('sources as s', 's.id', 'a.source_id').select(ARTICLE_COLUMNS);
}

function selectStories(db: Db) {
  return db.selectFrom('stories').selectAll();
}

export async function assignStory(db: Db, articleId: number, storyId: number, duplicateOf: number | null): Promise<boolean> {
  const result = await db.updateTable('articles').set({ story_id: storyId, duplicate_of: duplicateOf }).where('id', '=', articleId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function upsertStory(db: Db, update: StoryUpdate, now = new Date()): Promise<Story> {
  await db.transaction().execute((trx) => writeStory(trx, update, now.toISOString()));
  return (await getStory(db, update.id))!;
}

/** The story row, with span and counts recounted from its articles (copies included). */
async function writeStory(trx: Db, update: StoryUpdate, at: string): Promise<void> {
  const { rows } = await sql<{ first_seen: string | null; last_seen: string | null; article_count: number; outlet_count: number }>`
    SELECT MIN(${WHEN}) AS first_seen, MAX(${WHEN}) AS last_seen, COUNT(*) AS article_count,
      COUNT(DISTINCT a.source_id) AS outlet_count FROM articles a WHERE a.story_id = ${update.id}`.execute(trx);
  const counts = rows[0]!;
  const values = {
    id: update.id, headline: update.headline, headline_article_id: update.headline_article_id,
    first_seen: counts.first_seen ?? at, last_seen: counts.last_seen ?? at,
    article_count: counts.article_count, outlet_count: counts.outlet_count,
    entities: JSON.stringify(update.entities.map((e) => ({ key: e.key, weight: e.weight }))), updated_at: at,
  };
  const { id: _id, ...changes } = values;
  await trx.insertInto('stories').values(values).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
}

export async function saveStoryBatch(db: Db, batch: StoryBatch, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    // One statement for every assignment: a round trip per article was most of placing it.
    const assignments = [...new Map(batch.assignments.map((a) => [a.article_id, a])).values()];
    if (assignments.length) {
      await sql`UPDATE articles AS a SET story_id = v.story_id, duplicate_of = v.duplicate_of
        FROM unnest(${assignments.map((a) => a.article_id)}::bigint[], ${assignments.map((a) => a.story_id)}::bigint[],
          ${assignments.map((a) => a.duplicate_of)}::bigint[]) AS v(id, story_id, duplicate_of)
        WHERE a.id = v.id`.execute(trx);
    }
    // One row per article in a multi-row upsert: the last record of an article is the one kept.
    const fingerprints = [...new Map(batch.fingerprints.map((f) => [f.article_id, f])).values()];
    if (fingerprints.length) {
      await trx.insertInto('article_fingerprints')
        .values(fingerprints.map((f) => ({ article_id: f.article_id, fingerprint: Buffer.from(f.fingerprint), published_at: f.published_at, agency: f.agency ? JSON.stringify(f.agency) : null })))
        .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ fingerprint: eb.ref('excluded.fingerprint'), published_at: eb.ref('excluded.published_at'), agency: eb.ref('excluded.agency') })))
        .execute();
    }
    // The last update of a story is the current one; the recount is the same whichever is written.
    const stories = new Map(batch.stories.map((u) => [u.id, u]));
    for (const update of stories.values()) await writeStory(trx, update, at);
    const related = new Map(batch.related.map((r) => [r.article_id, r.related]));
    if (related.size) {
      await trx.deleteFrom('article_related').where('article_id', 'in', [...related.keys()]).execute();
      const rows = [...related].flatMap(([articleId, list]) => list.map((r, i) => ({ article_id: articleId, story_id: r.story_id, rank: i + 1, score: r.score })));
      // Four parameters a row, and a statement takes at most 65,535.
      for (let i = 0; i < rows.length; i += 10_000) {
        await trx.insertInto('article_related').values(rows.slice(i, i + 10_000)).onConflict((oc) => oc.columns(['article_id', 'story_id']).doNothing()).execute();
      }
    }
    // article_related rows go with their story (ON DELETE CASCADE).
    if (batch.retired?.length) {
      await sql`DELETE FROM stories s WHERE s.id = ANY(${[...batch.retired]}::bigint[])
        AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)`.execute(trx);
    }
  });
}

export async function getStory(db: Db, id: number): Promise<Story | null> {
  const row = await selectStories(db).where('id', '=', id).executeTakeFirst();
  return row ? toStory(db, row) : null;
}

export async function maxStoryId(db: Db): Promise<number> {
  const row = await db.selectFrom('stories').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A story's articles as headlines, oldest first: all of them (limit null), or all but one, up to a limit. */
async function headlinesOf(db: Db, storyId: number, except: number | null, limit: number | null): Promise<ArticleHeadline[]> {
  const { rows } = await sql<ArticleHeadline>`
    SELECT ${HEADLINE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE a.story_id = ${storyId}::bigint AND a.id IS DISTINCT FROM ${except}::bigint ORDER BY ${WHEN}, a.id LIMIT ${limit}::bigint`.execute(db);
  return rows;
}

export async function storyHeadlines(db: Db, storyId: number): Promise<ArticleHeadline[]> {
  return headlinesOf(db, storyId, null, null);
}

export async function storyArticles(db: Db, storyId: number): Promise<Article[]> {
  const rows = await selectArticles(db).where('a.story_id', '=', storyId).orderBy(sql`${WHEN}`).orderBy('a.id').execute();
  return rows.map(toArticle);
}

export async function latestStories(db: Db, page: StoryPage): Promise<Story[]> {
  let query = selectStories(db);
  if (page.before) query = query.where(sql<boolean>`(last_seen, id) < (${page.before.last_seen}::timestamptz, ${page.before.id}::bigint)`);
  const rows = await query.orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return Promise.all(rows.map((r) => toStory(db, r)));
}

export async function topStories(db: Db, now: Date, limit: number): Promise<Story[]> {
  // Rank on the three columns the formula reads; only the winners are read whole.
  const candidates = await db.selectFrom('stories').select(['id', 'outlet_count', 'last_seen'])
    .orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(RANK_CANDIDATES).execute();
  const top = rankStories(candidates, now, limit);
  if (top.length === 0) return [];
  const rows = new Map((await selectStories(db).where('id', 'in', top.map((r) => r.id)).execute()).map((r) => [r.id, r]));
  return Promise.all(top.flatMap((r) => (rows.has(r.id) ? [toStory(db, rows.get(r.id)!)] : [])));
}

export async function saveFingerprint(db: Db, record: FingerprintRecord): Promise<void> {
  const values = {
    article_id: record.article_id, fingerprint: Buffer.from(record.fingerprint), published_at: record.published_at,
    agency: record.agency ? JSON.stringify(record.agency) : null,
  };
  await db.insertInto('article_fingerprints').values(values)
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ fingerprint: values.fingerprint, published_at: values.published_at, agency: values.agency }))
    .execute();
}

export async function recentFingerprints(db: Db, since: string): Promise<StoredFingerprint[]> {
  const rows = await db.selectFrom('article_fingerprints as f').innerJoin('articles as a', 'a.id', 'f.article_id')
    .select(['f.article_id', 'f.fingerprint', 'f.published_at', 'f.agency', 'a.source_id', 'a.duplicate_of'])
    .where('f.published_at', '>=', since).orderBy('f.published_at').orderBy('f.article_id').execute();
  return rows.map((r) => ({ ...r, fingerprint: new Uint8Array(r.fingerprint), agency: toCredit(r.agency) }));
}

export async function wireCredit(db: Db, articleId: number): Promise<WireCredit | null> {
  const row = await db.selectFrom('article_fingerprints').select('agency').where('article_id', '=', articleId).executeTakeFirst();
  return toCredit(row?.agency ?? null);
}

export async function copiesOf(db: Db, articleId: number): Promise<Article[]> {
  const rows = await selectArticles(db).where('a.duplicate_of', '=', articleId).orderBy(sql`${WHEN}`).orderBy('a.id').execute();
  return rows.map(toArticle);
}

export async function setRelated(db: Db, articleId: number, related: readonly { story_id: number; score: number }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    if (related.length === 0) return;
    const rows = related.map((r, i) => ({ article_id: articleId, story_id: r.story_id, rank: i + 1, score: r.score }));
    await trx.insertInto('article_related').values(rows).onConflict((oc) => oc.columns(['article_id', 'story_id']).doNothing()).execute();
  });
}

/**
 * "Read also" for an article of `story` published `at`: the stories chosen when it arrived, and the
 * reverse: later articles whose "read also" named its story (the follow-ups it could not know about
 * yet). The best score of either counts.
 */
function relatedSql(articleId: number, story: number | null, at: string, limit: number, days: number) {
  const t = Date.parse(at);
  const from = new Date(t - days * DAY_MS).toISOString();
  const to = new Date(t + days * DAY_MS).toISOString();
  return sql<{ story_id: number; score: number }>`
    SELECT x.story_id, MAX(x.score) AS score FROM (
      SELECT r.story_id, r.score FROM article_related r WHERE r.article_id = ${articleId}
      UNION ALL
      SELECT o.story_id, r.score FROM article_related r JOIN articles o ON o.id = r.article_id
      WHERE r.story_id = ${story}::bigint AND o.story_id IS NOT NULL
    ) x JOIN stories st ON st.id = x.story_id
    WHERE x.story_id IS DISTINCT FROM ${story}::bigint AND st.last_seen >= ${from}::timestamptz AND st.first_seen <= ${to}::timestamptz
    GROUP BY x.story_id ORDER BY score DESC, x.story_id LIMIT ${limit}`;
}

export async function relatedForArticle(db: Db, articleId: number, limit: number, days: number): Promise<RelatedStory[]> {
  const { rows: mine } = await sql<{ story_id: number | null; at: string }>`
    SELECT a.story_id, ${WHEN} AS at FROM articles a WHERE a.id = ${articleId}`.execute(db);
  const me = mine[0];
  if (!me) return [];
  const { rows } = await relatedSql(articleId, me.story_id, me.at, limit, days).execute(db);
  const out: RelatedStory[] = [];
  for (const r of rows) {
    const related = await getStory(db, r.story_id);
    if (!related) continue;
    const row = related.headline_article_id === null
      ? undefined
      : await selectArticles(db).where('a.id', '=', related.headline_article_id).executeTakeFirst();
    out.push({ story: related, article: row ? toArticle(row) : null, score: r.score });
  }
  return out;
}

export async function articleContext(db: Db, article: ContextArticle, limits: ContextLimits): Promise<ArticleContext> {
  const noStory = article.story_id === null;
  // Independent reads, sent together: the pool runs them on as many connections as it has free.
  const [original, credits, story, coverage, related] = await Promise.all([
    article.duplicate_of === null ? null : sql<ArticleHeadline>`
      SELECT ${HEADLINE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ${article.duplicate_of}`.execute(db),
    article.duplicate_of === null ? null : db.selectFrom('article_fingerprints').select(['article_id', 'agency'])
      .where('article_id', 'in', [article.id, article.duplicate_of]).execute(),
    noStory ? null : db.selectFrom('stories').select(['id', 'outlet_count', 'article_count']).where('id', '=', article.story_id!).executeTakeFirst(),
    noStory ? null : headlinesOf(db, article.story_id!, article.id, limits.coverage),
    noStory ? null : sql<ArticleHeadline>`
      SELECT ${HEADLINE_COLUMNS} FROM (${relatedSql(article.id, article.story_id, article.published_at ?? article.fetched_at, limits.related, limits.days)}) r
      JOIN stories st ON st.id = r.story_id JOIN articles a ON a.id = st.headline_article_id LEFT JOIN sources s ON s.id = a.source_id
      ORDER BY r.score DESC, r.story_id`.execute(db),
  ]);
  const originalRow = original?.rows[0] ?? null;
  const creditOf = (id: number) => toCredit(credits?.find((c) => c.article_id === id)?.agency ?? null);
  return {
    story: story ?? null,
    coverage: coverage ?? [],
    related: related?.rows ?? [],
    original: originalRow,
    agency: originalRow ? (creditOf(article.id) ?? creditOf(originalRow.id)) : null,
  };
}

export async function articlesWithoutStory(db: Db, limit: number, after: TimeCursor | null): Promise<Article[]> {
  let query = selectArticles(db).where('a.story_id', 'is', null);
  if (after) query = query.where(sql<boolean>`(${WHEN}, a.id) > (${after.at}::timestamptz, ${after.id}::bigint)`);
  const rows = await query.orderBy(sql`${WHEN}`).orderBy('a.id').limit(limit).execute();
  return rows.map(toArticle);
}

export async function articlesInStoriesBetween(db: Db, since: string, until: string, limit: number, after: TimeCursor | null): Promise<Article[]> {
  let query = selectArticles(db).where('a.story_id', 'is not', null)
    .where(sql<boolean>`${WHEN} >= ${since}::timestamptz AND ${WHEN} < ${until}::timestamptz`);
  if (after) query = query.where(sql<boolean>`(${WHEN}, a.id) > (${after.at}::timestamptz, ${after.id}::bigint)`);
  const rows = await query.orderBy(sql`${WHEN}`).orderBy('a.id').limit(limit).execute();
  return rows.map(toArticle);
}

export async function tagsForArticles(db: Db, ids: readonly number[]): Promise<Map<number, ArticleTag[]>> {
  const out = new Map<number, ArticleTag[]>();
  for (const id of ids) out.set(id, []);
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('article_tags as t').innerJoin('tags as g', 'g.id', 't.tag_id')
    .select(['t.article_id', 'g.key', 'g.name', 'g.type', 't.weight'])
    .where(sql<boolean>`t.article_id = ANY(${[...ids]}::bigint[])`)
    .orderBy('t.article_id').orderBy('t.rank').execute();
  for (const r of rows) out.get(r.article_id)?.push({ ...toTag(r), weight: r.weight });
  return out;
}

async function toStory(db: Db, row: StoryRow): Promise<Story> {
  const entities = storedEntities(row.entities);
  const names = entities.length === 0 ? [] : await db.selectFrom('tags').select(['key', 'name', 'type']).where('key', 'in', entities.map((e) => e.key)).execute();
  const { rows: outlets } = await sql<{ id: number; name: string | null }>`
    SELECT a.source_id AS id, s.name AS name FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE a.story_id = ${row.id} AND a.source_id IS NOT NULL
    GROUP BY a.source_id, s.name ORDER BY MIN(${WHEN}), a.source_id`.execute(db);
  return assembleStory(row, entities, new Map(names.map((n) => [n.key, toTag(n)])), outlets);
}

function toCredit(raw: unknown): WireCredit | null {
  const v = raw as WireCredit | null;
  return typeof v?.code === 'string' && typeof v?.name === 'string' ? { code: v.code, name: v.name } : null;
}
