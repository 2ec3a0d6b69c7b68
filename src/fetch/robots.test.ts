import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from './errors.ts';
import { RobotsCache } from './robots.ts';
import { expectFetchError, startServer, testFetcher } from './test-server.ts';

const PAGE = '<html lang="ar"><body><h1>أمير قطر يستقبل وزير الخارجية</h1></body></html>';

test("a Qatari outlet's robots.txt Disallow keeps its archive unrequested", async (t) => {
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') {
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /archive/\n');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const [refused, allowed] = await Promise.allSettled([
    fetcher.fetch({ url: `${server.origin}/archive/2019/05/01/qatar.html` }),
    fetcher.fetch({ url: `${server.origin}/news/qatar.html` }),
  ]);
  assert.equal(refused.status, 'rejected');
  assert.equal((refused as PromiseRejectedResult).reason.code, 'robots-disallowed');
  assert.equal(allowed.status, 'fulfilled');
  assert.deepEqual(server.paths(), ['/robots.txt', '/news/qatar.html'], 'robots.txt once, the archive never');
});

test("Crawl-delay for Marsad spaces two requests to one Bahraini outlet", async (t) => {
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') {
      return void res.writeHead(200).end('User-agent: *\nDisallow:\n\nUser-agent: Marsad\nCrawl-delay: 0.4\n');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  const fetcher = testFetcher({ minHostDelayMs: 0 });
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  await Promise.all([fetcher.fetch({ url: `${server.origin}/a` }), fetcher.fetch({ url: `${server.origin}/b` })]);
  const [first, second] = server.log.filter((r) => r.path !== '/robots.txt');
  assert.ok(second!.at - first!.at >= 395, `second request ${second!.at - first!.at} ms after the first`);
});

test('a robots.txt that fails with 500 keeps an outlet uncrawled for now, as RFC 9309 asks', async (t) => {
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(500).end();
    res.writeHead(200).end(PAGE);
  });
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/news` }));
  assert.equal(err.code, 'robots-disallowed');
  assert.ok((err.retryAfterMs ?? 0) > 0, 'the error says when to try again');
  assert.deepEqual(server.paths(), ['/robots.txt']);
});

test('a robots.txt redirected to another host is followed, and its rules apply to the first', async (t) => {
  const rules = await startServer((_req, res) => void res.writeHead(200).end('User-agent: *\nDisallow: /private\n'));
  const outlet = await startServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(301, { location: `${rules.origin}/shared-robots.txt` }).end();
    res.writeHead(200).end(PAGE);
  });
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), rules.close(), outlet.close()]));

  assert.equal((await expectFetchError(fetcher.fetch({ url: `${outlet.origin}/private/x` }))).code, 'robots-disallowed');
  assert.equal((await fetcher.fetch({ url: `${outlet.origin}/public` })).status, 'ok');
});

test('an earlier robots.txt stays in force while the server is failing', async () => {
  let answer: { statusCode: number; body: string } | Error = { statusCode: 200, body: 'User-agent: *\nDisallow: /tmp\n' };
  const cache = new RobotsCache({
    userAgent: 'Marsad/0.1',
    ttlMs: 0, // every check asks again
    load: async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  const url = (p: string) => new URL(`https://alrai.example${p}`);
  assert.equal((await cache.check(url('/tmp/a'))).allowed, false);
  answer = new FetchError('network', 'https://alrai.example/robots.txt', 'connection reset');
  assert.deepEqual(await cache.check(url('/news')), { allowed: true, crawlDelayMs: null });
  assert.equal((await cache.check(url('/tmp/a'))).allowed, false);
});

test('a 404 robots.txt allows everything', async () => {
  const cache = new RobotsCache({ userAgent: 'Marsad/0.1', load: async () => ({ statusCode: 404, body: 'not found' }) });
  assert.equal((await cache.check(new URL('https://hespress.example/anything'))).allowed, true);
});

test('a host that cannot be reached at all fails as unreachable, not as forbidden by robots.txt', async () => {
  let calls = 0;
  const cache = new RobotsCache({
    userAgent: 'Marsad/0.1',
    load: async () => {
      calls++;
      throw new FetchError('network', 'https://www.elkhabar.example/robots.txt', 'getaddrinfo ENOTFOUND www.elkhabar.example');
    },
  });
  await assert.rejects(cache.check(new URL('https://www.elkhabar.example/feed')), (err: FetchError) => err.code === 'network');
  await assert.rejects(cache.check(new URL('https://www.elkhabar.example/feed')), (err: FetchError) => err.code === 'network');
  assert.equal(calls, 2, 'nothing cached: the next poll asks again');
});
