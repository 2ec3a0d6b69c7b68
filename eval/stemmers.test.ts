import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalStemmers } from './stemmers.ts';

interface Floors {
  marsad: { recall: number; precision: number; f1: number };
}

const floors = JSON.parse(readFileSync(new URL('./floors/stemmers.json', import.meta.url), 'utf8')) as Floors;

test('stemmer retrieval stays at or above its pinned floors, and ahead of Snowball on recall', async (t) => {
  const result = await evalStemmers();
  if (!result) {
    t.skip('../shared is absent');
    return;
  }
  assert.ok(result.queries >= 60, `${result.queries} queries with relevant articles`);
  const ours = result.analyzers.marsad;
  for (const [name, floor] of Object.entries(floors.marsad)) {
    const measured = ours[name as keyof Floors['marsad']];
    assert.ok(measured >= floor, `marsad.${name} = ${measured}, floor ${floor}`);
  }
  assert.ok(ours.recall > result.analyzers.snowball.recall, `recall ${ours.recall} vs Snowball ${result.analyzers.snowball.recall}`);
  assert.ok(ours.recall > result.analyzers.none.recall, `recall ${ours.recall} vs no stemming ${result.analyzers.none.recall}`);
});
