import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeUrl } from './url.ts';

const cases: Array<[string, string | null, string?]> = [
  ['https://www.youm7.com/story/2023/9/20/مفاوضات?utm_source=rss&utm_medium=feed', 'https://www.youm7.com/story/2023/9/20/%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA'],
  ['https://Aawsat.com:443/home/article/410826#comments', 'https://aawsat.com/home/article/410826'],
  ['http://sabq.org/news?id=5&fbclid=abc&page=2', 'http://sabq.org/news?id=5&page=2'],
  ['/ar/news/2026/11/24/قره-باغ', 'https://www.alarabiya.net/ar/news/2026/11/24/%D9%82%D8%B1%D9%87-%D8%A8%D8%A7%D8%BA', 'https://www.alarabiya.net/ar/'],
  ['javascript:alert(1)', null],
  ['mailto:editor@alriyadh.com', null],
  ['not a url at all', null],
];

for (const [href, expected, base] of cases) {
  test(`canonical form of ${href}`, () => {
    assert.equal(canonicalizeUrl(href, base), expected);
  });
}

test('the same Egyptian article from the feed and from the page is one URL', () => {
  const fromFeed = canonicalizeUrl('https://www.masrawy.com/news/details/2026/11/24/123?utm_campaign=x&ref=home');
  const fromPage = canonicalizeUrl('https://www.masrawy.com/news/details/2026/11/24/123?ref=home');
  assert.equal(fromFeed, fromPage);
});
