import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { silentLogger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';
import { addressKey, rateLimit, TokenBuckets } from './rate-limit.ts';
import { serveApp } from './serve.ts';

/** What @hono/node-server passes as c.env: the Node request with its socket. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function limitedApp(perMinute: number, opts: { trustProxy?: boolean; now?: () => number } = {}) {
  const app = new Hono();
  app.use('*', rateLimit({ perMinute, ...opts }));
  app.get('/search', (c) => c.text('نتائج'));
  app.get('/api/v1/search', (c) => c.json({ items: [] }));
  return app;
}

test('a client gets its burst, then 429 with Retry-After, and tokens come back with time', async () => {
  let now = 0;
  const app = limitedApp(3, { now: () => now });
  for (let i = 0; i < 3; i++) assert.equal((await app.request('/search', {}, from('203.0.113.7'))).status, 200);
  const refused = await app.request('/search', {}, from('203.0.113.7'));
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '20', 'three a minute: one token every 20 s');
  const message = await refused.text();
  assert.match(message, /طلبات كثيرة في وقت قصير\. أعد المحاولة بعد 20 ثانية/);
  assert.match(message, /Too many requests\. Try again in 20 seconds\./);

  assert.equal((await app.request('/search', {}, from('198.51.100.9'))).status, 200, 'another client has its own bucket');
  now += 19_000;
  assert.equal((await app.request('/search', {}, from('203.0.113.7'))).status, 429);
  now += 1_000;
  assert.equal((await app.request('/search', {}, from('203.0.113.7'))).status, 200);
});

test('the API is told in JSON, with the Arabic message beside the English one', async () => {
  const app = limitedApp(1);
  await app.request('/api/v1/search', {}, from('203.0.113.7'));
  const res = await app.request('/api/v1/search', {}, from('203.0.113.7'));
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) >= 1);
  const body = await res.json();
  assert.equal(body.error.code, 'rate_limited');
  assert.match(body.error.message, /^Too many requests/);
  assert.match(body.error.ar, /^طلبات كثيرة/);
});

test('X-Forwarded-For is ignored unless a trusted proxy is configured, and then only its own entry counts', async () => {
  const direct = limitedApp(1);
  await direct.request('/search', { headers: { 'X-Forwarded-For': '192.0.2.1' } }, from('203.0.113.7'));
  const forged = await direct.request('/search', { headers: { 'X-Forwarded-For': '192.0.2.2' } }, from('203.0.113.7'));
  assert.equal(forged.status, 429, 'a client cannot pick a fresh address per request');

  const proxied = limitedApp(1, { trustProxy: true });
  const proxy = from('10.0.0.2');
  assert.equal((await proxied.request('/search', { headers: { 'X-Forwarded-For': '192.0.2.1' } }, proxy)).status, 200);
  assert.equal((await proxied.request('/search', { headers: { 'X-Forwarded-For': '192.0.2.2' } }, proxy)).status, 200, 'two clients behind one proxy');
  // The client wrote the left entry itself; the proxy appended the address it saw.
  const spoof = await proxied.request('/search', { headers: { 'X-Forwarded-For': '198.51.100.50, 192.0.2.1' } }, proxy);
  assert.equal(spoof.status, 429);
});

test('IPv6 clients share a bucket per /64, and IPv4-mapped addresses count as IPv4', () => {
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('[::1]'), '0:0:0:0::/64');
});

test('memory stays bounded however many addresses a client cycles through', () => {
  const buckets = new TokenBuckets(5, 100);
  for (let i = 0; i < 10_000; i++) buckets.take(`198.51.${i >> 8}.${i & 255}`);
  assert.equal(buckets.size, 100);
});

test('a limit of 0 turns it off', async () => {
  const app = limitedApp(0);
  for (let i = 0; i < 50; i++) assert.equal((await app.request('/search', {}, from('203.0.113.7'))).status, 200);
});

test('the site limits search and the API by the socket address, and leaves the other pages alone', async () => {
  const store = SqliteStore.open(':memory:');
  const app = createApp({ store, log: silentLogger, rateLimits: { searchPerMinute: 2, apiPerMinute: 3 } });
  const server = await serveApp(app, { port: 0 });
  try {
    const get = (path: string) => fetch(server.url + path).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.text() }));
    assert.equal((await get('/search?q=غزة')).status, 200);
    assert.equal((await get('/search/rss?q=غزة')).status, 200, 'the search feeds share the search bucket');
    const third = await get('/search?q=غزة');
    assert.equal(third.status, 429);
    assert.equal(third.headers.get('content-security-policy')?.startsWith("default-src 'none'"), true, 'a 429 carries the security headers too');
    for (let i = 0; i < 3; i++) assert.equal((await get('/api/v1/search?q=غزة')).status, 200, 'the API has its own bucket');
    assert.equal((await get('/api/v1/search?q=غزة')).status, 429);
    for (let i = 0; i < 10; i++) assert.equal((await get('/')).status, 200);
  } finally {
    await server.close();
    await store.close();
  }
});
