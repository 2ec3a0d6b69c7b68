import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { compileFts5, FTS5_SURFACE_MARK, markSurface, quoteFts5, type Fts5Query } from './fts5.ts';
import { parseQuery } from './query-parser.ts';
import { searchDocument } from './terms.ts';
import { CASES_NOW, QUERY_CASES } from './testdata/query-cases.ts';

// Small articles, each there to prove one thing about spelling, clitics, harakat or digits.
const DOCS: Array<[id: number, title: string, body: string]> = [
  [1, 'انطلاق المفاوضات في جنيف', 'بدأت الجولة الجديدة والمفاوضات مستمرة بين الوفدين.'],
  [2, 'ترحيب مصري', 'رحبت مصر بالمفاوضات الجارية في الدوحة.'],
  [3, 'الخارجية الروسية تعلق', 'قالت وزارة الخارجية الروسية إن موسكو تتابع الوضع.'],
  [4, 'طائرة روسية في المطار', 'هبطت طائرة روسية صباح اليوم.'],
  [5, 'إسرائيل تعلن', 'أعلنت إسرائيل وقف إطلاق النار في غزة.'],
  [6, 'مستشفى الشفاء', 'استقبل مستشفى الشفاء عشرات الجرحى.'],
  [7, 'القِمَّةُ العَرَبِيَّة', 'أعلنت الأطراف عن مُفاوَضاتٍ جديدة حول المياه.'],
  [8, 'توقيع الاتفاقية التجارية', 'وقع البلدان الاتفاقية التجارية عام 2026.'],
  [9, 'الموازنة العامة', 'أقر البرلمان الموازنة العامة لعام ٢٠٢٦.'],
  [10, 'تصعيد جديد', 'اشتعلت النار بعد إطلاق صواريخ ثم طالب الوسطاء وقف التصعيد.'],
  [11, 'إطلاق iPhone 15 في دبي', 'بدأ بيع الهاتف الجديد.'],
  [12, 'منتخب مصر يتأهل', 'تأهل منتخب مصر إلى كأس العالم.'],
  [13, 'الرياض تستضيف القمة', 'استضافت السعودية القمة العربية.'],
];
const ALL_IDS = DOCS.map(([id]) => id);

/**
 * The planned schema (fts5.ts), written through searchDocument as the store writes it: with the
 * surface tokens as they are, or marked (markSurface) as the SQLite store keeps them.
 */
