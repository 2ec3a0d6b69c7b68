import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from './query-parser.ts';
import { analyzeQuery, searchDocument } from './terms.ts';

function analyzed(input: string) {
  const r = parseQuery(input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return analyzeQuery(r.query);
}

describe('analyzeQuery', () => {
  it('looks words up by stem, whatever their clitics and marks', () => {
    for (const word of ['مفاوضات', 'والمفاوضات', 'بالمفاوضات', 'مُفاوَضات', 'مـفـاوضـات']) {
      assert.deepEqual(analyzed(word).must, [[{ column: 'stems', tokens: ['مفاوض'] }]], word);
    }
  });

  it('looks phrases up by normalized surface tokens, stop words kept', () => {
    assert.deepEqual(analyzed('"وقف إطلاق النار في غزة"').must, [[{ column: 'surface', tokens: ['وقف', 'اطلاق', 'النار', 'في', 'غزه'] }]]);
  });

  it('keeps the parts of one typed word together', () => {
    assert.deepEqual(analyzed('F-16').must, [[{ column: 'stems', tokens: ['f', '16'] }]]);
    assert.deepEqual(analyzed('٢٠٢٦م').must, [[{ column: 'stems', tokens: ['2026'] }]]);
  });

  it('drops stop words when the query has other words', () => {
    assert.deepEqual(analyzed('مصر في').must, [[{ column: 'stems', tokens: ['مصر'] }]]);
    assert.deepEqual(analyzed('مصر OR من').must, [[{ column: 'stems', tokens: ['مصر'] }]]);
    assert.deepEqual(analyzed('"كأس العالم" في').must, [[{ column: 'surface', tokens: ['كاس', 'العالم'] }]]);
  });

  it('keeps stop words when nothing else is left, in the surface column', () => {
    assert.deepEqual(analyzed('في').must, [[{ column: 'surface', tokens: ['في'] }]]);
    assert.deepEqual(analyzed('من -مصر').must, [[{ column: 'surface', tokens: ['من'] }]]);
  });

  it('analyzes exclusions the same way', () => {
    assert.deepEqual(analyzed('غزة -الروسية -"كأس العالم"').not, [
      { column: 'stems', tokens: ['روس'] },
      { column: 'surface', tokens: ['كاس', 'العالم'] },
    ]);
  });
});

describe('searchDocument', () => {
  it('writes stems of content words and every surface token, title first', () => {
    assert.deepEqual(searchDocument('المفاوضات الروسية', 'بدأت في جنيف عام ٢٠٢٦.'), {
      stems: 'مفاوض روس بدات جنيف 2026',
      surface: 'المفاوضات الروسيه بدات في جنيف عام 2026',
    });
  });

  it('gives empty columns for empty text', () => {
    assert.deepEqual(searchDocument('', ''), { stems: '', surface: '' });
  });
});
