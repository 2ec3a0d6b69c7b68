import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Fetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log/index.ts';
import { pollSource } from '../src/pipeline/poll-source.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

/** A tiny Arabic outlet whose feed and pages the test rewrites between polls. */
async function outlet(routes: Record<string, () => { status: number; type?: string; body: string }>) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404).end('غير موجود');
    const { status, type, body } = route();
    res.writeHead(status, { 'Content-Type': type ?? 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><title>${title} | صدى الجنوب</title><meta property="article:published_time" content="2026-11-24T09:00:00+03:00"></head>
  <body><article><h1>${title}</h1>${`<p>${text}</p>`.repeat(4)}</article></body></html>`;

const rss = (items: Array<{ title: string; link: string }>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>صدى الجنوب</title><link>http://x/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Tue, 24 Nov 2026 06:00:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;

test('a failing outlet backs off, keeps what it had, and recovers', async () => {
  let feedStatus = 200;
  let feedBody = '';
  const site = await outlet({
    '/feed': () => ({ status: feedStatus, type: 'application/rss+xml', body: feedBody }),
    '/news/1': () => ({ status: 200, body: page('ارتفاع منسوب مياه دجلة في البصرة', 'ارتفع منسوب المياه في شط العرب بعد الأمطار الغزيرة التي شهدتها المحافظة.') }),
    '/news/2': () => ({ status: 200, body: page('فرق الدفاع المدني تجلي عائلات من الفاو', 'أجلت فرق الدفاع المدني عشرات العائلات من قضاء الفاو جنوبي البصرة.') }),
  });
  feedBody = rss([{ title: 'ارتفاع منسوب مياه دجلة في البصرة', link: `${site.base}/news/1` }]);
  const store = SqliteStore.open(':memory:');
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, maxRetries: 0 });
  const deps = { store, fetcher, log: silentLogger };
  try {
    const { source } = await store.addSource({ name: 'صدى الجنوب', url: `${site.base}/feed` });
    const first = await pollSource(source, deps);
    assert.equal(first.new_articles, 1);

    feedStatus = 500;
    const t0 = Date.now();
    await pollSource((await store.getSource(source.id))!, deps);
    let s = (await store.getSource(source.id))!;
    assert.equal(s.consecutive_failures, 1);
    const firstDelay = Date.parse(s.next_poll_at) - t0;
    await pollSource(s, deps);
    s = (await store.getSource(source.id))!;
    assert.equal(s.consecutive_failures, 2);
    assert.ok(Date.parse(s.next_poll_at) - t0 > firstDelay, 'the second failure waits longer');

    feedStatus = 200;
    feedBody = 'هذه ليست خلاصة <rss';
    await pollSource(s, deps);
    s = (await store.getSource(source.id))!;
    assert.equal(s.consecutive_failures, 3, 'a malformed feed is a failure too');
    assert.equal(await store.countArticles(), 1, 'nothing stored is lost');

    feedBody = rss([
      { title: 'فرق الدفاع المدني تجلي عائلات من الفاو', link: `${site.base}/news/2` },
      { title: 'رابط مكسور', link: `${site.base}/news/404` },
      { title: 'ارتفاع منسوب مياه دجلة في البصرة', link: `${site.base}/news/1` },
    ]);
    const recovered = await pollSource(s, deps);
    s = (await store.getSource(source.id))!;
    assert.equal(s.consecutive_failures, 0);
    assert.equal(recovered.new_articles, 1);
    assert.equal(recovered.page_failures, 1);
    assert.equal(await store.countArticles(), 2);

    // The broken link is tried a bounded number of times, then left alone; stored pages are never refetched.
    for (let i = 0; i < 4; i++) await pollSource((await store.getSource(source.id))!, deps);
    assert.equal(site.hits.filter((h) => h === '/news/404').length, 3);
    assert.equal(site.hits.filter((h) => h === '/news/1').length, 1);
  } finally {
    await fetcher.close();
    await store.close();
    await site.close();
  }
});

test('a feed with a broken item among good ones keeps the good ones', async () => {
  let feed = '';
  const site = await outlet({
    '/feed': () => ({ status: 200, type: 'application/rss+xml', body: feed }),
    '/news/1': () => ({ status: 200, body: page('الأمطار تغمر أحياء في الناصرية', 'غمرت مياه الأمطار عدداً من أحياء مدينة الناصرية جنوبي العراق بعد عاصفة رعدية.') }),
    '/news/3': () => ({ status: 200, body: page('وزارة الموارد المائية تفتح مفيضات جديدة', 'أعلنت وزارة الموارد المائية فتح مفيضات جديدة لتصريف المياه الزائدة في ذي قار.') }),
  });
  feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>صدى الجنوب</title>
    <item><title>الأمطار تغمر أحياء في الناصرية</title><link>${site.base}/news/1</link></item>
    <item><title>خبر مكسور &bogus; <link>javascript:alert(1)</link></item>
    <item><link>${site.base}/news/3</link><title>وزارة الموارد المائية تفتح مفيضات جديدة</title></item>
  </channel></rss>`;
  const store = SqliteStore.open(':memory:');
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, maxRetries: 0 });
  try {
    const { source } = await store.addSource({ name: 'صدى الجنوب', url: `${site.base}/feed` });
    const result = await pollSource(source, { store, fetcher, log: silentLogger });
    assert.equal(result.status, 'ok');
    assert.equal(result.new_articles, 2);
    const titles = (await store.latestArticles({ limit: 10 })).map((a) => a.title).sort();
    assert.deepEqual(titles, ['الأمطار تغمر أحياء في الناصرية', 'وزارة الموارد المائية تفتح مفيضات جديدة']);
  } finally {
    await fetcher.close();
    await store.close();
    await site.close();
  }
});
