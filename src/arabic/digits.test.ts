import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAsciiDigits } from './digits.ts';

const CASES: Array<[string, string]> = [
  ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['١٢ تشرين الأول ٢٠٢٣', '12 تشرين الأول 2023'],
  ['۲۰۲۳/۹/۲۰', '2023/9/20'],
  ['سعر البرميل ٨٥٫٣ دولار', 'سعر البرميل 85.3 دولار'],
  ['١٬٢٥٠٬٠٠٠ نسمة', '1,250,000 نسمة'],
  ['2023 ميلادية', '2023 ميلادية'],
  ['', ''],
];

for (const [input, expected] of CASES) {
  test(`toAsciiDigits(${JSON.stringify(input)})`, () => {
    assert.equal(toAsciiDigits(input), expected);
  });
}

test('mixed digit sets in one string all become ASCII', () => {
  assert.equal(toAsciiDigits('٣:١٥ م، 15:30، ۴:۰۵'), '3:15 م، 15:30، 4:05');
});
