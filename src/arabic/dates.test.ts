import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findArabicDate, formatArabicDate, formatRelativeArabic, parseArabicDate, type ParsedDate } from './dates.ts';

// Thursday 12 October 2023, 12:00 in Mecca: "now" for every relative and year-less case.
const NOW = new Date('2023-10-12T09:00:00Z');
const MECCA = 180;

/**
 * What a case should parse to. `at` is local wall time ("2023-09-20T15:15") or a bare day
 * ("2023-09-20", no time, local midnight); `offset` is the offset the text states, or null.
 */
interface Expected { at: string; offset: number | null }

function expected({ at, offset }: Expected): ParsedDate {
  const hasTime = at.includes('T');
  const local = hasTime ? at : `${at}T00:00`;
  const used = offset ?? MECCA;
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  const ms = Date.parse(`${withSeconds}Z`) - used * 60_000;
  return { iso: new Date(ms).toISOString(), offsetMinutes: offset, hasTime };
}

// [byline as printed, local time or day, offset stated by the text]
type Case = [string, string, number | null];

const BYLINES: Case[] = [
  // Youm7 / Al-Masry Al-Youm / Shorouk (Egypt): Egyptian month names, ص/م.
  ['نشر في: الأربعاء، 20 سبتمبر 2023 - 03:15 م', '2023-09-20T15:15', null],
  ['الأربعاء، 20 سبتمبر 2023 03:15 م', '2023-09-20T15:15', null],
  ['الخميس، 12 أكتوبر 2023 10:00 ص', '2023-10-12T10:00', null],
  ['الخميس 12 اكتوبر 2023 12:05 ص', '2023-10-12T00:05', null],
  ['الخميس 12 اكتوبر 2023 12:05 م', '2023-10-12T12:05', null],
  ['كتب محمد علي الأربعاء 20-09-2023 15:15', '2023-09-20T15:15', null],
  ['20-09-2023 | 15:15', '2023-09-20T15:15', null],
  ['السبت 07 أكتوبر 2023 | 09:41 صباحاً بتوقيت القاهرة', '2023-10-07T09:41', 120],
  ['السبت 07 أكتوبر 2023 | 09:41 مساءً بتوقيت القاهرة', '2023-10-07T21:41', 120],
  ['الإثنين، 05 يونيو 2023 - 11:30 ص', '2023-06-05T11:30', null],
  ['الاثنين 5 يونية 2023', '2023-06-05', null],
  ['الثلاثاء 4 يولية 2023 05:00 م', '2023-07-04T17:00', null],
  ['الجمعة 14 أبريل 2023', '2023-04-14', null],
  ['الجمعة 14 ابريل 2023', '2023-04-14', null],
  ['الجمعة 14 إبريل 2023', '2023-04-14', null],
  ['الأحد 27 أغسطس 2023 - 10:10 م', '2023-08-27T22:10', null],
  ['الأحد 27 اغسطس 2023', '2023-08-27', null],
  ['1 يناير 2024', '2024-01-01', null],
  ['29 فبراير 2024', '2024-02-29', null],
  ['15 مارس 2023', '2023-03-15', null],
  ['3 مايو 2023', '2023-05-03', null],
  ['30 نوفمبر 2023', '2023-11-30', null],
  ['31 ديسمبر 2022 11:59 م', '2022-12-31T23:59', null],
  // Al Arabiya, Sky News Arabia, Al Khaleej, Al Bayan (Gulf).
  ['نشر في: 20 سبتمبر ,2023: 03:15 م GST', '2023-09-20T15:15', 240],
  ['آخر تحديث: 12 أكتوبر ,2023: 10:30 ص KSA', '2023-10-12T10:30', 180],
  ['12 أكتوبر 2023 10:30 صباحا', '2023-10-12T10:30', null],
  ['12 أكتوبر 2023 08:15 مساء', '2023-10-12T20:15', null],
  ['12 أكتوبر 2023 12:30 ظهراً', '2023-10-12T12:30', null],
  ['12 أكتوبر 2023 2:30 ظهرا', '2023-10-12T14:30', null],
  ['12 أكتوبر 2023 11:00 ليلاً', '2023-10-12T23:00', null],
  ['أبوظبي في 12 أكتوبر / وام /', '2023-10-12', null],
  ['دبي - 12 أكتوبر 2023 - 10:30 بتوقيت دبي', '2023-10-12T10:30', 240],
  ['الدوحة 12 أكتوبر 2023 10:30 بتوقيت الدوحة', '2023-10-12T10:30', 180],
  ['الكويت 12 أكتوبر 2023 - 10:30 بتوقيت الكويت', '2023-10-12T10:30', 180],
  ['الرياض 12 أكتوبر 2023 10:30 بتوقيت الرياض', '2023-10-12T10:30', 180],
  ['الخميس 12 أكتوبر 2023 10:30 بتوقيت أبو ظبي', '2023-10-12T10:30', 240],
  ['الخميس 12 أكتوبر 2023 10:30 بتوقيت مكة المكرمة', '2023-10-12T10:30', 180],
  // Al Jazeera.
  ['نُشر في 12/10/2023', '2023-10-12', null],
  ['آخر تحديث: 12/10/2023 10:30 (توقيت مكة)', '2023-10-12T10:30', 180],
  ['12/10/2023 07:30 (ت.غ)', '2023-10-12T07:30', 0],
  ['12/10/2023 07:30 بتوقيت غرينتش', '2023-10-12T07:30', 0],
  ['12/10/2023 10:30 بتوقيت غرينتش +3', '2023-10-12T10:30', 180],
  // Annahar, Al Akhbar, Alsumaria, Shafaq (Levant, Iraq): Syriac month names.
  ['آخر تحديث: ١٢ تشرين الأول ٢٠٢٣ ، ١٠:٣٠ ص', '2023-10-12T10:30', null],
  ['المصدر: "النهار" 12 تشرين الأول 2023 | 10:30 بتوقيت بيروت', '2023-10-12T10:30', 120],
  ['١ كانون الثاني ٢٠٢٣', '2023-01-01', null],
  ['14 شباط 2023', '2023-02-14', null],
  ['8 آذار 2023', '2023-03-08', null],
  ['8 اذار 2023', '2023-03-08', null],
  ['25 نيسان 2023', '2023-04-25', null],
  ['1 أيار 2023', '2023-05-01', null],
  ['1 ايار 2023', '2023-05-01', null],
  ['21 حزيران 2023', '2023-06-21', null],
  ['14 تموز 2023', '2023-07-14', null],
  ['4 آب 2023', '2023-08-04', null],
  ['4 اب 2023', '2023-08-04', null],
  ['20 أيلول 2023', '2023-09-20', null],
  ['20 ايلول 2023', '2023-09-20', null],
  ['2 تشرين الثاني 2023', '2023-11-02', null],
  ['25 كانون الأول 2022', '2022-12-25', null],
  ['25 كانون اول 2022', '2022-12-25', null],
  ['20 أيلول/سبتمبر 2023', '2023-09-20', null],
  ['20 أيلول / سبتمبر 2023', '2023-09-20', null],
  ['20 سبتمبر (أيلول) 2023', '2023-09-20', null],
  ['بغداد 12 تشرين الأول 2023 10:30 بتوقيت بغداد', '2023-10-12T10:30', 180],
  ['دمشق - ١٢ تشرين الأول ٢٠٢٣ - ٠٩:٠٥ بتوقيت دمشق', '2023-10-12T09:05', 180],
  ['2023-10-12 10:30', '2023-10-12T10:30', null],
  ['2023-10-12 10:30:05', '2023-10-12T10:30:05', null],
  ['12-10-2023 10:30 AM', '2023-10-12T10:30', null],
  ['12-10-2023 10:30 PM', '2023-10-12T22:30', null],
  ['عمان 12 تشرين الأول 2023 10:30 بتوقيت عمان', '2023-10-12T10:30', 180],
  // The time belongs to the update, not to the publication date before it.
  ['نشر بتاريخ: 12/10/2023 ( آخر تحديث: 12/10/2023 الساعة: 10:30 )', '2023-10-12', null],
  ['نشر: 11 أكتوبر 2023 | تحديث: 12 أكتوبر 2023 10:30', '2023-10-11', null],
  ['القدس 12 تشرين الأول 2023 بتوقيت القدس 10:30', '2023-10-12T10:30', 120],
  // Persian digits, as some CMSs emit.
  ['۱۲ تشرین الأول ۲۰۲۳', '2023-10-12', null],
  ['۲۰۲۳/۱۰/۱۲ ۱۰:۳۰', '2023-10-12T10:30', null],
  // Hespress, Le360, Assabah (Morocco).
  ['الخميس 21 شتنبر 2023 - 18:05', '2023-09-21T18:05', null],
  ['الخميس 12 أكتوبر 2023 - 10:30', '2023-10-12T10:30', null],
  ['الأحد 3 دجنبر 2023 - 09:00', '2023-12-03T09:00', null],
  ['الجمعة 17 نونبر 2023', '2023-11-17', null],
  ['الإثنين 14 غشت 2023', '2023-08-14', null],
  ['الخميس 20 يوليوز 2023', '2023-07-20', null],
  ['الرباط 12 أكتوبر 2023 10:30 بتوقيت الرباط', '2023-10-12T10:30', 60],
  ['12 ماي 2023 بتوقيت الدار البيضاء 08:00', '2023-05-12T08:00', 60],
  // Echorouk, El Khabar (Algeria), Assabah (Tunisia).
  ['21 جويلية 2023', '2023-07-21', null],
  ['3 جانفي 2023', '2023-01-03', null],
  ['15 فيفري 2023 - 14:20', '2023-02-15T14:20', null],
  ['1 أفريل 2023', '2023-04-01', null],
  ['5 جوان 2023', '2023-06-05', null],
  ['15 أوت 2023', '2023-08-15', null],
  ['2023/10/12 10:30', '2023-10-12T10:30', null],
  ['12 أكتوبر 2023 10:30 بتوقيت الجزائر', '2023-10-12T10:30', 60],
  ['تونس 12 أكتوبر 2023 10:30 بتوقيت تونس', '2023-10-12T10:30', 60],
  ['12.10.2023 10:30', '2023-10-12T10:30', null],
  ['20 - أكتوبر - 2023', '2023-10-20', null],
  ['20 من شهر سبتمبر 2023', '2023-09-20', null],
  // Numeric orders: year first, day first, and American when day-first is impossible.
  ['2023/09/20', '2023-09-20', null],
  ['20/09/2023', '2023-09-20', null],
  ['20-9-2023', '2023-09-20', null],
  ['2023-09-20', '2023-09-20', null],
  ['09/20/2023', '2023-09-20', null],
  ['٢٠/٠٩/٢٠٢٣', '2023-09-20', null],
  // ISO 8601 and RFC 822 (RSS pubDate, <time datetime>).
  ['2023-09-20T12:15:00+03:00', '2023-09-20T12:15', 180],
  ['2023-09-20T09:15:00Z', '2023-09-20T09:15', 0],
  ['2023-09-20T09:15:00.000Z', '2023-09-20T09:15', 0],
  ['2023-09-20T14:15:00+0500', '2023-09-20T14:15', 300],
  ['2023-09-20T12:15:00', '2023-09-20T12:15', null],
  ['Wed, 20 Sep 2023 12:15:00 +0300', '2023-09-20T12:15', 180],
  ['Wed, 20 Sep 2023 09:15:00 GMT', '2023-09-20T09:15', 0],
  ['September 20, 2023', '2023-09-20', null],
  // English ordinals, as a bilingual template prints "تاريخ النشر".
  ['تاريخ النشر: 20th, September 2023 GMT', '2023-09-20', 0],
  ['1st March 2024', '2024-03-01', null],
  ['22nd Feb 2024', '2024-02-22', null],
  ['3rd, October 2023', '2023-10-03', null],
  // Stated offsets.
  ['20 سبتمبر 2023 10:00 GMT+3', '2023-09-20T10:00', 180],
  ['20 سبتمبر 2023 10:00 UTC+2', '2023-09-20T10:00', 120],
  ['20 سبتمبر 2023 10:00 +03:00', '2023-09-20T10:00', 180],
  ['20 سبتمبر 2023 10:00 (GMT-05:00)', '2023-09-20T10:00', -300],
  // Hijri alone, and Hijri beside Gregorian (Gregorian wins).
  ['5 ربيع الأول 1445 هـ', '2023-09-20', null],
  ['١ رمضان ١٤٤٥ هـ', '2024-03-11', null],
  ['10 ذو الحجة 1444هـ', '2023-06-28', null],
  ['1 محرم 1445', '2023-07-19', null],
  ['27 / ربيع الأول / 1445 هـ', '2023-10-12', null],
  ['15 شعبان 1445 هـ 10:30 ص', '2024-02-25T10:30', null],
  ['05/03/1445 هـ', '2023-09-20', null],
  ['الخميس - 27 شهر ربيع الأول 1445 هـ - 12 أكتوبر 2023 مـ', '2023-10-12', null],
  ['الرياض 26 ربيع الأول 1445 هـ الموافق 11 أكتوبر 2023 م واس', '2023-10-11', null],
  ['الخميس / 27 / ربيع الأول / 1445 هـ الخميس 12 أكتوبر 2023 02:28', '2023-10-12T02:28', null],
  ['الأربعاء 20 سبتمبر 2023 · 5 ربيع الأول 1445 هـ', '2023-09-20', null],
  // Year missing: this year unless that is in the future.
  ['20 سبتمبر', '2023-09-20', null],
  ['25 ديسمبر', '2022-12-25', null],
  ['الجمعة 13 أكتوبر 10:00 ص', '2023-10-13T10:00', null],
  // Relative to NOW (12:00 Mecca on 12 October 2023).
  ['أمس', '2023-10-11', null],
  ['بالأمس', '2023-10-11', null],
  ['أول أمس', '2023-10-10', null],
  ['أمس 10:30 م', '2023-10-11T22:30', null],
  ['أمس الساعة 10:30 م بتوقيت القاهرة', '2023-10-11T22:30', 120],
  ['اليوم', '2023-10-12', null],
  ['اليوم 03:15 م', '2023-10-12T15:15', null],
  ['منذ يوم', '2023-10-11', null],
  ['منذ يومين', '2023-10-10', null],
  ['منذ 3 أيام', '2023-10-09', null],
  ['منذ أسبوع', '2023-10-05', null],
];

