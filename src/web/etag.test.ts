import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiFixture } from './api/fixture.test-data.ts';
import { cachePolicy, etagMatches } from './etag.ts';

test('If-None-Match compares weakly, takes lists and *', () => {
  const tag = 'W/"abc"';
  assert.ok(etagMatches('W/"abc"', tag));
  assert.ok(etagMatches('"abc"', tag), 'weak comparison ignores W/');
  assert.ok(etagMatches('"x", W/"abc"', tag));
  assert.ok(etagMatches('*', tag));
  assert.ok(!etagMatches('W/"abcd"', tag));
  assert.ok(!etagMatches(undefined, tag));
  assert.ok(!etagMatches('abc', tag), 'an unquoted tag is malformed, not a match');
});

test('API responses and pages carry a weak ETag; sending it back gives a 304 with no body', async () => {
  const { app, store, ids } = await apiFixture();
  for (const path of ['/api/v1/articles?limit=2', `/api/v1/articles/${ids.wire}`, `/article/${ids.wire}`, '/', '/api/v1/openapi.json']) {
    const first = await app.request(path);
    assert.equal(first.status, 200, path);
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^W\/"[\w-]+"$/, path);
    assert.ok(first.headers.get('cache-control'), path);
    const again = await app.request(path);
    assert.equal(again.headers.get('etag'), tag, `${path}: the same body, the same tag`);

    const cached = await app.request(path, { headers: { 'If-None-Match': tag! } });
    assert.equal(cached.status, 304, path);
    assert.equal(await cached.text(), '');
    assert.equal(cached.headers.get('etag'), tag);
    assert.equal(cached.headers.get('cache-control'), first.headers.get('cache-control'), 'a 304 keeps the caching rules');
    assert.equal(cached.headers.get('content-type'), null);

    const stale = await app.request(path, { headers: { 'If-None-Match': 'W/"old"' } });
    assert.equal(stale.status, 200);
    assert.ok((await stale.text()).length > 0);
  }
  const head = await app.request(`/article/${ids.wire}`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  const headCached = await app.request(`/article/${ids.wire}`, { method: 'HEAD', headers: { 'If-None-Match': head.headers.get('etag')! } });
  assert.equal(headCached.status, 304);
  await store.close();
});

test('new data changes the ETag, so a client is never told an old list is current', async () => {
  const { app, store, sources } = await apiFixture();
  const before = (await app.request('/api/v1/articles')).headers.get('etag')!;
  await store.insertArticle({
    external_id: null, url: 'https://news.example/new', source_id: sources['واس']!, title: 'خبر جديد', lead: null, body: '<p>نص</p>',
    text: 'نص', published_at: '2015-08-11T21:50:00.000Z', published_offset: 180, updated_at: null, fetched_at: '2015-08-11T21:50:00.000Z',
    authors: [], image: null, lang: 'ar',
  });
  const res = await app.request('/api/v1/articles', { headers: { 'If-None-Match': before } });
  assert.equal(res.status, 200);
  assert.notEqual(res.headers.get('etag'), before);
  await store.close();
});

test('Cache-Control suits the route: feeds and fonts keep theirs, monitors get no-store, errors no validator', async () => {
  const { app, store, ids } = await apiFixture();
  const storyId = (await store.getArticle(ids.wire))!.story_id!;
  const feed = await app.request(`/story/${storyId}/rss`);
  assert.equal(feed.headers.get('cache-control'), 'public, max-age=300');
  assert.ok(feed.headers.get('etag'), 'feed readers revalidate too');
  assert.match((await app.request('/static/fonts/naskh-400.woff2')).headers.get('cache-control') ?? '', /immutable/);
  for (const path of ['/metrics', '/healthz']) {
    const res = await app.request(path);
    assert.equal(res.headers.get('cache-control'), 'no-store', path);
    assert.equal(res.headers.get('etag'), null, path);
  }
  const missing = await app.request('/api/v1/articles/999');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('etag'), null);
  assert.equal(cachePolicy('/admin/sources'), 'private, no-store');
  assert.equal(cachePolicy('/api/v1/stories'), 'public, max-age=60');
  await store.close();
});
