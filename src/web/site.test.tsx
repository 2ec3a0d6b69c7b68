import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { silentLogger } from '../log/index.ts';
import type { NewArticle } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';

const NOW = new Date('2026-11-29T09:00:00Z');
const HOUR = 3_600_000;

// Headlines of a week of Gulf business and politics news; the fixture repeats them with a number.
const HEADLINES = [
  'البنك المركزي السعودي يثبت أسعار الفائدة',
  'أرامكو توقع اتفاقية لتوسعة مصفاة الجبيل',
  'هيئة الطيران المدني تعلن قواعد جديدة للمسافرين',
  'الرياض تستضيف منتدى الاستثمار الأخضر',
  'ارتفاع الصادرات غير النفطية في الربع الثالث',
];

function article(sourceId: number, i: number, hoursAgo: number): NewArticle {
  const title = `${HEADLINES[i % HEADLINES.length]} (${i + 1})`;
  const text = `${title}. وقال مسؤولون إن القرار يأتي ضمن خطة أوسع لتنويع مصادر الدخل.\n\nوأضافوا أن التفاصيل ستعلن تباعاً.`;
  const published = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
  return {
    external_id: null, url: `https://sabq.example/news/${i + 1}`, source_id: sourceId, title, lead: null,
    body: text.split('\n\n').map((p) => `<p>${p}</p>`).join(''), text, published_at: published, published_offset: 180,
    updated_at: null, fetched_at: published, authors: [], image: null, lang: 'ar',
  };
}

/** `n` articles from one outlet, an hour apart (the newest an hour old), tagged with the Saudi tag. */
async function fixture(n: number) {
  const store = SqliteStore.open(':memory:');
  const { source } = await store.addSource({ name: 'سبق', url: 'https://sabq.example/rss', home_url: 'https://sabq.example/' });
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await store.insertArticle(article(source.id, i, i + 1));
    await store.setArticleTags(id, [{ key: 'country:SA', name: 'السعودية', type: 'place', weight: 1 }], 1);
    ids.push(id);
  }
  const app = createApp({ store, log: silentLogger, now: () => NOW, siteUrl: 'https://marsad.example' });
  return { store, app, ids, sourceId: source.id };
}

const articleIds = (html: string) => [...html.matchAll(/<h[23]><a href="\/article\/(\d+)">/g)].map((m) => Number(m[1]));
const nextHref = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
const prevHref = (html: string) => /<a href="([^"]+)" rel="prev">/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;