const RELATIVE_INSTANTS: Array<[string, number]> = [
  // [text, minutes before NOW]
  ['منذ ساعتين', 120],
  ['منذ ساعة', 60],
  ['منذ 3 ساعات', 180],
  ['منذ ٣ ساعات', 180],
  ['منذ 11 ساعة', 660],
  ['منذ دقيقة', 1],
  ['منذ دقيقتين', 2],
  ['منذ 5 دقائق', 5],
  ['منذ 45 دقيقة', 45],
  ['قبل 5 دقائق', 5],
  ['منذ حوالي ساعة', 60],
  ['منذ ساعة و 20 دقيقة', 80],
  ['منذ 30 ثانية', 0.5],
  ['منذ قليل', 0],
  ['منذ ساعات', 180],
  ['منذ ساعات قليلة', 180],
];

const GARBAGE: string[] = [
  '',
  '   ',
  'hello world',
  'المصري اليوم',
  'اليوم السابع',
  'قال الوزير إن المفاوضات مستمرة',
  '32 سبتمبر 2023',
  '31 فبراير 2023',
  '30 فبراير',
  '2023/13/45',
  '99:99',
  'منذ 2011',
  'يعمل المخبز منذ ساعات الصباح الأولى',
  'ساعة',
  '٫٬',
  '1234567890',
  '20 سبتمبر 1066',
  '30 ذو الحجة 1600000',
  '\u200f\u200e\u061c',
  '<script>alert(1)</script>',
  '�'.repeat(50),
  'سبتمبر'.repeat(5000),
  '1/'.repeat(10000),
];

