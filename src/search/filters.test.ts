import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchFilters } from './filters.ts';
import { parseQuery } from './query-parser.ts';

function filters(input: string, timeZone: string) {
  const r = parseQuery(input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return searchFilters(r.query, timeZone);
}

describe('searchFilters', () => {
  it('turns days into the instants of the site time zone, the last day included', () => {
    const f = filters('غزة from:2026-11-29 to:2026-11-30', 'Asia/Riyadh');
    assert.equal(f.publishedFrom, '2026-11-28T21:00:00.000Z');
    assert.equal(f.publishedBefore, '2026-11-30T21:00:00.000Z');
  });

  it('covers a whole year and a whole month', () => {
    assert.deepEqual(
      [filters('x from:2026 to:2026', 'UTC').publishedFrom, filters('x from:2026 to:2026', 'UTC').publishedBefore],
      ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    );
    assert.equal(filters('x to:02/2028', 'UTC').publishedBefore, '2028-03-01T00:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    assert.equal(filters('x from:2026-07-01', 'Africa/Cairo').publishedFrom, '2026-06-30T21:00:00.000Z');
    assert.equal(filters('x from:2026-01-01', 'Africa/Cairo').publishedFrom, '2025-12-31T22:00:00.000Z');
    assert.equal(filters('x from:2026-07-01', 'America/New_York').publishedFrom, '2026-07-01T04:00:00.000Z');
  });

  it('leaves open ends open and passes names through', () => {
    const f = filters('source:"الشرق الأوسط" -source:X tag:غزة -tag:رياضة', 'UTC');
    assert.equal(f.publishedFrom, null);
    assert.equal(f.publishedBefore, null);
    assert.deepEqual(f.sources.map((s) => s.norm), ['الشرق الاوسط']);
    assert.deepEqual(f.notSources.map((s) => s.norm), ['x']);
    assert.deepEqual(f.tags.map((s) => s.norm), ['غزه']);
    assert.deepEqual(f.notTags.map((s) => s.norm), ['رياضه']);
  });
});
