import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { silentLogger } from '../log/index.ts';
import type { NewArticle } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';

const NOW = new Date('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

// A day at an Egyptian outlet: its sections as it files them.
const DAY: Array<[string, string | null, number]> = [
  ['الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا', 'sports', 1],
  ['البنك المركزي المصري يثبت أسعار الفائدة', 'economy', 2],
  ['الزمالك يتعاقد مع مدرب جديد', 'sports', 3],
  ['افتتاح معرض القاهرة الدولي للكتاب', 'culture', 4],
  ['منتخب مصر يواجه غانا وديا', 'sports', 5],
  ['حالة الطقس غدا في القاهرة', null, 6],
  ['الأهلي يفوز على الإسماعيلي قبل عشرة أيام', 'sports', 240],
];

async function outlet() {
  const store = SqliteStore.open(':memory:');
  const { source } = await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss' });
  const ids: number[] = [];
  for (const [i, [title, category, hoursAgo]] of DAY.entries()) {
    const at = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
    const article: NewArticle = {
      external_id: null, url: `https://nile.example/news/${i}`, source_id: source.id, title, lead: `${title}.`, body: `<p>${title}.</p>`, text: `${title}.`,
      published_at: at, published_offset: 120, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar', category,
    };
    ids.push((await store.insertArticle(article)).id);
  }
  return { store, ids, app: createApp({ store, log: silentLogger, now: () => NOW }) };
}

const titles = (html: string) => [...html.matchAll(/<a href="\/article\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

test('a section page lists its own articles newest first and has feeds; an unknown section is 404, a forged cursor 400', async () => {
  const { app } = await outlet();
  const res = await app.request('/category/sports');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>رياضة<\/h1>/);
  const listed = titles(html.split('</header>').slice(1).join(''));
  assert.deepEqual(listed.slice(0, 3), ['الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا', 'الزمالك يتعاقد مع مدرب جديد', 'منتخب مصر يواجه غانا وديا']);
  assert.ok(!listed.includes('البنك المركزي المصري يثبت أسعار الفائدة'));
  const feed = parseFeed(await (await app.request('/category/sports/rss')).text());
  assert.equal(feed.items.length, 4);
  assert.equal((await app.request('/category/weather')).status, 404);
  assert.equal((await app.request('/category/sports?before=garbage')).status, 400);
});

test('the home page lists the recent news of each section, linking to its page', async () => {
  const { app } = await outlet();
  const html = await (await app.request('/')).text();
  assert.match(html, /حسب القسم/);
  assert.match(html, /<a href="\/category\/sports">رياضة<\/a>/);
  assert.match(html, /<a href="\/category\/economy">اقتصاد<\/a>/);
  assert.doesNotMatch(html, /href="\/category\/health"/, 'a section with no news has no card');
  const sports = html.split('<a href="/category/sports">')[1]!.split('</section>')[0]!;
  assert.doesNotMatch(sports, /قبل عشرة أيام/, 'ten-day-old news is not the section\'s latest');
  const { store } = await outlet();
  const monthLater = createApp({ store, log: silentLogger, now: () => new Date(NOW.getTime() + 30 * 24 * HOUR) });
  assert.match(await (await monthLater.request('/')).text(), /<a href="\/category\/sports">رياضة<\/a>/, 'a quiet archive still shows its last days by section');
});

test('an article names its section, linked; the API filters by section and refuses one it does not know', async () => {
  const { app, ids } = await outlet();
  assert.match(await (await app.request(`/article/${ids[1]}`)).text(), /<a class="section" href="\/category\/economy">اقتصاد<\/a>/);
  assert.doesNotMatch(await (await app.request(`/article/${ids[5]}`)).text(), /class="section"/);
  const api = await (await app.request('/api/v1/articles?category=culture')).json() as { items: Array<{ title: string; category: string }> };
  assert.deepEqual(api.items.map((a) => [a.title, a.category]), [['افتتاح معرض القاهرة الدولي للكتاب', 'culture']]);
  const bad = await app.request('/api/v1/articles?category=weather');
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'bad_filter');
  assert.equal((await app.request('/api/v1/articles?category=sports&tag=country:EG')).status, 400);
});