describe('parseArabicDate: bylines as Arabic sites print them', () => {
  for (const [text, at, offset] of BYLINES) {
    test(text, () => {
      assert.deepEqual(parseArabicDate(text, { now: NOW }), expected({ at, offset }));
    });
  }
});

describe('parseArabicDate: relative instants', () => {
  for (const [text, minutes] of RELATIVE_INSTANTS) {
    test(text, () => {
      const iso = new Date(NOW.getTime() - minutes * 60_000).toISOString();
      assert.deepEqual(parseArabicDate(text, { now: NOW }), { iso, offsetMinutes: null, hasTime: true });
    });
  }
});

describe('parseArabicDate: garbage returns null and never throws', () => {
  for (const text of GARBAGE) {
    test(JSON.stringify(text.slice(0, 40)), () => {
      assert.equal(parseArabicDate(text, { now: NOW }), null);
      assert.equal(findArabicDate(text, { now: NOW }), null);
    });
  }
  test('non-string input from untyped callers', () => {
    assert.equal(parseArabicDate(undefined as unknown as string), null);
    assert.equal(findArabicDate(42 as unknown as string), null);
  });
  test('an invalid "now"', () => {
    assert.equal(parseArabicDate('منذ ساعتين', { now: new Date(Number.NaN) }), null);
  });
});

