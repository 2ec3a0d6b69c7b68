import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed as parseIndependently } from '@rowanmanning/feed-parser';
import { decodeHTML } from 'entities';
import { JSDOM } from 'jsdom';
import { parseFeed } from '../src/feeds/index.ts';
import { silentLogger } from '../src/log/index.ts';
import type { Article, NewArticle } from '../src/model/index.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { tagStoredArticle } from '../src/pipeline/tag.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { MATCH_AHLI, MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ, SPA_STORY_TRIMMED } from '../src/stories/fixtures.test-data.ts';
import { createApp } from '../src/web/app.tsx';
import { serveApp } from '../src/web/serve.ts';

// Our RSS and Atom, fetched over HTTP from the real routes, read by an independent parser
// (@rowanmanning/feed-parser) and by our own: both must see the same items, in the same order, as the
// store holds. Feeds are found the way a reader's browser finds them, through the pages' <link
// rel="alternate">, so a page that stops announcing its feeds fails here too.

const RLM = '\u200F';
const LRM = '\u200E';

interface Fixture {
  source: string;
  title: string;
  text: string;
  published: string | null;
  fetched: string;
}

const HYDROGEN = `وقّعت شركة أرامكو السعودية اتفاقية مع شركتي Shell و TotalEnergies لإنشاء مصنع للهيدروجين الأزرق في مدينة الجبيل الصناعية بطاقة إنتاجية تبلغ ١٫٢ مليون طن سنوياً.
وقال رئيس أرامكو إن المشروع يؤسس لمرحلة جديدة من الشراكات في قطاع الطاقة النظيفة، مؤكداً أن التشغيل التجريبي سيبدأ في الربع الأخير من عام ٢٠٢٨.`;
const IPHONE = `بدأت متاجر آبل في الإمارات والسعودية والكويت بيع هاتف iPhone 17 اليوم الجمعة، وسط إقبال كبير من المستهلكين الذين اصطفوا أمام المتاجر منذ ساعات الفجر.
وتراوحت أسعار الهاتف بين ٣٫٩٩٩ و٦٫٥٩٩ درهماً إماراتياً بحسب سعة التخزين.`;
const PORT = `أعلن رئيس الهيئة العامة للموانئ «موانئ» عن إنشاء مرفأ جديد على ساحل الخليج العربي في الأحساء، يؤسس لمرحلة ما بعد النفط ويستوعب السفن العملاقة.
وأوضح أن المرفأ سيرتبط بشبكة السكك الحديدية ويخدم الصادرات غير النفطية إلى آسيا وأوروبا.`;
const TARIFFS = `قال الرئيس الأمريكي دونالد ترامب إن بلاده "لن تتراجع" عن فرض رسوم جمركية تزيد على 25% على واردات الصلب والألمنيوم، رغم اعتراض الشركاء التجاريين في أوروبا وآسيا.
وأضاف في مؤتمر صحفي بالبيت الأبيض أن المفاوضات مع الاتحاد الأوروبي مستمرة.`;
const INVESTMENT = `انطلقت في الرياض أعمال مؤتمر مبادرة مستقبل الاستثمار بمشاركة ٣٥٠ شركة من ٤٠ دولة، ويناقش المؤتمر فرص الاستثمار في الذكاء الاصطناعي والطاقة المتجددة.
وأعلن صندوق الاستثمارات العامة خلال الجلسة الافتتاحية عن صفقات تتجاوز قيمتها 15 مليار دولار.`;

