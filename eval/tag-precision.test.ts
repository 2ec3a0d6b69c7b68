import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalTagPrecision } from './tag-precision.ts';

interface Floors {
  precision: number;
  by_type: Record<string, number>;
}

const floors = JSON.parse(readFileSync(new URL('./floors/tag-precision.json', import.meta.url), 'utf8')) as Floors;
/** Once a tenth of the tags are new to the judge, the figure no longer says much: judge them (`--pending`). */
const MAX_UNJUDGED_SHARE = 0.1;

test('hand-judged tag precision on SaudiNewsNet stays at or above its floors', async (t) => {
  const result = await evalTagPrecision();
  if (!result) {
    t.skip('../shared is absent');
    return;
  }
  assert.ok(result.articles >= 100, `${result.articles} sampled articles`);
  assert.ok(result.unjudged <= MAX_UNJUDGED_SHARE * result.tags, `${result.unjudged} of ${result.tags} tags unjudged: judge them (npx tsx eval/tag-precision.ts --pending)`);
  assert.ok(result.precision >= floors.precision, `precision ${result.precision}, floor ${floors.precision}`);
  for (const [type, floor] of Object.entries(floors.by_type)) {
    const measured = result.by_type[type]?.precision ?? 0;
    assert.ok(measured >= floor, `${type} precision ${measured}, floor ${floor}`);
  }
});