describe('parseArabicDate options', () => {
  test('defaultOffsetMinutes applies when the text states no zone', () => {
    const r = parseArabicDate('12 أكتوبر 2023 10:30', { defaultOffsetMinutes: 60 });
    assert.deepEqual(r, { iso: '2023-10-12T09:30:00.000Z', offsetMinutes: null, hasTime: true });
  });
  test('a stated zone beats defaultOffsetMinutes', () => {
    const r = parseArabicDate('12 أكتوبر 2023 10:30 بتوقيت القاهرة', { defaultOffsetMinutes: 60 });
    assert.deepEqual(r, { iso: '2023-10-12T08:30:00.000Z', offsetMinutes: 120, hasTime: true });
  });
  test('a day without time is midnight at the default offset', () => {
    assert.equal(parseArabicDate('12 أكتوبر 2023', { defaultOffsetMinutes: 0 })?.iso, '2023-10-12T00:00:00.000Z');
  });
  test('"now" defaults to the clock', () => {
    const r = parseArabicDate('منذ 5 دقائق');
    assert.ok(r);
    assert.ok(Math.abs(Date.now() - 5 * 60_000 - Date.parse(r.iso)) < 5_000);
  });
  test('harakat and tatweel do not get in the way', () => {
    assert.deepEqual(parseArabicDate('٢٠ سِبْتَمْبَر ٢٠٢٣ - ٠٣:١٥ مـ', { now: NOW }), expected({ at: '2023-09-20T15:15', offset: null }));
  });
});

