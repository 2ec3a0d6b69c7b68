// Server-side request forgery: a hostile outlet (or OPML file) tries to make the crawler read
// something inside our network. The "public" outlet here is a loopback server the operator allowed by
// its exact address (allowedAddresses: ['127.0.0.1']); the "internal" service listens on 127.0.0.2,
// which stays refused. A resolver injected in place of dns.lookup plays the hostile DNS server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { isBlockedAddress, type LookupFunction } from '../src/fetch/address-guard.ts';
import { Fetcher } from '../src/fetch/index.ts';
import { expectFetchError, startServer, type TestServer } from '../src/fetch/test-server.ts';
import { silentLogger } from '../src/log/index.ts';
import { pollSource } from '../src/pipeline/poll-source.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const ARTICLE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح معرض الكتاب في الرياض</title>
<meta property="article:published_time" content="2026-11-20T10:00:00+03:00"></head><body><article><h1>افتتاح معرض الكتاب في الرياض</h1>
${'<p>افتتح وزير الثقافة معرض الرياض الدولي للكتاب بمشاركة أكثر من ألف دار نشر من ثلاثين دولة عربية وأجنبية.</p>'.repeat(4)}</article></body></html>`;

/** A service on 127.0.0.2 (a router page, a metadata endpoint): it must never see a request. */
async function internalService(port: number): Promise<{ log: string[]; close: () => Promise<void> }> {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    log.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('{"AccessKeyId":"secret"}');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.2', resolve));
  return { log, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

/** A resolver that answers from a table; a function entry may change its answer between calls. */
function resolver(table: Record<string, string[] | (() => string[])>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = ((hostname, _options, callback) => {
    calls.push(hostname);
    const entry = table[hostname];
    const answers = typeof entry === 'function' ? entry() : entry;
    if (!answers) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, answers.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as LookupFunction & { calls: string[] };
  lookup.calls = calls;
  return lookup;
}

function guardedFetcher(lookup: LookupFunction): Fetcher {
  return new Fetcher({ allowedAddresses: ['127.0.0.1'], lookup, minHostDelayMs: 0, respectRobots: false, maxRetries: 0, connectTimeoutMs: 1_000, headersTimeoutMs: 2_000, bodyTimeoutMs: 2_000 });
}

async function outletAndInternal(handler: (req: http.IncomingMessage, res: http.ServerResponse, port: string) => void) {
  let port = '';
  const outlet: TestServer = await startServer((req, res) => handler(req, res, port));
  port = new URL(outlet.origin).port;
  const internal = await internalService(Number(port));
  return { outlet, internal, port, close: () => Promise.all([outlet.close(), internal.close()]) };
}

test('host names that resolve to private addresses are refused, even when one public answer comes with them', async (t) => {
  const { outlet, internal, port, close } = await outletAndInternal((_req, res) => void res.writeHead(200).end(ARTICLE));
  const lookup = resolver({
    'akhbar.example': ['127.0.0.1'],
    'intranet.example': ['10.20.0.7'],
    'metadata.example': ['169.254.169.254'],
    'mixed.example': ['127.0.0.1', '127.0.0.2'],
    'v6-internal.example': ['fd00:ec2::254'],
    'mapped.example': ['::ffff:127.0.0.2'],
  });
  const fetcher = guardedFetcher(lookup);
  t.after(async () => Promise.all([fetcher.close(), close()]));

  const ok = await fetcher.fetch({ url: `http://akhbar.example:${port}/culture/1` });
  assert.match(ok.text(), /معرض الكتاب/);
  for (const host of ['intranet.example', 'metadata.example', 'mixed.example', 'v6-internal.example', 'mapped.example']) {
    const err = await expectFetchError(fetcher.fetch({ url: `http://${host}:${port}/latest/meta-data/` }));
    assert.equal(err.code, 'blocked-address', host);
    assert.match(err.message, /private or local address/);
  }
  assert.deepEqual(internal.log, [], 'the internal service saw nothing');
  assert.deepEqual(outlet.paths(), ['/culture/1']);
});

