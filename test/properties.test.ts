// Property-based tests (fast-check) over the four parsers that read what strangers type or serve:
// the search query parser, the Arabic date parser, the feed parser and the article extractor.
// Each takes random text and mutations of realistic Arabic input, and must answer — a result or its
// own documented error — never throw anything else, never hang. The seed is fixed so a failure
// reproduces; fast-check prints the shrunk counterexample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { findArabicDate, parseArabicDate } from '../src/arabic/dates.ts';
import { extractArticle } from '../src/extract/index.ts';
import { FeedParseError, parseFeed } from '../src/feeds/index.ts';
import { compileFts5, compileTsquery, parseQuery } from '../src/search/index.ts';

const SEED = 20261129;
const RUNS = Number(process.env.MARSAD_PROPERTY_RUNS ?? 300);

/** Characters that make Arabic news text hard: letters, harakat, tatweel, digits of three systems, bidi marks, punctuation. */
const ARABIC_UNITS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى', 'َ', 'ً', 'ُ', 'ِ', 'ّ', 'ْ', 'ـ', ...'٠١٢٣٤٥٦٧٨٩', ...'۰۱۲۳۴۵۶۷۸۹', ...'0123456789',
  '\u200f', '\u200e', '\u202b', '\u2066', '\u2069', '،', '؛', '؟', '«', '»', '"', "'", ' ', ' ', ' ', '\n', '\t', '-', ':', '/', '.', '+', '*', '(', ')', '^',
  'OR', 'NEAR', 'source:', 'tag:', 'from:', 'to:', 'ص', 'م', 'GMT', '+03:00', 'منذ', 'أمس', 'يناير', 'أيلول', 'جانفي', 'رمضان', 'هـ',
  '<', '>', '&', '&amp;', '<![CDATA[', ']]>', '<!--', '\u0000', '\ufffd', '😀',
];
const arabicText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ARABIC_UNITS), maxLength });
const anyText = (maxLength: number) => fc.oneof(arabicText(maxLength), fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }));

