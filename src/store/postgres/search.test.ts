import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { RANK_WINDOW } from '../search-plan.ts';
import { waterReports } from '../search-fixtures.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import { PostgresStore } from './postgres-store.ts';
import { startTestServer, type TestServer } from './test-server.ts';

// One server for the file (embedded, or MARSAD_DATABASE_URL).
let server: Promise<TestServer> | null = null;
const serverReady = () => (server ??= startTestServer());
after(async () => {
  if (server) await (await server).stop();
});

/** More articles about water than the ranking window holds, stored oldest first, as a crawler stores them. */
const waterArticles = () => waterReports(RANK_WINDOW + 150);

test('postgres search: a broad word gets an exact total, approximate facets and pages that never repeat, as on SQLite', async () => {
  const pg = await PostgresStore.open(await (await serverReady()).createDatabase());
  const lite = SqliteStore.open(':memory:');
  try {
    const articles = waterArticles();
    for (let i = 0; i < articles.length; i += 500) {
      await pg.insertArticles(articles.slice(i, i + 500));
      await lite.insertArticles(articles.slice(i, i + 500));
    }
    const now = new Date('2026-11-20T00:00:00Z');
    const seen = new Set<number>();
    for (let offset = 0; offset <= 1_000; offset += 100) {
      const cursor = offset === 0 ? null : `o${offset}`;
      const page = await pg.search({ q: 'مياه', now, limit: 100, cursor });
      const other = await lite.search({ q: 'مياه', now, limit: 100, cursor });
      assert.ok(page.ok && other.ok);
      assert.equal(page.total, articles.length);
      assert.equal(other.total, articles.length);
      assert.equal(page.facets.approximate, true);
      assert.equal(other.facets.approximate, true);
      for (const item of page.items) {
        assert.ok(!seen.has(item.article.id), `${item.article.url} shown twice`);
        seen.add(item.article.id);
      }
    }
    assert.equal(seen.size, 1_100);
    // The window is the newest matches: the first page is all from the latest coverage.
    const first = await pg.search({ q: 'مياه', now, limit: 20 });
    assert.ok(first.ok);
    const oldest = articles[articles.length - RANK_WINDOW]!.published_at!;
    assert.ok(first.items.every((i) => i.article.published_at! >= oldest));
    // A query with fewer matches than the window is counted whole, on both backends alike.
    const narrow = await pg.search({ q: 'أزمة المياه', now });
    const narrowLite = await lite.search({ q: 'أزمة المياه', now });
    assert.ok(narrow.ok && narrowLite.ok);
    assert.equal(narrow.facets.approximate, false);
    assert.equal(narrow.total, narrowLite.total);
    assert.deepEqual(narrow.facets.days, narrowLite.facets.days);
  } finally {
    await pg.close();
    await lite.close();
  }
});
