/**
 * Content safety end to end: a hostile outlet on loopback puts known XSS vectors in every field of
 * its feed and its pages; the real crawler stores them; then every page, feed and API answer the site
 * gives about them is parsed as a browser or feed reader would, and nothing in it may run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import { parseFeed } from '../src/feeds/index.ts';
import { Fetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log/index.ts';
import { crawlDue } from '../src/pipeline/crawl.ts';
import { StoryStage } from '../src/pipeline/stories.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { TAGGER_VERSION } from '../src/tags/index.ts';
import { createApp } from '../src/web/app.tsx';
import { tagPath } from '../src/web/views/tags.tsx';

/** Markup meant to break out of text: closes the title, opens a script, adds an event handler. */
const BREAKOUT = '</title><script>alert("title")</script><img src=x onerror=alert("t")>';
/** RIGHT-TO-LEFT OVERRIDE: it would reverse the text after it, our own interface included. */
const RLO = '\u202E';

/** Known vectors, each as the hostile HTML an outlet would put in an article body or a feed's content. */
const VECTORS = [
  '<script>alert("script")</script>',
  '<ScRiPt>alert("mixed case")</sCrIpT>',
  '<img src=x onerror=alert("img")>',
  '<IMG SRC="jav&#x09;ascript:alert(\'tab\')">',
  '<img src="javascript:alert(1)" alt="صورة">',
  '<img srcset="javascript:alert(1) 1x">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="javascript:alert(\'link\')">رابط خبيث</a>',
  '<a href="JaVaScRiPt:alert(1)">رابط بحروف مختلطة</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">رابط مرمّز</a>',
  '<a href=" &#x6A;avascript&colon;alert(1)">رابط مرمّز بالست عشري</a>',
  '<a href="java\nscript:alert(1)">رابط مكسور السطر</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">رابط بيانات</a>',
  '<a href="vbscript:msgbox(1)">رابط قديم</a>',
  '<a href="https://example.org/safe" onclick="alert(1)" style="color:red" target="_top">رابط سليم</a>',
  '<svg onload=alert("svg")><circle r="5"/></svg>',
  '<svg><script>alert("svg script")</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<form action="javascript:alert(1)"><input name="q"><button formaction="javascript:alert(2)">أرسل</button></form>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="width: expression(alert(1))">نص بأسلوب قديم</div>',
  '<p style="background-image:url(javascript:alert(1))">فقرة بخلفية</p>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<details open ontoggle=alert(1)><summary>تفاصيل</summary></details>',
  '<video><source onerror=alert(1)></video>',
  '<body onload=alert(1)>',
  '&lt;script&gt;alert("entity")&lt;/script&gt;',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
];

/** Realistic Arabic prose, so the extractor takes the article for one. */
const PARAGRAPHS = [
  'أعلنت وزارة الخارجية في بيان صدر صباح اليوم أن جولة جديدة من المفاوضات ستعقد الأسبوع المقبل في العاصمة بحضور ممثلين عن الأطراف كافة.',
  'وقال المتحدث باسم الوزارة إن الوفد سيحمل مقترحات تتعلق بوقف إطلاق النار وتبادل الأسرى وإدخال المساعدات الإنسانية إلى المناطق المتضررة.',
  'وأضاف أن المشاورات التمهيدية التي جرت خلال الأيام الماضية أظهرت رغبة مشتركة في التوصل إلى اتفاق يضع حدا للأزمة المستمرة منذ شهور.',
  'ويرى مراقبون أن نجاح الجولة المقبلة يتوقف على قدرة الوسطاء على تقريب وجهات النظر بشأن الملفات العالقة وفي مقدمتها ملف الحدود.',
];

