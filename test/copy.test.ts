// `marsad copy`: an operator's SQLite newsroom (the demo's fourteen events, told by seven outlets,
// with wire copies, tags, stories and "read also", plus crawled sources with their poll state) copied
// into a real PostgreSQL server, then read back through the Store interface: every page a reader can
// open must show the same thing on either backend, at the same URLs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ARTICLES } from '../src/demo/data/articles.ts';
import type { OutletId } from '../src/demo/data/types.ts';
import { importJsonl } from '../src/pipeline/import.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { checkCopySchemas, COPY_PLAN } from '../src/store/copy-tables.ts';
import { copySqliteToPostgres, CopyError, readPostgresSchema, readSqliteSchema } from '../src/store/copy.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { startTestServer, type TestServer } from '../src/store/postgres/test-server.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { DayFacet, Store } from '../src/store/store.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

const OUTLET_NAMES: Record<OutletId, string> = {
  nile: 'بوابة النيل', sham: 'الشام اليوم', khaleej: 'الخليج الجديد', maghreb: 'المغرب الكبير',
  rafidain: 'الرافدين نيوز', wire: 'وكالة الأنباء العربية', quds: 'القدس الإخبارية',
};

// Two reports of the same talks, so that searching المفاوضات must find the clitic form والمفاوضات.
const TALKS = [
  {
    id: 'talks-1', url: 'https://khaleej.example/politics/talks-doha', source: OUTLET_NAMES.khaleej,
    title: 'استئناف المفاوضات في الدوحة بين الوفدين السودانيين',
    body: 'استؤنفت صباح اليوم في الدوحة جولة جديدة بين وفدي الحكومة والقوى المدنية السودانية برعاية قطرية.\nوقال الوسيط القطري إن والمفاوضات ستتواصل حتى التوصل إلى اتفاق على وقف إطلاق النار وفتح الممرات الإنسانية.',
    published_at: '2026-11-26T08:15:00+03:00',
  },
  {
    id: 'talks-2', url: 'https://nile.example/news/sudan-talks', source: OUTLET_NAMES.nile,
    title: 'وفدا السودان يعودان إلى طاولة الحوار في الدوحة',
    body: 'عاد وفدا الحكومة السودانية والقوى المدنية إلى طاولة الحوار في العاصمة القطرية.\nوأكد مصدر مطلع أن المفاوضات تتناول وقف إطلاق النار وإيصال المساعدات إلى دارفور وكردفان.',
    published_at: '2026-11-26T11:40:00+02:00',
  },
];

let server: TestServer | null = null;
let dir = '';
let sqlitePath = '';

/** The operator's database: a dump imported newest first (so copies get lower ids than their originals), then crawled sources. */
async function buildNewsroom(path: string): Promise<void> {
  const lines = ARTICLES.map((a) => ({
    id: `${a.outlet}/${a.slug}`, url: `https://${a.outlet}.example/${a.slug}`, source: OUTLET_NAMES[a.outlet],
    title: a.title, body: [a.lead, ...a.paragraphs].join('\n'), published_at: a.published, author: a.author,
  }));
  const all = [...lines, ...TALKS].sort((x, y) => Date.parse(y.published_at) - Date.parse(x.published_at));
  const dump = join(dir, 'dump.jsonl');
  writeFileSync(dump, all.map((l) => JSON.stringify(l)).join('\n'));
  const store = SqliteStore.open(path);
  try {
    const report = await importJsonl(dump, store, (e) => assert.fail(`line ${e.line}: ${e.error}`));
    assert.equal(report.inserted, all.length);
    await (await StoryStage.open(store)).placeBacklog();

    // Crawled outlets with what polling taught us: validators, failures, a pause, links seen.
    const polled = await store.addSource({ name: 'الجزيرة نت', url: 'https://www.aljazeera.net/aljazeerarss/a7c186be/rss', home_url: 'https://www.aljazeera.net/', country: 'QA', lang: 'ar' });
    await store.recordPoll(polled.source.id, { ok: true, status: 'ok', etag: 'W/"5f2a-17c"', last_modified: 'Thu, 26 Nov 2026 09:00:00 GMT', poll_interval: 600, next_poll_at: '2026-11-26T09:10:00.000Z', polled_at: '2026-11-26T09:00:00.000Z' });
    const failing = await store.addSource({ name: 'هسبريس', url: 'https://www.hespress.com/feed', home_url: 'https://www.hespress.com/', country: 'MA' });
    await store.recordPoll(failing.source.id, { ok: false, status: 'timeout', error: 'no answer in 20 s', poll_interval: 1800, next_poll_at: '2026-11-26T10:00:00.000Z', polled_at: '2026-11-26T09:30:00.000Z' });
    await store.recordPoll(failing.source.id, { ok: false, status: 'http-status', error: 'HTTP 503', poll_interval: 3600, next_poll_at: '2026-11-26T11:00:00.000Z', polled_at: '2026-11-26T10:00:00.000Z' });
    const paused = await store.addSource({ name: 'اليوم السابع', url: 'https://www.youm7.com/rss/SectionRss', country: 'EG' });
    await store.setSourcePaused(paused.source.id, true);
    const talks = (await store.getArticleByUrl(TALKS[0]!.url))!;
    await store.recordLink({ url: TALKS[0]!.url, source_id: polled.source.id, article_id: talks.id, status: 'stored', last_at: '2026-11-26T09:00:00.000Z' });
    await store.recordLink({ url: 'https://www.hespress.com/politique/1234567.html', source_id: failing.source.id, article_id: null, status: 'failed', last_at: '2026-11-26T09:30:00.000Z' });
    await store.recordLink({ url: 'https://www.hespress.com/politique/1234567.html', source_id: failing.source.id, article_id: null, status: 'failed', last_at: '2026-11-26T10:00:00.000Z' });
    // A worker of the old installation holds a lease: it must not come across.
    await store.claimDueSources('old-box:4242', new Date('2026-11-26T12:00:00Z'), 1, 600);
  } finally {
    await store.close();
  }
}

