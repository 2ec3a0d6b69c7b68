import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeVariants, sameName, sameWord, withinOneEdit, type NameGroup } from './merge-variants.ts';

test('one edit apart', () => {
  for (const [a, b, expected] of [
    ['فينيك', 'فينك', true],
    ['ميركل', 'ميركيل', true],
    ['بوتين', 'بوتين', true],
    ['غاتوزو', 'جاتوزو', true],
    ['ماكرون', 'ماكرونن', true],
    ['ترامب', 'تراب', true],
    ['ترامب', 'ترمبا', false],
  ] as const) assert.equal(withinOneEdit(a, b), expected, `${a} / ${b}`);
});

// Word keys as the tagger compares them: matching form, article off.
test('spelling variants of one word, and words that only look alike', () => {
  for (const [a, b, expected, why] of [
    ['فينيك', 'فينك', true, 'a long vowel dropped inside'],
    ['ميركل', 'ميركيل', true, 'a long vowel added inside'],
    ['غوارديولا', 'جوارديولا', true, 'g written غ or ج'],
    ['رايس', 'رييس', false, 'Rice is not رئيس: ا and ي are not one sound'],
    ['ناصر', 'ناصري', false, 'a final ي makes a nisba'],
    ['غالي', 'مالي', false, 'غ and م are different letters'],
    ['بيت', 'بيات', false, 'too short to vary'],
  ] as const) assert.equal(sameWord(a, b), expected, why);
  assert.ok(sameName(['الكسندر', 'فينيك'], ['الكسندر', 'فينك']));
  assert.ok(!sameName(['الكسندر', 'فينيك'], ['الكسندرا', 'فينك']), 'two words differ');
  assert.ok(!sameName(['فينيك'], ['الكسندر', 'فينيك']), 'different lengths are not variants');
});

const group = (words: string[], count = 1, strong = true, order = 0): NameGroup => ({
  type: 'person',
  norms: words,
  words,
  surface: words.join(' '),
  count,
  strong,
  order,
});

test('variants and a later surname join the full name, which names the entity', () => {
  const merged = mergeVariants(
    [group(['هايكو', 'ماس'], 1, true, 0), group(['ماس'], 2, false, 1), group(['كوزلوفسكي'], 1, false, 2), group(['ديمتري', 'كوزلوفيسكي'], 1, true, 3)],
    [],
  );
  assert.equal(merged[0]!.id, 'person:~هايكو-ماس');
  assert.equal(merged[1]!.id, 'person:~هايكو-ماس');
  assert.equal(merged[2]!.id, 'person:~ديمتري-كوزلوفيسكي');
  assert.equal(merged[3]!.name, 'ديمتري كوزلوفيسكي');
});

test('a surname two full names end with is left alone', () => {
  const merged = mergeVariants([group(['احمد', 'حسن']), group(['محمود', 'حسن']), group(['حسن'], 2, false)], []);
  assert.notEqual(merged[0]!.id, merged[1]!.id);
  assert.equal(merged[2]!.id, 'person:~حسن');
});

test('a gazetteer entity keeps its id and name; a weak one-off is dropped', () => {
  const known = [{ id: 'person:alexander-vinnik', name: 'ألكسندر فينيك', type: 'person' as const, forms: [['الكسندر', 'فينيك'], ['فينيك']] }];
  const merged = mergeVariants([group(['الكسندر', 'فينييك']), group(['ساندرسون'], 1, false)], known);
  assert.deepEqual(merged[0], { id: 'person:alexander-vinnik', name: 'ألكسندر فينيك', type: 'person', discovered: false });
  assert.equal(merged[1], null);
});
