import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { OutletId } from '../data/types.ts';
import { startNewsroom, type DemoOutlet, type Newsroom } from './index.ts';
import { encodeCp1256 } from './cp1256.ts';
import { FIXTURE_ARTICLES, FIXTURE_NOW } from './testdata/articles.ts';

let newsroom: Newsroom;
const outlet = (id: OutletId): DemoOutlet => newsroom.outlets.find((o) => o.id === id)!;
const fixture = (slug: string) => FIXTURE_ARTICLES.find((a) => a.slug === slug)!;

before(async () => {
  newsroom = await startNewsroom({ articles: FIXTURE_ARTICLES, now: FIXTURE_NOW });
});
after(() => newsroom.close());

/** A raw GET, so the test sees exactly the bytes and headers on the wire (fetch would gunzip). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('seven outlets, each its own loopback host, with the advertised feed paths', () => {
  const byId = Object.fromEntries(newsroom.outlets.map((o) => [o.id, o]));
  assert.deepEqual(Object.keys(byId).sort(), ['khaleej', 'maghreb', 'nile', 'quds', 'rafidain', 'sham', 'wire']);
  assert.equal(new Set(newsroom.outlets.map((o) => new URL(o.homeUrl).port)).size, 7);
  const paths = Object.fromEntries(newsroom.outlets.map((o) => [o.id, new URL(o.feedUrl).pathname]));
  assert.deepEqual(paths, {
    nile: '/rss.xml', sham: '/atom.xml', khaleej: '/sitemap-news.xml', maghreb: '/feed/',
    rafidain: '/feed.json', wire: '/rss', quds: '/rdf',
  });
  for (const o of newsroom.outlets) {
    assert.equal(new URL(o.homeUrl).hostname, '127.0.0.1');
    assert.equal(o.lang, 'ar');
    assert.equal(o.kind, o.id === 'khaleej' ? 'sitemap' : 'feed');
  }
});

test('every feed answers in its own format', async () => {
  const formats: Record<OutletId, RegExp> = {
    nile: /<rss version="2\.0"[^>]*xmlns:dc=/,
    sham: /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/,
    khaleej: /<urlset [^>]*xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/,
    maghreb: /<rss version="2\.0"/,
    rafidain: /"version": "https:\/\/jsonfeed\.org\/version\/1\.1"/,
    wire: /<rss version="2\.0"/,
    quds: /<rdf:RDF [^>]*xmlns="http:\/\/purl\.org\/rss\/1\.0\/"/,
  };
  for (const o of newsroom.outlets) {
    const res = await fetch(o.feedUrl);
    assert.equal(res.status, 200, o.id);
    assert.match(await res.text(), formats[o.id], o.id);
  }
});

test('nile: RSS items carry dc:creator, category and RFC 822 dates; links carry utm noise', async () => {
  const xml = await (await fetch(outlet('nile').feedUrl)).text();
  assert.match(xml, /<dc:creator>منى عبد الحميد<\/dc:creator>/);
  assert.match(xml, /<category>اقتصاد<\/category>/);
  assert.match(xml, /<pubDate>Thu, 26 Nov 2026 19:40:00 \+0200<\/pubDate>/);
  assert.match(xml, /\/news\/cbe-holds-rates\?utm_source=rss&amp;utm_medium=feed<\/link>/);
  assert.doesNotMatch(xml, /content:encoded/);
  const page = await (await fetch(outlet('nile').homeUrl + 'news/cbe-holds-rates?utm_source=rss&utm_medium=feed')).text();
  assert.match(page, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/news\/cbe-holds-rates">/);
});

test('articles published after "now" are nowhere to be found', async () => {
  const xml = await (await fetch(outlet('nile').feedUrl)).text();
  assert.doesNotMatch(xml, /tomorrow-story/);
  assert.doesNotMatch(await (await fetch(outlet('nile').homeUrl)).text(), /tomorrow-story/);
  assert.equal((await fetch(outlet('nile').homeUrl + 'news/tomorrow-story')).status, 404);
});

test('khaleej: a news sitemap, a sitemap index pointing to it, and robots.txt naming the index', async () => {
  const home = outlet('khaleej').homeUrl;
  const news = await (await fetch(outlet('khaleej').feedUrl)).text();
  assert.match(news, /<news:publication><news:name>الخليج الآن<\/news:name><news:language>ar<\/news:language><\/news:publication>/);
  assert.match(news, /<news:publication_date>2026-11-26T22:15:00\+04:00<\/news:publication_date>/);
  assert.match(news, /<news:title>المركزي المصري يبقي الفائدة دون تغيير وسط تباطؤ التضخم<\/news:title>/);
  const index = await (await fetch(home + 'sitemap.xml')).text();
  assert.match(index, /<sitemapindex [^>]*>\s*<sitemap><loc>http:\/\/127\.0\.0\.1:\d+\/sitemap-news\.xml<\/loc>/);
  assert.match(await (await fetch(home + 'robots.txt')).text(), /^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m);
});

test('wire: /rss is a 301 to /rss/ar.xml, and fetch lands on the feed after one hop', async () => {
  const manual = await fetch(outlet('wire').feedUrl, { redirect: 'manual' });
  assert.equal(manual.status, 301);
  assert.equal(manual.headers.get('location'), '/rss/ar.xml');
  const followed = await fetch(outlet('wire').feedUrl);
  assert.equal(followed.redirected, true);
  assert.equal(new URL(followed.url).pathname, '/rss/ar.xml');
  assert.match(await followed.text(), /<title>انطلاق أعمال القمة العربية للمياه/);
});

test('rafidain: ETag and Last-Modified on feed and pages, and 304 when they match', async () => {
  const before = newsroom.stats().notModified;
  for (const url of [outlet('rafidain').feedUrl, outlet('rafidain').homeUrl + 'news/iraq-water-share']) {
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    assert.ok(etag, url);
    assert.ok(lastModified, url);
    const byTag = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.headers.get('etag'), etag);
    const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
    assert.equal(byDate.status, 304);
    const stale = await fetch(url, { headers: { 'If-None-Match': 'W/"something-else"', 'If-Modified-Since': lastModified } });
    assert.equal(stale.status, 200, 'If-None-Match decides when present');
    await stale.arrayBuffer();
  }
  // The page's Last-Modified is its update time, not its publication time.
  const page = await fetch(outlet('rafidain').homeUrl + 'news/iraq-water-share');
  assert.equal(page.headers.get('last-modified'), 'Wed, 25 Nov 2026 08:00:00 GMT');
  await page.arrayBuffer();
  assert.equal(newsroom.stats().notModified - before, 4);
});

test('rafidain: gzip when asked, identity otherwise', async () => {
  const zipped = await rawGet(outlet('rafidain').feedUrl, { 'Accept-Encoding': 'gzip, deflate' });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zipped.headers['vary'], 'Accept-Encoding');
  const feed = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.items[0].date_published, '2026-11-25T09:15:00+03:00');
  const plain = await rawGet(outlet('rafidain').feedUrl);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(JSON.parse(plain.body.toString('utf8')).title, 'الرافدين نيوز');
  const refused = await rawGet(outlet('rafidain').feedUrl, { 'Accept-Encoding': 'gzip;q=0' });
  assert.equal(refused.headers['content-encoding'], undefined);
  // Other outlets do not compress at all.
  assert.equal((await rawGet(outlet('nile').feedUrl, { 'Accept-Encoding': 'gzip' })).headers['content-encoding'], undefined);
});

test('sham: pages travel as windows-1256 bytes, declared in the header and the page', async () => {
  const article = fixture('lebanon-water-plan');
  const res = await rawGet(outlet('sham').homeUrl + 'article/lebanon-water-plan.html');
  assert.equal(res.headers['content-type'], 'text/html; charset=windows-1256');
  assert.ok(res.body.includes(Buffer.from(encodeCp1256(article.title))), 'title bytes are cp1256');
  assert.ok(!res.body.includes(Buffer.from(article.title, 'utf8')), 'no UTF-8 title');
  const html = new TextDecoder('windows-1256').decode(res.body);
  assert.match(html, /<meta charset="windows-1256">/);
  assert.ok(html.includes(`<h1>${article.title}</h1>`));
  assert.match(html, /<meta property="og:site_name" content="الشام اليوم">/);
  assert.match(html, /<meta property="article:published_time" content="2026-11-24T10:30:00\+02:00">/);
  // «الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ - ١٠:٣٠», with the digits the code page lacks as references.
  assert.ok(html.includes('الثلاثاء &#1634;&#1636; تشرين الثاني &#1634;&#1632;&#1634;&#1638; - &#1633;&#1632;:&#1635;&#1632;'));
  assert.match(html, /مواضيع ذات صلة/);
  assert.match(html, /اشترك في النشرة البريدية/);
});

test('maghreb: robots.txt keeps crawlers out of /print/, which the feed lists once', async () => {
  const home = outlet('maghreb').homeUrl;
  assert.equal(await (await fetch(home + 'robots.txt')).text(), 'User-agent: *\nDisallow: /print/\nCrawl-delay: 1\n');
  const xml = await (await fetch(outlet('maghreb').feedUrl)).text();
  const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!).filter((l) => l !== home);
  assert.equal(links.filter((l) => new URL(l).pathname.startsWith('/print/')).length, 1);
  assert.doesNotMatch(xml, /<pubDate>/);
  const before = newsroom.stats().disallowed;
  const print = await fetch(links.find((l) => l.includes('/print/'))!);
  assert.equal(print.status, 200);
  assert.match(await print.text(), /<meta name="robots" content="noindex, nofollow">/);
  assert.equal(newsroom.stats().disallowed - before, 1, 'a disallowed fetch is counted');
});

test('every other outlet allows everything in robots.txt', async () => {
  for (const o of newsroom.outlets.filter((x) => x.id !== 'maghreb')) {
    const body = await (await fetch(o.homeUrl + 'robots.txt')).text();
    assert.match(body, /^User-agent: \*\nDisallow:\n/, o.id);
  }
});

test('unknown paths get an Arabic 404 page in the outlet\'s own chrome', async () => {
  for (const o of newsroom.outlets) {
    const res = await fetch(o.homeUrl + 'no/such/page');
    assert.equal(res.status, 404, o.id);
    const html = new TextDecoder(o.id === 'sham' ? 'windows-1256' : 'utf-8').decode(await res.arrayBuffer());
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.ok(html.includes('الصفحة غير موجودة'), o.id);
    assert.ok(html.includes(o.name), o.id);
  }
});

test('home pages list the outlet\'s articles newest first', async () => {
  const html = await (await fetch(outlet('nile').homeUrl)).text();
  const order = ['cbe-holds-rates', 'ahly-wins-derby', 'water-summit-amman-opens', 'cairo-metro-line'].map((s) => html.indexOf(`/news/${s}"`));
  assert.ok(order.every((i) => i > 0));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
});

test('stats count requests per outlet', async () => {
  const before = newsroom.stats();
  await (await fetch(outlet('quds').feedUrl)).text();
  await (await fetch(outlet('quds').homeUrl)).text();
  const now = newsroom.stats();
  assert.equal(now.requests - before.requests, 2);
  assert.equal(now.byOutlet.quds! - before.byOutlet.quds!, 2);
  assert.equal(now.byOutlet.nile, before.byOutlet.nile);
});

test('close() frees every port, even with keep-alive connections open', async () => {
  const own = await startNewsroom({ articles: FIXTURE_ARTICLES, now: FIXTURE_NOW });
  for (const o of own.outlets) await (await fetch(o.feedUrl)).arrayBuffer();
  await own.close();
  for (const o of own.outlets) {
    await assert.rejects(fetch(o.homeUrl), o.id);
    const port = Number(new URL(o.homeUrl).port);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
  }
});