test('a redirect from an allowed outlet to a private address is refused at the hop, in every spelling', async (t) => {
  let target = '';
  const { outlet, internal, port, close } = await outletAndInternal((req, res) => {
    if (req.url === '/feed') return void res.writeHead(302, { location: target }).end();
    res.writeHead(404).end();
  });
  const lookup = resolver({ 'akhbar.example': ['127.0.0.1'], 'router.example': ['192.168.1.1'], 'internal.example': ['127.0.0.2'] });
  const fetcher = guardedFetcher(lookup);
  t.after(async () => Promise.all([fetcher.close(), close()]));

  const targets = [
    `http://127.0.0.2:${port}/admin`,
    `http://2130706434:${port}/admin`, // 127.0.0.2 as one decimal number
    `http://0177.0.0.2:${port}/admin`, // octal
    `http://0x7f.0.0.2:${port}/admin`, // hex
    `http://[::ffff:127.0.0.2]:${port}/admin`, // IPv4-mapped IPv6
    `http://internal.example:${port}/admin`,
    `http://router.example/cgi-bin/config`,
    `http://169.254.169.254/latest/meta-data/iam/`,
    `/../../@127.0.0.2:${port}/admin`, // relative: stays on the outlet, which answers 404
  ];
  for (const location of targets) {
    target = location;
    const err = await expectFetchError(fetcher.fetch({ url: `http://akhbar.example:${port}/feed` }));
    if (location.startsWith('/')) {
      assert.equal(err.code, 'http-status', location);
      continue;
    }
    assert.equal(err.code, 'blocked-address', location);
    assert.notEqual(err.url, `http://akhbar.example:${port}/feed`, 'the refusal names the hop, not the feed');
  }
  assert.deepEqual(internal.log, [], 'no redirect reached the internal service');
  assert.equal(outlet.paths().filter((p) => p === '/feed').length, targets.length);
});

