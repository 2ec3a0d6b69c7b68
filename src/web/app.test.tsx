import { test } from 'node:test';
import assert from 'node:assert/strict';
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
