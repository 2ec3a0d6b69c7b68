import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../index.ts';

const HESPRESS_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>هسبريس - أخبار المغرب</title>
  <link>https://www.hespress.com/</link>
  <atom:link href="https://www.hespress.com/feed" rel="self" type="application/rss+xml"/>
  <description>جريدة إلكترونية مغربية</description>
  <language>ar</language>
  <lastBuildDate>Wed, 20 Sep 2023 14:05:00 +0100</lastBuildDate>
  <item>
    <title>البرلمان يصادق على مشروع قانون المالية لسنة 2024</title>
    <link>https://www.hespress.com/politique/1234567.html</link>
    <guid isPermaLink="false">hespress-1234567</guid>
    <dc:creator><![CDATA[محمد الراجي]]></dc:creator>
    <pubDate>Wed, 20 Sep 2023 13:45:12 +0100</pubDate>
    <category><![CDATA[سياسة]]></category>
    <category>اقتصاد</category>
    <description><![CDATA[<p>صادق مجلس النواب، مساء الأربعاء، على <a href="/tag/budget">مشروع قانون المالية</a>.</p>]]></description>
    <content:encoded><![CDATA[<p>صادق مجلس النواب بالأغلبية على مشروع قانون المالية.</p><img src="/uploads/2023/09/parlement.jpg">]]></content:encoded>
    <media:content url="https://cdn.hespress.com/uploads/2023/09/parlement.jpg" medium="image"/>
  </item>
  <item>
    <title>المنتخب المغربي يواجه ليبيريا في تصفيات كأس إفريقيا&nbsp;2025</title>
    <link>  /sport/7654321.html  </link>
    <author>sport@hespress.com (قسم الرياضة)</author>
    <pubDate>Wed, 20 Sep 2023 12:00:00 GMT</pubDate>
    <description>مواجهة حاسمة &amp;laquo;للأسود&amp;raquo; على أرضية ملعب أكادير</description>
  </item>
</channel>
</rss>`;

test('an Arabic RSS 2.0 feed gives titles, bylines from dc:creator, dates in UTC and Arabic categories', () => {
  const feed = parseFeed(HESPRESS_RSS, { url: 'https://www.hespress.com/feed' });
  assert.equal(feed.format, 'rss');
  assert.equal(feed.version, '2.0');
  assert.equal(feed.title, 'هسبريس - أخبار المغرب');
  assert.equal(feed.link, 'https://www.hespress.com/');
  assert.equal(feed.language, 'ar');
  assert.equal(feed.updated, '2023-09-20T13:05:00.000Z');
  assert.deepEqual(feed.warnings, []);
  const budget = feed.items[0];
  assert.equal(budget?.title, 'البرلمان يصادق على مشروع قانون المالية لسنة 2024');
  assert.equal(budget?.id, 'hespress-1234567');
  assert.deepEqual(budget?.authors, ['محمد الراجي']);
  assert.equal(budget?.published, '2023-09-20T12:45:12.000Z');
  assert.deepEqual(budget?.categories, ['سياسة', 'اقتصاد']);
  assert.equal(budget?.image, 'https://cdn.hespress.com/uploads/2023/09/parlement.jpg');
  // Relative links inside the HTML are made absolute: the sanitizer later won't know the feed's URL.
  assert.match(budget?.summary ?? '', /href="https:\/\/www\.hespress\.com\/tag\/budget"/);
  assert.match(budget?.content ?? '', /src="https:\/\/www\.hespress\.com\/uploads\/2023\/09\/parlement\.jpg"/);
});

test('a sports item with &nbsp; in its title, a relative link and an RSS-style author', () => {
  const football = parseFeed(HESPRESS_RSS, { url: 'https://www.hespress.com/feed' }).items[1];
  assert.equal(football?.title, 'المنتخب المغربي يواجه ليبيريا في تصفيات كأس إفريقيا 2025');
  assert.equal(football?.link, 'https://www.hespress.com/sport/7654321.html');
  assert.equal(football?.id, football?.link, 'without a guid the link is the id');
  assert.deepEqual(football?.authors, ['قسم الرياضة (sport@hespress.com)']);
  // Double-escaped entities stay HTML in the summary: the sanitizer renders « ».
  assert.equal(football?.summary, 'مواجهة حاسمة &laquo;للأسود&raquo; على أرضية ملعب أكادير');
});

const RDF = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.alquds.co.uk/">
    <title>القدس العربي</title>
    <link>https://www.alquds.co.uk/</link>
    <description>صحيفة عربية يومية مستقلة</description>
    <dc:language>ar</dc:language>
  </channel>
  <item rdf:about="https://www.alquds.co.uk/?p=3211">
    <title>الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في السودان</title>
    <link>https://www.alquds.co.uk/?p=3211</link>
    <dc:date>2023-09-20T09:30:00+03:00</dc:date>
    <dc:creator>لندن ـ «القدس العربي»</dc:creator>
    <dc:subject>السودان</dc:subject>
  </item>
</rdf:RDF>`;

