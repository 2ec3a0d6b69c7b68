import assert from 'node:assert/strict';
import { test } from 'node:test';
import stopwordsIso from 'stopwords-iso' with { type: 'json' };
import { normalizeArabic } from './normalize.ts';
import { STOP_WORDS, isStopWord } from './stop-words.ts';

const isStop = (surface: string) => isStopWord(normalizeArabic(surface));

test('stopwords-iso loads under tsx and gives its Arabic list', () => {
  assert.ok(stopwordsIso.ar.length >= 400, `${stopwordsIso.ar.length} words`);
});

test("stopwords-iso's function words are stop words in any spelling", () => {
  for (const w of ['في', 'من', 'إلى', 'الى', 'على', 'أنّ', 'هذا', 'هَذِهِ', 'التي', 'الذين', 'لكنَّ', 'ثُمَّ']) assert.ok(isStop(w), w);
});

test('news reporting verbs, their participles and their conjunction forms are stop words', () => {
  for (const w of ['قال', 'وقال', 'وقالت', 'أضاف', 'وأضاف', 'أكد', 'وأكدت', 'وأشار', 'وأوضح', 'ولفت', 'أفاد', 'وذكر', 'مشيراً', 'مضيفاً', 'مؤكداً', 'وفقاً', 'نقلاً']) {
    assert.ok(isStop(w), w);
  }
});

test('conjunction and preposition forms of function words are stop words', () => {
  for (const w of ['وفي', 'فإن', 'وعليه', 'ولكن', 'لهذا', 'بذلك', 'وبهذه', 'كذلك', 'لذلك']) assert.ok(isStop(w), w);
});

test('content words stay, including the ones stopwords-iso lists or that look like clitic forms', () => {
  for (const w of ['زيارة', 'لقاء', 'قوة', 'وقف', 'مايو', 'فهم', 'فلم', 'ولي', 'مصر', 'الحكومة', 'مفاوضات', 'السلام', 'أمين', 'برس']) {
    assert.ok(!isStop(w), w);
  }
});

test('a lone Arabic letter is a stop word: era marks and split clitics', () => {
  for (const w of ['م', 'هـ', 'ص', 'و', 'ب']) assert.ok(isStop(w), w);
});

test('every stop word is in matching form, so callers look up normalized tokens', () => {
  for (const w of STOP_WORDS) {
    assert.equal(normalizeArabic(w), w);
    assert.match(w, /^[\u0621-\u064a]+$/);
  }
});
