import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { expectFetchError, noRobots, startServer, testFetcher } from './test-server.ts';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>بوابة النيل</title>
<item><title>الحكومة المصرية تعلن خطة جديدة لدعم الصادرات</title><link>https://example.eg/news/1</link></item>
</channel></rss>`;

/** windows-1256 has no TextEncoder, so we invert its decoder. */
function encode1256(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...decoded].forEach((ch, i) => table.set(ch, i));
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

test("an Egyptian outlet's feed answers 304 on re-poll", async (t) => {
  const server = await startServer(
    noRobots((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(FEED);
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const first = await fetcher.fetch({ url: `${server.origin}/rss.xml` });
  assert.equal(first.status, 'ok');
  assert.equal(first.etag, '"v1"');
  assert.match(first.text(), /الحكومة المصرية تعلن خطة جديدة/);

  const again = await fetcher.fetch({ url: `${server.origin}/rss.xml`, etag: first.etag });
  assert.equal(again.status, 'not-modified');
  assert.equal(again.statusCode, 304);
  assert.equal(again.bytes.length, 0);
  assert.equal(again.etag, '"v1"');
  assert.equal(server.log.at(-1)?.headers['if-none-match'], '"v1"');
});

test("a Gulf outlet's sitemap is revalidated with If-Modified-Since", async (t) => {
  const stamp = 'Wed, 20 Sep 2023 10:00:00 GMT';
  const server = await startServer(
    noRobots((req, res) => {
      // This server's 304 omits the validator; the one we sent must survive.
      if (req.headers['if-modified-since'] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/xml', 'last-modified': stamp }).end('<urlset/>');
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const first = await fetcher.fetch({ url: `${server.origin}/sitemap-news.xml` });
  assert.equal(first.lastModified, stamp);
  const again = await fetcher.fetch({ url: `${server.origin}/sitemap-news.xml`, lastModified: first.lastModified });
  assert.equal(again.status, 'not-modified');
  assert.equal(again.lastModified, stamp);
});

test("a Lebanese outlet's moved feed is followed through 301 and 302", async (t) => {
  const server = await startServer(
    noRobots((req, res) => {
      if (req.url === '/rss') return void res.writeHead(301, { location: '/feeds/latest' }).end();
      if (req.url === '/feeds/latest') return void res.writeHead(302, { location: `${origin}/feeds/latest.xml` }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    }),
  );
  const origin = server.origin;
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const res = await fetcher.fetch({ url: `${origin}/rss` });
  assert.equal(res.status, 'ok');
  assert.equal(res.url, `${origin}/feeds/latest.xml`);
  assert.deepEqual(res.redirects, [`${origin}/rss`, `${origin}/feeds/latest`]);
  assert.match(res.text(), /بوابة النيل/);
});

test("a Moroccan outlet's redirect loop is reported, not followed forever", async (t) => {
  const server = await startServer(
    noRobots((req, res) => {
      res.writeHead(302, { location: req.url === '/ar' ? '/ar/' : '/ar' }).end();
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/ar` }));
  assert.equal(err.code, 'redirect-loop');
});

test('a Tunisian outlet that redirects six times in a row is given up after five', async (t) => {
  const server = await startServer(
    noRobots((req, res) => {
      const n = Number(req.url?.slice(2));
      res.writeHead(301, { location: `/r${n + 1}` }).end();
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/r0` }));
  assert.equal(err.code, 'too-many-redirects');
  assert.deepEqual(
    server.paths().filter((p) => p !== '/robots.txt'),
    ['/r0', '/r1', '/r2', '/r3', '/r4', '/r5'],
  );
});

test("a removed article at a Jordanian outlet is an http-status 404", async (t) => {
  const server = await startServer(noRobots((_req, res) => void res.writeHead(404).end('غير موجود')));
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const err = await expectFetchError(fetcher.fetch({ url: `${server.origin}/news/2023/09/20/123` }));
  assert.equal(err.code, 'http-status');
  assert.equal(err.statusCode, 404);
});

test('an ftp link in an imported outlet list is refused as a bad URL, and so is a redirect to one', async (t) => {
  const server = await startServer(noRobots((_req, res) => void res.writeHead(302, { location: 'ftp://files.example/feed' }).end()));
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  assert.equal((await expectFetchError(fetcher.fetch({ url: 'ftp://files.example/akhbar.xml' }))).code, 'bad-url');
  assert.equal((await expectFetchError(fetcher.fetch({ url: 'not a url' }))).code, 'bad-url');
  assert.equal((await expectFetchError(fetcher.fetch({ url: `${server.origin}/feed` }))).code, 'bad-url');
});

test("a Saudi outlet's windows-1256 page is decoded to Arabic by text()", async (t) => {
  const page = '<html><body><h1>وزارة الخارجية السعودية ترحب بالاتفاق</h1></body></html>';
  const server = await startServer(
    noRobots((_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' }).end(encode1256(page))),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  const res = await fetcher.fetch({ url: `${server.origin}/article/1` });
  assert.equal(res.contentType, 'text/html; charset=windows-1256');
  assert.equal(res.text(), page);
});

test("an Emirati outlet's gzip, brotli and deflate bodies are decompressed", async (t) => {
  const body = Buffer.from(FEED.repeat(20));
  const encoded: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', zlib.gzipSync(body)],
    '/br': ['br', zlib.brotliCompressSync(body)],
    '/deflate': ['deflate', zlib.deflateSync(body)],
    '/raw-deflate': ['deflate', zlib.deflateRawSync(body)],
  };
  const server = await startServer(
    noRobots((req, res) => {
      const [coding, bytes] = encoded[req.url ?? '']!;
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': coding }).end(bytes);
    }),
  );
  const fetcher = testFetcher();
  t.after(() => Promise.all([fetcher.close(), server.close()]));

  for (const path of Object.keys(encoded)) {
    const res = await fetcher.fetch({ url: `${server.origin}${path}` });
    assert.equal(res.text(), body.toString(), path);
  }
  assert.equal(server.log.at(-1)?.headers['accept-encoding'], 'gzip, deflate, br');
});