test('DNS rebinding: a name that answered public then answers private is refused on the next connection', async (t) => {
  const { outlet, internal, port, close } = await outletAndInternal((_req, res) => {
    // No keep-alive, so each request dials again and asks the resolver again.
    res.writeHead(200, { connection: 'close', 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
  });
  let answers = 0;
  const lookup = resolver({ 'rebind.example': () => (answers++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']) });
  const fetcher = guardedFetcher(lookup);
  t.after(async () => Promise.all([fetcher.close(), close()]));

  const first = await fetcher.fetch({ url: `http://rebind.example:${port}/news/1` });
  assert.equal(first.statusCode, 200);
  const err = await expectFetchError(fetcher.fetch({ url: `http://rebind.example:${port}/news/2` }));
  assert.equal(err.code, 'blocked-address');
  assert.equal(lookup.calls.length, 2, 'the address was checked at each connection');
  assert.deepEqual(internal.log, []);
  assert.deepEqual(outlet.paths(), ['/news/1']);
});

test('loopback, private and link-local addresses are refused in every IPv4 and IPv6 spelling', async (t) => {
  const server = await startServer((_req, res) => void res.writeHead(200).end('سري'));
  const fetcher = new Fetcher({ minHostDelayMs: 0, maxRetries: 0, connectTimeoutMs: 1_000 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));
  const port = new URL(server.origin).port;
  const hosts = [
    '2130706433', '0177.0.0.1', '0x7f000001', '127.1', '0', '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]', '[::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[2002:7f00:1::]', '[fd12:3456::1]',
    '[fe80::1]', '[::ffff:169.254.169.254]', '[64:ff9b::a9fe:a9fe]', '[2002:c0a8:101::1]',
  ];
  for (const host of hosts) {
    const err = await expectFetchError(fetcher.fetch({ url: `http://${host}:${port}/` }));
    assert.equal(err.code, 'blocked-address', host);
  }
  assert.deepEqual(server.log, [], 'nothing reached the loopback server');

  for (const ip of ['::7f00:1', '::ffff:0:a00:1', '64:ff9b::c0a8:101', '2002:a9fe:a9fe::', 'fe80::1%eth0', '::8.8.8.8']) {
    assert.equal(isBlockedAddress(ip), true, ip);
  }
  for (const ip of ['64:ff9b::808:808', '2002:808:808::1', '2a00:1450:4001::1', '::ffff:8.8.8.8', '::ffff:0:808:808']) {
    assert.equal(isBlockedAddress(ip), false, ip);
  }
});

test('file:, ftp:, gopher:, data: and javascript: URLs are refused, typed in or reached by a redirect', async (t) => {
  let target = '';
  const server = await startServer((_req, res) => void res.writeHead(301, { location: target }).end());
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, respectRobots: false, maxRetries: 0 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));
  const port = new URL(server.origin).port;
  const schemes = [
    'file:///etc/passwd', 'ftp://ftp.example.com/feed.xml', `gopher://127.0.0.1:${port}/_GET%20/`, 'data:text/xml,<rss/>',
    'javascript:alert(1)', 'ws://akhbar.example/feed', 'dict://127.0.0.1:11211/stat',
  ];
  for (const url of schemes) {
    assert.equal((await expectFetchError(fetcher.fetch({ url }))).code, 'bad-url', url);
    target = url;
    assert.equal((await expectFetchError(fetcher.fetch({ url: `${server.origin}/feed` }))).code, 'bad-url', `redirect to ${url}`);
  }
  assert.equal(server.log.length, schemes.length, 'only the redirecting feed was ever requested');
});

test('a poll records a private feed address on the source, and skips feed items that point inside', async (t) => {
  const { outlet, internal, port, close } = await outletAndInternal((req, res) => {
    if (req.url === '/rss') {
      const items = [`http://akhbar.example:${port}/culture/1`, `http://127.0.0.2:${port}/admin`, 'http://metadata.example/latest/meta-data/', 'file:///etc/passwd']
        .map((link, i) => `<item><title>خبر ${i + 1} عن معرض الكتاب</title><link>${link}</link></item>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار الثقافة</title>${items}</channel></rss>`);
    }
    if (req.url === '/culture/1') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    res.writeHead(404).end();
  });
  const lookup = resolver({ 'akhbar.example': ['127.0.0.1'], 'metadata.example': ['169.254.169.254'], 'intranet.example': ['10.0.0.5'] });
  const fetcher = guardedFetcher(lookup);
  const store = SqliteStore.open(':memory:');
  t.after(async () => Promise.all([fetcher.close(), close(), store.close()]));

  const { source: hostile } = await store.addSource({ name: 'مصدر مريب', url: `http://intranet.example:${port}/rss` });
  const result = await pollSource(hostile, { store, fetcher, log: silentLogger });
  assert.equal(result.status, 'blocked-address');
  const recorded = (await store.getSource(hostile.id))!;
  assert.equal(recorded.last_status, 'blocked-address');
  assert.equal(recorded.consecutive_failures, 1);
  assert.match(recorded.last_error ?? '', /private or local address/);

  const { source } = await store.addSource({ name: 'أخبار الثقافة', url: `http://akhbar.example:${port}/rss` });
  const polled = await pollSource(source, { store, fetcher, log: silentLogger });
  assert.equal(polled.status, 'ok');
  assert.equal(polled.new_articles, 1, 'the public article is stored');
  assert.equal((await store.getLink(`http://127.0.0.2:${port}/admin`))?.status, 'blocked-address');
  assert.equal((await store.getLink('http://metadata.example/latest/meta-data/'))?.status, 'blocked-address');
  assert.equal(await store.countArticles(), 1);
  assert.deepEqual(internal.log, []);
});
