import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evalFeeds } from './feeds.ts';

const FLOOR = (JSON.parse(readFileSync(new URL('./floors/feeds.json', import.meta.url), 'utf8')) as { feedparser_pass_rate: number })
  .feedparser_pass_rate;

test('the feed parser passes Universal Feed Parser\'s in-scope cases at or above the pinned floor', async (t) => {
  const result = await evalFeeds();
  if (!result) {
    t.skip('../shared/peer-suites/feedparser is absent');
    return;
  }
  t.diagnostic(`feedparser cases: ${result.passed}/${result.total} in scope passed (${result.pass_rate.toFixed(4)})`);
  for (const [field, f] of Object.entries(result.by_field)) t.diagnostic(`  ${field}: ${f.passed}/${f.total}`);
  assert.ok(result.total >= 100, `only ${result.total} cases were in scope; the evaluator lost track of the suite`);
  assert.ok(result.pass_rate >= FLOOR, `pass rate ${result.pass_rate.toFixed(4)} fell below the floor ${FLOOR}`);
});
