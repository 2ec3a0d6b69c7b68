import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { silentLogger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';

async function fixture() {
  const store = SqliteStore.open(':memory:');
  const { source } = await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss.xml', home_url: 'https://nile.example/' });
  const { id } = await store.insertArticle({
    external_id: null,
    url: 'https://nile.example/2023/09/20/karabakh',
    source_id: source.id,
    title: 'أذربيجان تعلن وقف العمليات في قره باغ <script>alert(1)</script>',
    lead: 'أعلنت وزارة الدفاع الأذربيجانية وقف العمليات العسكرية في إقليم قره باغ.',
    body: '<p>أعلنت وزارة الدفاع الأذربيجانية وقف العمليات العسكرية في إقليم قره باغ.</p><p>وقالت يريفان إن المفاوضات مستمرة.</p>',
    text: 'أعلنت وزارة الدفاع الأذربيجانية وقف العمليات العسكرية في إقليم قره باغ.\n\nوقالت يريفان إن المفاوضات مستمرة.',
    published_at: '2023-09-20T12:15:00.000Z',
    published_offset: 180,
    updated_at: null,
    fetched_at: '2023-09-20T12:30:00.000Z',
    authors: ['رنا الحسيني'],
    image: null,
    lang: 'ar',
  });
  const app = createApp({ store, log: silentLogger, now: () => new Date('2023-09-20T14:15:00Z') });
  return { store, app, id, sourceId: source.id };
}

test('the article page reads right to left with an Arabic and Hijri date and a link to the original', async () => {
  const { app, id, store } = await fixture();
  const res = await app.request(`/article/${id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /الأربعاء 20 سبتمبر 2023/);
  assert.match(html, /5 ربيع الأول 1445 هـ/);
  assert.match(html, /href="https:\/\/nile.example\/2023\/09\/20\/karabakh"/);
  assert.match(html, /المصدر:/);
  assert.match(html, /وقالت يريفان إن المفاوضات مستمرة/);
  assert.doesNotMatch(html, /<script>alert/, 'a title is escaped, never markup');
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'none'/);
  await store.close();
});

test('the home page lists the latest article with its source and a relative time', async () => {
  const { app, store } = await fixture();
  const html = await (await app.request('/')).text();
  assert.match(html, /أذربيجان تعلن وقف العمليات/);
  assert.match(html, /بوابة النيل/);
  assert.match(html, /منذ ساعتين/);
  await store.close();
});

test('a source page shows its health; unknown pages are 404 and a broken cursor is 400, never 500', async () => {
  const { app, store, sourceId } = await fixture();
  assert.equal((await app.request(`/source/${sourceId}`)).status, 200);
  assert.equal((await app.request('/article/999')).status, 404);
  assert.equal((await app.request('/article/abc')).status, 404);
  assert.equal((await app.request('/source/%D9%85')).status, 404);
  assert.equal((await app.request('/?before=yesterday')).status, 400);
  const health = await (await app.request('/healthz')).json();
  assert.deepEqual({ ok: health.ok, articles: health.articles }, { ok: true, articles: 1 });
  await store.close();
});

test('self-hosted Arabic fonts are served from our own origin', async () => {
  const { app, store } = await fixture();
  const css = await (await app.request('/static/site.css')).text();
  assert.match(css, /Noto Naskh Arabic/);
  const font = await app.request('/static/fonts/naskh-400.woff2');
  assert.equal(font.status, 200);
  assert.equal(font.headers.get('content-type'), 'font/woff2');
  assert.equal((await app.request('/static/fonts/../../etc/passwd')).status, 404);
  await store.close();
});

const KARABAKH = { key: 'region:karabakh', name: 'قره باغ', type: 'place', weight: 1 } as const;
const AZERBAIJAN = { key: 'country:AZ', name: 'أذربيجان', type: 'place', weight: 0.8 } as const;
const ALIYEV = { key: 'person:ilham-aliyev', name: 'إلهام علييف', type: 'person', weight: 0.5 } as const;
const CEASEFIRE = { key: 'وقف إطلاق النار', name: 'وقف إطلاق النار', type: 'keyword', weight: 0.3 } as const;

/** The fixture, its article tagged, and `n` more articles about قره باغ an hour apart. */
async function taggedFixture(n = 0) {
  const f = await fixture();
  await f.store.setArticleTags(f.id, [KARABAKH, AZERBAIJAN, ALIYEV, CEASEFIRE], 1);
  const more: number[] = [];
  for (let i = 1; i <= n; i++) {
    const { id } = await f.store.insertArticle({
      external_id: null, url: `https://nile.example/2023/09/19/karabakh-${i}`, source_id: f.sourceId,
      title: `تطورات قره باغ رقم ${i}`, lead: null, body: '<p>نص</p>', text: 'نص',
      published_at: new Date(Date.parse('2023-09-20T12:15:00Z') - i * 3_600_000).toISOString(), published_offset: 180,
      updated_at: null, fetched_at: '2023-09-20T12:30:00.000Z', authors: [], image: null, lang: 'ar',
    });
    await f.store.setArticleTags(id, [KARABAKH], 1);
    more.push(id);
  }
  return { ...f, more };
}

