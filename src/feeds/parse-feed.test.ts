import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, FeedParseError, MAX_FEED_BYTES, MAX_FEED_ITEMS } from './index.ts';

/** windows-1256 encoder, built by inverting the platform's decoder for the upper half of the table. */
const TO_1256 = new Map<string, number>();
const DECODER = new TextDecoder('windows-1256');
for (let b = 0x80; b <= 0xff; b++) TO_1256.set(DECODER.decode(Uint8Array.of(b)), b);
function encode1256(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    const byte = code < 0x80 ? code : TO_1256.get(ch);
    if (byte === undefined) throw new Error(`no windows-1256 byte for ${ch}`);
    return byte;
  });
}

const ALAHRAM_1256 = `<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0"><channel><title>بوابة الأهرام</title><link>https://gate.ahram.org.eg/</link>
<item><title>الرئيس يفتتح محطة معالجة مياه بحر البقر</title><link>https://gate.ahram.org.eg/News/4512.aspx</link>
<pubDate>Wed, 20 Sep 2023 11:00:00 +0300</pubDate></item></channel></rss>`;

test('a windows-1256 feed from an Egyptian outlet decodes from its XML prolog', () => {
  const feed = parseFeed(encode1256(ALAHRAM_1256));
  assert.equal(feed.title, 'بوابة الأهرام');
  assert.equal(feed.items[0]?.title, 'الرئيس يفتتح محطة معالجة مياه بحر البقر');
});

test('a windows-1256 feed without a prolog decodes from the HTTP charset', () => {
  const bytes = encode1256(ALAHRAM_1256.replace(/^<\?xml[^>]*>/, ''));
  const feed = parseFeed(bytes, { contentType: 'application/rss+xml; charset=windows-1256' });
  assert.equal(feed.items[0]?.title, 'الرئيس يفتتح محطة معالجة مياه بحر البقر');
});

test('UTF-8 bytes with a BOM parse like the string', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ALAHRAM_1256.replace('windows-1256', 'utf-8'))]);
  assert.equal(parseFeed(bytes).title, 'بوابة الأهرام');
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof FeedParseError, `threw ${String(err)}`);
    return err.code;
  }
  return undefined;
}

test('an outlet home page is not a feed, and the error says where to look', () => {
  const html = '<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>الرئيسية</title></head><body><p>مرحبا</p></body></html>';
  assert.equal(codeOf(() => parseFeed(html)), 'not-a-feed');
  assert.throws(() => parseFeed(html), /rel="alternate"/);
});

test('empty, non-XML and foreign-XML documents are refused as not-a-feed', () => {
  assert.equal(codeOf(() => parseFeed('')), 'not-a-feed');
  assert.equal(codeOf(() => parseFeed('   \n ')), 'not-a-feed');
  assert.equal(codeOf(() => parseFeed('خطأ 404: الصفحة غير موجودة')), 'not-a-feed');
  assert.equal(codeOf(() => parseFeed('<?xml version="1.0"?><soap:Envelope xmlns:soap="x"/>')), 'not-a-feed');
});

test('a document over the size limit is refused before parsing', () => {
  assert.equal(codeOf(() => parseFeed(new Uint8Array(MAX_FEED_BYTES + 1))), 'too-large');
  assert.equal(codeOf(() => parseFeed(' '.repeat(MAX_FEED_BYTES + 1))), 'too-large');
});

test(`a runaway feed keeps its first ${MAX_FEED_ITEMS} items and says so`, () => {
  const items = Array.from({ length: MAX_FEED_ITEMS + 3 }, (_, i) => `<item><title>خبر ${i}</title><link>https://example.com/${i}</link></item>`);
  const feed = parseFeed(`<rss version="2.0"><channel>${items.join('')}</channel></rss>`);
  assert.equal(feed.items.length, MAX_FEED_ITEMS);
  assert.ok(feed.warnings.some((w) => w.includes(`only the first ${MAX_FEED_ITEMS}`)));
});

test('links resolve against the fetch URL first, then the channel link', () => {
  const rss = '<rss version="2.0"><channel><link>https://www.masrawy.com/</link><item><link>news/1</link></item></channel></rss>';
  assert.equal(parseFeed(rss, { url: 'https://feeds.masrawy.com/rss/' }).items[0]?.link, 'https://feeds.masrawy.com/rss/news/1');
  assert.equal(parseFeed(rss).items[0]?.link, 'https://www.masrawy.com/news/1');
});

test('a raw Arabic relative link stays readable once resolved', () => {
  const rss = '<rss version="2.0"><channel><item><link>/ar/article/القصرين-شاب/141/86050</link></item></channel></rss>';
  assert.equal(parseFeed(rss, { url: 'http://www.jawharafm.net/ar/rss' }).items[0]?.link, 'http://www.jawharafm.net/ar/article/القصرين-شاب/141/86050');
});

test('a UTF-16 feed without a byte-order mark is recognised by its first bytes', () => {
  const xml = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>وكالة الأنباء السعودية</title></channel></rss>';
  const le = new Uint8Array(Buffer.from(xml, 'utf16le'));
  const be = new Uint8Array(Buffer.from(xml, 'utf16le').swap16());
  assert.equal(parseFeed(le).title, 'وكالة الأنباء السعودية');
  assert.equal(parseFeed(be).title, 'وكالة الأنباء السعودية');
});
