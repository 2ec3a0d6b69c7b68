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
    ['مفاوضات', "'مفاوض':AB"],
    ['مفاوضات الروسية', "'مفاوض':AB & 'روس':AB"],
    ['"وقف إطلاق النار"', "('وقف':CD <-> 'اطلاق':CD <-> 'النار':CD)"],
    ['مصر OR السعودية قطر', "('مصر':AB | 'سعود':AB) & 'قطر':AB"],
    ['مفاوضات -جنيف -"كأس العالم"', "'مفاوض':AB & !(('جنيف':AB | ('كاس':CD <-> 'العالم':CD)))"],
    ['F-16', "('f':AB <-> '16':AB)"],
    ["O'Neil", "('o':AB <-> 'neil':AB)"],
    ['في', "'في':CD"],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      const c = compiled(input);
      assert.equal(c.query, expected);
      assertTsquery(c.query!);
    });
  }

  it('searches every weight when told to', () => {
    assert.equal(compiled('مصر "الأمم المتحدة"', { stems: null, surface: null }).query, "'مصر' & ('الامم' <-> 'المتحده')");
  });

  it('leaves filter-only queries to the store, exclusions apart', () => {
    const c = compiled('source:الجزيرة -كرة');
    assert.equal(c.query, null);
    assert.equal(c.exclude, "'كره':AB");
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
