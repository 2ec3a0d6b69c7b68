import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleTag, NewArticle } from '../model/index.ts';
import { searchConformanceCases } from './search-conformance.ts';
import { storyConformanceCases } from './story-conformance.ts';
import { leaseConformanceCases } from './lease-conformance.ts';
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
    ['an article keeps its section; a section lists its own articles, newest first, by page', async (store) => {
      const { source } = await store.addSource({ name: 'الأهرام', url: 'https://ahram.example/rss' });
      const at = (day: number) => `2026-11-${day}T08:00:00.000Z`;
      const sports = [];
      for (let day = 20; day <= 24; day++) {
        const url = `https://ahram.example/sport/${day}`;
        sports.push((await store.insertArticle({ ...article(source.id, url), published_at: at(day), category: 'sports' })).id);
      }
      const economy = (await store.insertArticle({ ...article(source.id, 'https://ahram.example/economy/1'), published_at: at(25), category: 'economy' })).id;
      const unfiled = (await store.insertArticle({ ...article(source.id, 'https://ahram.example/misc/1'), published_at: at(26) })).id;
      assert.equal((await store.getArticle(sports[0]!))!.category, 'sports');
      assert.equal((await store.getArticle(unfiled))!.category, null, 'no section given: none stored');
      const page = await store.latestHeadlines({ limit: 3, category: 'sports' });
      assert.deepEqual(page.map((a) => a.id), [sports[4], sports[3], sports[2]]);
      assert.equal(page[0]!.category, 'sports');
      const last = page[2]!;
      const next = await store.latestHeadlines({ limit: 3, category: 'sports', before: { published_at: last.published_at!, id: last.id } });
      assert.deepEqual(next.map((a) => a.id), [sports[1], sports[0]]);
      assert.deepEqual((await store.latestArticles({ limit: 5, category: 'economy', source_id: source.id })).map((a) => a.id), [economy]);
      assert.deepEqual(await store.latestHeadlines({ limit: 5, category: 'health' }), []);
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
    ['re-tagging an article replaces its tags, in rank order, and records the tagger version', async (store) => {
      const { id } = await store.insertArticle(article(null, 'https://www.alghad.com/water-1'));
      assert.deepEqual(await store.tagsForArticle(id), []);
      assert.equal(await store.setArticleTags(id, [AMMAN, JORDAN, ARAB_LEAGUE], 1), true);
      assert.deepEqual(await store.tagsForArticle(id), [AMMAN, JORDAN, ARAB_LEAGUE]);
      await store.setArticleTags(id, [{ ...ARAB_LEAGUE, weight: 1 }, { ...JORDAN, weight: 0.4 }], 2);
      assert.deepEqual(await store.tagsForArticle(id), [{ ...ARAB_LEAGUE, weight: 1 }, { ...JORDAN, weight: 0.4 }]);
      assert.equal(await store.countArticlesWithTag(AMMAN.key), 0);
      assert.deepEqual(await store.getTag(AMMAN.key), { key: 'city:amman', name: 'عمّان', type: 'place' }, 'a tag outlives its last article');
      assert.equal(await store.setArticleTags(987654, [AMMAN], 1), false, 'no such article');
    }],
    ['a tag shared by two articles lists both, newest first, and takes the name given last', async (store) => {
      const older = (await store.insertArticle({ ...article(null, 'https://www.petra.gov.jo/1'), published_at: '2026-11-23T07:00:00.000Z' })).id;
      const newer = (await store.insertArticle({ ...article(null, 'https://www.petra.gov.jo/2'), published_at: '2026-11-24T07:00:00.000Z' })).id;
      await store.setArticleTags(older, [JORDAN, AMMAN], 1);
      await store.setArticleTags(newer, [{ ...AMMAN, name: 'عمان' }], 1);
      assert.deepEqual((await store.latestArticlesWithTag(AMMAN.key, { limit: 10 })).map((a) => a.id), [newer, older]);
      assert.deepEqual((await store.latestArticlesWithTag(JORDAN.key, { limit: 10 })).map((a) => a.id), [older]);
      assert.equal(await store.countArticlesWithTag(AMMAN.key), 2);
      assert.equal((await store.getTag(AMMAN.key))?.name, 'عمان');
      assert.equal((await store.tagsForArticle(older))[1]?.name, 'عمان');
    }],
    ['a tag page pages with a cursor, stable across articles published at the same instant', async (store) => {
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) {
        // Five share one instant (a wire story published by five outlets at once); one has no date.
        const published_at = i < 5 ? '2026-11-24T09:00:00.000Z' : i === 5 ? '2026-11-23T09:00:00.000Z' : null;
        const { id } = await store.insertArticle({ ...article(null, `https://www.albawaba.com/n/${i}`), published_at, fetched_at: '2026-11-22T09:00:00.000Z' });
        await store.setArticleTags(id, [JORDAN], 1);
        ids.push(id);
      }
      const seen: number[] = [];
      let before: { published_at: string; id: number } | null = null;
      for (let round = 0; round < 10; round++) {
        const page = await store.latestArticlesWithTag(JORDAN.key, { limit: 2, before });
        seen.push(...page.map((a) => a.id));
        const last = page[page.length - 1];
        if (!last || page.length < 2) break;
        before = { published_at: last.published_at ?? last.fetched_at, id: last.id };
      }
      const sameInstant = ids.slice(0, 5).sort((a, b) => b - a);
      assert.deepEqual(seen, [...sameInstant, ids[5], ids[6]], 'every article once: same instant by id, undated by fetch time');
      const heads = await store.latestHeadlinesWithTag(JORDAN.key, { limit: 3, before: { published_at: (await store.getArticle(seen[1]!))!.published_at!, id: seen[1]! } });
      assert.deepEqual(heads.map((h) => h.id), seen.slice(2, 5), 'the headline list pages the same way');
    }],
    ['articles needing tags are the untagged and those an older tagger tagged, newest first', async (store) => {
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) ids.push((await store.insertArticle(article(null, `https://www.addustour.com/${i}`))).id);
      const [a, b, c, d] = ids as [number, number, number, number];
      await store.setArticleTags(a, [JORDAN], 1);
      await store.setArticleTags(b, [JORDAN], 2);
      await store.setArticleTags(c, [], 2);
      const need = async (version: number, limit = 10) => (await store.articlesNeedingTags(version, limit)).map((x) => x.id);
      assert.deepEqual(await need(2), [d, a]);
      assert.deepEqual(await need(2, 1), [d]);
      assert.deepEqual(await need(1), [d], 'an article with no tags at all still counts as tagged');
      assert.deepEqual(await need(3), [d, c, b, a]);
      const needing = (await store.articlesNeedingTags(2, 10))[1]!;
      assert.equal(needing.title, 'انطلاق مفاوضات الأمن المائي في عمّان بمشاركة عربية واسعة', 'whole articles, to tag again');
    }],
    ['an unknown tag has no articles and no page', async (store) => {
      const { id } = await store.insertArticle(article(null, 'https://www.ammonnews.net/1'));
      await store.setArticleTags(id, [AMMAN], 1);
      assert.equal(await store.getTag('city:zarqa'), null);
      assert.equal(await store.countArticlesWithTag('city:zarqa'), 0);
      assert.deepEqual(await store.latestArticlesWithTag('city:zarqa', { limit: 5 }), []);
    }],
    ['removing a source keeps its articles tagged', async (store) => {
      const { source } = await store.addSource({ name: 'رؤيا', url: 'https://royanews.tv/rss' });
      const { id } = await store.insertArticle(article(source.id, 'https://royanews.tv/news/1'));
      await store.setArticleTags(id, [AMMAN], 1);
      await store.removeSource(source.id);
      assert.deepEqual(await store.tagsForArticle(id), [AMMAN]);
      assert.equal((await store.latestArticlesWithTag(AMMAN.key, { limit: 5 }))[0]?.source_id, null);
    }],
  ];

  cases.push(...searchConformanceCases());
  cases.push(...storyConformanceCases());
  cases.push(...leaseConformanceCases());

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

const AMMAN: ArticleTag = { key: 'city:amman', name: 'عمّان', type: 'place', weight: 1 };
const JORDAN: ArticleTag = { key: 'country:JO', name: 'الأردن', type: 'place', weight: 0.8 };
const ARAB_LEAGUE: ArticleTag = { key: 'org:arab-league', name: 'جامعة الدول العربية', type: 'organization', weight: 0.35 };

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
