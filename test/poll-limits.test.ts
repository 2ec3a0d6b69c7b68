// Hostile servers through a whole crawl round, not only the fetcher: compression bombs, a 50 MB
// sitemap, a feed of 20,000 items, a trickling server, a redirect loop, markup nested 100,000 deep and
// a billion-laughs feed. Each source ends with its outcome recorded on its row, the round goes on to
// the next source, an honest outlet polled last is stored in full, and the crawling process's memory
// stays bounded (measured in a child process, which runs test/poll-limits-crawl.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createBrotliCompress, gzipSync } from 'node:zlib';
import { testFetcher } from '../src/fetch/test-server.ts';
import { silentLogger } from '../src/log/index.ts';
import { pollSource, type PollResult } from '../src/pipeline/poll-source.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

/** Generous: the fetcher's caps hold a body to 10 MB and the parsers to a few times that. */
const MAX_RSS_GROWTH = 300 * 1024 * 1024;

const ARTICLE = (title: string) => `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2026-11-24T09:00:00+02:00"></head><body><article><h1>${title}</h1>
${'<p>قالت وزارة الري المصرية إن منسوب مياه النيل عند أسوان ارتفع خلال الأسبوع الماضي بعد الأمطار في الهضبة الإثيوبية.</p>'.repeat(4)}</article></body></html>`;

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار النيل</title><link>http://nile.example/</link>${items}</channel></rss>`;
const item = (title: string, link: string, extra = '') => `<item><title>${title}</title><link>${link}</link><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate>${extra}</item>`;

/** Brotli of `head` then `times` copies of `chunk`, compressed as a stream (never all in memory). */
async function brotliOf(head: Buffer, chunk: Buffer, times: number): Promise<Buffer> {
  const encoder = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  const parts: Buffer[] = [];
  encoder.on('data', (d: Buffer) => parts.push(d));
  const ended = new Promise((resolve) => encoder.on('end', resolve));
  encoder.write(head);
  for (let i = 0; i < times; i++) if (!encoder.write(chunk)) await new Promise((resolve) => encoder.once('drain', resolve));
  encoder.end();
  await ended;
  return Buffer.concat(parts);
}

/** Writes `chunk` until `total` bytes are sent or the client goes away, minding backpressure. */
function stream(res: ServerResponse, chunk: Buffer, total: number): void {
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (sent = total));
  pump();
}

