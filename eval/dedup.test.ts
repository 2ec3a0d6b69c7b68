import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalDedup } from './dedup.ts';

interface Floors {
  silver: { precision: number; precision_lenient: number; recall: number };
  headlines: { max_false_merge_rate: number };
}

const floors = JSON.parse(readFileSync(new URL('./floors/dedup.json', import.meta.url), 'utf8')) as Floors;

// The first two crawl days (5,022 articles, 1,144 silver positives) keep the test near 10 s on
// two shared cores; `tsx eval/dedup.ts` runs the whole dev scope (figures there are within 0.01).
const DAYS = 2;

test('syndicated-copy detection stays at or above its pinned floors', async (t) => {
  const result = await evalDedup({ days: DAYS });
  if (!result.silver && !result.headlines) {
    t.skip('../shared is absent');
    return;
  }
  if (result.silver) {
    assert.ok(result.silver.silver_positives >= 1_000, `${result.silver.silver_positives} silver positives in scope`);
    for (const [name, floor] of Object.entries(floors.silver)) {
      const measured = result.silver[name as keyof Floors['silver']];
      assert.ok(measured >= floor, `silver.${name} = ${measured}, floor ${floor}`);
    }
  }
  if (result.headlines) {
    assert.ok(result.headlines.disagree_pairs >= 2_000, `${result.headlines.disagree_pairs} disagree pairs`);
    const rate = result.headlines.false_merge_rate;
    assert.ok(rate <= floors.headlines.max_false_merge_rate, `false merges on contradiction pairs ${rate}, ceiling ${floors.headlines.max_false_merge_rate}: ${JSON.stringify(result.headlines.false_merge_examples)}`);
  }
});
