import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleCount, tagPath } from './tags.tsx';

test('an article count reads as Arabic counts nouns', () => {
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 101, 103, 111].map(articleCount), [
    'لا أخبار', 'خبر واحد', 'خبران', '3 أخبار', '10 أخبار', '11 خبراً', '99 خبراً', '100 خبر', '101 خبر', '103 أخبار', '111 خبراً',
  ]);
});

test('a tag path keeps gazetteer keys readable and encodes everything else as one segment', () => {
  assert.equal(tagPath('country:JO'), '/tag/country:JO');
  assert.equal(tagPath('عمّان'), `/tag/${encodeURIComponent('عمّان')}`);
  assert.equal(tagPath('a/b?c#d'), '/tag/a%2Fb%3Fc%23d');
});