/** Prose with a vector after each paragraph, the way a compromised CMS would serve it. */
function hostileBody(): string {
  const out: string[] = [];
  VECTORS.forEach((v, i) => out.push(`<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>`, v));
  return out.join('\n');
}

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function feed(origin: string): string {
  const item = (n: number, title: string, link = `${origin}/news/${n}`) => `<item>
  <title>${escXml(title)}</title>
  <link>${escXml(link)}</link>
  <guid isPermaLink="false">hostile-${n}</guid>
  <pubDate>Tue, 10 Mar 2026 0${n}:00:00 +0300</pubDate>
  <description>${cdata(hostileBody())}</description>
  <content:encoded>${cdata(hostileBody())}</content:encoded>
  <dc:creator>${escXml('<b onmouseover=alert("creator")>سامي العلي</b>')}</dc:creator>
  <category>${escXml('<svg onload=alert("category")>سياسة')}</category>
  <media:content url="javascript:alert('media')" medium="image"/>
  <enclosure url="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;" type="image/png" length="1"/>
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${escXml(`${RLO}<script>alert("channel")</script>وكالة الأنباء`)}</title>
<link>${origin}/</link>
<description>${escXml('<img src=x onerror=alert(1)>')}</description>
${item(1, `${RLO}${BREAKOUT} المفاوضات تستأنف الأسبوع المقبل`)}
${item(2, `&lt;img src=x onerror=alert(2)&gt; ${BREAKOUT} جولة ثانية من المفاوضات`)}
${item(3, `${BREAKOUT} وفد المفاوضات يصل العاصمة`)}
${item(4, 'رابط جافاسكربت', 'javascript:alert("item link")')}
${item(5, 'رابط بيانات', 'data:text/html,<script>alert(1)</script>')}
</channel>
</rss>`;
}

function page(title: string, head: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>${title}</title><script>alert("head")</script></title>
<base href="javascript:alert('base')//">
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<link rel="canonical" href="javascript:alert('canonical')">
${head}
</head><body onload="alert('body')">
<header><nav><a href="/">الرئيسية</a></nav></header>
${body}
</body></html>`;
}

function articlePage(n: number): string {
  switch (n) {
    case 1:
      // Metadata in OpenGraph and meta tags, all hostile; the article body full of vectors.
      return page(
        escXml(`${RLO}${BREAKOUT} المفاوضات تستأنف الأسبوع المقبل - وكالة الأنباء`),
        `<meta property="og:title" content="${escXml(`${RLO}${BREAKOUT} المفاوضات تستأنف الأسبوع المقبل`)}">
<meta property="og:image" content="javascript:alert('og')">
<meta name="author" content="${escXml('<b onmouseover=alert("author")>محمد الكاتب</b>')}">
<meta property="article:published_time" content="2026-03-10T01:00:00+03:00">
<meta property="og:description" content="${escXml('<script>alert("description")</script> وصف الخبر')}">`,
        `<article><h1>${escXml(`${BREAKOUT} المفاوضات تستأنف الأسبوع المقبل`)}</h1>\n${hostileBody()}\n</article>`,
      );
    case 2:
      // No body text at all: the feed item's content is what gets stored.
      return page('&lt;img src=x onerror=alert(2)&gt; جولة ثانية من المفاوضات', '', '<main></main>');
    case 3: {
      // JSON-LD only; `</script>` inside its strings, escaped the two ways JSON allows.
      const ld = `{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"<\\/script><script>alert('ld')<\\/script> وفد المفاوضات يصل العاصمة",
"author":{"@type":"Person","name":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert('ld-author')\\u003e هدى"},
"image":"javascript:alert('ld-image')","datePublished":"2026-03-10T03:00:00+03:00"}`;
      return page(escXml(`${BREAKOUT} وفد المفاوضات يصل العاصمة`), `<script type="application/ld+json">${ld}</script>`, `<article>${hostileBody()}</article>`);
    }
    default:
      return page('غير موجود', '', '<p>غير موجود</p>');
  }
}

async function startHostileOutlet(): Promise<{ origin: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const article = /^\/news\/(\d)$/.exec(path);
    if (path === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(feed(origin));
    } else if (article) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(articlePage(Number(article[1])));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

// ---- What a browser or feed reader would find ----

const FORBIDDEN_ELEMENTS = 'script, iframe, frame, frameset, object, embed, applet, style, base, svg, math, template, noscript, meta[http-equiv], input:not(.site-search input):not(.search-form input)';
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'xlink:href', 'ping'];
/** What a browser does to a URL before reading its scheme: strips whitespace and controls anywhere. */
const scheme = (url: string) => url.replace(/[\u0000-\u0020]/g, '').toLowerCase();

/** Everything in `html` that would run or load outside our policy; empty when it is inert. */
function executable(html: string, { page = true } = {}): string[] {
  const found: string[] = [];
  // The raw text first: a tag-like sequence only counts when it opens a tag (`&lt;script` is text).
  if (/<script/i.test(html)) found.push('raw <script');
  // An event handler among a tag's attributes (quoted values skipped: escaped markup in them is text).
  const handler = /<[a-z][a-z0-9-]*(?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'][^\s>]*))?)*?\s+on[a-z]+\s*=/i.exec(html);
  if (handler) found.push(`raw event handler: ${handler[0].slice(0, 80)}`);
  const doc = new JSDOM(html).window.document;
  for (const el of doc.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}> ${el.outerHTML.slice(0, 80)}`);
  for (const form of doc.querySelectorAll('form')) {
    if (!page || form.getAttribute('action') !== '/search') found.push(`form ${form.outerHTML.slice(0, 80)}`);
  }
  for (const link of doc.querySelectorAll('link')) {
    const ok = page && (['canonical', 'alternate'].includes(link.rel) || link.getAttribute('href')?.startsWith('/static/'));
    if (!ok) found.push(`link ${link.outerHTML}`);
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${el.localName}[${attr.name}]`);
      if (URL_ATTRIBUTES.includes(attr.name) && !/^(https?:\/\/|\/(?!\/)|#|\?)/.test(scheme(attr.value))) {
        found.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 60)}]`);
      }
    }
  }
  return found;
}

