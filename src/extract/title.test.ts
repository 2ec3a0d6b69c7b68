import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseTitle, stripSiteName, type TitleCandidates } from './title.ts';

const NONE: TitleCandidates = { og: null, jsonLd: null, otherMeta: null, h1: null, titleTag: null };

test('the site name goes from the end or the start of a title', () => {
  const site = ['اليوم السابع'];
  assert.equal(stripSiteName('وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية - اليوم السابع', site), 'وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية');
  assert.equal(stripSiteName('وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية | اليوم السابع', site), 'وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية');
  assert.equal(stripSiteName('اليوم السابع :: وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية', site), 'وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية');
  // Spelling variants of the name (hamza, an extra "الإلكترونية") still match.
  assert.equal(stripSiteName('سر رحيل نعيمة عاكف في سن مبكر | بوابة أخبار اليوم الإلكترونية', ['بوابة اخبار اليوم']), 'سر رحيل نعيمة عاكف في سن مبكر');
  // Section segments before a known site name stay when they are not the name.
  assert.equal(
    stripSiteName('القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات - عبر الإمارات - البيان', ['البيان']),
    'القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات - عبر الإمارات',
  );
});

test('a hyphen inside a headline is not a site separator', () => {
  assert.equal(stripSiteName('مصر - السودان: جولة جديدة', []), 'مصر - السودان: جولة جديدة');
  assert.equal(stripSiteName('مصر - السودان: جولة جديدة من المفاوضات حول سد النهضة | مصراوي', ['مصراوي']), 'مصر - السودان: جولة جديدة من المفاوضات حول سد النهضة');
  assert.equal(stripSiteName('اتفاق 2020-2022 بين البلدين يدخل حيز التنفيذ', ['الجزيرة']), 'اتفاق 2020-2022 بين البلدين يدخل حيز التنفيذ');
  // A headline that names the outlet is not the outlet.
  assert.equal(stripSiteName('مدير البيان يتسلم جائزة الصحافة العربية - البيان', ['البيان']), 'مدير البيان يتسلم جائزة الصحافة العربية');
});

test('og:title wins, cleaned of the site name, over a quoted JSON-LD headline', () => {
  const r = chooseTitle(
    {
      og: 'شعر وردي يُشعل السخرية… لغز لون شعر دونالد ترامب - LBCI',
      jsonLd: '"شعر وردي يُشعل السخرية"… لغز لون شعر دونالد ترامب',
      otherMeta: null,
      h1: '"شعر وردي يُشعل السخرية"… لغز لون شعر دونالد ترامب',
      titleTag: 'شعر وردي يُشعل السخرية… لغز لون شعر دونالد ترامب - Lebanon News',
    },
    ['LBCI'],
  );
  assert.equal(r.title, 'شعر وردي يُشعل السخرية… لغز لون شعر دونالد ترامب');
});

test('a site name at the start of og:title is learned from <title> repeating it at the end', () => {
  const r = chooseTitle(
    { ...NONE, og: 'المدينة نيوز - أميركا: 50 ألفا حصيلة الوفيات بسبب فيروس كورونا', titleTag: 'أميركا: 50 ألفا حصيلة الوفيات بسبب فيروس كورونا - المدينة نيوز' },
    [],
  );
  assert.equal(r.title, 'أميركا: 50 ألفا حصيلة الوفيات بسبب فيروس كورونا');
  assert.equal(r.inferredSiteName, 'المدينة نيوز');
});

test('a logo <h1> or a category in JSON-LD does not beat <title>', () => {
  assert.equal(
    chooseTitle({ ...NONE, h1: 'جريدة الصباح اليومية', titleTag: 'الحكومة تقر موازنة العام المقبل | جريدة الصباح' }, []).title,
    'الحكومة تقر موازنة العام المقبل',
  );
  assert.equal(
    chooseTitle({ ...NONE, jsonLd: 'مقالات الرأي', titleTag: 'لماذا تتعثر مفاوضات سد النهضة؟ - الشروق' }, []).title,
    'لماذا تتعثر مفاوضات سد النهضة؟',
  );
  assert.equal(chooseTitle(NONE, []).title, null);
});
