import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { type FeedChannel, type FeedEntry, renderAtom, renderRss, rfc3339, rfc822 } from './syndication.ts';

const CHANNEL: FeedChannel = {
  title: 'الأردن | مرصد',
  link: 'https://marsad.example/tag/country:JO',
  self: 'https://marsad.example/tag/country:JO/rss',
  description: 'آخر الأخبار عن الأردن',
};

const ENTRIES: FeedEntry[] = [
  {
    id: 'https://marsad.example/article/12',
    title: 'الأردن & مصر: "اتفاق" على حصص المياه <2027>',
    link: 'https://marsad.example/article/12',
    published: '2026-11-24T07:30:00.000Z',
    summary: 'اتفق البلدان على تقاسم المياه & تبادل البيانات <قريباً>.',
    authors: ['سارة المنصوري'],
    categories: ['الأردن', 'مصر'],
  },
  {
    id: 'https://marsad.example/article/11',
    title: '<script>alert("x")</script><img src=x onerror=alert(1)> عنوان',
    link: 'https://marsad.example/article/11?a=1&b=2',
    published: '2026-11-23T21:05:00.000Z',
  },
  { id: 'https://marsad.example/article/10', title: 'خبر بلا تاريخ\u0007 وفيه محرف تحكم', link: 'https://marsad.example/article/10', published: null },
];

for (const [format, render] of [['rss', renderRss], ['atom', renderAtom]] as const) {
  test(`${format}: our own parser reads back every entry as written`, () => {
    const xml = render(CHANNEL, ENTRIES);
    const feed = parseFeed(xml, { url: CHANNEL.self });
    assert.equal(feed.format, format);
    assert.equal(feed.title, CHANNEL.title);
    assert.equal(feed.link, CHANNEL.link);
    assert.equal(feed.language, 'ar');
    assert.deepEqual(feed.warnings, []);
    // RSS does not say whether a title is text or HTML, and readers (ours, feedparser) take a title
    // that looks like markup as HTML and clean it: the escaped <script> is dropped, never run.
    const markupTitle = format === 'atom' ? ENTRIES[1]!.title : 'عنوان';
    assert.deepEqual(feed.items.map((i) => i.title), [ENTRIES[0]!.title, markupTitle, 'خبر بلا تاريخ وفيه محرف تحكم']);
    assert.deepEqual(feed.items.map((i) => i.link), ENTRIES.map((e) => e.link));
    assert.deepEqual(feed.items.map((i) => i.id), ENTRIES.map((e) => e.id));
    assert.deepEqual(feed.items.map((i) => i.published), ['2026-11-24T07:30:00.000Z', '2026-11-23T21:05:00.000Z', undefined]);
    assert.deepEqual(feed.items[0]!.authors, ['سارة المنصوري']);
    assert.deepEqual(feed.items[0]!.categories, ['الأردن', 'مصر']);
    assert.match(feed.items[0]!.summary ?? '', /dir="rtl"/);
    assert.match(feed.items[0]!.summary ?? '', /اتفق البلدان على تقاسم المياه &amp; تبادل البيانات &lt;قريباً&gt;/);
  });

  test(`${format}: a title made of markup stays text, never markup`, () => {
    const xml = render(CHANNEL, ENTRIES);
    assert.doesNotMatch(xml, /<script|<img/);
    assert.match(xml, /&lt;script&gt;alert\("x"\)&lt;\/script&gt;/);
    assert.match(xml, /article\/11\?a=1&amp;b=2/);
    assert.doesNotMatch(xml, /\u0007/, 'a control character XML forbids is dropped');
  });
}

test('rss dates are RFC 822 and atom dates RFC 3339; an empty feed is still valid', () => {
  assert.equal(rfc822('2026-11-24T07:30:00.000Z'), 'Tue, 24 Nov 2026 07:30:00 GMT');
  assert.equal(rfc3339('2026-11-24T10:30:00+03:00'), '2026-11-24T07:30:00Z');
  const rss = renderRss(CHANNEL, ENTRIES);
  assert.match(rss, /<pubDate>Tue, 24 Nov 2026 07:30:00 GMT<\/pubDate>/);
  assert.match(rss, /<lastBuildDate>Tue, 24 Nov 2026 07:30:00 GMT<\/lastBuildDate>/, 'the newest entry dates the feed');
  assert.match(rss, /<rss version="2.0"[^>]* xml:lang="ar">/);
  const atom = renderAtom(CHANNEL, ENTRIES);
  assert.match(atom, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ar">/);
  assert.match(atom, /<updated>2026-11-24T07:30:00Z<\/updated>/);
  const empty = renderAtom({ ...CHANNEL, updated: '2026-01-01T00:00:00.000Z' }, []);
  assert.match(empty, /<updated>2026-01-01T00:00:00Z<\/updated>/);
  assert.equal(parseFeed(empty).items.length, 0);
});
