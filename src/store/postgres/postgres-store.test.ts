import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { migrateCommand } from '../../cli/commands/migrate.ts';
import { loadSettings } from '../../config/settings.ts';
import { createLogger } from '../../log/index.ts';
import { runStoreConformance } from '../conformance.ts';
import { MIGRATIONS } from './migrations.ts';
import { PostgresStore } from './postgres-store.ts';
import { searchVector } from './search.ts';
import { startTestServer, type TestServer } from './test-server.ts';

// One server for the file (embedded, or MARSAD_DATABASE_URL), a fresh database per store.
let server: TestServer | null = null;
let starting: Promise<TestServer> | null = null;
const serverReady = () => (starting ??= startTestServer().then((s) => (server = s)));

before(async () => {
  await serverReady();
});
after(async () => {
  await server?.stop();
});

runStoreConformance('postgres', async () => PostgresStore.open(await (await serverReady()).createDatabase()));

test('postgres store: three processes opening one fresh database at once migrate it once, without error', async () => {
  const url = await (await serverReady()).createDatabase();
  const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
  try {
    for (const store of stores) assert.equal(await store.schemaVersion(), MIGRATIONS.length);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((_, i) => i + 1));
      const { rows: tables } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('sources', 'articles', 'tags', 'article_tags', 'links', 'stories')`,
      );
      assert.equal(Number(tables[0]!.n), 6);
    } finally {
      await client.end();
    }
    // All three work on the same rows.
    await stores[0]!.addSource({ name: 'الأهرام', url: 'https://gate.ahram.org.eg/rss/1.aspx' });
    assert.equal((await stores[2]!.listSources()).length, 1);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('postgres store: articles stored before search existed are indexed when a store opens', async () => {
  const url = await (await serverReady()).createDatabase();
  const store = await PostgresStore.open(url);
  const { id } = await store.insertArticle({
    external_id: null, url: 'https://www.alrai.com/article/1', source_id: null, title: 'عمّان تستضيف قمة المياه', lead: null,
    body: '<p>نص</p>', text: 'انطلقت القمة في العاصمة الأردنية.', published_at: '2026-11-24T07:00:00.000Z', published_offset: 180,
    updated_at: null, fetched_at: '2026-11-24T08:00:00.000Z', authors: [], image: null, lang: 'ar',
  });
  await store.close();
  // As an upgrade from a schema without search would leave it: no vector, no version.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('UPDATE articles SET search = NULL, search_version = NULL');
  await client.end();
  const reopened = await PostgresStore.open(url);
  try {
    const page = await reopened.search({ q: 'القمة', now: new Date('2026-11-25T00:00:00Z') });
    assert.ok(page.ok);
    assert.deepEqual(page.items.map((i) => i.article.id), [id]);
  } finally {
    await reopened.close();
  }
});

test('postgres store: the search vector keeps title and body apart, a gap between them', () => {
  const vector = searchVector('وقف إطلاق', 'النار في غزة');
  // Title stems A, body stems B, title surface C, body surface D (surface tokens behind SURFACE_MARK).
  assert.match(vector, /'غزه':\d+B .*'=غزه':\d+D/);
  assert.match(vector, /'وقف':1A .*'=وقف':\d+C/);
  assert.equal(searchVector('', ''), '');
});

test('postgres store: text full of tsquery and tsvector syntax is stored and found', async () => {
  const store = await PostgresStore.open(await (await serverReady()).createDatabase());
  try {
    const text = String.raw`قال: 'مفاوضات' \ "جنيف" & | ! <-> :* A:B 3.5 F-16 كوفيد-19 ${'ب'.repeat(3000)}`;
    await store.insertArticle({
      external_id: null, url: 'https://x.example/syntax', source_id: null, title: text, lead: null, body: text, text,
      published_at: null, published_offset: null, updated_at: null, fetched_at: '2026-11-24T08:00:00.000Z', authors: [], image: null, lang: 'ar',
    });
    for (const q of ['مفاوضات', 'جنيف', '3.5', 'F-16', 'كوفيد-19', '"A:B"']) {
      const page = await store.search({ q, now: new Date('2026-11-25T00:00:00Z') });
      assert.equal(page.ok && page.total, 1, q);
    }
  } finally {
    await store.close();
  }
});

test('postgres store: an unreachable server is an open-failed error that says what to do', async () => {
  const started = Date.now();
  await assert.rejects(
    PostgresStore.open({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'marsad', connectionTimeoutMillis: 3_000 }),
    (err: Error & { code?: string }) => err.code === 'open-failed' && /start the server/.test(err.message) && !/password/i.test(err.message),
  );
  assert.ok(Date.now() - started < 5_000);
});

test('postgres store: marsad migrate --database-url migrates and prints the version, twice alike', async () => {
  const url = await (await serverReady()).createDatabase();
  const lines: string[] = [];
  const ctx = { settings: loadSettings({}), log: createLogger('silent'), out: (line: string) => void lines.push(line) };
  assert.equal(await migrateCommand(['--database-url', url], ctx), 0);
  assert.equal(await migrateCommand(['--database-url', url], ctx), 0);
  assert.deepEqual(lines, [`postgres schema at version ${MIGRATIONS.length}`, `postgres schema at version ${MIGRATIONS.length}`]);
});

/** Asks until `check` holds, for announcements that arrive a moment after their commit. */
async function eventually<T>(ask: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const v = await ask();
    if (check(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: still ${String(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('postgres store: the data version moves when another process commits what a page shows, not when a worker takes a lease', async () => {
  const url = await (await serverReady()).createDatabase();
  const web = await PostgresStore.open(url);
  const worker = await PostgresStore.open(url);
  try {
    const first = await eventually(() => web.dataVersion(), (v) => v !== null, 'listening');
    const { source } = await worker.addSource({ name: 'وكالة الأنباء الأردنية', url: 'https://petra.example/rss' });
    const afterSource = await eventually(() => web.dataVersion(), (v) => v !== first, 'a new source');
    await worker.insertArticle({
      external_id: null, url: 'https://petra.example/news/1', source_id: source.id, title: 'افتتاح معرض عمّان الدولي للكتاب', lead: null,
      body: '<p>افتتح في عمّان معرض الكتاب.</p>', text: 'افتتح في عمّان معرض الكتاب.', published_at: '2026-11-29T08:00:00.000Z',
      published_offset: 180, updated_at: null, fetched_at: '2026-11-29T08:01:00.000Z', authors: [], image: null, lang: 'ar',
    });
    const afterArticle = await eventually(() => web.dataVersion(), (v) => v !== afterSource, 'a new article');
    assert.equal((await worker.claimDueSources('worker-1', new Date('2030-01-01T00:00:00Z'), 10, 60)).length, 1);
    await worker.renewLease(source.id, 'worker-1', new Date('2030-01-01T00:00:30Z'), 60);
    // A change would be announced within milliseconds; a lease must not be, however long we wait.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await web.dataVersion(), afterArticle, 'leases are bookkeeping no page shows');
  } finally {
    await worker.close();
    await web.close();
  }
});
