import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCopyIndex, detectCopy, findOriginal, matchCopies, prepareArticle, type CopyArticle } from './copies.ts';
import {
  COLUMN_QUOTING_SPA,
  MATCH_AHLI,
  MATCH_HILAL,
  SPA_STORY,
  SPA_STORY_SABQ,
  SPA_STORY_TRIMMED,
  SPA_STORY_UPDATED,
} from './fixtures.test-data.ts';

const HOUR = 3_600_000;
const createFingerprint = (body: string) => prepareArticle({ body }).fingerprint;
const T0 = Date.UTC(2015, 7, 11, 9);

function article(id: string, body: string, hours: number, title = ''): CopyArticle {
  return { id, title, body, publishedAt: T0 + hours * HOUR };
}

test('an SPA story republished with the outlet’s own lead is a copy of the SPA original, credited to SPA', () => {
  const index = createCopyIndex();
  assert.equal(detectCopy(article('spa', SPA_STORY, 0, 'الصحة: 12 إصابة جديدة بكورونا في الرياض'), index), null);
  const found = detectCopy(article('sabq', SPA_STORY_SABQ, 1, '"الصحة" تعلن تسجيل 12 إصابة بكورونا'), index);
  assert.equal(found?.originalId, 'spa');
  assert.equal(found?.kind, 'near');
  assert.ok(found!.similarity > 0.75, `similarity ${found!.similarity}`);
  assert.equal(found?.agency?.code, 'spa');
});

test('a second outlet copying the copy folds under the SPA original too', () => {
  const index = createCopyIndex();
  detectCopy(article('spa', SPA_STORY, 0), index);
  detectCopy(article('sabq', SPA_STORY_SABQ, 1), index);
  const weeam = article('weeam', SPA_STORY_SABQ, 2);
  const found = detectCopy(weeam, index);
  assert.equal(found?.originalId, 'spa');
  assert.equal(found?.kind, 'near'); // kind and similarity are against the original
  const sabq = matchCopies({ ...weeam, id: 'x' }, index).find((m) => m.id === 'sabq');
  assert.equal(sabq?.kind, 'exact'); // word for word the same as sabq's
});

test("when only a copy matches, the copy's original is reported", () => {
  const index = createCopyIndex();
  index.add('sabq', createFingerprint(SPA_STORY_SABQ), T0 + HOUR, { agency: null, duplicateOf: 'spa' });
  const found = findOriginal(article('paper', SPA_STORY_SABQ, 2), index);
  assert.deepEqual(found && [found.originalId, found.matchedId, found.kind], ['spa', 'sabq', 'exact']);
});

test('a trimmed copy is a copy, and the agency is taken from the original when the copy drops the credit', () => {
  const index = createCopyIndex();
  detectCopy(article('spa', SPA_STORY, 0), index);
  const found = detectCopy(article('paper', SPA_STORY_TRIMMED, 5), index);
  assert.equal(found?.originalId, 'spa');
  assert.equal(found?.kind, 'near');
  assert.ok(found!.similarity < 0.5, 'found by containment, not Jaccard');
  assert.equal(found?.agency?.code, 'spa');
});

test('the original is the earliest published, whatever order the crawler met them in', () => {
  const index = createCopyIndex();
  detectCopy(article('sabq', SPA_STORY_SABQ, 2), index);
  // SPA's own page was fetched later but published earlier: it copies nothing.
  assert.equal(detectCopy(article('spa', SPA_STORY, 0), index), null);
  assert.equal(detectCopy(article('paper', SPA_STORY_SABQ, 3), index)?.originalId, 'spa');
});

test('updated casualty counts in otherwise equal text are still a copy of the same wire story', () => {
  // Documented in copies.ts: agencies update a toll and outlets republish whichever version they
  // caught; on a long text the rest of the wording decides.
  const index = createCopyIndex();
  detectCopy(article('spa', SPA_STORY, 0), index);
  assert.equal(detectCopy(article('update', SPA_STORY_UPDATED, 1), index)?.originalId, 'spa');
});

test('a column that quotes a short wire story inside a longer text of its own is not folded under it', () => {
  const index = createCopyIndex();
  detectCopy(article('brief', SPA_STORY_TRIMMED, 0), index);
  const column = article('column', COLUMN_QUOTING_SPA, 4);
  assert.equal(matchCopies(column, index).length, 1, 'they do share the wire text');
  assert.equal(findOriginal(column, index), null);
});

test('two match reports from one template are not copies', () => {
  const index = createCopyIndex();
  detectCopy(article('hilal', MATCH_HILAL, 0, 'الهلال يتغلب على الشباب بهدفين لهدف'), index);
  assert.equal(detectCopy(article('ahli', MATCH_AHLI, 1, 'الأهلي يكتسح الفتح بثلاثية'), index), null);
});

test('title-only items: the same headline is a copy, a headline with another count or place is not', () => {
  const index = createCopyIndex();
  detectCopy(article('h1', '', 0, '29 قتيلا في هجوم على استعراض عسكري في الأهواز وروحاني يتعهد برد ساحق'), index);
  assert.equal(detectCopy(article('h2', '', 1, 'عاجل: 29 قتيلا في هجوم على استعراض عسكري في الأهواز وروحاني يتعهد برد ساحق'), index)?.originalId, 'h1');
  assert.equal(detectCopy(article('h3', '', 1, '53 قتيلا في هجوم على استعراض عسكري في الأهواز وروحاني يتعهد برد ساحق'), index), null);
  detectCopy(article('g1', '', 0, 'الأمم المتحدة تحذر من نشوب حرب جديدة في غزة خلال الأسابيع المقبلة'), index);
  assert.equal(detectCopy(article('g2', '', 1, 'الأمم المتحدة تحذر من نشوب حرب جديدة في سوريا خلال الأسابيع المقبلة'), index), null);
});

test('a headline is never a copy of a full article', () => {
  const index = createCopyIndex();
  detectCopy(article('spa', SPA_STORY, 0), index);
  assert.equal(detectCopy(article('title', '', 1, 'أعلنت وزارة الصحة اليوم تسجيل 12 إصابة جديدة بفيروس كورونا'), index), null);
});