/** URL-valued fields (url, image, link, href…) in a JSON answer that are neither http(s) nor our own paths. */
function badUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /(url|image|link|href)$/i.test(key) && !/^(https?:\/\/|\/(?!\/))/.test(scheme(value)) ? [`${key}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v) => badUrls(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badUrls(v, k));
  return [];
}

function text(html: string, selector: string): string | null {
  return new JSDOM(html).window.document.querySelector(selector)?.textContent ?? null;
}

/** A feed must be well-formed XML (a strict parser), and what its readers render as HTML inert. */
function checkFeed(xml: string, where: string): Document {
  let doc: Document;
  try {
    doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  } catch (err) {
    assert.fail(`${where} is not well-formed XML: ${(err as Error).message}`);
  }
  assert.equal(doc.querySelector('parsererror'), null, where);
  for (const el of doc.querySelectorAll('description, summary, content')) {
    assert.deepEqual(executable(el.textContent ?? '', { page: false }), [], `${where}: <${el.localName}> as HTML`);
  }
  for (const el of doc.querySelectorAll('link')) {
    const href = el.getAttribute('href') ?? el.textContent ?? '';
    assert.match(href, /^https?:\/\//, `${where}: link ${href}`);
  }
  return doc;
}

test('XSS vectors in every field of a feed and its pages are inert on every page, feed and API answer', async () => {
  const outlet = await startHostileOutlet();
  const store = SqliteStore.open(':memory:');
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, retryBaseDelayMs: 10 });
  try {
    // The name an operator's list gives (OPML, `sources add`); one taken from a feed's title has its
    // bidi controls dropped by the feed parser, checked below.
    const hostileName = '<script>alert("source")</script><b onmouseover=alert(1)>وكالة</b> "الأنباء" & co';
    const { source } = await store.addSource({ name: hostileName, url: `${outlet.origin}/feed.xml`, home_url: `${outlet.origin}/`, kind: 'feed', country: 'JO', lang: 'ar' });
    const stories = await StoryStage.open(store, { log: silentLogger });
    const [result] = await crawlDue({ store, fetcher, log: silentLogger, stories });
    assert.equal(result?.status, 'ok', result?.error);

    // What the feed parser makes of the hostile feed's own fields: markup kept as text, overrides gone.
    const parsed = parseFeed(feed(outlet.origin), { url: `${outlet.origin}/feed.xml` });
    for (const field of [parsed.title, ...parsed.items.flatMap((i) => [i.title, ...i.authors, ...i.categories])]) {
      assert.doesNotMatch(field ?? '', /[\u202A-\u202E\u2066-\u2069]/, `bidi controls dropped from feed field ${field}`);
    }
    assert.equal(parsed.title, 'وكالة الأنباء', 'markup in a feed title is dropped, and the script with its text');

    const articles = await store.latestArticles({ limit: 10 });
    assert.equal(articles.length, 3, 'the three http links are stored; javascript: and data: item links are never fetched');
    assert.ok(articles.filter((a) => /<(script|img)/.test(a.title)).length >= 2, `titles keep their markup as text: ${articles.map((a) => a.title)}`);
    for (const a of articles) {
      assert.deepEqual(executable(a.body, { page: false }), [], `stored body of ${a.url}`);
      assert.ok(a.image === null || /^https?:\/\//.test(a.image), `image of ${a.url}: ${a.image}`);
      assert.doesNotMatch(a.title, /[\u202A-\u202E\u2066-\u2069]/, `bidi controls dropped from ${a.title}`);
      assert.ok(a.text.includes('المفاوضات') || a.text.includes('الوفد'), `the prose is kept in ${a.url}`);
    }
    // A tag named by a hostile feed (as categories might one day be) must be as harmless as the rest.
    const hostileTag = { key: 'keyword:<script>', name: '<img src=x onerror=alert("tag")>وسم', type: 'keyword' as const, weight: 0.1 };
    await store.setArticleTags(articles[0]!.id, [...(await store.tagsForArticle(articles[0]!.id)), hostileTag], TAGGER_VERSION);

    const app = createApp({ store, log: silentLogger, now: () => new Date('2026-03-10T12:00:00Z') });
    const get = async (path: string) => {
      const res = await app.request(path);
      assert.ok(res.status < 500, `${path}: ${res.status}`);
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    };

    const pages = ['/', '/sources', `/source/${source.id}`, '/no-such-page', '/search?q=المفاوضات', '/search?q=المفاوضات&sort=date'];
    const feeds = ['/search/rss?q=المفاوضات', '/search/atom?q=المفاوضات'];
    for (const a of articles) {
      pages.push(`/article/${a.id}`);
      for (const t of await store.tagsForArticle(a.id)) {
        pages.push(tagPath(t.key));
        feeds.push(`${tagPath(t.key)}/rss`, `${tagPath(t.key)}/atom`);
      }
    }
    const storyIds = (await store.latestStories({ limit: 10 })).map((s) => s.id);
    assert.ok(storyIds.length > 0, 'the articles are in stories');
    for (const id of storyIds) pages.push(`/story/${id}`), feeds.push(`/story/${id}/rss`, `/story/${id}/atom`);

    for (const path of new Set(pages)) {
      const { body, type } = await get(path);
      assert.match(type, /^text\/html/, path);
      assert.deepEqual(executable(body), [], path);
      assert.doesNotMatch(body, /[\u202A-\u202E\u2066-\u2069]/, `${path}: no bidi override reaches the page`);
    }
    for (const path of new Set(feeds)) checkFeed((await get(path)).body, path);

    // Escaped, not stripped: what the outlet wrote is shown as the text it is.
    for (const a of articles) {
      const { body } = await get(`/article/${a.id}`);
      assert.equal(text(body, 'h1'), a.title, `the headline of ${a.url} as text`);
      assert.equal(text(body, 'title'), `${a.title} | مرصد`);
      const bylines = [...new JSDOM(body).window.document.querySelectorAll('p.meta span')].map((s) => s.textContent);
      assert.ok(a.authors.length === 0 || bylines.includes(a.authors.join('، ')), `authors of ${a.url} shown as text: ${a.authors}`);
    }
    const shownName = source.name;
    assert.equal(text((await get('/sources')).body, `main a[href="/source/${source.id}"]`), shownName, 'the source name as text');
    assert.equal(text((await get(`/source/${source.id}`)).body, 'h1'), shownName);
    const tagPage = (await get(tagPath(hostileTag.key))).body;
    assert.equal(text(tagPage, 'h1')?.includes(hostileTag.name), true, 'the tag name as text');
    const tagFeed = checkFeed((await get(`${tagPath(hostileTag.key)}/rss`)).body, 'tag feed');
    assert.equal(tagFeed.querySelector('channel > title')?.textContent, `${hostileTag.name} | مرصد`);
    const searchFeed = checkFeed((await get('/search/atom?q=المفاوضات')).body, 'search feed');
    // Search folds syndicated copies under their original, so a copy may be absent; none is altered.
    const titles = new Set(articles.map((a) => a.title));
    const feedTitles = [...searchFeed.querySelectorAll('entry > title')].map((t) => t.textContent ?? '');
    assert.ok(feedTitles.length >= 1 && feedTitles.every((t) => titles.has(t)), `feed titles round-trip through XML escaping: ${feedTitles}`);

    // The API: valid JSON, served as JSON (never sniffed as HTML), the titles as data, URLs http(s).
    const apiPaths = ['/api/v1/search?q=المفاوضات', '/api/v1/search?q=%3Cscript%3E', '/healthz', '/api/v1/articles', '/api/v1/stories', '/api/v1/sources', `/api/v1/sources/${source.id}`];
    for (const a of articles) apiPaths.push(`/api/v1/articles/${a.id}`);
    for (const id of storyIds) apiPaths.push(`/api/v1/stories/${id}`);
    apiPaths.push(`/api/v1/tags/${encodeURIComponent(hostileTag.key)}`);
    for (const path of apiPaths) {
      const { type, body } = await get(path);
      assert.match(type, /^application\/json/, path);
      assert.deepEqual(badUrls(JSON.parse(body)), [], path);
    }
    const api = JSON.parse((await get('/api/v1/search?q=المفاوضات')).body) as { items: Array<{ title: string }> };
    assert.ok(api.items.length >= 1 && api.items.every((i) => titles.has(i.title)), 'API titles are the stored ones, unaltered');
  } finally {
    await fetcher.close();
    await store.close();
    await outlet.close();
  }
});

const HOSTILE_QUERIES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onfocus=alert(1) autofocus '",
  '</title><script>alert(1)</script>',
  'javascript:alert(1)',
  `${RLO}غزة source:"<b>x</b>"`,
];

test('the search page reflects a query with markup as escaped text, in the box, the title and the feed links', async () => {
  const store = SqliteStore.open(':memory:');
  try {
    const app = createApp({ store, log: silentLogger });
    for (const q of HOSTILE_QUERIES) {
      for (const path of [`/search?q=${encodeURIComponent(q)}`, `/search?q=${encodeURIComponent(q)}&sort=date`]) {
        const res = await app.request(path);
        assert.equal(res.status, 200, path);
        const html = await res.text();
        assert.deepEqual(executable(html), [], path);
        const doc = new JSDOM(html).window.document;
        assert.equal(doc.querySelector<HTMLInputElement>('#search-q')?.value, q, 'the box holds the query as typed');
        assert.equal(doc.title, `بحث: ${q} | مرصد`);
        for (const link of doc.querySelectorAll('link[rel=alternate], a[href^="/search"]')) {
          assert.equal(new URL(link.getAttribute('href')!, 'http://localhost').searchParams.get('q'), q, 'the query travels as a parameter');
        }
      }
      for (const format of ['rss', 'atom']) {
        const res = await app.request(`/search/${format}?q=${encodeURIComponent(q)}`);
        if (res.status === 200) checkFeed(await res.text(), `${format} for ${q}`);
        else assert.equal(res.status, 400);
      }
    }
  } finally {
    await store.close();
  }
});
