import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSearchFixtures, SEARCH_NOW, waterReports } from '../search-fixtures.ts';
import { MIGRATIONS } from './migrations.ts';
import { planSearch } from '../search-plan.ts';
import { searchDocument } from '../../search/index.ts';
import { registerSearchFunctions, SEARCH_INDEX_VERSION, searchSqlite } from './search.ts';
import { SqliteStore } from './sqlite-store.ts';

function withDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-search-'));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('sqlite search: articles stored before search existed are indexed when the database is opened', () =>
  withDir(async (dir) => {
    const path = join(dir, 'v2.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]! + MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    const insert = old.prepare('INSERT INTO articles (url, title, body, text, published_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < 1_203; i++) {
      insert.run(`https://www.alrai.com/article/${i}`, i === 700 ? 'عمّان تستضيف قمة المياه' : `خبر رقم ${i}`, '<p>نص</p>',
        i === 700 ? 'انطلقت والمفاوضات في عمّان.' : 'نص قصير', '2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z');
    }
    old.close();

    const store = SqliteStore.open(path);
    const page = await store.search({ q: 'مفاوضات عمان' });
    assert.ok(page.ok);
    assert.deepEqual(page.ok && page.items.map((i) => i.article.title), ['عمّان تستضيف قمة المياه']);
    await store.close();

    const check = new Database(path, { readonly: true });
    const left = check.prepare('SELECT COUNT(*) AS n FROM articles WHERE search_version IS NULL OR search_version < ?').get(SEARCH_INDEX_VERSION) as { n: number };
    assert.equal(left.n, 0, 'every article indexed once, in batches');
    // An analyzer change bumps SEARCH_INDEX_VERSION; older rows are indexed again, not twice.
    check.close();
    const older = new Database(path);
    older.prepare('UPDATE articles SET search_version = 0 WHERE id <= 10').run();
    older.close();
    const reopened = SqliteStore.open(path);
    const again = await reopened.search({ q: 'خبر' });
    assert.equal(again.ok && again.total, 1_202);
    await reopened.close();
  }));

/** The row count in an FTS5 table's totals record (id 1 of its data): what bm25() takes for N. */
function ftsRowCount(db: Database.Database): number {
  const block = db.prepare('SELECT block FROM article_search_data WHERE id = 1').pluck().get() as Buffer;
  let n = 0;
  for (const byte of block) {
    n = n * 128 + (byte & 0x7f);
    if (byte < 0x80) break;
  }
  return n;
}

test('sqlite search: an index of unmarked surface tokens (search version 1) is written again, into a fresh table', () =>
  withDir(async (dir) => {
    const path = join(dir, 'v7.db');
    const old = new Database(path);
    old.exec(MIGRATIONS.slice(0, 7).join(''));
    old.pragma('user_version = 7');
    const insert = old.prepare(`INSERT INTO articles (url, title, body, text, published_at, fetched_at, search_version)
      VALUES (?, ?, '<p>نص</p>', ?, '2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z', 1)`);
    const row = old.prepare('INSERT INTO article_search (rowid, title_stems, title_surface, stems, surface) VALUES (?, ?, ?, ?, ?)');
    const texts: Array<[string, string]> = [
      ['غزة: إعلان وقف إطلاق النار', 'أعلن الوسطاء وقف إطلاق النار في غزة بعد مفاوضات طويلة.'],
      ['النار تلتهم سوقاً', 'اشتعلت النار في سوق قديم ثم أُعلن وقف العمل فيه.'],
      ['مستشفى الشفاء', 'استقبل مستشفى الشفاء عشرات الجرحى.'],
    ];
    for (const [i, [title, text]] of texts.entries()) {
      const id = Number(insert.run(`https://www.aljazeera.net/news/${i}`, title, text).lastInsertRowid);
      // As version 1 wrote them: surface tokens as they are.
      const t = searchDocument(title, '');
      const b = searchDocument('', text);
      row.run(id, t.stems, t.surface, b.stems, b.surface);
    }
    old.close();

    const store = SqliteStore.open(path);
    const phrase = await store.search({ q: '"وقف إطلاق النار"' });
    assert.deepEqual(phrase.ok && phrase.items.map((i) => i.article.title), ['غزة: إعلان وقف إطلاق النار']);
    const words = await store.search({ q: 'وقف النار', sort: 'date' });
    assert.equal(words.ok && words.total, 2);
    await store.close();
    const check = new Database(path, { readonly: true });
    assert.equal(ftsRowCount(check), texts.length, 'rows counted once, as bm25() needs, not once per version');
    assert.equal(check.prepare('SELECT COUNT(*) FROM articles WHERE search_version = ?').pluck().get(SEARCH_INDEX_VERSION), texts.length);
    check.close();
  }));

