import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiFixture } from './api/fixture.test-data.ts';
import { isCorsPath } from './cors.ts';

const ORIGIN = { Origin: 'https://reader.example' };

test('the API and feeds may be read from any origin; pages and the admin may not', async () => {
  const { app, store, ids } = await apiFixture();
  const storyId = (await store.getArticle(ids.wire))!.story_id!;
  for (const path of ['/api/v1/stories', `/api/v1/articles/${ids.wire}`, '/api/v1/articles/999', `/story/${storyId}/atom`, '/tag/city:riyadh/rss']) {
    const res = await app.request(path, { headers: ORIGIN });
    assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
    assert.equal(res.headers.get('access-control-expose-headers'), 'ETag', `${path}: scripts may read the validator`);
  }
  assert.equal((await app.request(`/article/${ids.wire}`, { headers: ORIGIN })).headers.get('access-control-allow-origin'), null);
  assert.ok(!isCorsPath('/admin/sources.opml'));
  assert.ok(isCorsPath('/sources.opml'));

  const tag = (await app.request('/api/v1/stories')).headers.get('etag')!;
  const cached = await app.request('/api/v1/stories', { headers: { ...ORIGIN, 'If-None-Match': tag } });
  assert.equal(cached.status, 304);
  assert.equal(cached.headers.get('access-control-allow-origin'), '*', 'a script must be able to read its 304');
  await store.close();
});

test('a preflight for GET is allowed with the headers asked for; one for any other method is refused', async () => {
  const { app, store } = await apiFixture();
  const ok = await app.request('/api/v1/articles', {
    method: 'OPTIONS',
    headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
  });
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), '*');
  assert.match(ok.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
  assert.doesNotMatch(ok.headers.get('access-control-allow-methods') ?? '', /POST|PUT|DELETE/);
  assert.match(ok.headers.get('access-control-allow-headers') ?? '', /if-none-match/i);
  assert.ok(Number(ok.headers.get('access-control-max-age')) > 0);
  assert.equal(await ok.text(), '');

  const post = await app.request('/api/v1/articles', { method: 'OPTIONS', headers: { ...ORIGIN, 'Access-Control-Request-Method': 'POST' } });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('access-control-allow-origin'), null);
  assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');

  const odd = await app.request('/api/v1/articles', {
    method: 'OPTIONS',
    headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-a; evil="1"' },
  });
  assert.equal(odd.status, 204);
  assert.doesNotMatch(odd.headers.get('access-control-allow-headers') ?? '', /evil/, 'only header names are echoed');

  const plain = await app.request('/api/v1/articles', { method: 'OPTIONS' });
  assert.deepEqual([plain.status, plain.headers.get('allow')], [204, 'GET, HEAD, OPTIONS']);
  assert.equal((await app.request('/article/1', { method: 'OPTIONS', headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET' } })).headers.get('access-control-allow-origin'), null);
  await store.close();
});
