// Feeds from the wild: Universal Feed Parser's own cases (read from ../shared at test time) and our
// ill-formed, truncated, mis-declared and oddly encoded Arabic feeds (test/fixtures/wild-feeds). The
// parser must return a feed, or throw FeedParseError for what is not a feed at all, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { FeedParseError, parseFeed } from '../src/feeds/index.ts';
import type { ParsedFeed } from '../src/model/index.ts';

const PEER_DIR = new URL('../../shared/peer-suites/feedparser/', import.meta.url);
const WILD_DIR = new URL('./fixtures/wild-feeds/', import.meta.url);
const wild = (name: string) => readFileSync(new URL(name, WILD_DIR));

const GULF_TITLES = ['الكويت تستضيف القمة الخليجية المقبلة', 'ارتفاع أسعار النفط بعد قرار أوبك', 'افتتاح مستشفى جديد في مسقط'];

/** What a caller may rely on in any parsed feed, however broken the input was. */
function assertSaneFeed(feed: ParsedFeed, label: string): void {
  assert.ok(Array.isArray(feed.items) && Array.isArray(feed.sitemaps) && Array.isArray(feed.warnings), label);
  for (const item of feed.items) {
    for (const field of ['id', 'title', 'link', 'summary', 'content', 'image', 'language'] as const) {
      assert.ok(item[field] === undefined || typeof item[field] === 'string', `${label}: ${field} is ${typeof item[field]}`);
    }
    for (const field of ['published', 'updated'] as const) {
      const value = item[field];
      assert.ok(value === undefined || Number.isFinite(Date.parse(value)), `${label}: ${field} "${value}" is not an instant`);
    }
    assert.ok(item.authors.every((a) => typeof a === 'string') && item.categories.every((c) => typeof c === 'string'), label);
  }
  assert.doesNotMatch(JSON.stringify(feed), /\\u0000/, `${label}: a NUL reached the parsed feed`);
}

/** A feed, or a FeedParseError; any other exception fails the test with the case's name. */
function parseOrRefuse(bytes: Uint8Array, label: string, contentType?: string): ParsedFeed | FeedParseError {
  try {
    const feed = parseFeed(bytes, { url: 'https://akhbar-alkhaleej.example/rss', contentType });
    assertSaneFeed(feed, label);
    return feed;
  } catch (err) {
    if (err instanceof FeedParseError) return err;
    assert.fail(`${label}: ${(err as Error)?.name}: ${(err as Error)?.message}`);
  }
}

function titles(result: ParsedFeed | FeedParseError): Array<string | undefined> {
  assert.ok(!(result instanceof FeedParseError), `expected a feed, got FeedParseError: ${(result as Error).message}`);
  return result.items.map((i) => i.title);
}

test('every case of Universal Feed Parser\'s suite parses, and so does every truncated copy of it', (t) => {
  if (!existsSync(new URL('index.jsonl', PEER_DIR))) {
    t.skip('../shared/peer-suites/feedparser is absent (it sits beside the checkout in development and CI)');
    return;
  }
  const cases = readFileSync(new URL('index.jsonl', PEER_DIR), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { path: string; http_headers?: Record<string, string> });
  const files = readdirSync(new URL('wellformed/', PEER_DIR), { recursive: true }).filter((f) => String(f).endsWith('.xml'));
  assert.equal(files.length, cases.length, 'index.jsonl lists every file of the suite');
  assert.ok(cases.length >= 500, `only ${cases.length} cases found`);

  let truncations = 0;
  for (const c of cases) {
    const bytes = readFileSync(new URL(c.path, PEER_DIR));
    const contentType = c.http_headers?.['Content-type'] ?? c.http_headers?.['Content-Type'];
    // These are the well-formed cases: each is a feed, so even a typed refusal would be a bug.
    const result = parseOrRefuse(bytes, c.path, contentType);
    assert.ok(!(result instanceof FeedParseError), `${c.path}: ${(result as Error).message}`);
    for (const cut of [1, 2, 3, 5, 7].map((k) => Math.floor((bytes.length * k) / 8))) {
      parseOrRefuse(bytes.subarray(0, cut), `${c.path} cut at byte ${cut}`, contentType);
      truncations++;
    }
  }
  t.diagnostic(`${cases.length} cases and ${truncations} truncated copies parsed without an unexpected error`);
});

test('a feed cut off in the middle of a tag keeps the items before the cut and says why it lost the rest', () => {
  const feed = parseOrRefuse(wild('truncated-mid-tag.xml'), 'truncated') as ParsedFeed;
  assert.deepEqual(titles(feed), GULF_TITLES.slice(0, 2));
  assert.ok(feed.warnings.some((w) => /truncated/.test(w)), feed.warnings.join('; '));
});