test('sqlite search: syndicated copies are folded under their original and counted', () =>
  withDir(async (dir) => {
    const path = join(dir, 'copies.db');
    const store = SqliteStore.open(path);
    const ids = await loadSearchFixtures(store);
    const original = ids.get('israel-ceasefire')!;
    const copy = (await store.insertArticle({
      external_id: null, url: 'https://sabq.org/copy-1', source_id: null, title: 'إسرائيل تعلن وقف إطلاق النار في غزة', lead: null,
      body: '<p>أعلنت إسرائيل وقف إطلاق النار في قطاع غزة.</p>', text: 'أعلنت إسرائيل وقف إطلاق النار في قطاع غزة.',
      published_at: '2026-11-14T10:00:00.000Z', published_offset: null, updated_at: null, fetched_at: '2026-11-14T10:00:00.000Z', authors: [], image: null, lang: 'ar',
    })).id;
    const before = await store.search({ q: 'إسرائيل', now: SEARCH_NOW });
    assert.equal(before.ok && before.total, 2, 'not folded until marked');

    // Deduplication (src/stories) marks copies; until the store has a method for it, set the column.
    const db = new Database(path);
    db.prepare('UPDATE articles SET duplicate_of = ? WHERE id = ?').run(original, copy);
    db.close();
    const page = await store.search({ q: 'إسرائيل', now: SEARCH_NOW });
    assert.ok(page.ok);
    assert.deepEqual(page.ok && page.items.map((i) => [i.article.id, i.copies]), [[original, 1]]);
    assert.equal(page.ok && page.total, 1);
    await store.close();
  }));

test('sqlite search: a search never throws on what a reader types', async () => {
  const store = SqliteStore.open(':memory:');
  await loadSearchFixtures(store);
  const hostile = ['"', '""', '"""', 'NOT', 'OR OR', 'AND', '-', '- -', 'NEAR(', '^روسيا', 'col:', ':', '*', '\u0000', '\uFFFF', '\uD800', '🔥🔥',
    'source:', 'tag:', 'from:', 'to:', '-source:x', 'a'.repeat(499), 'مفاوضات'.repeat(70), '(((()))))', "' OR 1=1 --", 'روسيا) OR (1', '{stems}: x'];
  for (const q of hostile) {
    const page = await store.search({ q, now: SEARCH_NOW });
    assert.ok(page.ok || (page.error.code && page.error.ar && page.error.en), JSON.stringify(q));
  }
  await store.close();
});

test('sqlite search: a broad word, stored in publication order, gets the full ranking\'s first page, an exact total and approximate facets', () =>
  withDir(async (dir) => {
    // 2,400 articles about water over two months, stored as a crawler stores them (oldest first),
    // some saying it more often, in longer or shorter texts; every 40th a copy. More matches than
    // the ranking window, which holds the newest.
    const path = join(dir, 'broad.db');
    const store = SqliteStore.open(path);
    const articles = waterReports(2_400);
    const ids = (await store.insertArticles(articles)).map((r) => r.id);
    await store.close();
    const db = new Database(path);
    registerSearchFunctions(db);
    const mark = db.prepare('UPDATE articles SET duplicate_of = ? WHERE id = ?');
    for (let i = 40; i < ids.length; i += 40) mark.run(ids[i - 1], ids[i]);

    const now = new Date('2026-11-20T00:00:00Z');
    const run = (q: string, cursor: string | null, window?: number) => {
      const plan = planSearch({ q, now, limit: 100, cursor });
      assert.ok(!('ok' in plan));
      return searchSqlite(db, plan, window);
    };
    const windowed = run('مياه', null);
    const full = run('مياه', null, Infinity);
    assert.deepEqual(windowed.items.map((i) => i.article.id), full.items.map((i) => i.article.id));
    assert.equal(windowed.total, 2_400 - 59);
    assert.equal(full.total, 2_400 - 59);
    assert.equal(windowed.facets.approximate, true);
    assert.equal(full.facets.approximate, false);
    // Deep pages stay within the window and never repeat a result.
    const seen = new Set<number>();
    for (let offset = 0; offset <= 1_000; offset += 100) {
      for (const item of run('مياه', offset === 0 ? null : `o${offset}`).items) {
        assert.ok(!seen.has(item.article.id), `${item.article.id} shown twice`);
        seen.add(item.article.id);
      }
    }
    assert.equal(seen.size, 1_100);
    // A filter narrows the window to matches that pass it: still a full page, in the filter's range.
    const filtered = run('مياه from:2026-11-01', null);
    assert.equal(filtered.items.length, 100);
    assert.ok(filtered.items.every((i) => i.article.published_at! >= '2026-10-31T21:00:00.000Z'));
    const narrow = run('أزمة المياه', null);
    assert.equal(narrow.facets.approximate, false);
    assert.deepEqual(narrow.facets.sources.map((f) => f.count), [narrow.total]);
    assert.equal(new Set(narrow.facets.days.map((d) => d.day)).size, narrow.facets.days.length, 'one facet per day');
    db.close();
  }));

