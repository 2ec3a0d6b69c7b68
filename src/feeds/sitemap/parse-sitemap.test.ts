import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { parseFeed } from '../index.ts';

const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.alarabiya.net/arab-and-world/2023/09/20/libya-derna-floods</loc>
    <lastmod>2023-09-20T11:02:00+03:00</lastmod>
    <news:news>
      <news:publication><news:name>العربية</news:name><news:language>ar</news:language></news:publication>
      <news:publication_date>2023-09-20T10:45:00+03:00</news:publication_date>
      <news:title>ليبيا: ارتفاع عدد ضحايا فيضانات درنة إلى أكثر من 11 ألفاً</news:title>
      <news:keywords>ليبيا، درنة, إعصار دانيال</news:keywords>
    </news:news>
    <image:image><image:loc>https://vid.alarabiya.net/images/2023/09/20/derna.jpg</image:loc></image:image>
  </url>
  <url>
    <loc>https://www.alarabiya.net/sport/2023/09/20/saudi-league</loc>
    <news:news>
      <news:publication><news:name>العربية</news:name><news:language>ar</news:language></news:publication>
      <news:publication_date>2023-09-20</news:publication_date>
      <news:title>الهلال يتصدر دوري روشن السعودي</news:title>
    </news:news>
  </url>
  <url><lastmod>2023-09-20</lastmod></url>
</urlset>`;

test('a Google news sitemap of an Arabic outlet reads as a feed: title, date, language, keywords, image', () => {
  const feed = parseFeed(NEWS_SITEMAP);
  assert.equal(feed.format, 'sitemap');
  assert.equal(feed.title, 'العربية');
  assert.equal(feed.language, 'ar');
  const [derna, hilal] = feed.items;
  assert.equal(derna?.link, 'https://www.alarabiya.net/arab-and-world/2023/09/20/libya-derna-floods');
  assert.equal(derna?.id, derna?.link);
  assert.equal(derna?.title, 'ليبيا: ارتفاع عدد ضحايا فيضانات درنة إلى أكثر من 11 ألفاً');
  assert.equal(derna?.published, '2023-09-20T07:45:00.000Z');
  assert.equal(derna?.updated, '2023-09-20T08:02:00.000Z');
  assert.equal(derna?.language, 'ar');
  assert.deepEqual(derna?.categories, ['ليبيا', 'درنة', 'إعصار دانيال']);
  assert.equal(derna?.image, 'https://vid.alarabiya.net/images/2023/09/20/derna.jpg');
  assert.equal(hilal?.published, '2023-09-20T00:00:00.000Z');
});

test('a sitemap URL without <loc> is skipped with a warning', () => {
  const feed = parseFeed(NEWS_SITEMAP);
  assert.equal(feed.items.length, 2);
  assert.ok(feed.warnings.some((w) => /item 3 skipped: it has no <loc>/.test(w)));
});

test('a sitemap index lists the daily sitemaps to fetch, relative ones resolved', () => {
  const feed = parseFeed(
    `<?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://www.youm7.com/sitemaps/news-2023-09-20.xml</loc><lastmod>2023-09-20T12:00:00+03:00</lastmod></sitemap>
      <sitemap><loc>/sitemaps/news-2023-09-19.xml</loc><lastmod>2023-09-19T23:59:00+03:00</lastmod></sitemap>
    </sitemapindex>`,
    { url: 'https://www.youm7.com/sitemap.xml' },
  );
  assert.equal(feed.format, 'sitemap-index');
  assert.deepEqual(feed.sitemaps, [
    'https://www.youm7.com/sitemaps/news-2023-09-20.xml',
    'https://www.youm7.com/sitemaps/news-2023-09-19.xml',
  ]);
  assert.equal(feed.updated, '2023-09-20T09:00:00.000Z');
  assert.deepEqual(feed.items, []);
});

test('a gzipped sitemap served without Content-Encoding is decompressed', () => {
  const feed = parseFeed(gzipSync(Buffer.from(NEWS_SITEMAP)), { contentType: 'application/x-gzip' });
  assert.equal(feed.items.length, 2);
});

test('a plain-text sitemap is one URL per line', () => {
  const feed = parseFeed('https://www.hespress.com/a.html\nhttps://www.hespress.com/ب.html\n');
  assert.equal(feed.format, 'sitemap');
  assert.deepEqual(feed.items.map((i) => i.link), ['https://www.hespress.com/a.html', 'https://www.hespress.com/ب.html']);
});