test('windows-1256 declared as UTF-8, UTF-8 declared as windows-1256, and every byte-order mark read as Arabic', () => {
  const cases: Array<[string, string | undefined]> = [
    ['cp1256-declared-utf8.xml', undefined],
    ['cp1256-declared-utf8.xml', 'application/rss+xml; charset=utf-8'], // a server that says UTF-8 for everything
    ['utf8-declared-cp1256.xml', undefined],
    ['utf8-declared-cp1256.xml', 'text/xml; charset=windows-1256'],
    ['utf8-declared-cp1256.xml', 'text/xml; charset=iso-8859-6'],
    ['bom-utf8.xml', 'text/xml; charset=windows-1256'], // the BOM wins over the header
    ['bom-utf16le.xml', undefined],
    ['bom-utf16be.xml', undefined],
    ['bom-utf8-declared-utf16.xml', undefined],
  ];
  for (const [name, contentType] of cases) {
    const feed = parseOrRefuse(wild(name), name, contentType) as ParsedFeed;
    assert.equal(feed.title, 'أخبار الخليج', `${name} (${contentType ?? 'no header'})`);
    assert.deepEqual(titles(feed), GULF_TITLES, `${name} (${contentType ?? 'no header'})`);
  }
});

test('an RSS 0.91 feed in ISO-8859-6 with the Netscape DOCTYPE reads as Arabic', () => {
  const feed = parseOrRefuse(wild('rss091-iso-8859-6.xml'), 'rss091') as ParsedFeed;
  assert.equal(feed.title, 'جريدة الوطن');
  assert.deepEqual(titles(feed), ['الحكومة تقر الموازنة العامة', 'فوز المنتخب في مباراة ودية']);
  assert.equal(feed.items[0]!.link, 'http://alwatan.example/news/1.html');
});

test('NUL and other control bytes from a careless CMS never reach a stored title', () => {
  const feed = parseOrRefuse(wild('nul-bytes.xml'), 'nul') as ParsedFeed;
  assert.deepEqual(titles(feed), GULF_TITLES);
  assert.match(feed.items[0]!.summary ?? '', /ستستضيف القمة في ديسمبر/);
});

test('an Arabic news home page served as a feed is refused as not-a-feed, with what to do', () => {
  const result = parseOrRefuse(wild('html-as-feed.html'), 'html', 'text/html; charset=utf-8');
  assert.ok(result instanceof FeedParseError);
  assert.equal(result.code, 'not-a-feed');
  assert.match(result.message, /rel="alternate"/);
});

test('a JSON Feed with wrong types keeps the items it can read and names the ones it skipped', () => {
  const feed = parseOrRefuse(wild('json-feed-wrong-types.json'), 'json', 'application/feed+json') as ParsedFeed;
  assert.equal(feed.format, 'json-feed');
  const byLink = new Map(feed.items.map((i) => [i.link, i.title]));
  assert.equal(byLink.get('https://akhbar-alkhaleej.example/news/1'), GULF_TITLES[0]);
  assert.equal(byLink.get('https://akhbar-alkhaleej.example/news/3'), GULF_TITLES[2]);
  assert.equal(feed.warnings.filter((w) => /not a JSON object/.test(w)).length, 3, feed.warnings.join('; '));

  const noArray = parseOrRefuse(wild('json-feed-items-not-array.json'), 'json2') as ParsedFeed;
  assert.equal(noArray.items.length, 0);
  assert.ok(noArray.warnings.some((w) => /items/.test(w)));
});

test('CDATA sections nested, split and left open are read the way XML defines them', () => {
  const feed = parseOrRefuse(wild('cdata-nesting.xml'), 'cdata') as ParsedFeed;
  // A CDATA section ends at the first "]]>"; the split-section trick carries a literal "]]>".
  assert.deepEqual(titles(feed), ['الكويت تستضيف القمة', 'ارتفاع أسعار النفط]]> بعد قرار أوبك']);
  assert.ok(feed.warnings.some((w) => /item 3 skipped/.test(w)), 'the item whose CDATA never closes is skipped');
});

test('mis-nested Atom with HTML entities and a sitemap with broken entries keep what is readable', () => {
  const atom = parseOrRefuse(wild('atom-misnested.xml'), 'atom') as ParsedFeed;
  assert.equal(atom.items[0]!.title, 'اجتماع وزراء الخارجية العرب …');
  assert.match(atom.title ?? '', /^وكالة الأنباء/);

  const sitemap = parseOrRefuse(wild('sitemap-broken.xml'), 'sitemap') as ParsedFeed;
  const links = sitemap.items.map((i) => i.link);
  assert.ok(links.includes('https://akhbar-alkhaleej.example/news/1') && links.includes('https://akhbar-alkhaleej.example/news/2'));
  assert.equal(sitemap.items.find((i) => i.link?.endsWith('/news/1'))?.title, GULF_TITLES[0]);
});

test('every wild fixture, cut at every length, gives a feed or a FeedParseError and nothing else', () => {
  let runs = 0;
  for (const name of readdirSync(WILD_DIR)) {
    const bytes = wild(name);
    for (let cut = 0; cut <= bytes.length; cut += 3) {
      parseOrRefuse(bytes.subarray(0, cut), `${name} cut at ${cut}`);
      runs++;
    }
  }
  assert.ok(runs > 3000, `only ${runs} runs`);
});
