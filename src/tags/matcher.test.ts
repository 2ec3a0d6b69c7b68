import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from './index.ts';
import { _internal, scan } from './matcher.ts';

/** "text→id" for each mention, the easiest form to read in a failing assertion. */
const found = (text: string) => findEntities(text).map((m) => `${m.text}→${m.id}`);

test('a leading clitic comes off when the word as printed spells nothing', () => {
  assert.deepEqual(found('بموسكو'), ['بموسكو→city:moscow']);
  assert.deepEqual(found('والقاهرة'), ['والقاهرة→city:cairo']);
  assert.deepEqual(found('للأمم المتحدة'), ['للأمم المتحدة→org:un']);
  assert.deepEqual(found('وللأمم المتحدة'), ['وللأمم المتحدة→org:un']);
  assert.deepEqual(found('وأذربيجان'), ['وأذربيجان→country:AZ']);
  assert.deepEqual(found('بالقاهرة'), ['بالقاهرة→city:cairo']);
});

test('names that begin with و ب ل ف are matched as printed', () => {
  assert.deepEqual(found('واشنطن بيروت لبنان ليبيا فرنسا وارسو'), [
    'واشنطن→city:washington',
    'بيروت→city:beirut',
    'لبنان→country:LB',
    'ليبيا→country:LY',
    'فرنسا→country:FR',
    'وارسو→city:warsaw',
  ]);
  // …and still take a clitic of their own.
  assert.deepEqual(found('ولبنان وبيروت'), ['ولبنان→country:LB', 'وبيروت→city:beirut']);
});

test('the longest entry wins', () => {
  assert.deepEqual(found('قالت وزارة الخارجية الروسية'), ['وزارة الخارجية الروسية→org:ministry-foreign-ru']);
  assert.deepEqual(found('أعلنت الخارجية الروسية'), ['الخارجية الروسية→org:ministry-foreign-ru']);
  assert.deepEqual(found('في ناغورني قره باغ'), ['ناغورني قره باغ→region:karabakh']);
});

test('an adjective is tagged as its entity', () => {
  assert.deepEqual(found('القوات الأذربيجانية'), ['الأذربيجانية→country:AZ']);
  assert.deepEqual(found('قوات حفظ السلام الروسية'), ['الروسية→country:RU']);
});

test('a name never spans punctuation or a line break', () => {
  // قره، باغ is not قره باغ; "الخارجية\nالروسية" is not the ministry.
  assert.deepEqual(found('قره، باغ'), []);
  assert.deepEqual(found('الخارجية\nالروسية'), ['الروسية→country:RU']);
  // The dots of an abbreviation do join it.
  assert.deepEqual(scan('نقلت أ.ف.ب').map((m) => m.ids[0]), ['org:afp']);
});

test('clitic stripping keys', () => {
  const { strippedKey, wordKey } = _internal;
  assert.equal(wordKey('الروسيه'), 'روسيه');
  assert.equal(wordKey('الحج'), 'الحج'.slice(2));
  assert.equal(wordKey('الي'), 'الي');
  assert.equal(strippedKey('والقاهره'), 'قاهره');
  assert.equal(strippedKey('للامم'), 'امم');
  assert.equal(strippedKey('وللامم'), 'امم');
  assert.equal(strippedKey('بقم'), null, 'too short once stripped');
  assert.equal(strippedKey('مصر'), null, 'no clitic');
});

test('أوبك followed by + is أوبك+', () => {
  assert.deepEqual(found('قرر تحالف أوبك+ خفض الإنتاج، ورحبت أوبك'), ['تحالف أوبك→org:opec-plus', 'أوبك→org:opec']);
});
