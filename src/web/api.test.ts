import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../log/index.ts';
import type { Store } from '../store/store.ts';
import { createApp } from './app.tsx';
import { apiFixture, NOW } from './api/fixture.test-data.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const get = async (app: { request: (p: string) => Response | Promise<Response> }, path: string) => {
  const res = await app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Json };
};

/** Follows next_cursor to the end, returning every page's ids. */
async function walk(app: Parameters<typeof get>[0], path: string): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await get(app, cursor === null ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`);
    assert.equal(status, 200);
    pages.push(body.items.map((i: { id: number }) => i.id));
    cursor = body.next_cursor;
    assert.ok(pages.length < 20, 'the cursor must move forward');
  } while (cursor !== null);
  return pages;
}

test('/api/v1/articles pages newest first with an opaque cursor, the last page saying so', async () => {
  const { app, store, ids } = await apiFixture();
  const pages = await walk(app, '/api/v1/articles?limit=2');
  assert.deepEqual(pages, [[ids.undated, ids.ahli], [ids.hilal, ids.madina], [ids.sabq, ids.wire]]);
  const all = await get(app, '/api/v1/articles');
  assert.deepEqual(all.body.items.map((a: Json) => a.id), pages.flat(), 'the default page holds them all');
  assert.equal(all.body.next_cursor, null);
  assert.equal(all.body.items[0].published_at, null, 'an undated article is placed by its fetch time');
  assert.equal(all.body.items[0].fetched_at, '2015-08-11T21:00:00.000Z');
  await store.close();
});

test('/api/v1/articles filters by source or by tag, and says which filter is wrong', async () => {
  const { app, store, ids, sources } = await apiFixture();
  assert.deepEqual(await walk(app, `/api/v1/articles?source_id=${sources['عكاظ']}&limit=1`), [[ids.undated], [ids.ahli]]);
  const hilal = await get(app, `/api/v1/articles?tag=${encodeURIComponent('org:club-hilal-sa')}`);
  assert.equal(hilal.status, 200);
  assert.ok(hilal.body.items.some((a: Json) => a.id === ids.hilal));
  assert.ok(!hilal.body.items.some((a: Json) => a.id === ids.wire));
  const cases: Array<[string, number, string]> = [
    [`/api/v1/articles?source_id=${sources['عكاظ']}&tag=city:riyadh`, 400, 'bad_filter'],
    ['/api/v1/articles?source_id=abc', 400, 'bad_source_id'],
    ['/api/v1/articles?source_id=999', 404, 'not_found'],
    [`/api/v1/articles?tag=${encodeURIComponent('person:nobody')}`, 404, 'not_found'],
  ];
  for (const [path, status, code] of cases) {
    const res = await get(app, path);
    assert.deepEqual([res.status, res.body.error?.code], [status, code], path);
    assert.match(res.body.error.message, /\w/);
  }
  await store.close();
});

test('a limit outside 1–100 and a cursor we did not give are 400 JSON errors on every list', async () => {
  const { app, store } = await apiFixture();
  for (const list of ['/api/v1/articles', '/api/v1/stories', '/api/v1/tags/city:riyadh', `/api/v1/search?q=${encodeURIComponent('كورونا')}`]) {
    for (const limit of ['0', '101', 'abc', '-1', '1.5', '']) {
      const res = await get(app, `${list}${list.includes('?') ? '&' : '?'}limit=${limit}`);
      assert.equal(res.status, 400, `${list} limit=${limit}`);
      assert.match(res.type ?? '', /^application\/json/);
      assert.equal(res.body.error.code, 'bad_limit');
    }
    assert.equal((await get(app, `${list}${list.includes('?') ? '&' : '?'}limit=100`)).status, 200);
    const bad = await get(app, `${list}${list.includes('?') ? '&' : '?'}cursor=yesterday`);
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'bad_cursor'], list);
  }
  await store.close();
});

test('an article comes whole: text, tags, its story, the original it copies, related reading', async () => {
  const { app, store, ids } = await apiFixture();
  const { status, body } = await get(app, `/api/v1/articles/${ids.sabq}`);
  assert.equal(status, 200);
  assert.equal(body.duplicate_of, ids.wire, 'سبق carries واس’s wire story');
  assert.equal(body.story_id, (await store.getArticle(ids.wire))!.story_id);
  assert.equal(body.source, 'سبق');
  assert.match(body.text, /12 إصابة جديدة بفيروس كورونا/);
  assert.match(body.body, /^<p>/);
  assert.ok(body.tags.length > 0);
  assert.deepEqual(Object.keys(body.tags[0]).sort(), ['key', 'name', 'type', 'weight']);
  assert.equal(new Set(body.tags.map((t: Json) => t.key)).size, body.tags.length, 'no tag twice');
  assert.equal(body.agency?.code, 'spa', 'the wire agency the copy credits');
  const hilal = await get(app, `/api/v1/articles/${ids.hilal}`);
  assert.deepEqual(hilal.body.related.map((a: Json) => a.id), [ids.ahli], 'read also: the other match of the same round');
  assert.equal(hilal.body.agency, null);
  for (const path of ['/api/v1/articles/999', '/api/v1/articles/abc']) {
    const res = await get(app, path);
    assert.deepEqual([res.status, res.body.error.code], [404, 'not_found'], path);
  }
  await store.close();
});

test('/api/v1/stories ranks as the home page does, pages by cursor, and sorts by latest on request', async () => {
  const { app, store, ids } = await apiFixture();
  const top = (await store.topStories({ now: NOW, limit: 10 })).map((s) => s.id);
  assert.ok(top.length >= 3);
  const ranked = await get(app, '/api/v1/stories');
  assert.equal(ranked.body.sort, 'rank');
  assert.deepEqual(ranked.body.items.map((s: Json) => s.id), top);
  assert.deepEqual((await walk(app, '/api/v1/stories?limit=1')).flat(), top);
  const latest = (await store.latestStories({ limit: 100 })).map((s) => s.id);
  assert.deepEqual((await walk(app, '/api/v1/stories?sort=latest&limit=2')).flat(), latest);
  const wrongCursor = await get(app, `/api/v1/stories?sort=latest&cursor=${encodeURIComponent(ranked.body.next_cursor ?? 'o1')}`);
  assert.deepEqual([wrongCursor.status, wrongCursor.body.error.code], [400, 'bad_cursor'], 'a rank cursor is no keyset cursor');
  const badSort = await get(app, '/api/v1/stories?sort=best');
  assert.deepEqual([badSort.status, badSort.body.error.code], [400, 'bad_sort']);

  const storyId = (await store.getArticle(ids.wire))!.story_id!;
  const story = await get(app, `/api/v1/stories/${storyId}`);
  assert.equal(story.status, 200);
  assert.deepEqual(story.body.articles.map((a: Json) => a.id), [ids.wire, ids.sabq, ids.madina], 'the timeline, oldest first, the copy included');
  assert.equal(story.body.outlet_count, 3);
  assert.deepEqual(story.body.outlets.map((o: Json) => o.name), ['واس', 'سبق', 'المدينة']);
  assert.equal((await get(app, '/api/v1/stories/999')).status, 404);
  await store.close();
});

test('/api/v1/tags/:key gives the tag, its article count and its articles, paged', async () => {
  const { app, store } = await apiFixture();
  const key = 'city:riyadh';
  const total = await store.countArticlesWithTag(key);
  assert.ok(total >= 3);
  const first = await get(app, `/api/v1/tags/${encodeURIComponent(key)}?limit=2`);
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.tag, { key, name: 'الرياض', type: 'place' });
  assert.equal(first.body.total, total);
  const pages = await walk(app, `/api/v1/tags/${encodeURIComponent(key)}?limit=2`);
  assert.equal(pages.flat().length, total);
  assert.equal(new Set(pages.flat()).size, total);
  const missing = await get(app, `/api/v1/tags/${encodeURIComponent('مكان:مجهول')}`);
  assert.deepEqual([missing.status, missing.body.error.code], [404, 'not_found']);
  await store.close();
});

test('/api/v1/sources shows each outlet’s health: last poll, status, failures and articles', async () => {
  const { app, store, sources } = await apiFixture();
  const list = await get(app, '/api/v1/sources');
  assert.equal(list.body.items.length, 6);
  const okaz = list.body.items.find((s: Json) => s.id === sources['عكاظ']);
  assert.deepEqual([okaz.article_count, okaz.last_status, okaz.consecutive_failures], [2, 'ok', 0]);
  const failing = await get(app, `/api/v1/sources/${sources.awkward}`);
  assert.equal(failing.status, 200);
  assert.deepEqual(
    [failing.body.last_status, failing.body.last_error, failing.body.consecutive_failures, failing.body.last_polled_at, failing.body.article_count],
    ['timeout', 'no answer in 20 s', 2, '2015-08-11T21:30:00.000Z', 0],
  );
  assert.ok(!('etag' in failing.body), 'the crawler’s validators are not the reader’s business');
  assert.equal((await get(app, '/api/v1/sources/999')).status, 404);
  assert.equal((await get(app, '/api/v1/sources/x')).status, 404);
  await store.close();
});

test('unknown API paths and server failures answer in JSON; the site keeps its HTML pages', async () => {
  const { app, store, ids } = await apiFixture();
  const unknown = await get(app, '/api/v1/nothing-here');
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'not_found']);
  assert.match(unknown.body.error.message, /openapi\.json/);
  assert.match((await app.request('/nothing-here')).headers.get('content-type') ?? '', /text\/html/);

  // A store that fails on reads: the API hides the cause behind a JSON 500, for the API and search alike.
  const broken = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getArticle' || prop === 'search') return async () => { throw new Error('disk on fire'); };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Store;
  const app2 = createApp({ store: broken, log: silentLogger, now: () => NOW });
  for (const path of [`/api/v1/articles/${ids.wire}`, `/api/v1/search?q=${encodeURIComponent('كورونا')}`]) {
    const res = await get(app2, path);
    assert.deepEqual([res.status, res.body.error.code], [500, 'internal'], path);
    assert.doesNotMatch(res.body.error.message, /disk on fire/);
  }
  await store.close();
});
