import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../log/index.ts';
import type { NewArticle } from '../model/index.ts';
import { PostgresStore } from '../store/postgres/postgres-store.ts';
import { startTestServer } from '../store/postgres/test-server.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { pageCacheOptions } from '../cli/commands/serve.ts';
import { loadSettings } from '../config/settings.ts';
import { createApp, type WebOptions } from './app.tsx';

const MINUTE = 60_000;

function report(sourceId: number, slug: string, title: string, minutesAgo: number, now: Date): NewArticle {
  const at = new Date(now.getTime() - minutesAgo * MINUTE).toISOString();
  const text = `${title}. وأعلنت وزارة الصحة أن الفرق الطبية تعمل على مدار الساعة.`;
  return {
    external_id: null, url: `https://news.example/${slug}`, source_id: sourceId, title, lead: null, body: `<p>${text}</p>`, text,
    published_at: at, published_offset: 180, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
  };
}

/** A story told by two outlets, served by an app whose clock the test moves. */
async function newsroom(path: string, opts: Partial<WebOptions> = {}) {
  return newsroomIn(SqliteStore.open(path), opts);
}

async function newsroomIn(store: Store, opts: Partial<WebOptions> = {}) {
  const clock = { now: new Date('2026-11-29T09:00:00Z') };
  const nile = (await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss' })).source;
  const sham = (await store.addSource({ name: 'الشام اليوم', url: 'https://sham.example/rss' })).source;
  const first = (await store.insertArticle(report(nile.id, 'mustashfa-1', 'افتتاح مستشفى جديد في القاهرة', 30, clock.now))).id;
  const second = (await store.insertArticle(report(sham.id, 'mustashfa-2', 'القاهرة تفتتح مستشفى للأطفال', 20, clock.now))).id;
  for (const id of [first, second]) await store.assignStory(id, 1, null);
  await store.upsertStory({ id: 1, headline: 'افتتاح مستشفى جديد في القاهرة', headline_article_id: first, entities: [] });
  const app = createApp({ store, log: silentLogger, now: () => clock.now, ...opts });
  return { store, app, clock, first, second, nile, sham };
}

async function metric(app: ReturnType<typeof createApp>, name: string): Promise<number> {
  const text = await (await app.request('/metrics')).text();
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
}

test('an article page read twice is built once: the same bytes, the same ETag, and a 304 for a reader who has it', async () => {
  const { app, first } = await newsroom(':memory:');
  const a = await app.request(`/article/${first}`);
  const body = await a.text();
  const b = await app.request(`/article/${first}`);
  assert.equal(await b.text(), body);
  assert.equal(b.headers.get('ETag'), a.headers.get('ETag'));
  assert.equal(b.headers.get('Content-Security-Policy'), a.headers.get('Content-Security-Policy'), 'security headers on a kept page too');
  assert.equal(b.headers.get('Cache-Control'), 'public, max-age=60');
  const c = await app.request(`/article/${first}`, { headers: { 'If-None-Match': a.headers.get('ETag')! } });
  assert.equal(c.status, 304);
  assert.equal(await metric(app, 'marsad_page_cache_hits_total'), 2);
  assert.equal(await metric(app, 'marsad_page_cache_misses_total'), 1);
});

test('a kept page is rebuilt after any write: a third outlet joining the story shows in the coverage at once', async () => {
  const { app, store, first } = await newsroom(':memory:');
  assert.doesNotMatch(await (await app.request(`/article/${first}`)).text(), /الإسكندرية/);
  const gulf = (await store.addSource({ name: 'الخليج', url: 'https://gulf.example/rss' })).source;
  const third = (await store.insertArticle(report(gulf.id, 'mustashfa-3', 'مستشفى القاهرة الجديد يستقبل أول المرضى من الإسكندرية', 10, new Date('2026-11-29T09:00:00Z')))).id;
  await store.assignStory(third, 1, null);
  const page = await (await app.request(`/article/${first}`)).text();
  assert.match(page, /يستقبل أول المرضى من الإسكندرية/);
});

test('a write by another process (a worker on the same SQLite file) also retires the kept page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-page-cache-'));
  try {
    const { app, first, store } = await newsroom(join(dir, 'marsad.db'));
    await app.request(`/article/${first}`);
    const worker = SqliteStore.open(join(dir, 'marsad.db'));
    const { id } = await worker.insertArticle(report(1, 'mustashfa-4', 'وزير الصحة يتفقد مستشفى القاهرة الجديد', 5, new Date('2026-11-29T09:00:00Z')));
    await worker.assignStory(id, 1, null);
    await worker.close();
    assert.match(await (await app.request(`/article/${first}`)).text(), /وزير الصحة يتفقد/);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a kept page expires as its relative times age: "منذ 30 دقيقة" does not stay on screen for an hour', async () => {
  const { app, clock, first } = await newsroom(':memory:', { pageCache: { ttlMs: 30_000 } });
  assert.match(await (await app.request(`/article/${first}`)).text(), /منذ 30 دقيقة/);
  clock.now = new Date(clock.now.getTime() + 10_000);
  assert.match(await (await app.request(`/article/${first}`)).text(), /منذ 30 دقيقة/, 'ten seconds later the kept page is still right');
  clock.now = new Date(clock.now.getTime() + 50 * MINUTE);
  assert.match(await (await app.request(`/article/${first}`)).text(), /منذ 80 دقيقة|منذ ساعة/);
});

