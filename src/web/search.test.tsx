import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { silentLogger } from '../log/index.ts';
import { loadSearchFixtures, SEARCH_NOW } from '../store/search-fixtures.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';

async function fixture() {
  const store = SqliteStore.open(':memory:');
  const ids = await loadSearchFixtures(store);
  const app = createApp({ store, log: silentLogger, now: () => SEARCH_NOW, siteUrl: 'https://marsad.example' });
  return { store, app, ids };
}

const q = (s: string) => encodeURIComponent(s);

test('every page has a search form in its header', async () => {
  const { app, store } = await fixture();
  for (const path of ['/', '/sources', '/search']) {
    const html = await (await app.request(path)).text();
    assert.match(html, /<form class="site-search" action="\/search" method="get" role="search">/, path);
  }
  await store.close();
});

test('the search page marks every form of the word in its snippets, with source, date and facets that add filters', async () => {
  const { app, store } = await fixture();
  const res = await app.request(`/search?q=${q('مفاوضات')}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<mark>والمفاوضات<\/mark>/);
  assert.match(html, /<mark>بالمفاوضات<\/mark>/);
  assert.match(html, /4 أخبار/);
  assert.match(html, /href="\/source\/\d+">الجزيرة<\/a>/);
  assert.match(html, /name="robots" content="noindex"/);
  // Facets: each adds a filter to the query as typed.
  assert.match(html, new RegExp(`href="/search\\?q=${q('مفاوضات source:الجزيرة').replace(/%20/g, '\\+')}"`));
  assert.match(html, /from%3A2026-11-24\+to%3A2026-11-24/);
  assert.match(html, /24 نوفمبر 2026/);
  assert.match(html, /href="\/search\/rss\?q=/);
  await store.close();
});

test('a query that cannot run is a 200 page with the parser\'s Arabic message; malformed parameters are 400', async () => {
  const { app, store } = await fixture();
  const bad = await app.request(`/search?q=${q('-روسيا')}`);
  assert.equal(bad.status, 200);
  assert.match(await bad.text(), /role="alert">أضف كلمة تبحث عنها/);
  const none = await app.request(`/search?q=${q('كلمةلاوجودلها')}`);
  assert.match(await none.text(), /لا نتائج لهذا البحث/);
  const empty = await app.request('/search');
  assert.equal(empty.status, 200);
  assert.match(await empty.text(), /نجد الكلمة بكل صيغها/);
  const hostile = await app.request(`/search?q=${q('"><script>alert(1)</script> NEAR( *')}`);
  assert.equal(hostile.status, 200);
  assert.doesNotMatch(await hostile.text(), /<script>alert/);
  assert.equal((await app.request(`/search?q=${q('غزة')}&sort=random`)).status, 400);
  assert.equal((await app.request(`/search?q=${q('غزة')}&cursor=forged`)).status, 400);
  await store.close();
});

test('the search page pages with a link that keeps the query and the order', async () => {
  const { app, store } = await fixture();
  // 30 results fill a page; add enough articles that mention the word.
  for (let i = 0; i < 35; i++) {
    await store.insertArticle({
      external_id: null, url: `https://news.example/gaza-${i}`, source_id: null, title: `غزة: تطورات اليوم ${i}`, lead: null, body: '<p>نص</p>', text: 'نص قصير عن غزة.',
      published_at: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z`, published_offset: null, updated_at: null,
      fetched_at: '2026-10-28T09:00:00.000Z', authors: [], image: null, lang: 'ar',
    });
  }
  const html = await (await app.request(`/search?q=${q('غزة')}&sort=date`)).text();
  const next = /href="(\/search\?q=[^"]+cursor=[^"]+)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(next, 'a next link');
  assert.match(next, /sort=date/);
  const page2 = await app.request(next);
  assert.equal(page2.status, 200);
  assert.match(await page2.text(), /<ol class="articles">/);
  await store.close();
});

test('/api/v1/search gives items, a cursor, the total and facets; errors are 400 JSON', async () => {
  const { app, store, ids } = await fixture();
  const res = await app.request(`/api/v1/search?q=${q('مفاوضات')}&limit=2`);
  assert.equal(res.status, 200);
  const body = await res.json() as {
    items: Array<{ id: number; title: string; url: string; source: string; published_at: string; snippet: Array<{ text: string; hit: boolean }>; copies: number }>;
    next_cursor: string; total: number; facets: { sources: unknown[]; days: unknown[] };
  };
  assert.equal(body.items.length, 2);
  assert.equal(body.total, 4);
  assert.deepEqual(Object.keys(body.items[0]!).sort(), ['copies', 'id', 'published_at', 'snippet', 'source', 'source_id', 'story_id', 'title', 'url']);
  assert.equal(body.items[0]!.id, ids.get('water-amman'));
  assert.ok(body.next_cursor);
  assert.ok(body.facets.sources.length > 0 && body.facets.days.length > 0);
  const next = await (await app.request(`/api/v1/search?q=${q('مفاوضات')}&limit=2&cursor=${q(body.next_cursor)}`)).json() as typeof body;
  assert.equal(next.items.length, 2);
  assert.equal(next.next_cursor, null);

  for (const [url, code] of [
    [`/api/v1/search?q=${q('-روسيا')}`, 'only_exclusions'],
    ['/api/v1/search', 'empty'],
    [`/api/v1/search?q=${q('غزة')}&limit=0`, 'bad_limit'],
    [`/api/v1/search?q=${q('غزة')}&limit=abc`, 'bad_limit'],
    [`/api/v1/search?q=${q('غزة')}&cursor=o-1`, 'bad_cursor'],
    [`/api/v1/search?q=${q('غزة')}&sort=best`, 'bad_sort'],
  ] as const) {
    const r = await app.request(url);
    assert.equal(r.status, 400, url);
    const err = await r.json() as { error: { code: string; message: string } };
    assert.equal(err.error.code, code, url);
    assert.ok(err.error.message.length > 10);
  }
  await store.close();
});

test('a search has RSS and Atom feeds, newest first, that our own parser reads', async () => {
  const { app, store } = await fixture();
  for (const format of ['rss', 'atom']) {
    const res = await app.request(`/search/${format}?q=${q('غزة')}`);
    assert.equal(res.status, 200);
    const feed = parseFeed(await res.text());
    assert.equal(feed.format, format);
    assert.equal(feed.title, 'بحث: غزة | مرصد');
    assert.deepEqual(feed.items.map((i) => i.title), ['دخول 120 شاحنة مساعدات إلى غزة', 'مستشفى الشفاء يستقبل عشرات الجرحى', 'إسرائيل تعلن وقف إطلاق النار في غزة']);
    assert.match(feed.items[0]!.link ?? '', /^https:\/\/marsad\.example\/article\/\d+$/);
  }
  assert.equal((await app.request(`/search/rss?q=${q('-غزة')}`)).status, 400);
  await store.close();
});
