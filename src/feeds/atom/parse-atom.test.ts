import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../index.ts';

const ALJAZEERA_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar" xml:base="https://www.aljazeera.net/">
  <title type="text">الجزيرة نت - أخبار</title>
  <subtitle type="html">&lt;p&gt;آخر الأخبار العاجلة من &lt;b&gt;العالم العربي&lt;/b&gt;&lt;/p&gt;</subtitle>
  <link rel="self" href="https://www.aljazeera.net/feed/atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <id>tag:aljazeera.net,2023:news</id>
  <updated>2023-09-20T10:15:00+03:00</updated>
  <author><name>الجزيرة نت</name></author>
  <entry>
    <title type="html">أذربيجان تعلن وقف العمليات العسكرية في &lt;em&gt;قره باغ&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="news/2023/9/20/azerbaijan-karabakh"/>
    <link rel="enclosure" type="image/jpeg" href="https://www.aljazeera.net/wp-content/uploads/2023/09/karabakh.jpg"/>
    <id>tag:aljazeera.net,2023:2532110</id>
    <published>2023-09-20T09:58:00+03:00</published>
    <updated>2023-09-20T10:12:00+03:00</updated>
    <author><name>محمد العلي</name><email>m.ali@aljazeera.net</email></author>
    <category term="أذربيجان"/>
    <category term="أرمينيا" label="أرمينيا"/>
    <summary type="text">أعلنت وزارة الدفاع الأذربيجانية وقف "الإجراءات المحلية لمكافحة الإرهاب" بعد اتفاق مع ممثلي الأرمن.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>أعلنت <a href="/where/azerbaijan">باكو</a> التوصل إلى اتفاق.</p><img src="/images/stepanakert.jpg"/></div></content>
  </entry>
  <entry>
    <title>يريفان: لم نشارك في صياغة الاتفاق</title>
    <link href="https://www.aljazeera.net/news/2023/9/20/yerevan"/>
    <id>tag:aljazeera.net,2023:2532111</id>
    <updated>2023-09-20T07:40:00Z</updated>
  </entry>
</feed>`;

test('an Atom feed from an Arabic outlet: xml:base, html titles as plain text, author with email', () => {
  const feed = parseFeed(ALJAZEERA_ATOM);
  assert.equal(feed.format, 'atom');
  assert.equal(feed.version, '1.0');
  assert.equal(feed.title, 'الجزيرة نت - أخبار');
  assert.equal(feed.link, 'https://www.aljazeera.net/');
  assert.equal(feed.description, '<p>آخر الأخبار العاجلة من <b>العالم العربي</b></p>');
  assert.equal(feed.language, 'ar');
  assert.equal(feed.updated, '2023-09-20T07:15:00.000Z');
  const entry = feed.items[0];
  assert.equal(entry?.title, 'أذربيجان تعلن وقف العمليات العسكرية في قره باغ');
  assert.equal(entry?.link, 'https://www.aljazeera.net/news/2023/9/20/azerbaijan-karabakh');
  assert.equal(entry?.id, 'tag:aljazeera.net,2023:2532110');
  assert.equal(entry?.published, '2023-09-20T06:58:00.000Z');
  assert.equal(entry?.updated, '2023-09-20T07:12:00.000Z');
  assert.deepEqual(entry?.authors, ['محمد العلي (m.ali@aljazeera.net)']);
  assert.deepEqual(entry?.categories, ['أذربيجان', 'أرمينيا']);
  assert.equal(entry?.image, 'https://www.aljazeera.net/wp-content/uploads/2023/09/karabakh.jpg');
  assert.equal(entry?.language, 'ar');
});

test('Atom text summaries are escaped into HTML and xhtml content loses its wrapper div', () => {
  const entry = parseFeed(ALJAZEERA_ATOM).items[0];
  assert.equal(entry?.summary, 'أعلنت وزارة الدفاع الأذربيجانية وقف "الإجراءات المحلية لمكافحة الإرهاب" بعد اتفاق مع ممثلي الأرمن.');
  assert.equal(
    entry?.content,
    '<p>أعلنت <a href="https://www.aljazeera.net/where/azerbaijan">باكو</a> التوصل إلى اتفاق.</p><img src="https://www.aljazeera.net/images/stepanakert.jpg" />',
  );
});

test('an entry without its own author takes the feed author, as RFC 4287 says', () => {
  const entry = parseFeed(ALJAZEERA_ATOM).items[1];
  assert.deepEqual(entry?.authors, ['الجزيرة نت']);
  assert.equal(entry?.published, undefined);
  assert.equal(entry?.updated, '2023-09-20T07:40:00.000Z');
  assert.equal(entry?.link, 'https://www.aljazeera.net/news/2023/9/20/yerevan');
});

test('Atom 0.3 with escaped and base64 content, as old Arabic blogs still publish it', () => {
  const base64 = Buffer.from('<p>مدونة <b>عربية</b></p>').toString('base64');
  const feed = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#">
    <title mode="escaped" type="text/html">مدونة &amp;lt;التقنية&amp;gt;</title>
    <entry><title>تدوينة</title><issued>2004-01-01T19:48:21Z</issued>
      <content type="text/html" mode="base64">${base64}</content></entry></feed>`);
  assert.equal(feed.version, '0.3');
  assert.equal(feed.title, 'مدونة <التقنية>');
  assert.equal(feed.items[0]?.content, '<p>مدونة <b>عربية</b></p>');
  assert.equal(feed.items[0]?.published, '2004-01-01T19:48:21.000Z');
});
