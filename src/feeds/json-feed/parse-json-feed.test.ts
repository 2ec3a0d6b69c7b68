import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, FeedParseError } from '../index.ts';

const ARABI21_JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'عربي21',
  home_page_url: 'https://arabi21.com/',
  feed_url: 'https://arabi21.com/feed.json',
  description: 'أخبار & تقارير',
  language: 'ar',
  authors: [{ name: 'عربي21' }],
  items: [
    {
      id: 1520331,
      url: '/story/1520331',
      title: 'الفيضانات في درنة الليبية:  آلاف المفقودين',
      content_html: '<p>ارتفعت حصيلة ضحايا <a href="/tag/derna">الفيضانات</a> في درنة.</p>',
      summary: 'حصيلة ضحايا الإعصار دانيال <تتجاوز> التوقعات',
      image: 'https://arabi21.com/img/derna.jpg',
      date_published: '2023-09-14T08:30:00+02:00',
      date_modified: '2023-09-14T09:00:00+02:00',
      authors: [{ name: 'أحمد الفيتوري' }],
      tags: ['ليبيا', 'درنة', 'ليبيا'],
      language: 'ar',
    },
    'not an item',
    { id: 'x2', url: 'https://arabi21.com/story/1520332', content_text: 'نص بلا HTML & رموز' },
  ],
});

test('a JSON Feed 1.1 from an Arabic outlet: numeric ids, relative urls, authors, tags', () => {
  const feed = parseFeed(ARABI21_JSON_FEED, { url: 'https://arabi21.com/feed.json' });
  assert.equal(feed.format, 'json-feed');
  assert.equal(feed.version, '1.1');
  assert.equal(feed.title, 'عربي21');
  assert.equal(feed.link, 'https://arabi21.com/');
  assert.equal(feed.description, 'أخبار &amp; تقارير');
  assert.equal(feed.language, 'ar');
  const item = feed.items[0];
  assert.equal(item?.id, '1520331');
  assert.equal(item?.link, 'https://arabi21.com/story/1520331');
  assert.equal(item?.title, 'الفيضانات في درنة الليبية: آلاف المفقودين');
  assert.match(item?.content ?? '', /href="https:\/\/arabi21\.com\/tag\/derna"/);
  assert.equal(item?.summary, 'حصيلة ضحايا الإعصار دانيال &lt;تتجاوز&gt; التوقعات');
  assert.equal(item?.published, '2023-09-14T06:30:00.000Z');
  assert.equal(item?.updated, '2023-09-14T07:00:00.000Z');
  assert.deepEqual(item?.authors, ['أحمد الفيتوري']);
  assert.deepEqual(item?.categories, ['ليبيا', 'درنة']);
  assert.equal(item?.image, 'https://arabi21.com/img/derna.jpg');
});

test('a JSON Feed item that is not an object is skipped; the text-only item keeps its text as HTML', () => {
  const feed = parseFeed(ARABI21_JSON_FEED);
  assert.equal(feed.items.length, 2);
  assert.ok(feed.warnings.some((w) => w.startsWith('item 2 skipped')));
  assert.equal(feed.items[1]?.content, 'نص بلا HTML &amp; رموز');
  assert.deepEqual(feed.items[1]?.authors, ['عربي21'], 'the feed author stands in');
});

test('JSON that is not a feed, and JSON cut short, are refused with a clear code', () => {
  assert.throws(() => parseFeed('{"status":"ok","data":[]}'), (e: unknown) => e instanceof FeedParseError && e.code === 'not-a-feed');
  assert.throws(() => parseFeed(ARABI21_JSON_FEED.slice(0, 200)), (e: unknown) => e instanceof FeedParseError && e.code === 'malformed');
});
