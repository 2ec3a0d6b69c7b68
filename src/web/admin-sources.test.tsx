import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpml } from '../opml/index.ts';
import { adminFixture, operator } from './admin-fixture.test-data.ts';

const ALJAZEERA = 'https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9';
const SABQ = 'https://sabq.org/rss';
const MASRY = 'https://www.almasryalyoum.com/rss/rssfeeds';

const OUTLETS_OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>مصادري</title></head>
  <body>
    <outline text="عربي">
      <outline type="rss" text="الجزيرة نت" xmlUrl="${ALJAZEERA}" htmlUrl="https://www.aljazeera.net/" language="ar"/>
      <outline type="rss" text="صحيفة سبق" xmlUrl="${SABQ}" htmlUrl="https://sabq.org/" country="SA"/>
    </outline>
    <outline text="مصر">
      <outline type="rss" text="المصري اليوم" xmlUrl="${MASRY}" country="EG"/>
      <outline type="rss" text="رابط مكسور" xmlUrl="javascript:alert(1)"/>
    </outline>
  </body>
</opml>`;

const opmlFile = (text: string, name = 'feeds.opml') => new File([text], name, { type: 'text/x-opml' });

test('adding a source: a good URL is added and listed, a bad one is 400 with an Arabic message and the form kept', async () => {
  const { app, store } = await adminFixture();
  const o = await operator(app);
  const form = await o.get('/admin/sources/new');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /name="url"/);

  for (const bad of ['javascript:alert(1)', 'ftp://sabq.org/rss', 'sabq.org/rss', '', 'https://' + 'a'.repeat(2100) + '.com/']) {
    const res = await o.post('/admin/sources', { url: bad, name: 'صحيفة سبق' });
    assert.equal(res.status, 400, `refused: ${bad.slice(0, 30)}`);
    const html = await res.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /الرابط|أدخل رابط/);
    assert.match(html, /value="صحيفة سبق"/, 'what was typed is still in the form');
  }
  assert.equal((await o.post('/admin/sources', { url: SABQ, kind: 'import' })).status, 400, 'an import-only kind cannot be added');
  assert.equal((await store.listSources()).length, 0);

  const res = await o.post('/admin/sources', { url: SABQ, name: ' صحيفة سبق ', kind: 'feed' });
  assert.equal(res.status, 303);
  const list = await (await o.get(res.headers.get('location')!)).text();
  assert.match(list, /أضيف المصدر «صحيفة سبق»/);
  assert.match(list, /https:\/\/sabq.org\/rss/);
  const [saved] = await store.listSources();
  assert.deepEqual([saved?.name, saved?.url, saved?.kind], ['صحيفة سبق', SABQ, 'feed']);

  const again = await o.post('/admin/sources', { url: 'HTTPS://SABQ.ORG:443/rss', name: 'سبق مرة ثانية' });
  assert.match(await (await o.get(again.headers.get('location')!)).text(), /موجود من قبل/);
  assert.equal((await store.listSources()).length, 1, 'the same feed written differently is not added twice');

  const sitemap = await o.post('/admin/sources', { url: 'https://www.almasryalyoum.com/sitemap-news.xml', kind: 'sitemap' });
  assert.equal(sitemap.status, 303);
  const named = (await store.listSources()).find((s) => s.kind === 'sitemap');
  assert.equal(named?.name, 'www.almasryalyoum.com', 'with no name, the host names it');
  await store.close();
});

test('pause and resume show in the list and in the store; remove asks first, then removes', async () => {
  const { app, store } = await adminFixture();
  const { source } = await store.addSource({ name: 'الجزيرة نت', url: ALJAZEERA });
  const o = await operator(app);

  const paused = await o.post(`/admin/sources/${source.id}/pause`, {});
  assert.equal(paused.status, 303);
  assert.equal((await store.getSource(source.id))?.paused, true);
  const list = await (await o.get(paused.headers.get('location')!)).text();
  assert.match(list, /أوقف جلب «الجزيرة نت»/);
  assert.match(list, /موقوف/);
  assert.match(list, new RegExp(`action="/admin/sources/${source.id}/resume"`));

  assert.equal((await o.post(`/admin/sources/${source.id}/resume`, {})).status, 303);
  assert.equal((await store.getSource(source.id))?.paused, false);

  const confirm = await o.get(`/admin/sources/${source.id}/remove`);
  assert.equal(confirm.status, 200);
  const page = await confirm.text();
  assert.match(page, /حذف المصدر «الجزيرة نت»؟/);
  assert.match(page, new RegExp(`<form method="post" action="/admin/sources/${source.id}/remove"`));
  assert.ok(await store.getSource(source.id), 'the confirmation page removes nothing');

  const removed = await o.post(`/admin/sources/${source.id}/remove`, {});
  assert.equal(removed.status, 303);
  assert.equal(await store.getSource(source.id), null);
  assert.match(await (await o.get(removed.headers.get('location')!)).text(), /حُذف المصدر/);

  assert.equal((await o.post(`/admin/sources/${source.id}/pause`, {})).status, 404, 'a source already gone');
  assert.equal((await o.get('/admin/sources/abc/remove')).status, 404);
  await store.close();
});

test('failing sources: the filter lists those whose polls keep failing, with the error and the count', async () => {
  const { app, store } = await adminFixture();
  const good = (await store.addSource({ name: 'صحيفة سبق', url: SABQ })).source;
  const bad = (await store.addSource({ name: 'المصري اليوم', url: MASRY })).source;
  const poll = (ok: boolean) => ({
    ok, status: ok ? 'ok' : 'http-status', error: ok ? null : 'HTTP 503 Service Unavailable',
    poll_interval: 900, next_poll_at: '2026-11-29T09:00:00.000Z', polled_at: '2026-11-29T08:45:00.000Z',
  });
  await store.recordPoll(good.id, poll(true));
  for (let i = 0; i < 3; i++) await store.recordPoll(bad.id, poll(false));
  const o = await operator(app);

  const all = await (await o.get('/admin')).text();
  assert.match(all, /صحيفة سبق/);
  assert.match(all, /المصري اليوم/);
  const failing = await (await o.get('/admin?failing=1')).text();
  assert.match(failing, /المصادر المتعثّرة/);
  assert.doesNotMatch(failing, /صحيفة سبق/);
  assert.match(failing, /المصري اليوم/);
  assert.match(failing, /HTTP 503 Service Unavailable/);
  assert.match(failing, /<td>3<\/td>/, 'three failures in a row');
  assert.match(failing, /خطأ من الخادم/);
  await store.close();
});

test('OPML import reports each outline (added, already present, invalid) and the export round-trips', async () => {
  const { app, store } = await adminFixture();
  await store.addSource({ name: 'سبق', url: SABQ });
  const o = await operator(app);
  assert.equal((await o.get('/admin/opml')).status, 200);

  const res = await o.upload('/admin/opml', opmlFile(OUTLETS_OPML));
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /في الملف 4 مصدراً: أضيف 2، وكان 1 موجوداً من قبل، و1 غير صالح/);
  const rows = [...html.matchAll(/<tr class="outcome-(\w+)"><td>(?:<a [^>]*>)?([^<]+)/g)].map((m) => [m[2], m[1]]);
  assert.deepEqual(rows, [['الجزيرة نت', 'added'], ['سبق', 'existing'], ['المصري اليوم', 'added'], ['رابط مكسور', 'invalid']]);
  assert.match(html, /غير صالح: الرابط غير صالح/);
  const stored = await store.listSources();
  assert.deepEqual(stored.map((s) => s.name).sort(), ['الجزيرة نت', 'المصري اليوم', 'سبق'].sort());
  assert.equal(stored.find((s) => s.url === MASRY)?.country, 'EG');

  const exported = await o.get('/admin/opml/export');
  assert.equal(exported.status, 200);
  assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="marsad-sources.opml"/);
  const opml = await exported.text();
  assert.deepEqual(parseOpml(opml).map((f) => [f.name, f.url]).sort(), stored.map((s) => [s.name, s.url]).sort());

  // Into another Marsad: the same sources, and a second import adds nothing.
  const other = await adminFixture();
  const o2 = await operator(other.app);
  assert.match(await (await o2.upload('/admin/opml', opmlFile(opml))).text(), /في الملف 3 مصدراً: أضيف 3،/);
  assert.match(await (await o2.upload('/admin/opml', opmlFile(opml))).text(), /أضيف 0، وكان 3 موجوداً من قبل/);
  assert.deepEqual((await other.store.listSources()).map((s) => [s.name, s.url]).sort(), stored.map((s) => [s.name, s.url]).sort());
  await other.store.close();
  await store.close();
});

test('an OPML upload that is not OPML, missing or too big is refused with a clear message and adds nothing', async () => {
  const { app, store } = await adminFixture();
  const o = await operator(app);
  const rss = await o.upload('/admin/opml', opmlFile('<rss version="2.0"><channel><title>سبق</title></channel></rss>'));
  assert.equal(rss.status, 400);
  assert.match(await rss.text(), /هذا الملف ليس OPML/);
  const empty = await o.upload('/admin/opml', opmlFile(''));
  assert.equal(empty.status, 400);
  assert.match(await empty.text(), /اختر ملف OPML/);
  const outline = `<outline type="rss" text="سبق" xmlUrl="${SABQ}"/>\n`;
  const huge = `<opml version="2.0"><body>${outline.repeat(Math.ceil((1024 * 1024) / outline.length) + 10)}</body></opml>`;
  const big = await o.upload('/admin/opml', opmlFile(huge));
  assert.equal(big.status, 413);
  assert.match(await big.text(), /الحد الأقصى 1024 كيلوبايت/);
  assert.equal((await store.listSources()).length, 0);
  await store.close();
});

test('a hostile source name, URL and error are escaped on every admin page', async () => {
  const { app, store } = await adminFixture();
  const o = await operator(app);
  const evil = '<script>alert("مرصد")</script><img src=x onerror=alert(1)>';
  const hostileOpml = `<opml version="2.0"><body><outline type="rss" text="${evil.replace(/</g, '&lt;').replace(/"/g, '&quot;')}" xmlUrl="https://evil.example/rss?a=1&amp;b=&lt;svg/onload=alert(2)&gt;"/></body></opml>`;
  const imported = await (await o.upload('/admin/opml', opmlFile(hostileOpml))).text();
  const [source] = await store.listSources();
  assert.ok(source);
  await store.recordPoll(source.id, {
    ok: false, status: 'malformed', error: '<b onmouseover="alert(3)">bad XML</b>',
    poll_interval: 900, next_poll_at: '2026-11-29T09:00:00.000Z', polled_at: '2026-11-29T08:45:00.000Z',
  });
  const pages = [imported, await (await o.get('/admin')).text(), await (await o.get('/admin?failing=1')).text(), await (await o.get(`/admin/sources/${source.id}/remove`)).text()];
  for (const html of pages) {
    assert.doesNotMatch(html, /<script>alert|<img src=x|<svg|<b onmouseover/);
    assert.match(html, /&lt;script&gt;alert|&lt;svg/);
  }
  assert.match(pages[1]!, /&lt;b onmouseover=/, 'the error is shown, as text');
  const back = await o.post('/admin/sources', { url: 'javascript:alert(1)', name: '"><script>alert(4)</script>' });
  assert.doesNotMatch(await back.text(), /<script>alert\(4\)/, 'what the form sends back is escaped too');
  await store.close();
});