const ARTICLES: Fixture[] = [
  { source: 'واس', title: 'الصحة: تسجيل ١٢ إصابة جديدة بـ"كورونا" في الرياض', text: SPA_STORY, published: '2026-11-24T08:00:00.000Z', fetched: '2026-11-24T08:05:00.000Z' },
  { source: 'سبق', title: `${RLM}عاجل 🔴 | 12 إصابة بكورونا في الرياض & 3 بين العاملين`, text: SPA_STORY_SABQ, published: '2026-11-24T08:40:00.000Z', fetched: '2026-11-24T08:41:00.000Z' },
  { source: 'عكاظ', title: 'كورونا يعود إلى مستشفيات الرياض: هل الإجراءات < المطلوب؟', text: SPA_STORY_TRIMMED, published: '2026-11-24T10:00:00.000Z', fetched: '2026-11-24T10:02:00.000Z' },
  { source: 'الاقتصادية & الأعمال', title: 'أرامكو توقّع اتفاقاً مع Shell و TotalEnergies لإنتاج الهيدروجين', text: HYDROGEN, published: '2026-11-23T06:15:00.000Z', fetched: '2026-11-23T06:20:00.000Z' },
  { source: 'الاقتصادية & الأعمال', title: `آبل تطرح ${LRM}iPhone 17${LRM} في الأسواق الخليجية 📱`, text: IPHONE, published: '2026-11-22T09:30:00.000Z', fetched: '2026-11-22T09:31:00.000Z' },
  { source: 'عكاظ', title: 'رئيس هيئة الموانئ: إنشاء مرفأ جديد يؤسس لمرحلة "ما بعد النفط"', text: PORT, published: '2026-11-23T13:45:00.000Z', fetched: '2026-11-23T13:50:00.000Z' },
  { source: 'سبق', title: "ترامب: 'لن نتراجع' عن الرسوم الجمركية > 25%", text: TARIFFS, published: '2026-11-24T15:20:00.000Z', fetched: '2026-11-24T15:21:00.000Z' },
  { source: 'واس', title: 'مؤتمر «الاستثمار» يستقطب ٣٥٠ شركة من ٤٠ دولة', text: INVESTMENT, published: '2026-11-21T07:00:00.000Z', fetched: '2026-11-21T07:10:00.000Z' },
  // A breaking headline with no body (so no summary) and no date of its own: its fetch time stands in.
  { source: 'سبق', title: 'عاجل: انقطاع الكهرباء عن أحياء في جدة', text: '', published: null, fetched: '2026-11-24T16:05:00.000Z' },
  { source: 'عكاظ', title: 'الأهلي يتغلّب على الفتح 3-0 ويُلاحق الهلال', text: MATCH_AHLI, published: '2026-11-22T20:10:00.000Z', fetched: '2026-11-22T20:30:00.000Z' },
  { source: 'سبق', title: 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', text: MATCH_HILAL, published: '2026-11-22T21:00:00.000Z', fetched: '2026-11-22T21:05:00.000Z' },
];

const SOURCE_URLS: Record<string, string> = {
  'واس': 'https://www.spa.gov.sa/rss?lang=ar&cat=all',
  'سبق': 'https://sabq.org/rss',
  'عكاظ': 'https://www.okaz.com.sa/rss?section=local&format=xml',
  'الاقتصادية & الأعمال': 'https://www.aleqt.com/feed?lang=ar&type=rss2',
};

let serial = 0;
function newArticle(f: Fixture, sourceId: number): NewArticle {
  const paragraphs = f.text ? f.text.split('\n') : [];
  return {
    external_id: null, url: `https://news.example/${++serial}?utm_source=rss&ref=home`, source_id: sourceId, title: f.title,
    lead: null, body: paragraphs.map((p) => `<p>${p}</p>`).join(''), text: paragraphs.join('\n\n'),
    published_at: f.published, published_offset: f.published ? 180 : null, updated_at: null, fetched_at: f.fetched,
    authors: [], image: null, lang: 'ar',
  };
}

async function startSite() {
  const store = SqliteStore.open(':memory:');
  const sources = new Map<string, number>();
  for (const [name, url] of Object.entries(SOURCE_URLS)) sources.set(name, (await store.addSource({ name, url })).source.id);
  const stage = await StoryStage.open(store, { log: silentLogger });
  // Stories are placed in publication order, as the crawler and `marsad import` do.
  const byDate = [...ARTICLES].sort((a, b) => (a.published ?? a.fetched).localeCompare(b.published ?? b.fetched));
  for (const f of byDate) {
    const article = newArticle(f, sources.get(f.source)!);
    const { id } = await store.insertArticle(article);
    await tagStoredArticle(store, id, article, silentLogger);
    await stage.assign(id);
  }
  const app = createApp({ store, log: silentLogger, now: () => new Date('2026-11-24T17:00:00Z') });
  const server = await serveApp(app, { port: 0 });
  const articles: Article[] = [];
  for await (const a of store.iterateArticles()) articles.push(a);
  return { store, server, articles, sources };
}

interface Item {
  title: string | null;
  link: string | null;
  id: string | null;
  date: string | null;
  /** The start of the summary as a reader sees it (markup dropped), or null for an article with no text. */
  summary: string | null;
}

const SUMMARY_START = 40;

function summaryStart(html: string | null | undefined): string | null {
  if (!html) return null;
  return decodeHTML(html.replace(/<[^>]*>/g, '')).trim().slice(0, SUMMARY_START) || null;
}

/** What a reader should find in a feed of these articles: newest first, each linking to our page. */
function expectedItems(articles: readonly Article[], base: string): Item[] {
  return [...articles]
    .sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.id - a.id)
    .map((a) => ({
      title: a.title, link: `${base}/article/${a.id}`, id: `${base}/article/${a.id}`, date: dateOf(a),
      summary: (a.lead ?? a.text.split('\n\n')[0] ?? '').slice(0, SUMMARY_START) || null,
    }));
}