test('the home page pages by number: next and previous links, every article once, bad page numbers are 400', async () => {
  const { app, store, ids } = await fixture(35);
  const first = await (await app.request('/')).text();
  assert.deepEqual(articleIds(first.split('id="latest-h"')[1]!), ids.slice(0, 30), 'newest first, 30 a page');
  assert.equal(prevHref(first), null);
  const next = nextHref(first)!;
  assert.match(next, /^\/\?page=2&before=/);
  assert.match(first, /<link rel="next" href="\/\?page=2&amp;before=/);

  const second = await (await app.request(next)).text();
  assert.deepEqual(articleIds(second), ids.slice(30), 'the rest on page 2');
  assert.equal(prevHref(second), '/');
  assert.match(second, /<link rel="prev" href="\/"\/>/);
  assert.equal(nextHref(second), null, 'no page after the last');
  assert.match(second, /<link rel="canonical" href="https:\/\/marsad.example\/\?page=2"\/>/);
  assert.doesNotMatch(second, /top-stories-h/, 'later pages list articles only');
  // A "previous" link or a typed URL carries no cursor: the page is found from the top.
  assert.deepEqual(articleIds(await (await app.request('/?page=2')).text()), ids.slice(30));
  assert.equal((await app.request('/?page=3')).status, 404, 'past the last page');

  for (const bad of ['0', 'abc', '-1', '2.5', '101', '99999']) {
    const res = await app.request(`/?page=${bad}`);
    assert.equal(res.status, 400, `page=${bad}`);
    assert.match(await res.text(), /رقم الصفحة غير صالح/);
  }
  await store.close();
});

test('tag and source pages page the same way, with a page number and previous links', async () => {
  const { app, store, ids, sourceId } = await fixture(65);
  for (const path of ['/tag/country:SA', `/source/${sourceId}`]) {
    const seen: number[] = [];
    let href: string | null = path;
    let last = '';
    for (let page = 1; href && page <= 4; page++) {
      last = await (await app.request(href)).text();
      seen.push(...articleIds(last));
      href = nextHref(last);
    }
    assert.deepEqual(seen, ids, `${path}: every article once, in order`);
    assert.match(last, /الصفحة 3/);
    assert.equal(prevHref(last), `${path}?page=2`);
    assert.deepEqual(articleIds(await (await app.request(`${path}?page=2`)).text()), ids.slice(30, 60));
    assert.equal((await app.request(`${path}?page=x`)).status, 400);
  }
  await store.close();
});

test('relative times read as Arabic counts them, with the full Gregorian and Hijri date on hover', async () => {
  const store = SqliteStore.open(':memory:');
  const { source } = await store.addSource({ name: 'سبق', url: 'https://sabq.example/rss' });
  const ages: Array<[number, string]> = [[1, 'منذ ساعة'], [2, 'منذ ساعتين'], [5, 'منذ 5 ساعات'], [11, 'منذ 11 ساعة'], [48, 'منذ يومين'], [72, 'منذ 3 أيام']];
  for (const [i, [hours]] of ages.entries()) await store.insertArticle(article(source.id, i, hours));
  const app = createApp({ store, log: silentLogger, now: () => NOW });
  const html = await (await app.request('/')).text();
  for (const [, text] of ages) assert.match(html, new RegExp(`<time class="rel" datetime="[^"]+" title="[^"]+ هـ">${text}</time>`), text);
  // Two hours before 09:00 UTC is 10:00 in Riyadh, the site's zone.
  const twoHours = new Date(NOW.getTime() - 2 * HOUR).toISOString();
  assert.ok(html.includes(`<time class="rel" datetime="${twoHours}" title="الأحد 29 نوفمبر 2026، 10:00 ص · 19 جمادى الآخرة 1448 هـ">منذ ساعتين</time>`));
  await store.close();
});

test('every page names its canonical URL from the configured base; shared pages carry OpenGraph and Twitter tags', async () => {
  const { app, store, ids, sourceId } = await fixture(3);
  const pages: Array<[string, string]> = [
    ['/', 'https://marsad.example/'],
    ['/stories', 'https://marsad.example/stories'],
    ['/sources', 'https://marsad.example/sources'],
    [`/source/${sourceId}`, `https://marsad.example/source/${sourceId}`],
    [`/article/${ids[0]}`, `https://marsad.example/article/${ids[0]}`],
    ['/tag/country:SA', 'https://marsad.example/tag/country:SA'],
    ['/search', 'https://marsad.example/search'],
  ];
  for (const [path, canonical] of pages) {
    const html = await (await app.request(`http://10.0.0.5:8080${path}`)).text();
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl">'), `${path}: standards mode, Arabic, RTL`);
    assert.ok(html.includes(`<link rel="canonical" href="${canonical}"/>`), `${path}: canonical ${canonical}`);
  }
  const page = await (await app.request(`/article/${ids[0]}`)).text();
  assert.match(page, /<meta property="og:type" content="article"\/>/);
  assert.match(page, /<meta property="og:title" content="البنك المركزي السعودي يثبت أسعار الفائدة \(1\)"\/>/);
  assert.match(page, new RegExp(`<meta property="og:url" content="https://marsad.example/article/${ids[0]}"/>`));
  assert.match(page, /<meta property="article:published_time" content="2026-11-29T08:00:00.000Z"\/>/);
  assert.match(page, /<meta property="article:tag" content="السعودية"\/>/);
  assert.match(page, /<meta name="twitter:card" content="summary"\/>/);
  assert.match(page, /<meta name="description" content="البنك المركزي السعودي يثبت أسعار الفائدة \(1\)\. وقال مسؤولون/);
  const tag = await (await app.request('/tag/country:SA')).text();
  assert.match(tag, /<meta property="og:title" content="السعودية"\/>/);
  await store.close();
});

test('the home page and each source have RSS and Atom feeds that parse to the same articles, announced in the page', async () => {
  const { app, store, ids, sourceId } = await fixture(3);
  const home = await (await app.request('/')).text();
  assert.match(home, /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/rss"\/>/);
  assert.match(home, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/atom"\/>/);
  const source = await (await app.request(`/source/${sourceId}`)).text();
  assert.ok(source.includes(`href="/source/${sourceId}/rss"`));
  for (const path of ['', `/source/${sourceId}`]) {
    const items: string[][] = [];
    for (const format of ['rss', 'atom'] as const) {
      const res = await app.request(`${path}/${format}`);
      assert.equal(res.status, 200, `${path}/${format}`);
      const feed = parseFeed(await res.text());
      assert.equal(feed.format, format);
      assert.equal(feed.link, `https://marsad.example${path || '/'}`);
      items.push(feed.items.map((i) => i.link ?? ''));
    }
    assert.deepEqual(items[0], ids.map((id) => `https://marsad.example/article/${id}`));
    assert.deepEqual(items[1], items[0], 'RSS and Atom carry the same items');
  }
  assert.equal((await app.request('/source/999/rss')).status, 404);
  await store.close();
});

test('robots.txt points to a sitemap index listing our articles, stories, sources and tags', async () => {
  const { app, store, ids, sourceId } = await fixture(3);
  const robots = await (await app.request('/robots.txt')).text();
  assert.match(robots, /^Sitemap: https:\/\/marsad.example\/sitemap.xml$/m);
  assert.match(robots, /^Disallow: \/search$/m);
  const index = await app.request('/sitemap.xml');
  assert.equal(index.headers.get('content-type'), 'application/xml; charset=utf-8');
  const locs = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(locs, ['https://marsad.example/sitemap/pages.xml', 'https://marsad.example/sitemap/articles-1.xml']);
  const articles = await (await app.request('/sitemap/articles-1.xml')).text();
  assert.deepEqual([...articles.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]), ids.map((id) => `https://marsad.example/article/${id}`));
  assert.match(articles, /<lastmod>2026-11-29T08:00:00Z<\/lastmod>/);
  const pages = await (await app.request('/sitemap/pages.xml')).text();
  for (const loc of ['https://marsad.example/', `https://marsad.example/source/${sourceId}`, 'https://marsad.example/tag/country:SA']) {
    assert.ok(pages.includes(`<loc>${loc}</loc>`), loc);
  }
  assert.equal((await app.request('/sitemap/articles-2.xml')).status, 404);
  assert.equal((await app.request('/sitemap/articles-x.xml')).status, 404);
  await store.close();
});

test('a source page shows its health: last poll, failures and last error, articles per day', async () => {
  const { app, store, sourceId } = await fixture(30);
  await store.recordPoll(sourceId, {
    ok: false, status: 'timeout', error: 'timed out after 20000 ms', poll_interval: 1800,
    next_poll_at: new Date(NOW.getTime() + 1800_000).toISOString(), polled_at: new Date(NOW.getTime() - 10 * 60_000).toISOString(),
  });
  const html = await (await app.request(`/source/${sourceId}`)).text();
  assert.match(html, /<dt>آخر جلب<\/dt><dd><time class="rel"[^>]*>منذ 10 دقائق<\/time>/);
  assert.match(html, /<dt>إخفاقات متتالية<\/dt><dd>1<\/dd>/);
  assert.match(html, /<span class="badge warn">انتهت المهلة<\/span>/);
  assert.match(html, /آخر خطأ:<\/strong> <bdi dir="auto">timed out after 20000 ms<\/bdi>/);
  // Articles an hour apart from 08:00 UTC back: 12 on Sunday the 29th in Riyadh (from 21:00 UTC), 18 the day before.
  assert.match(html, /<th scope="row">الأحد، 29 نوفمبر<\/th><td>12<\/td>/);
  assert.match(html, /<th scope="row">السبت، 28 نوفمبر<\/th><td>18<\/td>/);
  assert.match(html, /<th scope="row">الجمعة، 27 نوفمبر<\/th><td>0<\/td>/);
  assert.match(html, /<dt>معدل النشر<\/dt><dd>4\.3 في اليوم/);
  assert.match(html, /30 خبراً في الأرشيف/);
  await store.close();
});

test('search results page by number too: by relevance and by date, with previous links; past page 20 is 400', async () => {
  const { app, store, ids } = await fixture(35);
  const q = encodeURIComponent('مصادر الدخل');
  for (const sort of ['', '&sort=date']) {
    const first = await (await app.request(`/search?q=${q}${sort}`)).text();
    assert.equal(articleIds(first).length, 30, `sort${sort}: a full first page`);
    const next = nextHref(first)!;
    assert.match(next, /[?&]page=2&cursor=/);
    const second = await (await app.request(next)).text();
    assert.equal(articleIds(second).length, 5);
    assert.deepEqual(new Set([...articleIds(first), ...articleIds(second)]), new Set(ids), 'every match once');
    assert.equal(prevHref(second), `/search?q=${q.replaceAll('%20', '+')}${sort}`);
    assert.deepEqual(articleIds(await (await app.request(`/search?q=${q}${sort}&page=2`)).text()), articleIds(second), 'the same page without its cursor');
  }
  const deep = await app.request(`/search?q=${q}&page=21`);
  assert.equal(deep.status, 400);
  assert.match(await deep.text(), /رقم الصفحة غير صالح/);
  await store.close();
});
