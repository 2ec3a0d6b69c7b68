import assert from 'node:assert/strict';
import type { NewArticle } from '../model/index.ts';
import type { Store } from './store.ts';

/** Story cases every backend must pass; conformance.ts runs them with the rest. */
export function storyConformanceCases(): Array<[string, (store: Store) => Promise<void>]> {
  return [
    ['a story recounts its articles, outlets and span from what is assigned to it', async (store) => {
      assert.equal(await store.maxStoryId(), 0);
      assert.equal(await store.getStory(1), null);
      const nile = (await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss' })).source;
      const sham = (await store.addSource({ name: 'الشام اليوم', url: 'https://sham.example/rss' })).source;
      const a = await insert(store, nile.id, 'a', '2026-11-23T08:00:00.000Z');
      const b = await insert(store, sham.id, 'b', '2026-11-23T07:00:00.000Z');
      const c = await insert(store, sham.id, 'c', '2026-11-23T11:00:00.000Z');
      await store.setArticleTags(a, [{ key: 'city:amman', name: 'عمّان', type: 'place', weight: 1 }], 1);
      for (const id of [a, b, c]) await store.assignStory(id, 7, null);
      const story = await store.upsertStory({ id: 7, headline: 'انطلاق قمة المياه في عمّان', headline_article_id: a, entities: [{ key: 'city:amman', weight: 2.5 }, { key: 'org:unknown', weight: 1 }] });
      assert.equal(story.article_count, 3);
      assert.equal(story.outlet_count, 2);
      assert.equal(story.first_seen, '2026-11-23T07:00:00.000Z');
      assert.equal(story.last_seen, '2026-11-23T11:00:00.000Z');
      assert.deepEqual(story.outlets.map((o) => o.name), ['الشام اليوم', 'بوابة النيل'], 'who reported first comes first');
      assert.deepEqual(story.entities, [{ key: 'city:amman', weight: 2.5, name: 'عمّان', type: 'place' }, { key: 'org:unknown', weight: 1 }]);
      assert.equal(await store.maxStoryId(), 7);
      const again = await store.upsertStory({ id: 7, headline: 'عنوان أدق', headline_article_id: b, entities: [] });
      assert.equal(again.headline, 'عنوان أدق');
      assert.equal(again.headline_article_id, b);
      assert.deepEqual((await store.storyArticles(7)).map((x) => x.id), [b, a, c], 'the timeline is oldest first');
      const headlines = await store.storyHeadlines(7);
      assert.deepEqual(headlines.map((x) => x.id), [b, a, c], 'the page lists the same timeline');
      assert.deepEqual([headlines[0]!.source_name, 'text' in headlines[0]!, 'body' in headlines[0]!], ['الشام اليوم', false, false], 'as headlines, without text');
      assert.deepEqual(await store.storyHeadlines(404), []);
    }],
    ['a copy is folded under its original and found from it', async (store) => {
      const original = await insert(store, null, 'wire', '2026-11-23T07:20:00.000Z');
      const copy = await insert(store, null, 'copy', '2026-11-23T08:00:00.000Z');
      await store.assignStory(original, 1, null);
      await store.assignStory(copy, 1, original);
      await store.upsertStory({ id: 1, headline: 'x', headline_article_id: original, entities: [] });
      assert.equal((await store.getArticle(copy))!.duplicate_of, original);
      assert.equal((await store.getArticle(copy))!.story_id, 1);
      assert.deepEqual((await store.copiesOf(original)).map((x) => x.id), [copy]);
      assert.deepEqual(await store.copiesOf(copy), []);
      assert.equal((await store.getStory(1))!.article_count, 2);
    }],
    ['stories list newest first with a cursor; the home ranking weighs outlets against freshness', async (store) => {
      const sources = [];
      for (let i = 0; i < 4; i++) sources.push((await store.addSource({ name: `مصدر ${i}`, url: `https://s${i}.example/rss` })).source.id);
      // Story 1: four outlets, 10 hours old. Story 2: one outlet, just now. Story 3: two outlets, 3 days old.
      const plan: Array<[number, number, string]> = [[1, 4, '2026-11-24T02:00:00.000Z'], [2, 1, '2026-11-24T12:00:00.000Z'], [3, 2, '2026-11-21T10:00:00.000Z']];
      for (const [story, outlets, at] of plan) {
        for (let i = 0; i < outlets; i++) await store.assignStory(await insert(store, sources[i]!, `s${story}-${i}`, at), story, null);
        await store.upsertStory({ id: story, headline: `قصة ${story}`, headline_article_id: null, entities: [] });
      }
      const page1 = await store.latestStories({ limit: 2 });
      assert.deepEqual(page1.map((s) => s.id), [2, 1]);
      const last = page1.at(-1)!;
      assert.deepEqual((await store.latestStories({ limit: 2, before: { last_seen: last.last_seen, id: last.id } })).map((s) => s.id), [3]);
      const top = await store.topStories({ now: new Date('2026-11-24T12:30:00Z'), limit: 10 });
      assert.deepEqual(top.map((s) => s.id), [1, 2], 'four outlets 10 hours ago beat one outlet now; 3 days old is out of the window');
      const later = await store.topStories({ now: new Date('2026-12-30T00:00:00Z'), limit: 10 });
      assert.deepEqual(later.map((s) => s.id), [1, 2], 'a quiet archive ranks from its newest story, not from an empty now');
      const day = await store.topStories({ now: new Date('2026-11-25T20:00:00Z'), limit: 10 });
      assert.equal(day[0]!.id, 1);
      assert.equal(await store.countStories(), 3);
      assert.deepEqual(await store.sitemapEntries('stories', 0, 2), [{ id: 2, lastmod: '2026-11-24T12:00:00.000Z' }, { id: 1, lastmod: '2026-11-24T02:00:00.000Z' }]);
      assert.deepEqual((await store.sitemapEntries('stories', 2, 2)).map((e) => e.id), [3], 'the next sitemap starts where the last stopped');
      const articles = await store.sitemapEntries('articles', 0, 100);
      assert.equal(articles.length, 7);
      assert.deepEqual(articles[0], { id: (await store.latestArticles({ limit: 1 }))[0]!.id, lastmod: '2026-11-24T12:00:00.000Z' }, 'newest first');
      assert.deepEqual(await store.sitemapEntries('articles', 7, 100), []);
      const full = await store.latestArticles({ limit: 3, source_id: sources[0]! });
      const heads = await store.latestHeadlines({ limit: 3, source_id: sources[0]! });
      assert.deepEqual(heads.map((h) => h.id), full.map((a) => a.id), 'headlines list the same articles in the same order');
      assert.deepEqual(Object.keys(heads[0]!).sort(), ['category', 'duplicate_of', 'fetched_at', 'id', 'image', 'lead', 'published_at', 'source_id', 'source_name', 'story_id', 'title', 'url']);
      const older = await store.latestHeadlines({ limit: 10, source_id: sources[0]!, before: { published_at: full[0]!.published_at!, id: full[0]!.id } });
      assert.deepEqual(older.map((h) => h.id), full.slice(1).map((a) => a.id), 'and page with the same cursor');
    }],
    ['fingerprints are kept with the wire credit, and the recent ones come back oldest first', async (store) => {
      const { source } = await store.addSource({ name: 'وكالة', url: 'https://wire.example/rss' });
      const old = await insert(store, source.id, 'old', '2026-11-10T00:00:00.000Z');
      const a = await insert(store, source.id, 'a', '2026-11-23T09:00:00.000Z');
      const b = await insert(store, null, 'b', '2026-11-23T08:00:00.000Z');
      const bytes = (n: number) => new Uint8Array([1, 5, 0, 0, n, 0, 0, 0]);
      await store.saveFingerprint({ article_id: old, fingerprint: bytes(1), published_at: '2026-11-10T00:00:00.000Z', agency: null });
      await store.saveFingerprint({ article_id: a, fingerprint: bytes(2), published_at: '2026-11-23T09:00:00.000Z', agency: { code: 'spa', name: 'واس' } });
      await store.saveFingerprint({ article_id: b, fingerprint: bytes(3), published_at: '2026-11-23T08:00:00.000Z', agency: null });
      await store.assignStory(a, 1, b);
      await store.saveFingerprint({ article_id: b, fingerprint: bytes(4), published_at: '2026-11-23T08:00:00.000Z', agency: null });
      const recent = await store.recentFingerprints('2026-11-20T00:00:00.000Z');
      assert.deepEqual(recent.map((r) => r.article_id), [b, a]);
      assert.deepEqual([...recent[0]!.fingerprint], [...bytes(4)], 'saving again replaces');
      assert.deepEqual({ source: recent[1]!.source_id, dup: recent[1]!.duplicate_of, agency: recent[1]!.agency }, { source: source.id, dup: b, agency: { code: 'spa', name: 'واس' } });
      assert.deepEqual(await store.wireCredit(a), { code: 'spa', name: 'واس' });
      assert.equal(await store.wireCredit(b), null);
    }],
    ['"read also" lists other stories both ways, never the article\'s own, within the days asked', async (store) => {
      const ids: number[] = [];
      const times = ['2026-11-20T08:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-22T08:00:00.000Z', '2026-11-01T08:00:00.000Z'];
      for (let i = 0; i < 4; i++) {
        const id = await insert(store, null, `r${i}`, times[i]!);
        await store.assignStory(id, i + 1, null);
        await store.upsertStory({ id: i + 1, headline: `قصة ${i + 1}`, headline_article_id: id, entities: [] });
        ids.push(id);
      }
      const [first, second, third] = ids as [number, number, number];
      await store.setRelated(second, [{ story_id: 1, score: 0.4 }, { story_id: 2, score: 0.9 }, { story_id: 4, score: 0.8 }]);
      await store.setRelated(third, [{ story_id: 2, score: 0.6 }]);
      const forSecond = await store.relatedForArticle(second);
      assert.deepEqual(forSecond.map((r) => [r.story.id, r.score]), [[3, 0.6], [1, 0.4]], 'a later story that chose this one, its own story never, a story 20 days away never');
      assert.equal(forSecond[0]!.article?.id, third, 'linked through the headline article');
      assert.deepEqual((await store.relatedForArticle(first)).map((r) => r.story.id), [2], 'the reverse edge reaches the older story too');
      assert.deepEqual((await store.relatedForArticle(second, 1)).map((r) => r.story.id), [3]);
      await store.setRelated(second, []);
      assert.deepEqual((await store.relatedForArticle(second)).map((r) => r.story.id), [3]);
      assert.deepEqual(await store.relatedForArticle(987654), []);
    }],
    ['an article page\'s context: coverage oldest first without the article, "read also" as headlines, a copy\'s original and credit', async (store) => {
      const nile = (await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss' })).source;
      const sham = (await store.addSource({ name: 'الشام اليوم', url: 'https://sham.example/rss' })).source;
      // Story 1: a wire report by Sham, Nile's copy of it, and Nile's own follow-up. Stories 2 and 3 are related ones.
      const wire = await insert(store, sham.id, 'ctx-wire', '2026-11-23T07:00:00.000Z');
      const copy = await insert(store, nile.id, 'ctx-copy', '2026-11-23T09:00:00.000Z');
      const follow = await insert(store, nile.id, 'ctx-follow', '2026-11-23T08:00:00.000Z');
      const near = await insert(store, sham.id, 'ctx-near', '2026-11-24T08:00:00.000Z');
      const far = await insert(store, sham.id, 'ctx-far', '2026-10-01T08:00:00.000Z');
      await store.assignStory(wire, 1, null);
      await store.assignStory(copy, 1, wire);
      await store.assignStory(follow, 1, null);
      await store.assignStory(near, 2, null);
      await store.assignStory(far, 3, null);
      await store.upsertStory({ id: 1, headline: 'انطلاق قمة المياه', headline_article_id: wire, entities: [] });
      await store.upsertStory({ id: 2, headline: 'ختام قمة المياه', headline_article_id: near, entities: [] });
      await store.upsertStory({ id: 3, headline: 'قمة سابقة', headline_article_id: far, entities: [] });
      await store.saveFingerprint({ article_id: wire, fingerprint: new Uint8Array([1, 5, 0, 0, 9, 0, 0, 0]), published_at: '2026-11-23T07:00:00.000Z', agency: { code: 'petra', name: 'بترا' } });
      await store.setRelated(copy, [{ story_id: 3, score: 0.9 }, { story_id: 2, score: 0.7 }]);
      const limits = { coverage: 12, related: 5, days: 7 };

      const ctx = await store.articleContext((await store.getArticle(copy))!, limits);
      assert.deepEqual(ctx.story, { id: 1, outlet_count: 2, article_count: 3 });
      assert.deepEqual(ctx.coverage.map((a) => a.id), [wire, follow], 'the others of the story, oldest first');
      assert.deepEqual(ctx.coverage[0], {
        id: wire, url: 'https://news.example/ctx-wire', source_id: sham.id, source_name: 'الشام اليوم', title: 'انطلاق القمة العربية للأمن المائي في عمّان', lead: null,
        published_at: '2026-11-23T07:00:00.000Z', fetched_at: '2026-11-24T00:00:00.000Z', image: null, story_id: 1, duplicate_of: null, category: null,
      }, 'a headline carries no text');
      assert.deepEqual(ctx.related.map((a) => a.id), [near], 'a story 50 days away is not "read also"');
      assert.deepEqual((await store.relatedForArticle(copy)).map((r) => r.article?.id), ctx.related.map((a) => a.id), 'the same ranking as relatedForArticle');
      assert.equal(ctx.original?.id, wire);
      assert.deepEqual(ctx.agency, { code: 'petra', name: 'بترا' }, "the copy's own text credits no agency: its original's credit");

      const first = await store.articleContext((await store.getArticle(wire))!, { ...limits, coverage: 1 });
      assert.deepEqual(first.coverage.map((a) => a.id), [follow], 'coverage is cut at the limit');
      assert.deepEqual([first.original, first.agency], [null, null]);
      assert.deepEqual(first.related, [], 'nothing chose story 1, and the wire report chose nothing');
      const later = await store.articleContext((await store.getArticle(near))!, limits);
      assert.deepEqual(later.related.map((a) => a.id), [wire], 'the story whose copy chose this one, linked through its headline article');
      const alone = await insert(store, null, 'ctx-alone', '2026-11-23T07:00:00.000Z');
      assert.deepEqual(await store.articleContext((await store.getArticle(alone))!, limits), { story: null, coverage: [], related: [], original: null, agency: null });
    }],
    ['a batch of placements is saved at once: stories recounted, the last assignment of an article kept', async (store) => {
      const nile = (await store.addSource({ name: 'بوابة النيل', url: 'https://nile.example/rss' })).source;
      const sham = (await store.addSource({ name: 'الشام اليوم', url: 'https://sham.example/rss' })).source;
      const a = await insert(store, nile.id, 'batch-a', '2026-11-23T08:00:00.000Z');
      const b = await insert(store, sham.id, 'batch-b', '2026-11-23T09:00:00.000Z');
      const c = await insert(store, sham.id, 'batch-c', '2026-11-24T09:00:00.000Z');
      const fp = new Uint8Array([1, 5, 0, 0, 9, 0, 0, 0]);
      await store.saveStoryBatch({
        assignments: [
          { article_id: a, story_id: 1, duplicate_of: null },
          { article_id: b, story_id: 2, duplicate_of: null },
          { article_id: c, story_id: 2, duplicate_of: null },
          // b turns out to be a copy of a: re-pointed within the same batch.
          { article_id: b, story_id: 1, duplicate_of: a },
        ],
        fingerprints: [{ article_id: a, fingerprint: fp, published_at: '2026-11-23T08:00:00.000Z', agency: { code: 'spa', name: 'واس' } }],
        stories: [
          { id: 1, headline: 'أول', headline_article_id: a, entities: [] },
          { id: 2, headline: 'ثان', headline_article_id: c, entities: [] },
          { id: 1, headline: 'أول، أدق', headline_article_id: a, entities: [{ key: 'city:amman', weight: 2 }] },
        ],
        related: [{ article_id: c, related: [{ story_id: 1, score: 0.5 }] }],
      });
      const one = (await store.getStory(1))!;
      assert.deepEqual([one.headline, one.article_count, one.outlet_count, one.first_seen, one.last_seen], ['أول، أدق', 2, 2, '2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z']);
      assert.deepEqual(one.entities.map((e) => e.key), ['city:amman']);
      assert.equal((await store.getStory(2))!.article_count, 1);
      assert.equal((await store.getArticle(b))!.duplicate_of, a);
      assert.deepEqual(await store.wireCredit(a), { code: 'spa', name: 'واس' });
      assert.deepEqual((await store.relatedForArticle(c)).map((r) => r.story.id), [1]);
      await store.saveStoryBatch({ assignments: [], fingerprints: [], stories: [], related: [{ article_id: c, related: [] }] });
      assert.deepEqual((await store.relatedForArticle(c)).map((r) => r.story.id), [], 'related lists are replaced');
    }],
    ['articles waiting for a story come oldest first; the replay reads assigned ones in a time range', async (store) => {
      const late = await insert(store, null, 'late', '2026-11-23T10:00:00.000Z');
      const early = await insert(store, null, 'early', '2026-11-23T06:00:00.000Z');
      const undated = await store.insertArticle({ ...base(null, 'undated'), published_at: null, fetched_at: '2026-11-23T08:00:00.000Z' });
      const waiting = await store.articlesWithoutStory(10);
      assert.deepEqual(waiting.map((a) => a.id), [early, undated.id, late], 'an undated article waits at its fetch time');
      const next = await store.articlesWithoutStory(10, { at: '2026-11-23T08:00:00.000Z', id: undated.id });
      assert.deepEqual(next.map((a) => a.id), [late]);
      await store.assignStory(early, 1, null);
      await store.assignStory(late, 1, null);
      assert.deepEqual((await store.articlesWithoutStory(10)).map((a) => a.id), [undated.id]);
      const replay = await store.articlesInStoriesBetween('2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z', 1);
      assert.deepEqual(replay.map((a) => a.id), [early]);
      const rest = await store.articlesInStoriesBetween('2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z', 5, { at: replay[0]!.published_at!, id: early });
      assert.deepEqual(rest.map((a) => a.id), [late]);
      assert.deepEqual(await store.articlesInStoriesBetween('2026-11-23T00:00:00.000Z', '2026-11-23T10:00:00.000Z', 5), replay, 'until is exclusive');
      await store.setArticleTags(late, [{ key: 'country:JO', name: 'الأردن', type: 'place', weight: 1 }, { key: 'city:amman', name: 'عمّان', type: 'place', weight: 0.5 }], 1);
      const tags = await store.tagsForArticles([late, early]);
      assert.deepEqual(tags.get(late)!.map((t) => t.key), ['country:JO', 'city:amman']);
      assert.deepEqual(tags.get(early), []);
    }],
  ];
}

function base(sourceId: number | null, slug: string): NewArticle {
  return {
    external_id: null,
    url: `https://news.example/${slug}`,
    source_id: sourceId,
    title: 'انطلاق القمة العربية للأمن المائي في عمّان',
    lead: null,
    body: '<p>انطلقت في عمّان أعمال القمة العربية للأمن المائي.</p>',
    text: 'انطلقت في عمّان أعمال القمة العربية للأمن المائي.',
    published_at: '2026-11-23T07:00:00.000Z',
    published_offset: 180,
    updated_at: null,
    fetched_at: '2026-11-24T00:00:00.000Z',
    authors: [],
    image: null,
    lang: 'ar',
  };
}

async function insert(store: Store, sourceId: number | null, slug: string, publishedAt: string): Promise<number> {
  return (await store.insertArticle({ ...base(sourceId, slug), published_at: publishedAt })).id;
}