function marsad(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, MARSAD_LOG: 'info', MARSAD_DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-copy-'));
  sqlitePath = join(dir, 'marsad.db');
  [server] = await Promise.all([startTestServer(), buildNewsroom(sqlitePath)]);
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Day facets as counts per day. SQLite's (uncommitted, under rework when this test was written) may
 * list one day several times, split by the hour; the copy is judged on the counts per day.
 */
function mergeDays(days: readonly DayFacet[]): DayFacet[] {
  const byDay = new Map<string, number>();
  for (const d of days) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.count);
  return [...byDay].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([day, count]) => ({ day, count }));
}

/** Everything a reader can see, read through the Store interface, in a form two backends can compare. */
async function readerView(store: Store) {
  const articles = [];
  for await (const a of store.iterateArticles()) {
    articles.push({
      article: await store.getArticle(a.id),
      tags: await store.tagsForArticle(a.id),
      related: await store.relatedForArticle(a.id, 5, 3650),
      copies: await store.copiesOf(a.id),
      wire: await store.wireCredit(a.id),
    });
  }
  const stories = await store.latestStories({ limit: 100 });
  const storyPages = [];
  for (const s of stories) storyPages.push({ story: await store.getStory(s.id), articles: await store.storyArticles(s.id) });
  const tagKeys = [...new Set(articles.flatMap((a) => a.tags.map((t) => t.key)))].sort();
  const tags = [];
  for (const key of tagKeys) {
    tags.push({ tag: await store.getTag(key), count: await store.countArticlesWithTag(key), latest: (await store.latestArticlesWithTag(key, { limit: 10 })).map((a) => a.id) });
  }
  const now = new Date('2026-11-27T12:00:00Z');
  const search = async (q: string) => {
    const byDate = await store.search({ q, sort: 'date', now, timeZone: 'Asia/Riyadh' });
    const byRelevance = await store.search({ q, now, timeZone: 'Asia/Riyadh' });
    assert.ok(byDate.ok && byRelevance.ok);
    return { byDate: { ...byDate, facets: { ...byDate.facets, days: mergeDays(byDate.facets.days) } }, relevantIds: byRelevance.items.map((h) => h.article.id).sort((a, b) => a - b), total: byRelevance.total };
  };
  return {
    sources: await store.listSources(),
    articles,
    latest: (await store.latestArticles({ limit: 30 })).map((a) => a.id),
    stories: storyPages,
    top: (await store.topStories({ now, limit: 10 })).map((s) => s.id),
    maxStory: await store.maxStoryId(),
    fingerprints: await store.recentFingerprints('2000-01-01T00:00:00.000Z'),
    tags,
    searches: { talks: await search('المفاوضات'), quake: await search('زلزال أزيلال'), phrase: await search('"سعر الفائدة"') },
    links: [await store.getLink(TALKS[0]!.url), await store.getLink('https://www.hespress.com/politique/1234567.html')],
  };
}

