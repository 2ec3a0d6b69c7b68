import assert from 'node:assert/strict';
import type { NewArticle } from '../model/index.ts';
import { loadSearchFixtures, SEARCH_NOW } from './search-fixtures.ts';
import type { SearchPage, SearchRequest, SearchResults, Store } from './store.ts';

/**
 * What a reader types and which fixtures (search-fixtures.ts) must come back, in any order; or the
 * error code the query must give. Every backend must return exactly these.
 */
export const SEARCH_CASES: Array<[query: string, expected: string[] | { error: string }]> = [
  // Clitics and the article: والمفاوضات، بالمفاوضات and vocalized مُفَاوَضَاتٍ are one word.
  ['مفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['والمفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['بالمفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['المفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['مُفاوَضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['للمفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  // Country, adjective, with and without the article.
  ['الروسية', ['russian-ministry', 'russian-plane']],
  ['روسية', ['russian-ministry', 'russian-plane']],
  ['روسيا', ['russian-ministry', 'russian-plane']],
  ['الروسيه', ['russian-ministry', 'russian-plane']],
  ['مصري', ['egypt-welcomes', 'israel-ceasefire', 'egypt-team']],
  ['المصرية', ['egypt-welcomes', 'israel-ceasefire', 'egypt-team']],
  ['السعودية', ['trade-2026', 'aramco', 'hilal-league']],
  ['اللبناني', ['lebanon-president']],
  // Hamza seats, alef maqsura, taa marbuta.
  ['اسرائيل', ['israel-ceasefire']],
  ['إسرائيل', ['israel-ceasefire']],
  ['مستشفي', ['shifa-hospital', 'aswan-hospital']],
  ['مستشفى', ['shifa-hospital', 'aswan-hospital']],
  ['اسوان', ['aswan-hospital']],
  ['ايران', ['iran-nuclear']],
  // A noun in ون with accusative tanween: قانونًا is قانون, not قانو + نا.
  ['قانون', ['morocco-elections']],
  ['القانون', ['morocco-elections']],
  ['اسيا', ['aramco']],
  ['غزه', ['israel-ceasefire', 'shifa-hospital', 'gaza-aid']],
  // Vocalized query, bare text; bare query, vocalized text.
  ['مُسْتَشْفَى', ['shifa-hospital', 'aswan-hospital']],
  ['الاتِّفاقِيَّة', ['trade-2026']],
  ['القمة', ['vocalized-summit', 'riyadh-summit']],
  ['القِمَّة', ['vocalized-summit', 'riyadh-summit']],
  ['مياه', ['vocalized-summit']],
  ['النيل', ['vocalized-summit']],
  ['تَصْعِيد', ['escalation']],
  ['مـفـاوضـات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  // Digits: Arabic-Indic and ASCII are one number.
  ['2026', ['trade-2026', 'budget']],
  ['٢٠٢٦', ['trade-2026', 'budget']],
  ['120', ['gaza-aid']],
  ['١٢٠', ['gaza-aid']],
  ['٣٠٠', ['trade-2026']],
  ['كوفيد-19', ['covid']],
  ['iPhone 15', ['iphone']],
  ['IPHONE', ['iphone']],
  // Several words: all of them, in any order.
  ['مفاوضات الدوحة', ['egypt-welcomes']],
  ['الدوحة مفاوضات', ['egypt-welcomes']],
  ['مجلس النواب', ['budget', 'lebanon-president']],
  ['روسيا طائرة', ['russian-plane']],
  // Phrases keep word order and spelling (up to harakat, hamza and ة/ه).
  ['"وقف إطلاق النار"', ['israel-ceasefire']],
  ['«وقف اطلاق النار»', ['israel-ceasefire']],
  ['"النار إطلاق وقف"', []],
  ['"الخارجية الروسية"', ['russian-ministry']],
  ['"الخارجيه الروسيه"', ['russian-ministry']],
  ['"كأس العالم"', ['egypt-team']],
  ['"العالم كأس"', []],
  ['"قطاع غزة"', ['israel-ceasefire', 'gaza-aid']],
  // Exclusion.
  ['غزة -مستشفى', ['israel-ceasefire', 'gaza-aid']],
  ['غزة -"وقف إطلاق النار"', ['shifa-hospital', 'gaza-aid']],
  ['مفاوضات -الدوحة -جنيف', ['vocalized-summit', 'water-amman']],
  // OR binds tighter than the implicit AND.
  ['روسيا OR إيران', ['russian-ministry', 'russian-plane', 'iran-nuclear']],
  ['روسيا أو إيران', ['russian-ministry', 'russian-plane', 'iran-nuclear']],
  ['مستشفى غزة OR أسوان', ['shifa-hospital', 'aswan-hospital']],
  ['لبنان OR "قره باغ"', ['russian-ministry', 'lebanon-president']],
  // Filters, alone and combined: source (any spelling of its name), tag (name or key), dates.
  ['مفاوضات source:الجزيرة', ['talks-geneva', 'water-amman']],
  ['مفاوضات source:"الشرق الاوسط"', ['vocalized-summit']],
  ['مفاوضات -source:الجزيرة', ['egypt-welcomes', 'vocalized-summit']],
  ['مفاوضات مصدر:الجزيرة', ['talks-geneva', 'water-amman']],
  ['tag:غزة', ['israel-ceasefire', 'shifa-hospital', 'gaza-aid']],
  ['tag:غزه', ['israel-ceasefire', 'shifa-hospital', 'gaza-aid']],
  ['tag:country:RU', ['russian-ministry', 'russian-plane']],
  ['وسم:الاردن', ['syrian-refugees', 'water-amman']],
  ['tag:مصر tag:غزة', ['israel-ceasefire', 'gaza-aid']],
  ['tag:غزة -tag:مصر', ['shifa-hospital']],
  ['مصر tag:غزة source:الجزيرة', ['israel-ceasefire']],
  ['source:سبق from:2026-11-20 to:2026-11-22', ['iphone', 'riyadh-summit', 'covid']],
  ['tag:مصر from:2026-11-15 to:2026-11-21', ['vocalized-summit', 'budget', 'egypt-team']],
  ['غزة from:2026-11-15', ['shifa-hospital', 'gaza-aid']],
  ['غزة to:14/11/2026', ['israel-ceasefire']],
  ['مفاوضات source:الجزيرة tag:الأردن from:2026-11-20 to:2026-11-30', ['water-amman']],
  ['source:"مصدر لا وجود له"', []],
  ['tag:المريخ', []],
  // Hostile strings: FTS5 syntax is text, and a query that cannot run says why.
  ['NEAR(روسيا طائرة)', []], // NEAR is a word here, and no article has it
  ['روسيا*', ['russian-ministry', 'russian-plane']],
  ['title_stems:روسيا', []], // not a column filter: the word title_stems, which nothing has
  ['روسيا:', ['russian-ministry', 'russian-plane']],
  ['"; DROP TABLE articles; --', []],
  ['((((مفاوضات', ['talks-geneva', 'egypt-welcomes', 'vocalized-summit', 'water-amman']],
  ['روسيا"', ['russian-ministry', 'russian-plane']],
  ['', { error: 'empty' }],
  ['   ', { error: 'empty' }],
  ['*', { error: 'empty' }],
  ['-روسيا', { error: 'only_exclusions' }],
  ['مفاوضات '.repeat(100), { error: 'too_long' }],
  ['غزة from:أمس', { error: 'bad_date' }],
  ['غزة from:2026-11-20 to:2026-11-01', { error: 'date_range_inverted' }],
];

function ok(page: SearchPage): SearchResults {
  assert.ok(page.ok, page.ok ? '' : page.error.message);
  return page;
}

/** Search cases run by runStoreConformance for every backend. */
export function searchConformanceCases(): Array<[string, (store: Store) => Promise<void>]> {
  const ask = (store: Store, q: string, more: Partial<SearchRequest> = {}) => store.search({ q, now: SEARCH_NOW, timeZone: 'Asia/Riyadh', limit: 100, ...more });
  return [
    [`search: a table of ${SEARCH_CASES.length} queries finds what a reader expects`, async (store) => {
      const ids = await loadSearchFixtures(store);
      const keys = new Map([...ids].map(([k, v]) => [v, k]));
      const failures: string[] = [];
      for (const [q, expected] of SEARCH_CASES) {
        let page: SearchPage;
        try {
          page = await ask(store, q);
        } catch (err) {
          failures.push(`${q}: threw ${(err as Error).message}`);
          continue;
        }
        if (!Array.isArray(expected)) {
          if (page.ok || page.error.code !== expected.error || !page.error.ar) failures.push(`${q}: expected error ${expected.error}, got ${JSON.stringify(page.ok ? page.items.length : page.error)}`);
          continue;
        }
        if (!page.ok) {
          failures.push(`${q}: error ${page.error.code}`);
          continue;
        }
        const got = page.items.map((i) => keys.get(i.article.id)!).sort();
        if (JSON.stringify(got) !== JSON.stringify([...expected].sort()) || page.total !== expected.length) {
          failures.push(`${q}: got [${got.join(' ')}] (total ${page.total}), expected [${[...expected].sort().join(' ')}]`);
        }
      }
      assert.deepEqual(failures, []);
    }],
    ['search: a title match ranks above a body match, and the snippet marks every form of the word', async (store) => {
      const ids = await loadSearchFixtures(store);
      const page = ok(await ask(store, 'مفاوضات'));
      assert.equal(page.sort, 'relevance');
      assert.equal(page.items.at(-1)!.article.id, ids.get('vocalized-summit'), 'the only article with the word in its body alone ranks last');
      const geneva = page.items.find((i) => i.article.id === ids.get('talks-geneva'))!;
      assert.deepEqual(geneva.snippet.filter((s) => s.hit).map((s) => s.text), ['والمفاوضات']);
      const vocalized = page.items.find((i) => i.article.id === ids.get('vocalized-summit'))!;
      assert.deepEqual(vocalized.snippet.filter((s) => s.hit).map((s) => s.text), ['مُفَاوَضَاتٍ']);
      assert.equal(vocalized.snippet.map((s) => s.text).join(''), 'أَعْلَنَتِ الأَطْرَافُ عَنْ مُفَاوَضَاتٍ جَدِيدَةٍ حَوْلَ تَقَاسُمِ مِيَاهِ النِّيلِ.');
      const phrase = ok(await ask(store, '"وقف إطلاق النار"')).items[0]!;
      assert.deepEqual(phrase.snippet.filter((s) => s.hit).map((s) => s.text), ['وقف إطلاق النار']);
    }],
    ['search: of two articles that match alike, the fresher ranks first', async (store) => {
      const older = (await store.insertArticle(searchArticle('https://a.example/1', '2026-10-01T09:00:00.000Z'))).id;
      const newer = (await store.insertArticle(searchArticle('https://a.example/2', '2026-11-28T09:00:00.000Z'))).id;
      assert.deepEqual(ok(await ask(store, 'مياه')).items.map((i) => i.article.id), [newer, older]);
      assert.deepEqual(ok(await ask(store, 'مياه', { now: new Date('2026-10-01T10:00:00Z') })).items.map((i) => i.article.id), [older, newer], 'freshness counts from the request\'s now');
    }],
    ['search: date order pages with a cursor and visits every result once', async (store) => {
      const ids = await loadSearchFixtures(store);
      const all = ok(await ask(store, 'tag:السعودية'));
      assert.equal(all.sort, 'date', 'a query without words is in date order');
      assert.equal(all.total, 6);
      assert.equal(all.items[0]!.article.id, ids.get('jeddah-rain'), 'an undated article sorts by its fetch time');
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let round = 0; round < 10; round++) {
        const page = ok(await ask(store, 'tag:السعودية', { limit: 4, cursor }));
        seen.push(...page.items.map((i) => i.article.id));
        cursor = page.next_cursor;
        if (!cursor) break;
      }
      assert.deepEqual(seen, all.items.map((i) => i.article.id));
      const byDate = ok(await ask(store, 'مفاوضات', { sort: 'date' }));
      assert.deepEqual(byDate.items.map((i) => i.article.id), ['water-amman', 'vocalized-summit', 'egypt-welcomes', 'talks-geneva'].map((k) => ids.get(k)));
    }],
    ['search: relevance order pages by offset, every result once, and a forged cursor is an error', async (store) => {
      await loadSearchFixtures(store);
      const all = ok(await ask(store, 'مفاوضات'));
      const first = ok(await ask(store, 'مفاوضات', { limit: 3 }));
      assert.equal(first.total, 4);
      assert.ok(first.next_cursor);
      const second = ok(await ask(store, 'مفاوضات', { limit: 3, cursor: first.next_cursor }));
      assert.equal(second.next_cursor, null);
      assert.deepEqual([...first.items, ...second.items].map((i) => i.article.id), all.items.map((i) => i.article.id));
      for (const cursor of ['o99999999', 'x', 'd2026-11-01~1', '-1']) {
        const bad = await ask(store, 'مفاوضات', { cursor });
        assert.equal(bad.ok ? 'ok' : bad.error.code, 'bad_cursor', cursor);
      }
      const badDate = await ask(store, 'مفاوضات', { sort: 'date', cursor: 'o20' });
      assert.equal(badDate.ok ? 'ok' : badDate.error.code, 'bad_cursor');
    }],
    ['search: facets count the whole result set by source and by local day', async (store) => {
      await loadSearchFixtures(store);
      const page = ok(await ask(store, 'مفاوضات', { limit: 1 }));
      assert.equal(page.items.length, 1);
      assert.deepEqual(page.facets.sources.map((s) => [s.name, s.count]), [['الجزيرة', 2], ['الشرق الأوسط', 1], ['اليوم السابع', 1]]);
      assert.deepEqual(page.facets.days, [
        { day: '2026-11-24', count: 1 }, { day: '2026-11-16', count: 1 }, { day: '2026-11-11', count: 1 }, { day: '2026-11-10', count: 1 },
      ]);
      // 22:30 UTC on the 23rd is already the 24th in Riyadh.
      await store.insertArticle(searchArticle('https://a.example/late', '2026-11-23T22:30:00.000Z'));
      assert.deepEqual(ok(await ask(store, 'مياه')).facets.days.map((d) => d.day), ['2026-11-24', '2026-11-16']);
      assert.deepEqual(ok(await ask(store, 'مياه', { timeZone: 'UTC' })).facets.days.map((d) => d.day), ['2026-11-23', '2026-11-16']);
    }],
    ['search: a query that cannot run gives the parser\'s message in Arabic and English', async (store) => {
      const page = await ask(store, '-روسيا');
      assert.equal(page.ok, false);
      if (!page.ok) {
        assert.match(page.error.ar, /أضف كلمة/);
        assert.match(page.error.en, /Add a word/);
      }
      const notice = ok(await ask(store, 'مفاوضات "جنيف'));
      assert.deepEqual(notice.notices.map((n) => n.code), ['unclosed_quote']);
    }],
  ];
}

function searchArticle(url: string, published_at: string): NewArticle {
  return {
    external_id: null, url, source_id: null, title: 'أزمة المياه في المنطقة', lead: null,
    body: '<p>تتفاقم أزمة المياه في المنطقة مع تراجع الأمطار.</p>', text: 'تتفاقم أزمة المياه في المنطقة مع تراجع الأمطار.',
    published_at, published_offset: 180, updated_at: null, fetched_at: published_at, authors: [], image: null, lang: 'ar',
  };
}
