import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from './tokenize.ts';

const surfaces = (text: string) => tokenize(text).map((t) => t.surface);

test('offsets point into the original text, through harakat, tatweel, bidi marks and «quotes»', () => {
  const text = '\u200Fقالَ المتحدثُ: «إنّ المـفـاوضـات مُسْتَمِرَّةٌ»،\u200E وأضاف\u200F – في بيان ٢٠٢٦ – أنّ F16 لم تُستخدم؟';
  const tokens = tokenize(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.surface);
  assert.deepEqual(
    tokens.map((t) => t.norm),
    ['قال', 'المتحدث', 'ان', 'المفاوضات', 'مستمره', 'واضاف', 'في', 'بيان', '2026', 'ان', 'f16', 'لم', 'تستخدم'],
  );
  const word = tokens.find((t) => t.norm === 'المفاوضات')!;
  assert.equal(word.surface, 'المـفـاوضـات');
});

test('Arabic punctuation splits: ، ؛ ؟ « » and tatweel used as a dash', () => {
  assert.deepEqual(surfaces('«المفاوضات» مستمرة، والقتال؛ لماذا؟ سبق ـ الرياض'), ['المفاوضات', 'مستمرة', 'والقتال', 'لماذا', 'سبق', 'الرياض']);
});

test('Latin punctuation splits too', () => {
  assert.deepEqual(surfaces('(COVID-19) e-mail: x/y "quoted" don\'t'), ['COVID', '19', 'e', 'mail', 'x', 'y', 'quoted', 'don', 't']);
});

test('a vocalized word stays one token', () => {
  assert.deepEqual(surfaces('مُفَاوَضَاتٌ جَدِيدَةٌ'), ['مُفَاوَضَاتٌ', 'جَدِيدَةٌ']);
});

test('tatweel inside a word joins, at its edges it is trimmed', () => {
  assert.deepEqual(surfaces('مـفـاوضـات ـــالرياضـــ'), ['مـفـاوضـات', 'الرياض']);
});

test('numbers keep their decimal and thousands separators, in every digit set', () => {
  assert.deepEqual(surfaces('بلغ 3.5% من 2,000 و٢٠٢٦ و٣٫٥ و١٬٠٠٠.'), ['بلغ', '3.5', 'من', '2,000', 'و', '٢٠٢٦', 'و', '٣٫٥', 'و', '١٬٠٠٠']);
  assert.deepEqual(tokenize('٣٫٥ ١٬٠٠٠').map((t) => t.norm), ['3.5', '1,000']);
});

test('a full stop or comma after a number is not part of it', () => {
  assert.deepEqual(surfaces('عام 2015. ثم 2016، ثم 3.'), ['عام', '2015', 'ثم', '2016', 'ثم', '3']);
});

test('Arabic letters and digits split; Latin letters and digits stay together', () => {
  assert.deepEqual(surfaces('في 2015م و1436هـ مع F16 و5G'), ['في', '2015', 'م', 'و', '1436', 'ه', 'مع', 'F16', 'و', '5G']);
});

test('Arabic and Latin letters written together split', () => {
  assert.deepEqual(surfaces('والـBBC وCNN'), ['وال', 'BBC', 'و', 'CNN']);
});

test('emoji and other symbols split', () => {
  assert.deepEqual(surfaces('مصر😀تونس ★ ليبيا'), ['مصر', 'تونس', 'ليبيا']);
});

test('a zero-width non-joiner inside a Persian word keeps it whole', () => {
  const [token] = tokenize('می‌خواهم');
  assert.equal(token!.surface, 'می‌خواهم');
  assert.equal(token!.norm, 'ميخواهم');
});

test('no text, no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' ،؛ «» ـ \u200F '), []);
});