test('marsad copy moves a SQLite newsroom into PostgreSQL: the same pages at the same ids, then refuses to copy over it', { timeout: 240_000 }, async () => {
  const url = await server!.createDatabase();
  const copied = await marsad(['copy', '--from', `sqlite:${sqlitePath}`, '--to', url]);
  assert.equal(copied.code, 0, copied.stderr);
  assert.match(copied.stdout, /^articles\s+(\d+)\s+\1$/m, 'the per-table counts are printed, equal on both sides');
  assert.match(copied.stdout, /every count matches/);
  assert.match(copied.stderr, /"event":"copy_progress","table":"articles"/, 'progress goes to stderr');

  const sqlite = SqliteStore.open(sqlitePath);
  const postgres = await PostgresStore.open(url);
  try {
    const before = await readerView(sqlite);
    // The fixture has what the copy must carry: copies (one stored before its original), stories, "read also", tags.
    const withCopies = before.articles.filter((a) => a.article!.duplicate_of !== null);
    assert.ok(withCopies.length >= 3, 'the demo has wire copies');
    assert.ok(withCopies.some((a) => a.article!.duplicate_of! > a.article!.id), 'a copy stored before its original');
    assert.ok(before.stories.some((s) => s.story!.outlets.length >= 3), 'a story told by three outlets');
    assert.ok(before.articles.some((a) => a.related.length > 0), 'read-also links');
    assert.ok(before.tags.length > 20);
    const talks = before.searches.talks.byDate;
    assert.ok(talks.ok && TALKS.every((t) => talks.items.some((h) => h.article.url === t.url)), 'المفاوضات finds both reports of the talks, والمفاوضات included');

    const after = await readerView(postgres);
    assert.deepEqual(after.sources, before.sources, 'sources with their poll state');
    assert.deepEqual(after.articles, before.articles, 'every article page: text, tags, read also, copies, wire credit');
    assert.deepEqual(after.stories, before.stories, 'every story page');
    assert.deepEqual(after.tags, before.tags, 'every tag page');
    assert.deepEqual(after.searches, before.searches, 'the same search results, snippets and facets');
    assert.deepEqual({ latest: after.latest, top: after.top, maxStory: after.maxStory, links: after.links }, { latest: before.latest, top: before.top, maxStory: before.maxStory, links: before.links });
    assert.deepEqual(after.fingerprints, before.fingerprints, 'near-duplicate memory survives, so new copies are still recognised');

    // The lease did not come across: workers on the new database can claim the source at once.
    const claimed = await postgres.claimDueSources('new-box:1', new Date('2026-11-26T12:00:00Z'), 10, 60);
    assert.deepEqual(claimed.map((s) => s.name).sort(), ['الجزيرة نت', 'هسبريس'].sort());

    // New rows continue after the copied ids instead of colliding with them.
    const maxId = Math.max(...before.articles.map((a) => a.article!.id));
    const fresh = await postgres.insertArticle({
      external_id: null, url: 'https://www.aljazeera.net/news/2026/11/27/sudan-talks-ceasefire', source_id: claimed[0]!.id,
      title: 'اتفاق مبدئي على هدنة إنسانية في السودان', lead: null, body: '<p>أعلن الوسطاء التوصل إلى اتفاق مبدئي.</p>',
      text: 'أعلن الوسطاء التوصل إلى اتفاق مبدئي على هدنة إنسانية بعد أسبوع من المفاوضات.', published_at: '2026-11-27T09:00:00.000Z',
      published_offset: 180, updated_at: null, fetched_at: '2026-11-27T09:05:00.000Z', authors: [], image: null, lang: 'ar',
    });
    assert.ok(fresh.inserted && fresh.id > maxId, `new article id ${fresh.id} after ${maxId}`);
    const added = await postgres.addSource({ name: 'الشرق الأوسط', url: 'https://aawsat.com/feed' });
    assert.ok(added.source.id > Math.max(...before.sources.map((s) => s.id)));
  } finally {
    await sqlite.close();
    await postgres.close();
  }

  const again = await marsad(['copy', '--from', sqlitePath, '--to', url]);
  assert.equal(again.code, 2, again.stderr);
  assert.match(again.stderr, /already holds sources, articles.*--force/);
  assert.doesNotMatch(again.stderr, /marsad-test@/, 'the password is not repeated');
});