describe('findArabicDate in longer text', () => {
  test('a byline among other metadata', () => {
    const text = 'كتب: أحمد حسن | المصري اليوم | الأربعاء 20 سبتمبر 2023 - 03:15 م | التعليقات (3)';
    assert.deepEqual(findArabicDate(text, { now: NOW }), expected({ at: '2023-09-20T15:15', offset: null }));
  });
  test('a date in a paragraph does not take a time from another sentence', () => {
    const text =
      'وقعت الحادثة في 20 سبتمبر 2023 وفق ما أعلنته وزارة الداخلية في بيان رسمي مطول، ' +
      'وأضاف البيان أن فرق الإنقاذ وصلت إلى المكان عند الساعة 10:30 مساء بعد بلاغ من السكان.';
    assert.deepEqual(findArabicDate(text, { now: NOW }), expected({ at: '2023-09-20', offset: null }));
  });
  test('the first of two dates wins', () => {
    const text = 'نشر في 12 أكتوبر 2023، وتحدث الخبر عن أحداث 5 أكتوبر 2023.';
    assert.deepEqual(findArabicDate(text, { now: NOW }), expected({ at: '2023-10-12', offset: null }));
  });
  test('an absolute date beats a relative word earlier in the text', () => {
    const text = 'قال المتحدث أمس إن الاجتماع المقرر في 20 أكتوبر 2023 سيعقد في موعده.';
    assert.deepEqual(findArabicDate(text, { now: NOW }), expected({ at: '2023-10-20', offset: null }));
  });
  test('"اليوم" in an outlet name is not a date, the relative time beside it is', () => {
    assert.deepEqual(findArabicDate('اليوم السابع - منذ ساعتين', { now: NOW }), {
      iso: '2023-10-12T07:00:00.000Z',
      offsetMinutes: null,
      hasTime: true,
    });
  });
  test('a time printed before the date', () => {
    assert.deepEqual(findArabicDate('10:30 ص - 12 أكتوبر 2023', { now: NOW }), expected({ at: '2023-10-12T10:30', offset: null }));
  });
});

