import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryIndex } from './story-index.ts';
import { termNumber } from './term-vector.ts';

const keys = (...terms: string[]) => terms.map(termNumber);

test('candidates are ranked by shared keys and re-indexing moves a story', () => {
  const idx = new StoryIndex();
  idx.set(1, keys('اهلي', 'نيوشاتل', '@org:ahli'), 100);
  idx.set(2, keys('اهلي', 'مونت', '@org:ahli'), 200);
  assert.deepEqual(idx.candidates(keys('اهلي', 'نيوشاتل'), 10).map((c) => c.storyId), [1, 2]);
  idx.set(1, keys('هلال', 'اودينيزي'), 150);
  assert.deepEqual(idx.candidates(keys('نيوشاتل'), 10), []);
  assert.deepEqual(idx.candidates(keys('هلال'), 10).map((c) => c.storyId), [1]);
});

test('stories older than the cutoff are evicted', () => {
  const idx = new StoryIndex();
  idx.set(1, keys('a'), 100);
  idx.set(2, keys('a'), 300);
  assert.deepEqual(idx.evictBefore(200), [1]);
  assert.equal(idx.size, 1);
  assert.deepEqual(idx.candidates(keys('a'), 10).map((c) => c.storyId), [2]);
});
