import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankBySalience } from './salience.ts';

test('title and lead mentions outweigh body mentions; one row per id', () => {
  const ranked = rankBySalience([
    { id: 'a', zone: 'body', position: 0.5 },
    { id: 'a', zone: 'body', position: 0.6 },
    { id: 'b', zone: 'title', position: 0.01 },
    { id: 'c', zone: 'lead', position: 0.1 },
  ]);
  assert.deepEqual(ranked.map((r) => r.id), ['b', 'c', 'a']);
  assert.equal(ranked.find((r) => r.id === 'a')!.first, 0.5);
});

test('equal counts: the entity named earlier wins', () => {
  const ranked = rankBySalience([
    { id: 'late', zone: 'body', position: 0.9 },
    { id: 'early', zone: 'body', position: 0.1 },
  ]);
  assert.deepEqual(ranked.map((r) => r.id), ['early', 'late']);
  assert.deepEqual(rankBySalience([]), []);
});
