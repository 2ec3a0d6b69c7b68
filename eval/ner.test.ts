import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalNer, type NerEval, type TypeScores } from './ner.ts';

type Figures = Partial<Record<keyof TypeScores, number>>;
type Floors = Record<keyof NerEval, { strict_f1: Figures; lenient_f1: Figures }>;

const floors = JSON.parse(readFileSync(new URL('./floors/ner.json', import.meta.url), 'utf8')) as Floors;

test('named-entity F1 stays at or above its pinned floors on ANERcorp and NewsFANE', async (t) => {
  const result = await evalNer();
  if (!result) {
    t.skip('../shared is absent');
    return;
  }
  for (const [set, byMatch] of Object.entries(floors) as Array<[keyof NerEval, Floors[keyof NerEval]]>) {
    for (const [match, figures] of [['strict', byMatch.strict_f1], ['lenient', byMatch.lenient_f1]] as const) {
      for (const [type, floor] of Object.entries(figures) as Array<[keyof TypeScores, number]>) {
        const measured = result[set][match][type].f1;
        assert.ok(measured >= floor, `${set}.${match}.${type}.f1 = ${measured}, floor ${floor}`);
      }
    }
  }
});