describe('formatArabicDate (Node 20 ICU output)', () => {
  const instant = new Date('2023-09-20T12:15:00Z');
  test('weekday, day, month, year, then the Umm al-Qura date', () => {
    assert.equal(formatArabicDate(instant), 'الأربعاء 20 سبتمبر 2023 · 5 ربيع الأول 1445 هـ');
  });
  test('withHijri: false', () => {
    assert.equal(formatArabicDate(instant, { withHijri: false }), 'الأربعاء 20 سبتمبر 2023');
  });
  test('withTime in Riyadh', () => {
    assert.equal(formatArabicDate(instant, { withTime: true, withHijri: false }), 'الأربعاء 20 سبتمبر 2023، 3:15 م');
  });
  test('morning time', () => {
    const morning = new Date('2023-10-12T06:05:00Z');
    assert.equal(formatArabicDate(morning, { withTime: true }), 'الخميس 12 أكتوبر 2023، 9:05 ص · 27 ربيع الأول 1445 هـ');
  });
  test('the day depends on the time zone', () => {
    const lateUtc = new Date('2023-09-20T22:30:00Z');
    assert.equal(formatArabicDate(lateUtc, { timeZone: 'UTC', withHijri: false }), 'الأربعاء 20 سبتمبر 2023');
    assert.equal(formatArabicDate(lateUtc, { withHijri: false }), 'الخميس 21 سبتمبر 2023');
  });
  test('Ramadan', () => {
    assert.equal(formatArabicDate(new Date('2024-03-11T12:00:00Z')), 'الاثنين 11 مارس 2024 · 1 رمضان 1445 هـ');
  });
  test('an invalid date prints as nothing', () => {
    assert.equal(formatArabicDate(new Date(Number.NaN)), '');
    assert.equal(formatRelativeArabic(new Date(Number.NaN), NOW), '');
  });
  test('what formatArabicDate prints, parseArabicDate reads back', () => {
    const printed = formatArabicDate(instant, { withTime: true });
    assert.equal(parseArabicDate(printed)?.iso, instant.toISOString());
  });
});

describe('formatRelativeArabic', () => {
  const ago = (ms: number) => new Date(NOW.getTime() - ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  const CASES: Array<[number, string]> = [
    [10_000, 'الآن'],
    [-60_000, 'الآن'],
    [MIN, 'منذ دقيقة'],
    [2 * MIN, 'منذ دقيقتين'],
    [5 * MIN, 'منذ 5 دقائق'],
    [10 * MIN, 'منذ 10 دقائق'],
    [15 * MIN, 'منذ 15 دقيقة'],
    [HOUR, 'منذ ساعة'],
    [2 * HOUR, 'منذ ساعتين'],
    [3 * HOUR, 'منذ 3 ساعات'],
    [11 * HOUR, 'منذ 11 ساعة'],
    [23 * HOUR, 'منذ 23 ساعة'],
    [DAY + HOUR, 'أمس'],
    [2 * DAY, 'منذ يومين'],
    [4 * DAY, 'منذ 4 أيام'],
    [7 * DAY, 'منذ أسبوع'],
    [14 * DAY, 'منذ أسبوعين'],
    [21 * DAY, 'منذ 3 أسابيع'],
  ];
  for (const [ms, text] of CASES) {
    test(text, () => assert.equal(formatRelativeArabic(ago(ms), NOW), text));
  }
  test('older than a month prints the date', () => {
    assert.equal(formatRelativeArabic(new Date('2023-08-20T12:15:00Z'), NOW), 'الأحد 20 أغسطس 2023');
  });
  test('what formatRelativeArabic prints, parseArabicDate reads back', () => {
    for (const ms of [5 * MIN, 2 * HOUR, 3 * HOUR]) {
      assert.equal(parseArabicDate(formatRelativeArabic(ago(ms), NOW), { now: NOW })?.iso, ago(ms).toISOString());
    }
  });
});