function openIndex(marked: boolean): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE article_search USING fts5(stems, surface, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`);
  const insert = db.prepare('INSERT INTO article_search (rowid, stems, surface) VALUES (?, ?, ?)');
  for (const [id, title, body] of DOCS) {
    const doc = searchDocument(title, body);
    insert.run(id, doc.stems, marked ? markSurface(doc.surface) : doc.surface);
  }
  return db;
}

const indexes = { plain: openIndex(false), marked: openIndex(true) };
type Layout = keyof typeof indexes;
const statements = new Map(Object.entries(indexes)
  .map(([layout, db]) => [layout, db.prepare('SELECT rowid AS id FROM article_search WHERE article_search MATCH ? ORDER BY rowid')]));

function matching(expr: string, layout: Layout = 'plain'): number[] {
  return (statements.get(layout)!.all(expr) as Array<{ id: number }>).map((r) => r.id);
}

/** What the store will do with a compiled query (filters aside): the matching rows. */
function run(c: Fts5Query, layout: Layout = 'plain'): number[] {
  if (c.match !== null) return matching(c.match, layout);
  const excluded = new Set(c.exclude === null ? [] : matching(c.exclude, layout));
  return ALL_IDS.filter((id) => !excluded.has(id));
}

function search(input: string, layout: Layout = 'plain'): number[] {
  const r = parseQuery(input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return run(compileFts5(r.query, { timeZone: 'Asia/Riyadh', markedSurface: layout === 'marked' }), layout);
}

const EXPECTED: Array<[query: string, ids: number[]]> = [
  // Clitics and the article: one stem.
  ['مفاوضات', [1, 2, 7]],
  ['والمفاوضات', [1, 2, 7]],
  ['بالمفاوضات', [1, 2, 7]],
  // Country and adjective, with and without the article.
  ['الروسية', [3, 4]],
  ['روسية', [3, 4]],
  ['روسيا', [3, 4]],
  // Hamza seats, alef maqsura and taa marbuta.
  ['اسرائيل', [5]],
  ['إسرائيل', [5]],
  ['مستشفي', [6]],
  ['"الخارجيه الروسيه"', [3]],
  // Vocalized query, bare text; bare query, vocalized text.
  ['مُسْتَشْفَى', [6]],
  ['الاتِّفاقِيَّة', [8]],
  ['القمة', [7, 13]],
  ['العربية', [7, 13]],
  // Digits.
  ['2026', [8, 9]],
  ['٢٠٢٦', [8, 9]],
  // Phrases keep word order and spelling; words do not.
  ['"وقف إطلاق النار"', [5]],
  ['«وقف اطلاق النار»', [5]],
  ['وقف إطلاق النار', [5, 10]],
  ['"النار إطلاق وقف"', []],
  ['"الخارجية الروسية"', [3]],
  ['"الروسية الخارجية"', []],
  ['"مستشفى الشفاء"', [6]],
  ['"المفاوضات"', [1]],
  // Exclusion and OR.
  ['مصر', [2, 12]],
  ['مصر -"كأس العالم"', [2]],
  ['مصر -كأس', [2]],
  ['مفاوضات -جنيف', [2, 7]],
  ['إسرائيل OR السعودية', [5, 13]],
  ['مصر أو السعودية', [2, 12, 13]],
  ['مفاوضات OR مستشفى -جنيف', [2, 6, 7]],
  ['القمة OR مصر الرياض', [13]],
  // Latin and mixed.
  ['iPhone 15', [11]],
  ['IPHONE', [11]],
  // Stop words alone are looked for as written.
  ['في', [1, 2, 4, 5, 11]],
  ['مصر في', [2, 12]], // with another word, the stop word is dropped
  // Typed operators of other engines are text.
  ['(مستشفى)^ AND', [6]],
  ['NEAR(مستشفى الشفاء)', []], // NEAR is a word here, and no article has it
  ['مستشفى*', [6]],
  ['stems:مستشفى', []],
  ['surface:"x" OR 1', []],
  // Filters only: the text part is every article, less the exclusions.
  ['source:الجزيرة', ALL_IDS],
  ['source:الجزيرة -مفاوضات', ALL_IDS.filter((id) => ![1, 2, 7].includes(id))],
];

describe('compileFts5 against a real FTS5 index', () => {
  for (const [query, ids] of EXPECTED) {
    it(`${query} → [${ids.join(', ')}]`, () => assert.deepEqual(search(query), ids));
  }

  it('runs every query of the parser table without an SQL error', () => {
    let ran = 0;
    for (const [input] of QUERY_CASES) {
      const r = parseQuery(input, { now: CASES_NOW });
      if (!r.ok) continue;
      assert.doesNotThrow(() => run(compileFts5(r.query, { timeZone: 'Asia/Riyadh' })), input);
      ran++;
    }
    assert.ok(ran >= 60);
  });

  it('quotes any token so FTS5 reads it as text', () => {
    for (const token of ['a"b', '"', '""', 'NEAR(', 'x OR y', 'stems:x', '*', '^a', ') AND (']) {
      assert.doesNotThrow(() => matching(`stems : ${quoteFts5(token)}`), token);
    }
  });

  it('puts exclusions under NOT and keeps filters out of MATCH', () => {
    const r = parseQuery('مفاوضات -جنيف source:"الشرق الأوسط" from:2026-11-29 to:2026-11-30');
    assert.ok(r.ok);
    const c = compileFts5(r.query, { timeZone: 'Asia/Riyadh' });
    assert.equal(c.match, '(stems : "مفاوض") NOT (stems : "جنيف")');
    assert.equal(c.exclude, null);
    assert.deepEqual(c.filters.sources, [{ text: 'الشرق الأوسط', norm: 'الشرق الاوسط' }]);
    assert.equal(c.filters.publishedFrom, '2026-11-28T21:00:00.000Z');
    assert.equal(c.filters.publishedBefore, '2026-11-30T21:00:00.000Z');
  });

  it('finds the same articles in an index whose surface tokens are marked, without column filters', () => {
    for (const [query, ids] of EXPECTED) assert.deepEqual(search(query, 'marked'), ids, query);
    const r = parseQuery('مستشفى "الشفاء" -"3.5"');
    assert.ok(r.ok);
    const c = compileFts5(r.query, { timeZone: 'UTC', markedSurface: true });
    const m = FTS5_SURFACE_MARK;
    assert.equal(c.match, `(("مستشف") AND ("${m}الشفاء")) NOT ("${m}3.${m}5")`);
  });

  it('keeps stems and marked surface tokens apart, also the parts FTS5 splits a number into', () => {
    const m = FTS5_SURFACE_MARK;
    assert.equal(markSurface('الشفاء 3.5 iPhone'), `${m}الشفاء ${m}3.${m}5 ${m}iPhone`);
    // الشفاء is a surface token of article 6 and not a stem of any: unmarked, the marked index has it nowhere.
    assert.deepEqual(matching('"الشفاء"', 'marked'), []);
    assert.deepEqual(matching(`"${m}الشفاء"`, 'marked'), [6]);
    assert.deepEqual(matching('"2026"', 'marked'), [8, 9]);
  });

  it('searches several columns per role when the store asks', () => {
    const r = parseQuery('مستشفى "الشفاء"');
    assert.ok(r.ok);
    const c = compileFts5(r.query, { timeZone: 'UTC', columns: { stems: ['title_stems', 'stems'], surface: ['surface'] } });
    assert.equal(c.match, '({title_stems stems} : "مستشف") AND (surface : "الشفاء")');
    assert.throws(() => compileFts5(r.query, { timeZone: 'UTC', columns: { stems: ['x; DROP'], surface: ['surface'] } }), TypeError);
  });
});
