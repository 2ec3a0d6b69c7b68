import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHtml } from './dom.ts';
import { readJsonLdArticle } from './json-ld.ts';
import { readMeta } from './meta.ts';
import { findDates } from './published-date.ts';

const NOW = new Date('2023-09-21T08:00:00Z');

function datesOf(head: string, body = '', url = 'https://news.example/a/1') {
  const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`)!;
  const { published, updated } = findDates({ doc, meta: readMeta(doc), jsonLd: readJsonLdArticle(doc), url, now: NOW, defaultOffsetMinutes: 180 });
  return { published, updated };
}

test('JSON-LD inside @graph gives the instant and the offset the page printed', () => {
  const { published, updated } = datesOf(`<script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},
     {"@type":"NewsArticle","datePublished":"2023-09-20T15:15:00+03:00","dateModified":"2023-09-20T18:00:00+03:00"}]}</script>`);
  assert.deepEqual(published, { iso: '2023-09-20T12:15:00.000Z', offsetMinutes: 180, hasTime: true });
  assert.equal(updated?.iso, '2023-09-20T15:00:00.000Z');
});

test('offsets without a colon and named zones are read', () => {
  assert.deepEqual(datesOf('<meta property="article:published_time" content="2020-06-03T03:01+0400">').published, {
    iso: '2020-06-02T23:01:00.000Z',
    offsetMinutes: 240,
    hasTime: true,
  });
  assert.equal(datesOf('<meta name="pubdate" content="2020-03-15 20:18:45 GST">').published?.iso, '2020-03-15T16:18:45.000Z');
  assert.equal(datesOf('<meta name="date" content="Mon, 24 Aug 2020 09:23:13 GMT">').published?.iso, '2020-08-24T09:23:13.000Z');
  // ISO 8601 basic format, as Sputnik prints it.
  assert.deepEqual(datesOf('<meta property="article:published_time" content="20230920T1432+0300">').published, {
    iso: '2023-09-20T11:32:00.000Z',
    offsetMinutes: 180,
    hasTime: true,
  });
});

test('an Arabic date in a meta tag is parsed as Arabic text', () => {
  const { published } = datesOf('<meta property="article:published_time" content="الأربعاء، 07 أكتوبر 2020 - 12:09 م">');
  assert.ok(published);
  assert.equal(published.hasTime, true);
  // 12:09 PM on the 7th, in the page's unstated zone.
  assert.equal(published.iso.slice(0, 10), '2020-10-07');
});

test('a day-only microdata date is refined by a full instant on the same day', () => {
  const { published } = datesOf(
    '<meta itemprop="datePublished" content="2020-11-09"><meta property="og:updated_time" content="2020-11-09T18:34:47+00:00">',
    '<time datetime="2020-11-09T18:34:47+00:00" class="entry-date published">9 نوفمبر 2020</time>',
  );
  assert.equal(published?.iso, '2020-11-09T18:34:47.000Z');
});

test('dates of other articles in sidebars are not taken; the one in the article is', () => {
  const { published } = datesOf(
    '',
    `<aside class="most-read"><time datetime="2023-09-21T07:00:00+03:00">منذ ساعة</time></aside>
     <article><h1>عنوان الخبر</h1><time datetime="2023-09-19T10:00:00+03:00">الثلاثاء 19 سبتمبر</time><p>نص</p></article>`,
  );
  assert.equal(published?.iso, '2023-09-19T07:00:00.000Z');
});

test('Arabic date text under the headline, then a date in the URL, are the last resorts', () => {
  const text = datesOf('', '<h1>عنوان الخبر هنا</h1><div class="info">نشر في الأربعاء 20 سبتمبر 2023 - 03:15 م</div><p>نص الخبر</p>');
  assert.equal(text.published?.iso.slice(0, 10), '2023-09-20');
  assert.equal(text.published?.hasTime, true);
  const fromUrl = datesOf('', '<p>نص بلا تاريخ</p>', 'https://www.youm7.com/story/2020/8/24/وزير-الرى/4943459');
  assert.equal(fromUrl.published?.hasTime, false);
  assert.equal(fromUrl.published?.iso, '2020-08-23T21:00:00.000Z');
});

test('a publication date in the future of the fetch, or an update before it, is dropped', () => {
  assert.equal(datesOf('<meta property="article:published_time" content="2030-01-01T00:00:00Z">').published, null);
  const { published, updated } = datesOf(
    '<meta property="article:published_time" content="2020-06-03T03:01+04:00"><meta property="article:modified_time" content="2020-03-15T20:18+04:00">',
  );
  assert.ok(published);
  assert.equal(updated, null);
});

test('a Moroccan page that prints its time without a zone is read on its own clock', async () => {
  const { extractArticle } = await import('./extract-article.ts');
  const html = `<html lang="ar"><body><article><h1>زلزال بقوة 5.8 درجات يضرب إقليم أزيلال</h1><div class="date">الخميس 26 نونبر 2026 - 18:05</div>
    ${'<p>ضرب زلزال بقوة 5.8 درجات على سلم ريشتر إقليم أزيلال وسط المغرب ليلة الجمعة.</p>'.repeat(4)}</article></body></html>`;
  const rabat = extractArticle(html, { url: 'https://maghreb.example/a/1', fetchedAt: new Date('2026-11-27T00:00:00Z'), defaultOffsetMinutes: 60 });
  assert.equal(rabat.published_at, '2026-11-26T17:05:00.000Z');
  const mecca = extractArticle(html, { url: 'https://maghreb.example/a/1', fetchedAt: new Date('2026-11-27T00:00:00Z') });
  assert.equal(mecca.published_at, '2026-11-26T15:05:00.000Z');
});
