import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as arabic from './index.ts';
import { analyze, terms } from './index.ts';

const ARTICLE = 'وقالت وزارة الخارجية الروسية، في بيان، إن «المفاوضات» مع الجانب الأمريكي مستمرة، مشيرةً إلى أنّ الجولة المقبلة ستُعقد في ٢٠٢٦.';

test('analyze keeps content words with their offsets and stems, and drops stop words', () => {
  const tokens = analyze(ARTICLE);
  assert.deepEqual(
    tokens.map((t) => t.stem),
    ['وزار', 'خارج', 'روس', 'بيان', 'مفاوض', 'جانب', 'امريك', 'مستمر', 'جول', 'مقبل', 'ستعقد', '2026'],
  );
  for (const t of tokens) assert.equal(ARTICLE.slice(t.start, t.end), t.surface);
  const russian = tokens.find((t) => t.stem === 'روس')!;
  assert.equal(russian.surface, 'الروسية');
  assert.equal(russian.norm, 'الروسيه');
});

test('terms are the stems of analyze, in order', () => {
  assert.deepEqual(terms(ARTICLE), analyze(ARTICLE).map((t) => t.stem));
  assert.deepEqual(terms(''), []);
});

test('a query in another surface form finds the article', () => {
  const articleTerms = new Set(terms(ARTICLE));
  for (const query of ['مفاوضات روسيا', 'الخارجيه الروسي', 'وزاره', 'امريكا', '2026']) {
    for (const t of terms(query)) assert.ok(articleTerms.has(t), `${query}: ${t}`);
  }
});

test('the folder exports the analyzer and the date helpers', () => {
  for (const name of ['normalizeArabic', 'tokenize', 'stem', 'isStopWord', 'analyze', 'terms', 'parseArabicDate', 'findArabicDate', 'formatArabicDate', 'formatRelativeArabic', 'toAsciiDigits']) {
    assert.equal(typeof (arabic as Record<string, unknown>)[name], 'function', name);
  }
  assert.ok(arabic.STOP_WORDS.has('في'));
});
