import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeArabic } from './normalize.ts';
import { DISTINCT_STEMS, STEM_CASES } from './stem-cases.ts';
import { MIN_STEM, stem } from './stem.ts';

const stemOf = (surface: string) => stem(normalizeArabic(surface));

describe('stem cases: surface → matching form → stem', () => {
  test('the table covers at least 150 word forms', () => {
    assert.ok(STEM_CASES.length >= 150, `${STEM_CASES.length} rows`);
  });
  for (const [surface, norm, expected] of STEM_CASES) {
    test(`${surface} → ${norm} → ${expected}`, () => {
      assert.equal(normalizeArabic(surface), norm, 'matching form');
      assert.equal(stem(norm), expected, 'stem');
    });
  }
});

// The pairs a reader searches across; DESIGN.md names the first ones because Snowball misses them.
const SAME_STEM: string[][] = [
  ['المفاوضات', 'والمفاوضات', 'مفاوضات', 'بالمفاوضات'],
  ['الروسية', 'روسية', 'روسيا'],
  ['بالقوات', 'القوات'],
  ['للسلام', 'السلام'],
  ['أرمينيا', 'ارمينيا'],
  ['مستشفى', 'مستشفي'],
  ['المدرسة', 'المدرسه'],
  ['مصر', 'المصرية', 'المصريين'],
  ['سوريا', 'السورية'],
  ['لبنان', 'اللبنانية', 'للبنان'],
  ['الأردن', 'الأردنية'],
  ['العراق', 'العراقية'],
  ['ألمانيا', 'الألمانية', 'بألمانيا'],
  ['وزير', 'الوزير', 'ووزير'],
  ['الحكومة', 'حكومتها'],
  ['كهرباء', 'الكهربائية'],
];

for (const forms of SAME_STEM) {
  test(`${forms.join(' / ')} share one stem`, () => {
    const stems = new Set(forms.map(stemOf));
    assert.equal(stems.size, 1, `${forms.map((f) => `${f} → ${stemOf(f)}`).join(', ')}`);
  });
}

for (const [a, b] of DISTINCT_STEMS) {
  test(`${a} and ${b} keep different stems`, () => {
    assert.notEqual(stemOf(a), stemOf(b));
  });
}

test('words of three letters or fewer come back unchanged', () => {
  for (const w of ['ولد', 'بيت', 'مصر', 'وقت', 'الف', 'حج', 'هم', 'ة']) assert.equal(stem(normalizeArabic(w)), normalizeArabic(w));
});

test('suffixes never take a stem below the minimum length', () => {
  for (const [, norm, s] of STEM_CASES) {
    if (s === norm) continue;
    // Only the article may leave two letters (الحج → حج); suffix stripping stops at MIN_STEM.
    assert.ok(s.length >= MIN_STEM - 1, `${norm} → ${s}`);
    if (!/^(ال|لل|وال|بال|فال|كال|ولل|فلل|وبال)/.test(norm)) assert.ok(s.length >= MIN_STEM, `${norm} → ${s}`);
  }
});

test('Latin words, numbers and empty strings pass through', () => {
  for (const w of ['covid', 'f16', '2026', '3.5', '']) assert.equal(stem(w), w);
});