test('the article page lists its tags, each a link to its tag page with its type in Arabic', async () => {
  const { app, id, store } = await taggedFixture();
  const html = await (await app.request(`/article/${id}`)).text();
  assert.match(html, /كلمات دلالية/);
  assert.match(html, /<a href="\/tag\/region:karabakh">قره باغ <small class="tag-type">مكان<\/small><\/a>/);
  assert.match(html, /<a href="\/tag\/person:ilham-aliyev">إلهام علييف <small class="tag-type">شخص<\/small><\/a>/);
  const keyword = `/tag/${encodeURIComponent('وقف إطلاق النار')}`;
  assert.ok(html.includes(`<a href="${keyword}">وقف إطلاق النار <small class="tag-type">موضوع</small></a>`), 'an Arabic key is percent-encoded');
  assert.ok(html.indexOf('قره باغ <small') < html.indexOf('أذربيجان <small'), 'tags in rank order');
  const page = await app.request(keyword);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<h1>وقف إطلاق النار<\/h1>/);
  await store.close();
});

test('a tag page names the tag, its type and count, lists its articles newest first, and announces its feeds', async () => {
  const { app, store, more } = await taggedFixture(2);
  const res = await app.request('/tag/region%3Akarabakh');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>قره باغ<\/h1>/);
  assert.match(html, /<span class="tag-type">مكان<\/span><span>3 أخبار<\/span>/);
  const listed = [...html.matchAll(/href="\/article\/(\d+)"/g)].map((m) => Number(m[1]));
  assert.equal(listed.length, 3);
  assert.deepEqual(listed.slice(1), more, 'newest first');
  assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="قره باغ \(RSS\)" href="\/tag\/region:karabakh\/rss"\/>/);
  assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="قره باغ \(Atom\)" href="\/tag\/region:karabakh\/atom"\/>/);
  assert.match(html, /<link rel="canonical" href="http:\/\/localhost\/tag\/region:karabakh"\/>/);
  assert.doesNotMatch(html, /rel="next"/, 'one page only');
  await store.close();
});

test('a long tag page pages with a cursor, every article once; unknown tags and bad cursors are not 500', async () => {
  const { app, store, id, more } = await taggedFixture(34);
  const seen: number[] = [];
  let path: string | null = '/tag/region:karabakh';
  for (let page = 0; path && page < 5; page++) {
    const html: string = await (await app.request(path)).text();
    seen.push(...[...html.matchAll(/href="\/article\/(\d+)"/g)].map((m) => Number(m[1])));
    path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
  }
  assert.deepEqual(seen, [id, ...more]);
  assert.equal((await app.request('/tag/region:atlantis')).status, 404);
  assert.equal((await app.request('/tag/region:atlantis/rss')).status, 404);
  assert.equal((await app.request('/tag/%E0%A4%A')).status, 404);
  assert.equal((await app.request('/tag/region:karabakh?before=yesterday')).status, 400);
  await store.close();
});

test('a tag has RSS and Atom feeds that our own parser reads, with absolute links', async () => {
  const { app, store, id } = await taggedFixture(1);
  for (const [format, type] of [['rss', 'application/rss+xml; charset=utf-8'], ['atom', 'application/atom+xml; charset=utf-8']] as const) {
    const res = await app.request(`https://marsad.example/tag/country:AZ/${format}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), type);
    const xml = await res.text();
    assert.doesNotMatch(xml, /<script>/, 'the fixture title\'s markup is escaped');
    const feed = parseFeed(xml);
    assert.equal(feed.format, format);
    assert.equal(feed.title, 'أذربيجان | مرصد');
    assert.equal(feed.language, 'ar');
    assert.equal(feed.link, 'https://marsad.example/tag/country:AZ');
    assert.equal(feed.items.length, 1);
    assert.equal(feed.items[0]!.link, `https://marsad.example/article/${id}`);
    assert.equal(feed.items[0]!.published, '2023-09-20T12:15:00.000Z');
    assert.match(feed.items[0]!.title ?? '', /^أذربيجان تعلن وقف العمليات في قره باغ/);
  }
  await store.close();
});
