import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, FeedParseError } from './index.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>خبر عاجل</title><link>https://example.com/1</link><description>&lol9;</description></item>
</channel></rss>`;

test('a billion-laughs DTD is not expanded and the feed parses at once', () => {
  const started = performance.now();
  const feed = parseFeed(BILLION_LAUGHS);
  assert.ok(performance.now() - started < 1000, 'parsing must not depend on the entity expansion');
  assert.equal(feed.title, '&lol9;');
  assert.equal(feed.items[0]?.title, 'خبر عاجل');
  assert.ok((feed.items[0]?.summary ?? '').length < 20);
  assert.ok(feed.warnings.some((w) => w.includes('&lol9;') && w.includes('not expanded')));
});

test('an external entity pointing at /etc/passwd is never read', () => {
  const feed = parseFeed(`<?xml version="1.0"?>
    <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
    <rss version="2.0"><channel><title>صحيفة</title><item><title>&xxe;</title><link>https://example.com/a</link></item></channel></rss>`);
  assert.equal(feed.items[0]?.title, '&xxe;');
  assert.doesNotMatch(JSON.stringify(feed), /root:/);
});

test('an external DTD and parameter entities are ignored without breaking the feed', () => {
  const feed = parseFeed(`<?xml version="1.0"?>
    <!DOCTYPE rdf:RDF [ <!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent"> %HTMLlat1; ]>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
    <channel><title>وكالة الأنباء</title></channel></rdf:RDF>`);
  assert.equal(feed.title, 'وكالة الأنباء');
  assert.deepEqual(feed.warnings, []);
});

test('markup nested a hundred thousand deep does not overflow the stack', () => {
  const depth = 100_000;
  const feed = parseFeed(`<rss><channel><item><title>عمق</title><description>${'<div>'.repeat(depth)}نص${'</div>'.repeat(depth)}</description></item></channel></rss>`);
  assert.equal(feed.items[0]?.title, 'عمق');
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  '<rss version="2.0"><channel><title>سبق</title><item><title>خبر</title><link>/a</link><pubDate>Tue, 04 Aug 2015 19:03:32 +0300</pubDate><description><![CDATA[<p>نص</p>]]></description></item></channel></rss>',
  '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://x/"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>عنوان</b></div></title><link href="a"/><content type="text/html" mode="base64">PGI+</content></entry></feed>',
  '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,"url":"/x","tags":["أ"],"authors":[{"name":"ب"}]}]}',
  '<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://x/1</loc><news:news><news:title>ت</news:title></news:news></url></urlset>',
];
const NASTY = ['<', '>', '&', '&#', '&#x110000;', ']]>', '<![CDATA[', '<!DOCTYPE x [', '"', '\u0000', '\uFFFF', 'xmlns:a="', '<a:b>', '</', '{', '[', ':', '\uD800'];

test('random and mutated bytes never crash the parser: it returns a feed or throws FeedParseError', () => {
  const rand = random(1256);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const inputs: Array<string | Uint8Array> = [];
  for (let i = 0; i < 150; i++) inputs.push(Uint8Array.from({ length: Math.floor(rand() * 400) }, () => Math.floor(rand() * 256)));
  for (let i = 0; i < 600; i++) {
    let s = pick(SEEDS);
    for (let m = 0; m < 1 + Math.floor(rand() * 6); m++) {
      const at = Math.floor(rand() * s.length);
      const op = rand();
      if (op < 0.3) s = s.slice(0, at); // truncation, the commonest real damage
      else if (op < 0.6) s = s.slice(0, at) + pick(NASTY) + s.slice(at);
      else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 10));
      else s = s.slice(0, at) + s.slice(at, at + 40) + s.slice(at); // duplicated span
    }
    inputs.push(i % 2 ? s : new TextEncoder().encode(s));
  }
  for (const input of inputs) {
    try {
      const feed = parseFeed(input);
      assert.ok(Array.isArray(feed.items) && Array.isArray(feed.warnings));
    } catch (err) {
      assert.ok(err instanceof FeedParseError, `unexpected ${String(err)} for ${JSON.stringify(String(input)).slice(0, 200)}`);
    }
  }
});

test('parseFeed given something that is neither text nor bytes throws FeedParseError', () => {
  for (const bad of [null, undefined, 42, {}, []]) {
    assert.throws(() => parseFeed(bad as unknown as string), FeedParseError);
  }
});