test('only pages that are the same for every reader are kept: not errors, not the admin, not requests with a cookie', async () => {
  const { app, first } = await newsroom(':memory:', { adminToken: 'a-long-operator-token-for-tests' });
  for (let i = 0; i < 2; i++) {
    await app.request('/article/987654');
    await app.request('/admin');
    await app.request(`/article/${first}`, { headers: { Cookie: 'marsad_admin=x' } });
    await app.request('/metrics');
  }
  assert.equal(await metric(app, 'marsad_page_cache_hits_total'), 0);
  // A search is kept by its whole query: another query is another page.
  const a = await (await app.request('/search?q=مستشفى')).text();
  const b = await (await app.request('/search?q=القاهرة')).text();
  assert.notEqual(a, b);
  assert.equal(await metric(app, 'marsad_page_cache_hits_total'), 0);
  assert.equal(await (await app.request('/search?q=مستشفى')).text(), a);
  assert.equal(await metric(app, 'marsad_page_cache_hits_total'), 1);
});

test('the cache holds at most its byte budget, dropping the least recently read page first', async () => {
  const { app, first, second } = await newsroom(':memory:');
  const size = (await (await app.request(`/article/${first}`)).arrayBuffer()).byteLength;
  const small = await newsroom(':memory:', { pageCache: { maxBytes: Math.round(size * 1.5) } });
  await small.app.request(`/article/${first}`);
  await small.app.request(`/article/${second}`);
  await small.app.request(`/article/${first}`);
  assert.equal(await metric(small.app, 'marsad_page_cache_hits_total'), 0, 'the second page pushed the first out');
  assert.equal(await metric(small.app, 'marsad_page_cache_bytes') <= size * 1.5, true);
  const off = await newsroom(':memory:', { pageCache: false });
  await off.app.request(`/article/${first}`);
  assert.doesNotMatch(await (await off.app.request('/metrics')).text(), /marsad_page_cache/, 'off means off');
});

test('with a grace, a busy crawl does not rebuild a page on every request: it is rebuilt once the grace is over', async () => {
  const { app, store, clock, first, sham } = await newsroom(':memory:', { pageCache: { graceMs: 2_000 } });
  assert.doesNotMatch(await (await app.request(`/article/${first}`)).text(), /دمشق/);
  const late = (await store.insertArticle(report(sham.id, 'mustashfa-5', 'وفد طبي من دمشق يزور مستشفى القاهرة', 1, clock.now))).id;
  await store.assignStory(late, 1, null);
  assert.doesNotMatch(await (await app.request(`/article/${first}`)).text(), /دمشق/, 'within the grace the kept page is served');
  clock.now = new Date(clock.now.getTime() + 2_500);
  assert.match(await (await app.request(`/article/${first}`)).text(), /وفد طبي من دمشق/);
});

test('the operator sizes the cache in megabytes and the grace in seconds; 0 MB turns it off, nonsense is refused', () => {
  const settings = (env: Record<string, string>) => loadSettings(env);
  assert.deepEqual(pageCacheOptions(settings({})), { maxBytes: 64 * 1024 * 1024, graceMs: 2_000 });
  assert.deepEqual(pageCacheOptions(settings({ MARSAD_PAGE_CACHE_MB: '8', MARSAD_PAGE_CACHE_GRACE: '0.5' })), { maxBytes: 8 * 1024 * 1024, graceMs: 500 });
  assert.equal(pageCacheOptions(settings({ MARSAD_PAGE_CACHE_MB: '0' })), false);
  assert.throws(() => pageCacheOptions(settings({ MARSAD_PAGE_CACHE_MB: 'كثير' })), /MARSAD_PAGE_CACHE_MB/);
  assert.throws(() => pageCacheOptions(settings({ MARSAD_PAGE_CACHE_GRACE: '-1' })), /MARSAD_PAGE_CACHE_GRACE/);
});

test('on PostgreSQL, a web process keeps pages until a worker on another connection commits a change', async () => {
  const server = await startTestServer();
  try {
    const url = await server.createDatabase();
    const { app, store, first } = await newsroomIn(await PostgresStore.open(url));
    const worker = await PostgresStore.open(url);
    try {
      // The first requests start listening for changes; until it listens, every page is built.
      // Deadlines are generous: the announcement takes milliseconds, a loaded test machine longer.
      let until = Date.now() + 30_000;
      while ((await store.dataVersion()) === null && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const page = await (await app.request(`/article/${first}`)).text();
      assert.equal(await (await app.request(`/article/${first}`)).text(), page);
      assert.equal(await metric(app, 'marsad_page_cache_hits_total'), 1);
      const { id } = await worker.insertArticle(report(1, 'mustashfa-6', 'أول عملية قلب مفتوح في مستشفى القاهرة الجديد', 2, new Date('2026-11-29T09:00:00Z')));
      await worker.assignStory(id, 1, null);
      let seen = '';
      until = Date.now() + 30_000;
      while (!seen.includes('قلب مفتوح') && Date.now() < until) {
        seen = await (await app.request(`/article/${first}`)).text();
        // A kept page is served without any I/O; a server reads its sockets (the announcement among
        // them) between requests, and so must this loop.
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.match(seen, /أول عملية قلب مفتوح/, 'the worker\'s article reaches the kept page within moments');
    } finally {
      await worker.close();
      await store.close();
    }
  } finally {
    await server.stop();
  }
});
