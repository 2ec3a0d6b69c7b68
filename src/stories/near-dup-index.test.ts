import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from './fingerprint.ts';
import { NearDupIndex } from './near-dup-index.ts';
import { MATCH_AHLI, MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ, SPA_STORY_TRIMMED } from './fixtures.test-data.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2015, 7, 11, 9);

test('a republished wire story is a candidate; an unrelated article is not', () => {
  const index = new NearDupIndex<string>();
  index.add('spa', fingerprint(SPA_STORY), T0, 'was');
  index.add('match', fingerprint(MATCH_HILAL), T0, 'arriyadiyah');
  const found = index.candidates(fingerprint(SPA_STORY_SABQ), { publishedAt: T0 + 3_600_000, minJaccard: 0.5 });
  assert.deepEqual(found.map((c) => c.id), ['spa']);
  assert.equal(found[0]!.meta, 'was');
  assert.ok(found[0]!.verified && found[0]!.jaccard > 0.75, `J = ${found[0]!.jaccard}`);
  assert.deepEqual(index.candidates(fingerprint(MATCH_AHLI), { minJaccard: 0.5, minContainment: 0.8 }), []);
});

test('a trimmed copy is found by containment though its Jaccard is low', () => {
  const index = new NearDupIndex();
  index.add('spa', fingerprint(SPA_STORY), T0, undefined);
  const [c] = index.candidates(fingerprint(SPA_STORY_TRIMMED), { minJaccard: 0.5, minContainment: 0.8 });
  assert.ok(c, 'trimmed copy not found');
  assert.ok(c.jaccard < 0.5 && c.containment >= 0.8 && c.queryContained >= 0.8, JSON.stringify(c));
});

test('without shingle sets the estimate stands in, containment derived from it', () => {
  const index = new NearDupIndex({ keepShingles: false });
  index.add('spa', fingerprint(SPA_STORY), T0, undefined);
  const [c] = index.candidates(fingerprint(SPA_STORY_TRIMMED));
  assert.ok(c && !c.verified);
  assert.ok(c.containment > 0.6, `estimated containment ${c.containment}`);
});

test('only articles within the time window are compared, and older days are evicted as the stream moves on', () => {
  const index = new NearDupIndex({ windowDays: 7 });
  index.add('spa', fingerprint(SPA_STORY), T0, undefined);
  const later = fingerprint(SPA_STORY_SABQ);
  assert.equal(index.candidates(later, { publishedAt: T0 + 10 * DAY }).length, 0);
  assert.equal(index.candidates(later, { publishedAt: T0 + 2 * DAY }).length, 1);
  index.add('hilal', fingerprint(MATCH_HILAL), T0 + 9 * DAY, undefined);
  assert.equal(index.size, 1);
  assert.ok(!index.has('spa'));
  assert.equal(index.candidates(fingerprint(SPA_STORY)).length, 0);
});

test('adding an id again replaces it, and remove forgets it', () => {
  const index = new NearDupIndex();
  index.add('a', fingerprint(SPA_STORY), T0, undefined);
  index.add('a', fingerprint(MATCH_HILAL), T0, undefined);
  assert.equal(index.size, 1);
  assert.equal(index.candidates(fingerprint(SPA_STORY), { minJaccard: 0.5 }).length, 0);
  assert.equal(index.remove('a'), true);
  assert.equal(index.remove('a'), false);
  assert.equal(index.candidates(fingerprint(MATCH_HILAL)).length, 0);
});
