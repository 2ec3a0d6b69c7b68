import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectWireAgency } from './wire-agencies.ts';

test('agency credits in datelines, parentheses and quotes are found', () => {
  const cases: Array<[string, string]> = [
    ['واس - الرياض: التقى صاحب السمو الملكي أمير منطقة الرياض', 'spa'],
    ['الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nأعلنت وزارة الصحة', 'spa'],
    ['أ ف ب- أبو ظبي: أعلنت وزارة الداخلية الإماراتية أن الشرطة ضبطت عصابة', 'afp'],
    ['بيروت (أ.ف.ب) - قتل ثلاثة أشخاص في انفجار', 'afp'],
    ['القاهرة - أ ش أ: قررت محكمة جنايات القاهرة', 'mena'],
    ['المنامة (بنا) - استقبل ولي العهد', 'bna'],
    ['الدوحة - قنا: بحثت دولة قطر والولايات المتحدة', 'qna'],
    ['أبوظبي - وام: أعلنت القيادة العامة للقوات المسلحة', 'wam'],
    ['دمشق - سانا: أبلغ وزير الخارجية', 'sana'],
    ['موسكو (RT) - أعلن الكرملين', 'rt'],
  ];
  for (const [text, code] of cases) {
    const found = detectWireAgency(text);
    assert.equal(found?.code, code, text);
    assert.equal(found?.credited, true, text);
  }
});

test('full agency names count anywhere, as mentions', () => {
  const found = detectWireAgency('وأعلن مجلس الوزراء الكويتي اليوم، بحسب ما نقلت وكالة الأنباء الكويتية، عن خطة جديدة');
  assert.deepEqual(found && { code: found.code, credited: found.credited }, { code: 'kuna', credited: false });
  assert.equal(detectWireAgency('وقال ثلاثة شهود لرويترز إن أكثر من 27 شخصا قتلوا')?.code, 'reuters');
  assert.equal(detectWireAgency('ونقلت وكالة فرانس برس عن مصدر أمني')?.code, 'afp');
});

test('a credit wins over an earlier mention', () => {
  const found = detectWireAgency('جدة - واس: ذكرت وكالة رويترز أمس أن الاجتماع تأجل');
  assert.equal(found?.code, 'spa');
});

test('acronyms that are also words or places are not agencies outside a credit', () => {
  for (const text of [
    'لا ندري إلى أين ستصل بنا هذه الأجندات',
    'اصطدم بجسر فوق النيل في محافظة قنا جنوب مصر',
    'يقع الدير في هضبة الأناضول الشرقية',
    'ستقام المباراة في روسيا اليوم الأحد',
    'تفاعل الجمهور مع المسرحية وظل يتابعها',
  ]) {
    assert.equal(detectWireAgency(text), null, text);
  }
});