async function hostileServer() {
  let origin = '';
  // Each inflates to 1 GiB, far past MAX_RSS_GROWTH, so a decoder without a cap would fail the memory check.
  const spaces = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const member = gzipSync(spaces, { level: 9 }); // gzip allows members back to back: 16 × 64 MiB
  const gzipBomb = Buffer.concat([gzipSync(rss('')), ...Array.from({ length: 16 }, () => member)]);
  const brotliBomb = await brotliOf(Buffer.from(rss('')), spaces, 16);
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  const nested = 100_000;
  const trickles = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
    switch (path) {
      case '/robots.txt':
        return void res.writeHead(404).end();
      case '/gzip-bomb.xml':
        return void res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(gzipBomb);
      case '/brotli-bomb.xml':
        return void res.writeHead(200, { ...xml, 'content-encoding': 'br' }).end(brotliBomb);
      case '/sitemap-50mb.xml': {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.write('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
        return stream(res, Buffer.from(`<url><loc>${origin}/news/2026/11/24/nile-level-rises-aswan-dam</loc><lastmod>2026-11-24</lastmod></url>\n`.repeat(100)), 50 * 1024 * 1024);
      }
      case '/feed-20000.xml':
        return void res.writeHead(200, xml).end(rss(Array.from({ length: 20_000 }, (_, i) => item(`خبر رقم ${i + 1} عن منسوب النيل`, `${origin}/gone/${i + 1}`)).join('')));
      case '/trickle.xml': {
        res.writeHead(200, xml);
        const body = Buffer.from(rss(item('خبر بطيء', `${origin}/good/1`)));
        let i = 0;
        const timer = setInterval(() => (i < body.length && !res.destroyed ? res.write(body.subarray(i, ++i)) : (clearInterval(timer), res.end())), 1000);
        trickles.add(timer);
        return;
      }
      case '/loop-a':
        return void res.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return void res.writeHead(302, { location: '/loop-a' }).end();
      case '/nested-feed.xml':
        return void res.writeHead(200, xml).end(rss(item('خبر داخل متاهة', `${origin}/good/2`, `<description>${'<div>'.repeat(nested)}نص${'</div>'.repeat(nested)}</description>`)));
      case '/nested-page-feed.xml':
        return void res.writeHead(200, xml).end(rss(item('صفحة متداخلة', `${origin}/deep-page`)));
      case '/deep-page':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<!doctype html><html lang="ar"><head><title>صفحة متداخلة بعمق</title></head><body>${'<div>'.repeat(nested)}<p>ارتفع منسوب النيل.</p>${'</div>'.repeat(nested)}</body></html>`);
      case '/laughs.xml':
        return void res.writeHead(200, xml).end(`<?xml version="1.0"?>\n<!DOCTYPE rss [\n${laughs}\n]>\n${rss(item('&lol9;', `${origin}/good/3`))}`);
      case '/good.xml':
        return void res.writeHead(200, xml).end(rss([1, 2, 3].map((n) => item(`منسوب النيل ${n}`, `${origin}/good/${n}`)).join('')));
    }
    const good = /^\/good\/(\d)$/.exec(path);
    if (good) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE(`ارتفاع منسوب النيل عند أسوان ${good[1]}`));
    res.writeHead(404).end('غير موجود');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => {
      for (const t of trickles) clearInterval(t);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Each hostile source, and what its row must say after the round. */
const SOURCES: Array<{ path: string; name: string; status: string | RegExp; error: RegExp | null }> = [
  { path: '/gzip-bomb.xml', name: 'قنبلة gzip', status: 'too-large', error: /past the limit|over the limit|limit is/ },
  { path: '/brotli-bomb.xml', name: 'قنبلة brotli', status: 'too-large', error: /past the limit|over the limit|limit is/ },
  { path: '/sitemap-50mb.xml', name: 'خريطة موقع ضخمة', status: 'too-large', error: /past the limit|over the limit|limit is/ },
  { path: '/feed-20000.xml', name: 'خلاصة من عشرين ألف خبر', status: 'ok', error: /20000 items; only the first 5000/ },
  { path: '/trickle.xml', name: 'خادم بطيء', status: 'timeout', error: /took more than 3000 ms/ },
  { path: '/loop-a', name: 'تحويل دائري', status: 'redirect-loop', error: /redirects back/ },
  { path: '/nested-feed.xml', name: 'خلاصة متداخلة', status: 'ok', error: /nested deeper than 200/ },
  { path: '/nested-page-feed.xml', name: 'صفحة متداخلة', status: 'ok', error: null },
  { path: '/laughs.xml', name: 'ضحكات المليار', status: 'ok', error: null },
];

test('hostile servers through a whole crawl round: each source records its outcome, the round goes on, memory stays bounded', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-limits-'));
  const server = await hostileServer();
  t.after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = join(dir, 'marsad.db');
  const store = SqliteStore.open(db);
  for (const s of SOURCES) await store.addSource({ name: s.name, url: `${server.origin}${s.path}`, country: 'EG' });
  const { source: honest } = await store.addSource({ name: 'أخبار النيل', url: `${server.origin}/good.xml`, country: 'EG' });
  await store.close();

  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./poll-limits-crawl.ts', import.meta.url).pathname, db]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { results: PollResult[]; rssBefore: number; maxRss: number };
  const growth = report.maxRss - report.rssBefore;
  t.diagnostic(`resident memory: ${Math.round(report.rssBefore / 2 ** 20)} MB before the round, peak ${Math.round(report.maxRss / 2 ** 20)} MB`);
  assert.ok(growth < MAX_RSS_GROWTH, `the round grew the process by ${Math.round(growth / 2 ** 20)} MB`);
  assert.equal(report.results.length, SOURCES.length + 1, 'every source was polled, the honest one after all the hostile ones');

  const after = SqliteStore.open(db);
  try {
    for (const [i, s] of SOURCES.entries()) {
      const row = (await after.getSource(i + 1))!;
      t.diagnostic(`${row.name}: ${row.last_status}, ${row.consecutive_failures} failure(s), ${row.last_error ?? 'no error'}`);
      assert.equal(row.name, s.name);
      assert.equal(row.last_status, s.status, `${s.name}: ${row.last_error}`);
      assert.ok(row.last_polled_at, `${s.name} was polled`);
      if (s.error) assert.match(row.last_error ?? '', s.error, s.name);
      else assert.equal(row.last_error, null, s.name);
      assert.equal(row.consecutive_failures, s.status === 'ok' ? 0 : 1, s.name);
    }
    const good = (await after.getSource(honest.id))!;
    assert.equal(good.last_status, 'ok');
    assert.equal(good.consecutive_failures, 0);
    const titles = (await after.latestArticles({ limit: 50 })).map((a) => a.title).sort();
    for (const n of [1, 2, 3]) assert.ok(titles.includes(`ارتفاع منسوب النيل عند أسوان ${n}`), `honest article ${n}: ${titles.join(' | ')}`);
    // The 20,000-item feed was read in part: a poll fetches at most 100 of its pages, and no item more.
    const big = report.results.find((r) => r.source_id === 4)!;
    assert.equal(big.items, 5000);
    assert.equal(big.page_failures, 100);
    // The billion laughs were never expanded anywhere: no stored title holds more than a few "lol".
    assert.ok(titles.every((title) => !/(lol){4}/.test(title)), titles.join(' | '));
    // The page nested 100,000 deep is refused before parsing, which would hold the worker for minutes.
    const deep = await after.getLink(`${server.origin}/deep-page`);
    assert.equal(deep?.status, 'too-deep');
    assert.equal(report.results.find((r) => r.source_id === 8)?.page_failures, 1);
    assert.ok(!titles.includes('صفحة متداخلة بعمق'));
  } finally {
    await after.close();
  }
});

test('a sitemap index with eight children is read to its first five, and a child of 50,010 URLs to its first 50,000', async (t) => {
  const requested: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const child = /^\/sitemap-(\d)\.xml$/.exec(req.url ?? '');
    if (req.url === '/sitemap-index.xml') {
      const children = Array.from({ length: 8 }, (_, i) => `<sitemap><loc>${origin}/sitemap-${i + 1}.xml</loc></sitemap>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' })
        .end(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children}</sitemapindex>`);
    }
    if (child) {
      const n = Number(child[1]);
      const count = n === 1 ? 50_010 : 2;
      const urls = Array.from({ length: count }, (_, i) => `<url><loc>${origin}/s${n}/${i}</loc></url>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' })
        .end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = SqliteStore.open(':memory:');
  const fetcher = testFetcher({ respectRobots: false, maxRetries: 0 });
  t.after(async () => {
    await fetcher.close();
    await store.close();
    await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  });

  const { source } = await store.addSource({ name: 'خريطة موقع الأهرام', url: `${origin}/sitemap-index.xml`, kind: 'sitemap', country: 'EG' });
  const result = await pollSource(source, { store, fetcher, log: silentLogger });
  assert.equal(result.status, 'ok');
  assert.equal(result.items, 50_000 + 4 * 2, 'the first child is cut at 50,000 URLs; children 2 to 5 give two each');
  assert.deepEqual(requested.filter((p) => p.startsWith('/sitemap-')).sort(), ['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml', '/sitemap-4.xml', '/sitemap-5.xml', '/sitemap-index.xml']);
  assert.equal(result.page_failures, 100, 'one poll fetches at most 100 pages, however many the sitemaps list');
  const row = (await store.getSource(source.id))!;
  assert.equal(row.consecutive_failures, 0);
  assert.match(row.last_error ?? '', /lists 8 sitemaps; only the first 5 were kept/);
});