function dateOf(a: Article): string {
  return new Date(a.published_at ?? a.fetched_at).toISOString();
}

function oursItems(xml: string, url: string): Item[] {
  const feed = parseFeed(xml, { url });
  assert.deepEqual(feed.warnings, [], `${url}: our parser has warnings`);
  return feed.items.map((i) => ({ title: i.title ?? null, link: i.link ?? null, id: i.id ?? null, date: i.published ?? null, summary: summaryStart(i.summary) }));
}

function independentItems(xml: string): Item[] {
  return parseIndependently(xml).items.map((i) => ({ title: i.title, link: i.url, id: i.id, date: i.published?.toISOString() ?? null, summary: summaryStart(i.description) }));
}

/** The feeds a page announces in its head, as absolute URLs. */
async function announcedFeeds(pageUrl: string): Promise<{ type: string; url: string }[]> {
  const res = await fetch(pageUrl);
  assert.equal(res.status, 200, pageUrl);
  const html = await res.text();
  const feeds: { type: string; url: string }[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*\brel="alternate"[^>]*>/g)) {
    const type = /\btype="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!type || !href || !/^application\/(rss|atom)\+xml$/.test(type)) continue;
    feeds.push({ type, url: new URL(href.replaceAll('&amp;', '&'), pageUrl).toString() });
  }
  return feeds;
}

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** What a feed validator checks first: well-formed XML, and the elements each format requires. */
function assertValidStructure(xml: string, url: string, type: string): void {
  // jsdom's XML parser is strict (saxes): any well-formedness error gives a <parsererror> document.
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  assert.equal(doc.getElementsByTagName('parsererror').length, 0, `${url} is not well-formed XML`);
  const root = doc.documentElement;
  const child = (el: Element, name: string, ns: string | null = null) => [...el.children].find((c) => c.localName === name && c.namespaceURI === ns);
  const children = (el: Element, name: string, ns: string | null = null) => [...el.children].filter((c) => c.localName === name && c.namespaceURI === ns);
  const absolute = (value: string | null | undefined) => !!value && /^https?:\/\/[^/]+\//.test(value) && URL.canParse(value);
  if (type === 'application/rss+xml') {
    assert.equal(root.localName, 'rss');
    assert.equal(root.getAttribute('version'), '2.0');
    const channel = child(root, 'channel')!;
    assert.ok(channel, `${url}: no channel`);
    for (const required of ['title', 'link', 'description']) assert.ok(child(channel, required)?.textContent?.trim(), `${url}: channel has no ${required}`);
    assert.ok(absolute(child(channel, 'link')!.textContent), `${url}: channel link is not absolute`);
    assert.match(child(channel, 'lastBuildDate')?.textContent ?? '', RFC_822);
    const self = children(channel, 'link', ATOM_NS).find((l) => l.getAttribute('rel') === 'self');
    assert.equal(self?.getAttribute('href'), url, `${url}: atom:link rel=self names another URL`);
    const items = children(channel, 'item');
    assert.ok(items.length > 0, `${url}: no items`);
    for (const item of items) {
      const guid = child(item, 'guid');
      assert.ok(guid?.textContent, `${url}: an item has no guid`);
      if (guid.getAttribute('isPermaLink') !== 'false') assert.ok(absolute(guid.textContent), `${url}: a permalink guid is not a URL`);
      assert.ok(child(item, 'title')?.textContent, `${url}: an item has no title`);
      assert.ok(absolute(child(item, 'link')?.textContent), `${url}: an item link is not absolute`);
      assert.match(child(item, 'pubDate')?.textContent ?? '', RFC_822, `${url}: pubDate is not RFC 822`);
    }
    assert.equal(new Set(items.map((i) => child(i, 'guid')!.textContent)).size, items.length, `${url}: guids repeat`);
  } else {
    assert.equal(root.localName, 'feed');
    assert.equal(root.namespaceURI, ATOM_NS);
    assert.ok(absolute(child(root, 'id', ATOM_NS)?.textContent), `${url}: feed id is not an IRI`);
    assert.ok(child(root, 'title', ATOM_NS)?.textContent, `${url}: feed has no title`);
    assert.match(child(root, 'updated', ATOM_NS)?.textContent ?? '', RFC_3339);
    const links = children(root, 'link', ATOM_NS);
    assert.equal(links.find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href'), url, `${url}: link rel=self names another URL`);
    assert.ok(absolute(links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')?.getAttribute('href')), `${url}: no alternate link`);
    const feedAuthor = children(root, 'author', ATOM_NS).length > 0;
    const entries = children(root, 'entry', ATOM_NS);
    assert.ok(entries.length > 0, `${url}: no entries`);
    for (const entry of entries) {
      assert.ok(absolute(child(entry, 'id', ATOM_NS)?.textContent), `${url}: an entry id is not an IRI`);
      assert.ok(child(entry, 'title', ATOM_NS)?.textContent, `${url}: an entry has no title`);
      assert.match(child(entry, 'updated', ATOM_NS)?.textContent ?? '', RFC_3339, `${url}: entry updated is not RFC 3339`);
      const alternate = children(entry, 'link', ATOM_NS).find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
      assert.ok(absolute(alternate?.getAttribute('href')), `${url}: an entry has no alternate link`);
      assert.ok(feedAuthor || children(entry, 'author', ATOM_NS).length > 0, `${url}: an entry has no author and the feed names none`);
    }
    assert.equal(new Set(entries.map((e) => child(e, 'id', ATOM_NS)!.textContent)).size, entries.length, `${url}: entry ids repeat`);
  }
}

let feedsChecked = 0;

/** Fetch one feed; check its structure; both parsers must read back `expected`, in order. */
async function checkFeed(feed: { type: string; url: string }, expected: Item[]): Promise<void> {
  feedsChecked++;
  const res = await fetch(feed.url);
  assert.equal(res.status, 200, feed.url);
  assert.equal(res.headers.get('content-type'), `${feed.type}; charset=utf-8`);
  const xml = await res.text();
  assertValidStructure(xml, feed.url, feed.type);
  assert.deepEqual(oursItems(xml, feed.url), expected, `${feed.url}: our parser`);
  assert.deepEqual(independentItems(xml), expected, `${feed.url}: @rowanmanning/feed-parser`);
  const independent = parseIndependently(xml);
  assert.equal(independent.meta.type, feed.type === 'application/rss+xml' ? 'rss' : 'atom');
  assert.equal(independent.language, 'ar');
}

function pair(feeds: { type: string; url: string }[], page: string) {
  const types = feeds.map((f) => f.type).sort();
  assert.deepEqual(types, ['application/atom+xml', 'application/rss+xml'], `${page} announces one RSS and one Atom feed`);
  return feeds;
}

let site: Awaited<ReturnType<typeof startSite>>;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site.server.close();
  await site.store.close();
});

test('every tag feed lists the articles carrying the tag, newest first, in both parsers', async () => {
  const { store, server, articles } = site;
  const byTag = new Map<string, Article[]>();
  for (const a of articles) {
    for (const tag of await store.tagsForArticle(a.id)) byTag.set(tag.key, [...(byTag.get(tag.key) ?? []), a]);
  }
  assert.ok(byTag.size >= 10, `the tagger found only ${byTag.size} tags`);
  const before = feedsChecked;
  for (const [key, tagged] of byTag) {
    const page = `${server.url}/tag/${encodeURIComponent(key)}`;
    for (const feed of pair(await announcedFeeds(page), page)) await checkFeed(feed, expectedItems(tagged, server.url));
  }
  assert.equal(feedsChecked - before, 2 * byTag.size);
});

test('every story feed lists its articles, copies included, newest first, in both parsers', async () => {
  const { server, articles } = site;
  const byStory = new Map<number, Article[]>();
  for (const a of articles) if (a.story_id !== null) byStory.set(a.story_id, [...(byStory.get(a.story_id) ?? []), a]);
  const corona = articles.find((a) => a.title.startsWith('الصحة: تسجيل'))!;
  assert.equal(byStory.get(corona.story_id!)?.length, 3, 'the wire story and its two copies are one story');
  const before = feedsChecked;
  for (const [story, members] of byStory) {
    const page = `${server.url}/story/${story}`;
    for (const feed of pair(await announcedFeeds(page), page)) await checkFeed(feed, expectedItems(members, server.url));
  }
  assert.equal(feedsChecked - before, 2 * byStory.size);
});

test("search feeds list the matching originals newest first, whatever the page's order", async () => {
  const { server, articles } = site;
  // Search folds syndicated copies into their original, and so does its feed. A query of two words
  // puts & in the feed's URL, which the feed must escape in its self link.
  for (const [q, matches] of [
    ['كورونا', (a: Article) => /كورونا/.test(a.title + a.text)],
    ['كورونا الرياض', (a: Article) => /كورونا/.test(a.title + a.text) && /الرياض/.test(a.title + a.text)],
    ['Shell', (a: Article) => /Shell/.test(a.text)],
  ] as const) {
    const page = `${server.url}/search?q=${encodeURIComponent(q)}&sort=date`;
    const expected = expectedItems(articles.filter((a) => a.duplicate_of === null && matches(a)), server.url);
    assert.ok(expected.length > 0, q);
    for (const feed of pair(await announcedFeeds(page), page)) await checkFeed(feed, expected);
  }
});

test('the home feed lists every article newest first, the one without a date by its fetch time', async () => {
  const { server, articles } = site;
  for (const feed of pair(await announcedFeeds(`${server.url}/`), 'the home page')) await checkFeed(feed, expectedItems(articles, server.url));
});

test("each source feed lists that outlet's articles, its name escaped in the channel title", async () => {
  const { server, articles, sources } = site;
  for (const [name, id] of sources) {
    const page = `${server.url}/source/${id}`;
    for (const feed of pair(await announcedFeeds(page), name)) {
      await checkFeed(feed, expectedItems(articles.filter((a) => a.source_id === id), server.url));
      assert.equal(parseIndependently(await (await fetch(feed.url)).text()).title, `${name} | مرصد`);
    }
  }
});