/** A realistic input cut, duplicated and spliced at random places: how real broken content looks. */
function mutations(seed: string) {
  return fc
    .array(fc.tuple(fc.nat({ max: seed.length }), fc.nat({ max: 40 }), arabicText(12)), { maxLength: 6 })
    .map((edits) => edits.reduce((text, [at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut), seed));
}

test('the search query parser answers every string with a query or an error message, and both compilers accept what it returns', () => {
  const seeds = ['مفاوضات "وقف إطلاق النار" -غزة OR لبنان source:"الشرق الأوسط" from:٢٠٢٦/١١/٠١ to:2026-11-29', 'tag:قره_باغ NEAR(روسيا أرمينيا) ^اذربيجان*'];
  fc.assert(
    fc.property(fc.oneof(anyText(600), ...seeds.map(mutations)), (input) => {
      const parsed = parseQuery(input);
      if (!parsed.ok) {
        assert.equal(typeof parsed.error.message, 'string');
        assert.ok(parsed.error.message.length > 0);
        return;
      }
      compileFts5(parsed.query, { timeZone: 'Asia/Riyadh' });
      compileTsquery(parsed.query, { timeZone: 'Asia/Riyadh' });
    }),
    { seed: SEED, numRuns: RUNS * 3 },
  );
});

test('every FTS5 expression compiled from a random query is valid FTS5 syntax', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(stems, surface)`);
  db.prepare('INSERT INTO t (stems, surface) VALUES (?, ?)').run('مفاوض روس', 'المفاوضات الروسية');
  const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
  try {
    fc.assert(
      fc.property(anyText(200), (input) => {
        const parsed = parseQuery(input);
        if (!parsed.ok) return;
        const { match, exclude } = compileFts5(parsed.query, { timeZone: 'Asia/Riyadh' });
        for (const expression of [match, exclude]) if (expression) search.all(expression);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  } finally {
    db.close();
  }
});

test('the Arabic date parser returns null or a real instant for any byline, never an exception', () => {
  const seeds = ['نشر في: الأربعاء ٢٠ سبتمبر ٢٠٢٣ - ٠٣:١٥ م بتوقيت مكة', 'الخميس 27 ربيع الأول 1445 هـ - 12 أكتوبر 2023 | منذ ساعتين', '12 جانفي 2024 GMT+1 10:30'];
  const now = new Date('2026-11-29T09:00:00Z');
  fc.assert(
    fc.property(fc.oneof(anyText(300), ...seeds.map(mutations)), fc.integer({ min: -720, max: 840 }), (text, offset) => {
      for (const parsed of [parseArabicDate(text, { now, defaultOffsetMinutes: offset }), findArabicDate(text, { now, defaultOffsetMinutes: offset })]) {
        if (parsed === null) continue;
        assert.ok(!Number.isNaN(Date.parse(parsed.iso)), parsed.iso);
        const year = new Date(parsed.iso).getUTCFullYear();
        assert.ok(year >= 1899 && year <= 2101, parsed.iso);
      }
    }),
    { seed: SEED, numRuns: RUNS * 2 },
  );
});

test('the feed parser returns a feed or throws FeedParseError for any bytes, never another error', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>هسبريس</title><link>https://www.hespress.com/</link>
<item><title>زلزال بقوة 5,2 درجات يضرب إقليم أزيلال</title><link>https://www.hespress.com/1.html</link><pubDate>Wed, 20 Sep 2023 09:15:00 GMT</pubDate>
<description><![CDATA[<p>ضرب زلزال <b>إقليم أزيلال</b></p>]]></description></item></channel></rss>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title type="html">الشروق &amp; الأخبار</title>
<entry><title>الحكومة تعلن ميزانية ٢٠٢٤</title><link href="/a/2"/><id>tag:shorouk,2024:2</id><updated>2024-01-02T10:00:00+01:00</updated></entry></feed>`;
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'الرافدين', items: [{ id: '1', url: 'https://example.iq/1', title: 'بغداد', content_html: '<p>نص</p>' }] });
  const sitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://example.jo/n/1</loc><news:news><news:title>عمان</news:title><news:publication_date>2024-01-01</news:publication_date></news:news></url></urlset>`;
  fc.assert(
    fc.property(fc.oneof(anyText(2000), mutations(rss), mutations(atom), mutations(json), mutations(sitemap)), (text) => {
      try {
        const feed = parseFeed(text, { url: 'https://example.com/feed' });
        assert.ok(Array.isArray(feed.items));
      } catch (err) {
        assert.ok(err instanceof FeedParseError, `unexpected ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('the extractor returns an article (perhaps empty) for any HTML, never an exception', () => {
  const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>وزير الخارجية الأردني يلتقي نظيره المصري | الغد</title>
<meta property="og:title" content="وزير الخارجية الأردني يلتقي نظيره المصري"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-20T12:15:00+03:00","author":{"name":"محمد"}}</script></head>
<body><nav>الرئيسية | محليات</nav><article><h1>وزير الخارجية الأردني يلتقي نظيره المصري</h1><time datetime="2023-09-20">٢٠ سبتمبر ٢٠٢٣</time>
<p>عمّان - التقى وزير الخارجية الأردني اليوم الأربعاء نظيره المصري في القاهرة وبحثا تطورات الأوضاع في المنطقة.</p><p>وأكد الجانبان ضرورة وقف إطلاق النار.</p>
<div class="related">اقرأ أيضاً: <a href="/x">خبر آخر</a></div></article><footer>جميع الحقوق محفوظة</footer></body></html>`;
  fc.assert(
    fc.property(fc.oneof(anyText(3000), mutations(page)), (html) => {
      const article = extractArticle(html, { url: 'https://alghad.com/x', fetchedAt: new Date('2026-11-29T09:00:00Z') });
      assert.ok(article.title === null || typeof article.title === 'string');
      assert.ok(Array.isArray(article.paragraphs));
      assert.equal(typeof article.body, 'string');
      assert.doesNotMatch(article.body, /<script|javascript:|\son[a-z]+=/i);
    }),
    { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
  );
});