test('marsad copy --force replaces what the target holds, in one transaction', { timeout: 120_000 }, async () => {
  const url = await server!.createDatabase();
  const target = await PostgresStore.open(url);
  try {
    await target.addSource({ name: 'مصدر تجريبي', url: 'https://example.org/rss' });
  } finally {
    await target.close();
  }
  const report = await copySqliteToPostgres({ from: sqlitePath, to: url, force: true, batchSize: 7 });
  const sqlite = SqliteStore.open(sqlitePath);
  const postgres = await PostgresStore.open(url);
  try {
    assert.deepEqual(await postgres.listSources(), await sqlite.listSources(), 'the trial source is gone, the copied ones are there');
    assert.equal(report.counts.find((c) => c.what === 'articles')!.postgres, await sqlite.countArticles());
    const page = await postgres.search({ q: 'المفاوضات', sort: 'date' });
    assert.ok(page.ok);
    const urls = page.items.map((h) => h.article.url);
    assert.ok(urls.indexOf(TALKS[1]!.url) >= 0 && urls.indexOf(TALKS[1]!.url) < urls.indexOf(TALKS[0]!.url), urls.join(' '));
  } finally {
    await sqlite.close();
    await postgres.close();
  }
});

test('marsad copy keeps nothing when a row cannot be copied, and says which', { timeout: 120_000 }, async () => {
  const broken = join(dir, 'broken.db');
  rmSync(broken, { force: true });
  const store = SqliteStore.open(broken);
  await store.addSource({ name: 'عكاظ', url: 'https://www.okaz.com.sa/rss' });
  await store.upsertStory({ id: 1, headline: 'أمطار غزيرة على جدة', headline_article_id: null, entities: [] });
  await store.close();
  // A hand-edited row: entities that are not JSON.
  const raw = new Database(broken);
  raw.prepare(`UPDATE stories SET entities = '[{key: غير صالح' WHERE id = 1`).run();
  raw.close();

  const url = await server!.createDatabase();
  const failed = await marsad(['copy', '--from', broken, '--to', url]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /refused a row of stories \(id from 1 to 1\): invalid input syntax for type json.*nothing was copied/);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM sources');
    assert.equal(rows[0].n, 0, 'the source copied before the bad story was rolled back');
  } finally {
    await client.end();
  }
});

test('the copy plan names every table and column of both schemas; a table added later stops the copy', { timeout: 120_000 }, async () => {
  const url = await server!.createDatabase();
  await (await PostgresStore.open(url)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const scratch = join(dir, 'schema.db');
  rmSync(scratch, { force: true });
  await SqliteStore.open(scratch).close();
  try {
    const raw = new Database(scratch);
    assert.deepEqual(checkCopySchemas(readSqliteSchema(raw), await readPostgresSchema(client)), []);
    assert.ok(COPY_PLAN.length >= 8);

    // A later migration adds bookmarks on SQLite, and a column to articles: the copy must refuse
    // rather than leave them behind.
    raw.exec(`CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles (id), created_at TEXT NOT NULL);
      ALTER TABLE articles ADD COLUMN reading_minutes INTEGER;`);
    const problems = checkCopySchemas(readSqliteSchema(raw), await readPostgresSchema(client));
    raw.close();
    assert.ok(problems.some((p) => /table bookmarks/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /articles\.reading_minutes/.test(p)), problems.join('\n'));
    await assert.rejects(copySqliteToPostgres({ from: scratch, to: url }), (err: unknown) => err instanceof CopyError && err.code === 'schema-mismatch' && /bookmarks/.test(err.message));
  } finally {
    await client.end();
  }
});

test('marsad copy says what to do about a missing SQLite file or a bad URL (exit 2)', { timeout: 60_000 }, async () => {
  const missing = await marsad(['copy', '--from', join(dir, 'nope.db'), '--to', 'postgres://u:p@127.0.0.1:1/x']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no SQLite database at .*nope\.db/);
  const bad = await marsad(['copy', '--from', sqlitePath, '--to', 'mysql://root@localhost/marsad']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a PostgreSQL URL/);
  const none = await marsad(['copy', '--from', sqlitePath]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /needs --to/);
});
