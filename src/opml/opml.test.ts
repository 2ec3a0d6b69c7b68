import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildOpml, OpmlError, parseOpml } from './index.ts';
import type { Source } from '../model/index.ts';

test('the bundled list of Arabic outlets has at least 25 feeds from every region', () => {
  const feeds = parseOpml(readFileSync(new URL('../../sources/arabic-outlets.opml', import.meta.url), 'utf8'));
  assert.ok(feeds.length >= 25, `${feeds.length} feeds`);
  const regions = new Set(feeds.map((f) => f.category));
  for (const region of ['pan-arab', 'egypt', 'gulf', 'levant', 'maghreb']) assert.ok(regions.has(region), region);
  for (const f of feeds) assert.match(f.url, /^https?:\/\//);
  assert.equal(new Set(feeds.map((f) => f.url)).size, feeds.length, 'no feed listed twice');
});

test('OPML round-trips names, URLs, language and country', () => {
  const sources = [
    { id: 1, name: 'هسبريس & شركاؤها "الرقمية"', url: 'https://www.hespress.com/feed?a=1&b=2', home_url: 'https://www.hespress.com/', kind: 'feed', country: 'MA', lang: 'ar' },
    { id: 2, name: 'الشروق', url: 'https://www.echoroukonline.com/feed', home_url: null, kind: 'feed', country: 'DZ', lang: 'ar' },
  ] as Source[];
  const back = parseOpml(buildOpml(sources));
  assert.deepEqual(back.map((f) => [f.name, f.url, f.home_url, f.country, f.lang]), [
    ['هسبريس & شركاؤها "الرقمية"', 'https://www.hespress.com/feed?a=1&b=2', 'https://www.hespress.com/', 'MA', 'ar'],
    ['الشروق', 'https://www.echoroukonline.com/feed', null, 'DZ', 'ar'],
  ]);
});

test('feeds inside a folder outline take the folder as their category', () => {
  const feeds = parseOpml(`<opml version="1.0"><body><outline text="مصر"><outline text="اليوم السابع" xmlUrl="https://www.youm7.com/rss"/></outline></body></opml>`);
  assert.deepEqual(feeds.map((f) => [f.name, f.category]), [['اليوم السابع', 'مصر']]);
});

test('a file that is not OPML is refused with a clear error', () => {
  assert.throws(() => parseOpml('<rss><channel/></rss>'), OpmlError);
});