test('RSS 1.0 (RDF) from an Arabic daily reads dc:date, dc:creator and dc:subject', () => {
  const feed = parseFeed(RDF);
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.version, '1.0');
  assert.equal(feed.title, 'القدس العربي');
  assert.equal(feed.language, 'ar');
  const item = feed.items[0];
  assert.equal(item?.title, 'الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في السودان');
  assert.equal(item?.published, '2023-09-20T06:30:00.000Z');
  assert.deepEqual(item?.authors, ['لندن ـ «القدس العربي»']);
  assert.deepEqual(item?.categories, ['السودان']);
});

const WITH_BROKEN_ITEM = `<rss version="2.0"><channel><title>اليوم السابع</title>
<item><title>محافظ القاهرة يتفقد أعمال تطوير ميدان التحرير</title><link>https://www.youm7.com/story/1</link></item>
<item><title>عاجل: انقطاع الكهرباء عن عدة مناطق<link>https://www.youm7.com/story/2</link></item>
<item><title>الأهلي يتأهل إلى نهائي دوري أبطال إفريقيا</title><link>https://www.youm7.com/story/3</link></item>
</channel></rss>`;

test('an item whose title never closes is skipped with a warning and the good news around it is kept', () => {
  const feed = parseFeed(WITH_BROKEN_ITEM);
  assert.deepEqual(feed.items.map((i) => i.link), ['https://www.youm7.com/story/1', 'https://www.youm7.com/story/3']);
  assert.equal(feed.warnings.filter((w) => w.startsWith('item 2 skipped')).length, 1);
});

test('a feed cut off mid-download keeps the complete items and drops the partial one', () => {
  const full = HESPRESS_RSS;
  const truncated = full.slice(0, full.indexOf('<author>'));
  const feed = parseFeed(truncated);
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0]?.title, 'البرلمان يصادق على مشروع قانون المالية لسنة 2024');
  assert.ok(feed.warnings.some((w) => /not closed|truncated/.test(w)));
});

test('a guid that is not a permalink is an id, never the link', () => {
  const feed = parseFeed(`<rss version="2.0"><channel><item><title>خبر</title>
    <guid isPermaLink="false">https://example.com/not-a-page</guid></item>
    <item><title>خبر آخر</title><guid>https://www.alarabiya.net/2023/09/20/x</guid></item></channel></rss>`);
  assert.equal(feed.items[0]?.link, undefined);
  assert.equal(feed.items[0]?.id, 'https://example.com/not-a-page');
  assert.equal(feed.items[1]?.link, 'https://www.alarabiya.net/2023/09/20/x');
});

test('an extension element that reuses a core name does not replace the real description', () => {
  const feed = parseFeed(`<rss version="2.0" xmlns:x="urn:example:module"><channel><item>
    <x:description>وحدة إضافية</x:description><description>الوصف الصحيح</description></item></channel></rss>`);
  assert.equal(feed.items[0]?.summary, 'الوصف الصحيح');
});

test('an item link written Atom-style as <link href="…"/> is still the link', () => {
  const feed = parseFeed('<rss version="2.0"><channel><item><title>خبر</title><link href="https://www.almasryalyoum.com/news/details/1"/></item></channel></rss>');
  assert.equal(feed.items[0]?.link, 'https://www.almasryalyoum.com/news/details/1');
});

test('an outlet that forgets to escape & and to declare dc: is still read, with warnings', () => {
  const feed = parseFeed(`<rss version="2.0"><channel><title>أخبار الاقتصاد & الأعمال</title>
    <item><title>أرامكو & سابك: نتائج الربع الثالث</title><link>https://www.argaam.com/ar/article/1?a=1&b=2</link>
    <dc:creator>أرقام</dc:creator><description>سعر البرميل&nbsp;يرتفع &eacute;</description></item></channel></rss>`);
  assert.equal(feed.title, 'أخبار الاقتصاد & الأعمال');
  assert.equal(feed.items[0]?.title, 'أرامكو & سابك: نتائج الربع الثالث');
  assert.equal(feed.items[0]?.link, 'https://www.argaam.com/ar/article/1?a=1&b=2');
  assert.deepEqual(feed.items[0]?.authors, ['أرقام']);
  assert.equal(feed.items[0]?.summary, 'سعر البرميل\u00a0يرتفع é');
  assert.ok(feed.warnings.some((w) => w.includes('unescaped "&"')));
  assert.ok(feed.warnings.some((w) => w.includes('"dc:"')));
});
