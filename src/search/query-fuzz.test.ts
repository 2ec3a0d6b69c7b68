// Property test: whatever a reader types, parseQuery answers without throwing, and every query it
// accepts compiles to an FTS5 expression SQLite runs and to a well-formed tsquery.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { compileFts5 } from './fts5.ts';
import { formatQuery } from './query-format.ts';
import { parseQuery } from './query-parser.ts';
import { searchDocument } from './terms.ts';
import { compileTsquery } from './tsquery.ts';
import { assertTsquery } from './testdata/tsquery-grammar.ts';

const RUNS = 2_000;

// Pieces and their weights: mostly Arabic letters and spaces, with every character that means
// something to our lexer, to FTS5 or to tsquery mixed in.
const ALPHABET: Array<[piece: string, weight: number]> = [
  ...[...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة'].map((c): [string, number] => [c, 6]),
  [' ', 40], ['  ', 4], ['\t', 1], ['\n', 1],
  ['"', 6], ['«', 3], ['»', 3], ['“', 2], ['”', 2], ["'", 3],
  ['-', 8], ['−', 1], ['—', 1], [':', 6], ['OR ', 5], [' OR', 3], ['أو ', 3], ['AND ', 1], ['NOT ', 2],
  ['source:', 3], ['tag:', 2], ['from:', 3], ['to:', 2], ['مصدر:', 1],
  ['(', 3], [')', 3], ['*', 3], ['^', 2], ['+', 2], ['NEAR(', 1], ['{', 1], ['}', 1], ['\\', 1], [';', 1], ['|', 1], ['&', 1], ['!', 1], ['<->', 1],
  ['0', 2], ['2026', 2], ['٢٩', 2], ['/', 2], ['.', 2], [',', 1], ['،', 2], ['؛', 1], ['؟', 1],
  ['\u064E', 3], ['\u0651', 2], ['\u0640', 2], ['\u200F', 1], ['\u200E', 1], ['\u0000', 1], ['\u0007', 1],
  ['😀', 1], ['\uD83D', 1], ['iPhone', 1], ['x', 2], ['É', 1], ['نوفمبر', 1],
];
const TOTAL = ALPHABET.reduce((sum, [, w]) => sum + w, 0);

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function piece(rand: () => number): string {
  let r = rand() * TOTAL;
  for (const [p, w] of ALPHABET) {
    if ((r -= w) < 0) return p;
  }
  return ' ';
}

function randomQuery(rand: () => number): string {
  // Mostly short, sometimes past the length limit.
  const pieces = rand() < 0.05 ? 200 + Math.floor(rand() * 300) : Math.floor(rand() * 40);
  let s = '';
  for (let i = 0; i < pieces; i++) s += piece(rand);
  return s;
}

describe('any string', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE article_search USING fts5(stems, surface, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`);
  const doc = searchDocument('مفاوضات روسية في جنيف', 'أعلنت إسرائيل وقف إطلاق النار عام ٢٠٢٦');
  db.prepare('INSERT INTO article_search (rowid, stems, surface) VALUES (1, ?, ?)').run(doc.stems, doc.surface);
  const match = db.prepare('SELECT rowid FROM article_search WHERE article_search MATCH ?');

  it(`parses and compiles (${RUNS} random queries)`, () => {
    const rand = random(20261129);
    const codes = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      const input = randomQuery(rand);
      const label = `run ${i}: ${JSON.stringify(input)}`;
      const r = parseQuery(input);
      const code = r.ok ? 'ok' : r.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      assert.notEqual(code, 'unreadable', label);
      if (!r.ok) continue;
      const fts = compileFts5(r.query, { timeZone: 'Asia/Riyadh' });
      for (const expr of [fts.match, fts.exclude]) {
        if (expr !== null) assert.doesNotThrow(() => match.all(expr), `${label} → ${expr}`);
      }
      const ts = compileTsquery(r.query, { timeZone: 'Asia/Riyadh' });
      for (const expr of [ts.query, ts.exclude]) {
        if (expr !== null) assert.doesNotThrow(() => assertTsquery(expr), `${label} → ${expr}`);
      }
      assert.equal(fts.match === null, ts.query === null, label);
      // The canonical text parses to itself.
      const canonical = formatQuery(r.query);
      const again = parseQuery(canonical);
      assert.ok(again.ok, `${label} → ${canonical}`);
      assert.equal(formatQuery(again.query), canonical, label);
    }
    // The generator must reach both outcomes, or the test proves little.
    assert.ok((codes.get('ok') ?? 0) > RUNS / 4, JSON.stringify([...codes]));
    assert.ok((codes.get('too_long') ?? 0) > 0, JSON.stringify([...codes]));
  });
});
