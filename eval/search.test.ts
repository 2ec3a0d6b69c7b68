import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalSearch, type RankScore } from './search.ts';

const floors = JSON.parse(readFileSync(new URL('./floors/search.json', import.meta.url), 'utf8')) as Record<'marsad' | 'store', RankScore>;

test('search ranking stays at or above its pinned floors, ahead of Snowball and of no stemming', async (t) => {
  const result = await evalSearch();
  if (!result) {
    t.skip('../shared is absent');
    return;
  }
  assert.ok(result.queries >= 60, `${result.queries} queries with relevant articles`);
  for (const row of ['marsad', 'store'] as const) {
    for (const [metric, floor] of Object.entries(floors[row])) {
      const measured = result.analyzers[row][metric as keyof RankScore];
      assert.ok(measured >= floor, `${row}.${metric} = ${measured}, floor ${floor}`);
    }
  }
  const ours = result.analyzers.marsad;
  for (const peer of ['snowball', 'none'] as const) {
    assert.ok(ours.recall_at_100 > result.analyzers[peer].recall_at_100, `recall@100 ${ours.recall_at_100} vs ${peer} ${result.analyzers[peer].recall_at_100}`);
    assert.ok(ours.mrr > result.analyzers[peer].mrr, `MRR ${ours.mrr} vs ${peer} ${result.analyzers[peer].mrr}`);
  }
});