test('sqlite search: a full window that holds every result counts it exactly and calls its facets exact, whatever copies lie past it', () =>
  withDir(async (dir) => {
    const path = join(dir, 'window.db');
    const store = SqliteStore.open(path);
    const ids = (await store.insertArticles(waterReports(8))).map((r) => r.id);
    await store.close();
    const db = new Database(path);
    registerSearchFunctions(db);
    // The three oldest reports are copies of the fourth: eight matches, five results.
    const mark = db.prepare('UPDATE articles SET duplicate_of = ? WHERE id = ?');
    for (const id of ids.slice(0, 3)) mark.run(ids[3], id);
    const run = (q: string, window: number) => {
      const plan = planSearch({ q, now: new Date('2026-11-20T00:00:00Z') });
      assert.ok(!('ok' in plan));
      const page = searchSqlite(db, plan, window);
      return [page.total, page.facets.approximate, page.facets.sources.reduce((sum, f) => sum + f.count, 0)];
    };
    assert.deepEqual(run('مياه', 5), [5, false, 5]);
    assert.deepEqual(run('مياه', 4), [5, true, 4]);
    // With a filter (every report passes this one) the results past the window are counted row by row.
    assert.deepEqual(run('مياه from:2026-09-20', 2), [5, true, 2]);
    assert.deepEqual(run('مياه from:2026-09-20', 5), [5, false, 5]);
    db.close();
  }));

test('sqlite search: date order is exact when articles were stored out of date order', () =>
  withDir(async (dir) => {
    // 600 reports about water; a fifth stored late (dated up to five days before their neighbours),
    // a few stored early (dated after every other), as late feeds and imports store them.
    const path = join(dir, 'dates.db');
    const store = SqliteStore.open(path);
    const articles = waterReports(600).map((a, i) => {
      const shift = i % 5 === 0 ? -((i * 37) % 120) * 3_600_000 : i % 97 === 3 ? 40 * 86_400_000 : 0;
      const at = new Date(Date.parse(a.published_at!) + shift).toISOString();
      return { ...a, published_at: at, fetched_at: at };
    });
    const ids = (await store.insertArticles(articles)).map((r) => r.id);
    await store.close();
    const db = new Database(path);
    registerSearchFunctions(db);
    const mark = db.prepare('UPDATE articles SET duplicate_of = ? WHERE id = ?');
    for (let i = 30; i < ids.length; i += 30) mark.run(ids[i - 1], ids[i]);
    const expected = articles.map((a, i) => ({ id: ids[i]!, at: a.published_at! }))
      .filter((_, i) => i === 0 || i % 30 !== 0)
      .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : y.id - x.id)).map((r) => r.id);
    const now = new Date('2026-11-20T00:00:00Z');
    for (const limit of [1, 7, 20, 100]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const plan = planSearch({ q: 'مياه', sort: 'date', limit, cursor, now });
        assert.ok(!('ok' in plan));
        const page = searchSqlite(db, plan);
        seen.push(...page.items.map((i) => i.article.id));
        assert.equal(page.total, expected.length);
        cursor = page.next_cursor;
      } while (cursor !== null && seen.length < 300);
      assert.deepEqual(seen, expected.slice(0, seen.length), `pages of ${limit}`);
    }
    db.close();
  }));
