import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from './query-parser.ts';
import { assertTsquery } from './testdata/tsquery-grammar.ts';
import { compileTsquery, quoteLexeme } from './tsquery.ts';

function compiled(input: string, weights?: Parameters<typeof compileTsquery>[1]['weights']) {
  const r = parseQuery(input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return compileTsquery(r.query, { timeZone: 'Asia/Riyadh', weights });
}

describe('compileTsquery', () => {
  const cases: Array<[string, string]> = [
    ['مفاوضات', "'مفاوض'"],
    ['مفاوضات الروسية', "'مفاوض' & 'روس'"],
    ['"وقف إطلاق النار"', "('=وقف' <-> '=اطلاق' <-> '=النار')"],
    ['مصر OR السعودية قطر', "('مصر' | 'سعود') & 'قطر'"],
    ['مفاوضات -جنيف -"كأس العالم"', "'مفاوض' & !(('جنيف' | ('=كاس' <-> '=العالم')))"],
    ['F-16', "('f' <-> '16')"],
    ["O'Neil", "('o' <-> 'neil')"],
    ['في', "'=في'"],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      const c = compiled(input);
      assert.equal(c.query, expected);
      assertTsquery(c.query!);
    });
  }

  it('narrows to weights when told to', () => {
    assert.equal(compiled('مصر "الأمم المتحدة"', { stems: 'A', surface: 'C' }).query, "'مصر':A & ('=الامم':C <-> '=المتحده':C)");
  });

  it('leaves filter-only queries to the store, exclusions apart', () => {
    const c = compiled('source:الجزيرة -كرة');
    assert.equal(c.query, null);
    assert.equal(c.exclude, "'كره'");
  });

  it('quotes any lexeme so the tsquery parser reads it as one', () => {
    for (const token of ["it's", "''", '\\', "a' | 'b", ':*', '!x', '<->']) {
      assertTsquery(quoteLexeme(token));
      assertTsquery(`${quoteLexeme(token)}:AB & !${quoteLexeme(token)}`);
    }
    assert.equal(quoteLexeme("a'b\\c"), "'a''b\\\\c'");
  });

  it('refuses weights that are not tsquery weights', () => {
    const r = parseQuery('مصر');
    assert.ok(r.ok);
    assert.throws(() => compileTsquery(r.query, { timeZone: 'UTC', weights: { stems: "A' | 'x", surface: 'CD' } }), TypeError);
  });
});
