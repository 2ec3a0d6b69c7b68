import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { parseRetryAfter } from './retry.ts';
import { expectFetchError, noRobots, startServer, testFetcher } from './test-server.ts';

const MiB = 1024 * 1024;

/** Writes `chunk` until the client goes away or `limit` bytes are out; reports how far it got. */
function stream(res: import('node:http').ServerResponse, chunk: Buffer, limit: number, sent: { bytes: number; closed: boolean }) {
  res.on('close', () => (sent.closed = true));
  const pump = () => {
    while (!sent.closed && sent.bytes < limit) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!sent.closed) res.end();
  };
  pump();
}

test("a Kuwaiti outlet's 429 with Retry-After: 1 is retried once, a second later", async (t) => {
  let calls = 0;
  const server = await startServer(
    noRobots((_req, res) => {
      calls++;
      if (calls === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>أخبار الكويت</h1>');
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const res = await fetcher.fetch({ url: `${server.origin}/` });
  assert.equal(res.status, 'ok');
  assert.equal(calls, 2);
  const [first, second] = server.log.filter((r) => r.path === '/');
  assert.ok(second!.at - first!.at >= 990, `retried after ${second!.at - first!.at} ms`);
});

test("a 429 from an Iraqi outlet holds back its other queued requests too", async (t) => {
  let calls = 0;
  const server = await startServer(
    noRobots((_req, res) => {
      if (++calls === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('بغداد');
    }),
  );
  const fetcher = testFetcher({ minHostDelayMs: 0 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  await Promise.all([fetcher.fetch({ url: `${server.origin}/a` }), fetcher.fetch({ url: `${server.origin}/b` })]);
  const [throttled, next] = server.log.filter((r) => r.path !== '/robots.txt');
  assert.ok(next!.at - throttled!.at >= 990, `next request ${next!.at - throttled!.at} ms after the 429`);
});

test("a Sudanese outlet's 503 asking for an hour's pause becomes a rate-limited error", async (t) => {
  const server = await startServer(noRobots((_req, res) => void res.writeHead(503, { 'retry-after': '3600' }).end()));
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/feed` }));
  assert.equal(err.code, 'rate-limited');
  assert.equal(err.statusCode, 503);
  assert.equal(err.retryAfterMs, 3_600_000);
  assert.equal(server.paths().filter((p) => p === '/feed').length, 1, 'no retry against a long Retry-After');
});

test('a 503 without Retry-After is retried with backoff, then reported with its status', async (t) => {
  const server = await startServer(noRobots((_req, res) => void res.writeHead(503).end()));
  const fetcher = testFetcher({ maxRetries: 2 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/feed` }));
  assert.equal(err.code, 'http-status');
  assert.equal(err.statusCode, 503);
  assert.equal(server.paths().filter((p) => p === '/feed').length, 3);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('Wed, 20 Sep 2023 10:00:00 GMT');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Wed, 20 Sep 2023 10:01:30 GMT', now), 90_000);
  assert.equal(parseRetryAfter('Wed, 20 Sep 2023 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(null, now), null);
});

test('an endless article page is cut off as too-large and the connection is dropped', async (t) => {
  const sent = { bytes: 0, closed: false };
  const server = await startServer(
    noRobots((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      stream(res, Buffer.from('<p>خبر عاجل</p>'.repeat(4000)), 200 * MiB, sent);
    }),
  );
  const fetcher = testFetcher({ maxBodyBytes: 1 * MiB });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/live` }));
  assert.equal(err.code, 'too-large');
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(sent.closed, 'the server saw the connection close');
  assert.ok(sent.bytes < 20 * MiB, `the server wrote ${sent.bytes} bytes before the drop`);
});

test('a page announcing a Content-Length over the cap is refused before its body is read', async (t) => {
  const server = await startServer(
    noRobots((_req, res) => void res.writeHead(200, { 'content-length': String(5 * MiB) }).end(Buffer.alloc(5 * MiB, 0x20))),
  );
  const fetcher = testFetcher({ maxBodyBytes: 1 * MiB });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  assert.equal((await expectFetchError(fetcher.fetch({ url: `${server.origin}/big` }))).code, 'too-large');
});

test('a gzip bomb posing as a feed stops at the cap, quickly', async (t) => {
  // Gzip members may be concatenated (RFC 1952 §2.2): each 1 KiB member inflates to 1 MiB of spaces.
  const member = zlib.gzipSync(Buffer.alloc(MiB, 0x20), { level: 9 });
  const sent = { bytes: 0, closed: false };
  const server = await startServer(
    noRobots((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      stream(res, Buffer.concat(Array.from({ length: 64 }, () => member)), 64 * MiB, sent); // ≈ 64 GiB inflated
    }),
  );
  const fetcher = testFetcher({ maxBodyBytes: 2 * MiB });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const started = Date.now();
  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/rss.xml` }));
  assert.equal(err.code, 'too-large');
  assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
  await new Promise((r) => setTimeout(r, 50));
  // Loopback socket buffers hold a few MiB, so the server gets further than we read; it must not finish.
  assert.ok(sent.closed && sent.bytes < 64 * MiB, `the server wrote ${sent.bytes} compressed bytes`);
});

test('an outlet that stalls after its headers hits the body timeout', async (t) => {
  const server = await startServer(
    noRobots((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>بداية الخبر');
    }),
  );
  const fetcher = testFetcher({ bodyTimeoutMs: 300 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const started = Date.now();
  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/slow` }));
  assert.equal(err.code, 'timeout');
  assert.ok(Date.now() - started < 1_000);
});

test('an outlet that trickles its body byte by byte hits the total body timeout', async (t) => {
  const server = await startServer(
    noRobots((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    }),
  );
  const fetcher = testFetcher({ bodyTimeoutMs: 400 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const started = Date.now();
  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/drip` }));
  assert.equal(err.code, 'timeout');
  assert.ok(Date.now() - started < 1_000);
});

test('an outlet that never answers hits the headers timeout', async (t) => {
  const server = await startServer(noRobots(() => undefined));
  const fetcher = testFetcher({ headersTimeoutMs: 300 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const started = Date.now();
  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/hang` }));
  assert.equal(err.code, 'timeout');
  // undici checks its headers and body timeouts once a second or so, hence the slack.
  assert.ok(Date.now() - started < 1_800, 'timeouts are not retried');
});

test('a connection reset is retried as a network error', async (t) => {
  let calls = 0;
  const server = await startServer(
    noRobots((req, res) => {
      if (++calls === 1) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('تم');
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const res = await fetcher.fetch({ url: `${server.origin}/x` });
  assert.equal(res.text(), 'تم');
  assert.equal(calls, 2);
});
