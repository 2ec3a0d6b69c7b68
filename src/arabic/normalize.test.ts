import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArabic } from './normalize.ts';

const CASES: Array<[what: string, input: string, expected: string]> = [
  ['hamza on alef, alef wasla and madda fold to bare alef', 'أحمد إبراهيم آمنة ٱلحمد', 'احمد ابراهيم امنه الحمد'],
  ['alef maqsura folds to ya', 'مستشفى على', 'مستشفي علي'],
  ['taa marbuta folds to ha', 'المدرسة', 'المدرسه'],
  ['hamza on waw and on ya fold to their seats', 'مؤتمر رئيس', 'موتمر رييس'],
  ['bare hamza stays', 'جزء سماء', 'جزء سماء'],
  ['Persian kaf and ya fold to Arabic ones', 'کتاب یمن', 'كتاب يمن'],
  ['Urdu and Kurdish ya and heh forms fold', 'ېۍۀ ہ ھ', 'ييه ه ه'],
  ['harakat, shadda, sukun and superscript alef vanish', 'مُحَمَّدٌ هٰذا السَّلَامُ', 'محمد هذا السلام'],
  ['tatweel vanishes', 'مـفـاوضـات الســـلام', 'مفاوضات السلام'],
  ['bidi marks, isolates and zero-width characters vanish', '\u200Fمصر\u200E \u2067تونس\u2069 \u061Cليبيا \uFEFFقطر م\u200Cص\u200Dر', 'مصر تونس ليبيا قطر مصر'],
  ['presentation forms go through NFKC', 'ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﻻ ﷲ', 'السلام عليكم لا الله'],
  ['Arabic-Indic digits and separators become ASCII', '٢٠٢٦ ٣٫٥ ١٬٠٠٠', '2026 3.5 1,000'],
  ['Persian digits become ASCII', '۱۴۰۵/۰۳/۱۲', '1405/03/12'],
  ['Latin is lowercased', 'UN Security Council BBC', 'un security council bbc'],
  ['whitespace of every kind collapses and is trimmed', '  مصر \t\n تونس\u00A0\u2003ليبيا  ', 'مصر تونس ليبيا'],
  ['punctuation stays: display and tokenizing need it', '«مصر»، تونس؟', '«مصر»، تونس؟'],
  ['empty stays empty', '', ''],
  ['only invisible marks become empty', '\u200F\u0640\u064E', ''],
];

for (const [what, input, expected] of CASES) {
  test(`normalizeArabic: ${what}`, () => {
    assert.equal(normalizeArabic(input), expected);
  });
}

test('text already in matching form comes back as the same string', () => {
  const s = 'وزير الخارجيه الروسي';
  assert.equal(normalizeArabic(s), s);
});

test('long texts normalize like their parts', () => {
  const part = 'قالَ وزيرُ الخارجيةِ إنّ المفاوضاتِ مستمرّةٌ حتى ٢٠٢٦. ';
  const long = part.repeat(200);
  assert.equal(normalizeArabic(long), (normalizeArabic(part) + ' ').repeat(200).trim());
});

test('normalizing twice changes nothing more', () => {
  for (const [, input] of CASES) assert.equal(normalizeArabic(normalizeArabic(input)), normalizeArabic(input));
});
