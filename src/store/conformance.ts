import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NewArticle } from '../model/index.ts';
import type { Store } from './store.ts';

/**
 * The behaviour every Store must have. Each backend's test file calls this with a factory that
 * returns a fresh, empty, migrated store; a backend that cannot pass a case must skip it by name
 * with its reason (`skip: { 'case name': 'why' }`), as Hono's shared router suite does.
 */
export function runStoreConformance(
  backend: string,
  makeStore: () => Promise<Store>,
  skip: Record<string, string> = {},
): void {
  const cases: Array<[string, (store: Store) => Promise<void>]> = [
    ['a migrated store reports its schema version', async (store) => {
      assert.ok((await store.schemaVersion()) >= 1);
    }],
    ['adding a source twice by URL keeps one row', async (store) => {
      const first = await store.addSource({ name: 'اليوم السابع', url: 'https://www.youm7.com/rss/SectionRss' });
      const again = await store.addSource({ name: 'Youm7', url: 'https://www.youm7.com/rss/SectionRss' });
      assert.equal(first.created, true);
      assert.equal(again.created, false);
      assert.equal(again.source.id, first.source.id);
      assert.equal((await store.listSources()).length, 1);
      assert.equal((await store.findSourceByName('اليوم السابع'))?.id, first.source.id);
    }],
    ['a new source is due at once; paused and import-only sources never are', async (store) => {
      const a = (await store.addSource({ name: 'هسبريس', url: 'https://www.hespress.com/feed' })).source;
      const b = (await store.addSource({ name: 'الشروق', url: 'https://www.echoroukonline.com/feed' })).source;
      await store.addSource({ name: 'سبق', url: 'http://sabq.org/', kind: 'import' });
      await store.setSourcePaused(b.id, true);
      const due = await store.dueSources(new Date(Date.now() + 1000), 10);
      assert.deepEqual(due.map((s) => s.id), [a.id]);
    }],
    ['a failing source counts failures, keeps its validators, and recovers on success', async (store) => {
      const { source } = await store.addSource({ name: 'النهار', url: 'https://www.annahar.com/arabic/rss' });
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await store.recordPoll(source.id, { ok: true, status: 'ok', etag: '"v1"', last_modified: 'Tue, 24 Nov 2026 08:00:00 GMT', poll_interval: 900, next_poll_at: later, polled_at: new Date().toISOString() });
      await store.recordPoll(source.id, { ok: false, status: 'timeout', error: 'no answer in 15 s', poll_interval: 1800, next_poll_at: later, polled_at: new Date().toISOString() });
      await store.recordPoll(source.id, { ok: false, status: 'http-status', error: 'HTTP 503', poll_interval: 3600, next_poll_at: later, polled_at: new Date().toISOString() });
      let s = (await store.getSource(source.id))!;
      assert.equal(s.consecutive_failures, 2);
      assert.equal(s.last_status, 'http-status');
      assert.equal(s.etag, '"v1"');
      assert.equal(s.poll_interval, 3600);
      assert.deepEqual(await store.dueSources(new Date(), 10), []);
      await store.recordPoll(source.id, { ok: true, status: 'not-modified', poll_interval: 900, next_poll_at: later, polled_at: new Date().toISOString() });
      s = (await store.getSource(source.id))!;
      assert.equal(s.consecutive_failures, 0);
      assert.equal(s.last_error, null);
    }],
    ['inserting an article is idempotent on its canonical URL', async (store) => {
      const { source } = await store.addSource({ name: 'الخليج', url: 'https://www.alkhaleej.ae/rss' });
      const base = article(source.id, 'https://www.alkhaleej.ae/2026-11-24/مفاوضات-المياه?utm_source=rss');
      const first = await store.insertArticle(base);
      const second = await store.insertArticle({ ...base, url: 'https://www.alkhaleej.ae/2026-11-24/مفاوضات-المياه#comments', title: 'عنوان آخر' });
      assert.equal(first.inserted, true);
      assert.equal(second.inserted, false);
      assert.equal(second.id, first.id);
      const stored = (await store.getArticle(first.id))!;
      assert.equal(stored.title, base.title);
      assert.equal(stored.source_name, 'الخليج');
      assert.deepEqual(stored.authors, ['سارة المنصوري']);
      assert.equal((await store.getArticleByUrl(base.url))?.id, first.id);
      assert.equal(await store.countArticles(), 1);
    }],
    ['a batch insert reports each article and keeps the first of a repeated URL', async (store) => {
      const batch = [
        article(null, 'https://www.okaz.com.sa/news/1'),
        article(null, 'https://www.okaz.com.sa/news/2'),
        article(null, 'https://www.okaz.com.sa/news/1?utm_medium=social'),
      ];
      const results = await store.insertArticles(batch);
      assert.deepEqual(results.map((r) => r.inserted), [true, true, false]);
      assert.equal(results[2]!.id, results[0]!.id);
    }],
    ['the latest articles come newest first and page with a cursor', async (store) => {
      for (let day = 20; day <= 25; day++) {
        await store.insertArticle({ ...article(null, `https://www.alquds.co.uk/news-${day}`), published_at: `2026-11-${day}T08:00:00.000Z` });
      }
      const first = await store.latestArticles({ limit: 4 });
      assert.deepEqual(first.map((a) => a.url.slice(-2)), ['25', '24', '23', '22']);
      const last = first[first.length - 1]!;
      const next = await store.latestArticles({ limit: 4, before: { published_at: last.published_at!, id: last.id } });
      assert.deepEqual(next.map((a) => a.url.slice(-2)), ['21', '20']);
    }],
    ['iterating the archive visits every article once', async (store) => {
      for (let i = 0; i < 7; i++) await store.insertArticle(article(null, `https://www.alriyadh.com/${i}`));
      const seen: string[] = [];
      for await (const a of store.iterateArticles(3)) seen.push(a.url);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
    }],
    ['a link seen in a feed remembers its article and counts tries', async (store) => {
      const now = new Date().toISOString();
      await store.recordLink({ url: 'https://www.shorouknews.com/news/view.aspx?id=1', source_id: null, article_id: null, status: 'http-status', last_at: now });
      const id = (await store.insertArticle(article(null, 'https://www.shorouknews.com/news/view.aspx?id=1'))).id;
      await store.recordLink({ url: 'https://www.shorouknews.com/news/view.aspx?id=1', source_id: null, article_id: id, status: 'ok', last_at: now });
      const link = (await store.getLink('https://www.shorouknews.com/news/view.aspx?id=1'))!;
      assert.equal(link.article_id, id);
      assert.equal(link.tries, 2);
      assert.equal(link.status, 'ok');
    }],
    ['removing a source keeps its articles', async (store) => {
      const { source } = await store.addSource({ name: 'عنب بلدي', url: 'https://www.enabbaladi.net/feed' });
      const { id } = await store.insertArticle(article(source.id, 'https://www.enabbaladi.net/archives/1'));
      assert.equal(await store.removeSource(source.id), true);
      assert.equal(await store.removeSource(source.id), false);
      const kept = (await store.getArticle(id))!;
      assert.equal(kept.source_id, null);
    }],
  ];

  for (const [name, body] of cases) {
    const reason = skip[name];
    test(`${backend} store: ${name}`, reason ? { skip: reason } : {}, async () => {
      const store = await makeStore();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });
  }
}

function article(sourceId: number | null, url: string): NewArticle {
  return {
    external_id: null,
    url,
    source_id: sourceId,
    title: 'انطلاق مفاوضات الأمن المائي في عمّان بمشاركة عربية واسعة',
    lead: 'انطلقت في العاصمة الأردنية عمّان اليوم الثلاثاء مفاوضات الأمن المائي.',
    body: '<p>انطلقت في العاصمة الأردنية عمّان اليوم الثلاثاء مفاوضات الأمن المائي.</p>',
    text: 'انطلقت في العاصمة الأردنية عمّان اليوم الثلاثاء مفاوضات الأمن المائي.',
    published_at: '2026-11-24T07:30:00.000Z',
    published_offset: 180,
    updated_at: null,
    fetched_at: '2026-11-24T08:00:00.000Z',
    authors: ['سارة المنصوري'],
    image: null,
    lang: 'ar',
  };
}
