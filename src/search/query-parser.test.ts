import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatQuery } from './query-format.ts';
import { parseQuery } from './query-parser.ts';
import { CASES_NOW, QUERY_CASES } from './testdata/query-cases.ts';

function show(input: string): string {
  return input.length > 60 ? `${input.slice(0, 40)}… (${input.length} chars)` : JSON.stringify(input);
}

describe('parseQuery: the query table', () => {
  it('has at least 60 cases', () => assert.ok(QUERY_CASES.length >= 60));
  for (const [input, expected, notices] of QUERY_CASES) {
    it(show(input), () => {
      const r = parseQuery(input, { now: CASES_NOW });
      if (expected.startsWith('error:')) {
        assert.equal(r.ok ? `parsed as ${formatQuery(r.query)}` : `error:${r.error.code}`, expected);
        return;
      }
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(formatQuery(r.query), expected);
      if (notices) assert.deepEqual(r.query.notices.map((n) => n.code), notices);
      // The canonical text is itself a query that means the same.
      const again = parseQuery(expected, { now: CASES_NOW });
      assert.ok(again.ok);
      assert.equal(formatQuery(again.query), expected);
    });
  }
});

describe('parseQuery: structure', () => {
  it('binds OR tighter than the implicit AND', () => {
    const r = parseQuery('a b OR c d');
    assert.ok(r.ok);
    assert.deepEqual(r.query.must.map((g) => g.map((t) => t.text)), [['a'], ['b', 'c'], ['d']]);
  });

  it('keeps phrases and words apart', () => {
    const r = parseQuery('غزة "وقف إطلاق النار" -"كأس العالم" -روسيا');
    assert.ok(r.ok);
    assert.deepEqual(r.query.must, [[{ kind: 'word', text: 'غزة' }], [{ kind: 'phrase', text: 'وقف إطلاق النار' }]]);
    assert.deepEqual(r.query.not, [{ kind: 'phrase', text: 'كأس العالم' }, { kind: 'word', text: 'روسيا' }]);
  });

  it('gives filter names in matching form', () => {
    const r = parseQuery('source:"الشرق الأوسط" tag:إسرائيل x');
    assert.ok(r.ok);
    assert.deepEqual(r.query.filters.sources, [{ text: 'الشرق الأوسط', norm: 'الشرق الاوسط' }]);
    assert.deepEqual(r.query.filters.tags, [{ text: 'إسرائيل', norm: 'اسراييل' }]);
  });

  it('reads a Hijri numeric date', () => {
    const r = parseQuery('from:29/05/1447 x');
    assert.ok(r.ok);
    assert.equal(r.query.filters.from, '2025-11-20');
  });
});

describe('parseQuery: errors a reader can act on', () => {
  it('answers every error in Arabic and in English', () => {
    for (const input of ['', 'a'.repeat(501), '-x', 'from:غدا', 'to:2025 from:2026', '"' + 'w '.repeat(13) + '"']) {
      const r = parseQuery(input);
      assert.ok(!r.ok, input);
      assert.match(r.error.ar, /[\u0600-\u06FF]/);
      assert.match(r.error.en, /^[\x20-\x7E«»\u0600-\u06FF]+$/);
      assert.equal(r.error.message, `${r.error.ar} — ${r.error.en}`);
      assert.notEqual(r.error.code, 'unreadable');
    }
  });

  it('names the date it could not read', () => {
    const r = parseQuery('غزة from:أمسية');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'bad_date');
    assert.match(r.error.ar, /أمسية/);
  });

  it('refuses a 10,000-character query without looking at it', () => {
    const started = performance.now();
    const r = parseQuery('مفاوضات '.repeat(1250));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'too_long');
    assert.ok(performance.now() - started < 50);
  });

  it('never throws on what is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['x']]) {
      const r = parseQuery(v as unknown as string);
      assert.equal(r.ok, false);
    }
  });
});
