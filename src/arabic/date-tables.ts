// Word lists the date parser matches against. They are written as Arabic pages spell them and
// folded once at load time with the same foldDateText() the parser applies to its input, so a table
// entry never has to list hamza or taa-marbuta variants by hand.
import { toAsciiDigits } from './digits.ts';

/**
 * Fold text for date matching only (display keeps the original): ASCII digits, no harakat, tatweel
 * or bidi controls, one alef, ى ی → ي, ک → ك, ة → ه, single spaces, Latin lowercased.
 */
export function foldDateText(text: string): string {
  return toAsciiDigits(text)
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    // Persian yeh and keheh come from Persian keyboards and CMSs: "تشرین".
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function foldTable(table: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, value] of Object.entries(table)) out.set(foldDateText(name), value);
  return out;
}

// Arab countries name the Gregorian months in four traditions, and one page may mix two of them
// ("أيلول/سبتمبر"). Spelling variants that real sites print are listed next to each other.
const GREGORIAN_MONTH_NAMES: Record<string, number> = {
  // Egypt, the Gulf, Sudan, Libya (from the Latin names).
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونية: 6,
  يوليو: 7, يولية: 7, أغسطس: 8, سبتمبر: 9, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  // The Levant and Iraq (Syriac names). "تشرين أول" without the article appears in Syrian bylines.
  'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8,
  أيلول: 9, 'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  'كانون ثاني': 1, 'تشرين أول': 10, 'تشرين ثاني': 11, 'كانون أول': 12,
  // Algeria and Tunisia (from French).
  جانفي: 1, فيفري: 2, أفريل: 4, ماي: 5, جوان: 6, جويلية: 7, أوت: 8,
  // Morocco (from French and Spanish).
  يوليوز: 7, غشت: 8, شتنبر: 9, نونبر: 11, دجنبر: 12,
  // RSS pubDate (RFC 822) and English bylines on bilingual sites.
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const GREGORIAN_MONTHS = foldTable(GREGORIAN_MONTH_NAMES);

// Hijri month names. Rabi' II and the Jumadas have two accepted names each; dhu/dhi follow grammar.
const HIJRI_MONTH_NAMES: Record<string, number> = {
  محرم: 1, 'محرّم': 1, صفر: 2, 'ربيع الأول': 3, 'ربيع أول': 3,
  'ربيع الآخر': 4, 'ربيع الثاني': 4, 'ربيع ثاني': 4, 'ربيع آخر': 4,
  'جمادى الأولى': 5, 'جمادى الأول': 5, 'جمادى الآخرة': 6, 'جمادى الثانية': 6, 'جمادى الآخر': 6,
  رجب: 7, شعبان: 8, رمضان: 9, شوال: 10,
  'ذو القعدة': 11, 'ذي القعدة': 11, 'ذو الحجة': 12, 'ذي الحجة': 12,
};
export const HIJRI_MONTHS = foldTable(HIJRI_MONTH_NAMES);

// "بتوقيت X" → minutes east of UTC. First version: these are standard offsets and DST is ignored,
// so Cairo, Beirut, Jerusalem and Amman-in-summer are an hour off for half the year. A later version
// should map the city to an IANA zone and let Intl resolve the offset on that date.
// "عمان" without diacritics is both Amman (عَمّان) and Oman (عُمان); bylines that say "بتوقيت عمان" are
// Jordanian far more often (Omani sites say "بتوقيت مسقط" or "بتوقيت السلطنة"), so it maps to +3.
const ZONE_NAMES: Record<string, number> = {
  'مكة المكرمة': 180, مكة: 180, 'المدينة المنورة': 180, الرياض: 180, السعودية: 180, جدة: 180,
  القاهرة: 120, مصر: 120, بيروت: 120, لبنان: 120, القدس: 120, فلسطين: 120, غزة: 120, 'رام الله': 120,
  طرابلس: 120, ليبيا: 120, الخرطوم: 120, السودان: 120,
  دمشق: 180, سوريا: 180, بغداد: 180, العراق: 180, عمان: 180, 'عمّان': 180, الأردن: 180,
  الدوحة: 180, قطر: 180, الكويت: 180, المنامة: 180, البحرين: 180, صنعاء: 180, اليمن: 180,
  دبي: 240, 'أبوظبي': 240, 'أبو ظبي': 240, الإمارات: 240, مسقط: 240, السلطنة: 240,
  الرباط: 60, 'الدار البيضاء': 60, المغرب: 60, تونس: 60, الجزائر: 60,
  نواكشوط: 0, غرينتش: 0, غرينيتش: 0, جرينتش: 0, جرينيتش: 0,
};
export const ZONES = foldTable(ZONE_NAMES);

// Latin abbreviations some Arabic sites print after the time (Al Arabiya: "03:15 م GST"). In an
// Arabic byline AST is Arabia Standard Time (+3), not Atlantic. Same DST caveat as above.
const ABBREVIATED_ZONE_NAMES: Record<string, number> = {
  gst: 240, ksa: 180, ast: 180, eet: 120, eest: 180, cet: 60, cest: 120, wet: 0, west: 60,
};
export const ABBREVIATED_ZONES = foldTable(ABBREVIATED_ZONE_NAMES);

export type DayPeriod = 'am' | 'pm' | 'noon' | 'night';

// Words that turn a 12-hour clock into 24 hours. "ص"/"م" are the short forms every CMS prints;
// the spelled-out forms appear in hand-written bylines. "ظهرا" spans 11 to 3 and "ليلا" 8 to 3,
// so they cannot simply add 12 (see toHour24 in date-clock.ts).
const DAY_PERIOD_NAMES: Record<string, DayPeriod> = {
  ص: 'am', صباحا: 'am', صباحاً: 'am', صباح: 'am', فجرا: 'am', فجراً: 'am', am: 'am', 'a.m.': 'am',
  م: 'pm', مساء: 'pm', مساءً: 'pm', مساءا: 'pm', عصرا: 'pm', عصراً: 'pm', pm: 'pm', 'p.m.': 'pm',
  ظهرا: 'noon', ظهراً: 'noon', ليلا: 'night', ليلاً: 'night',
};
export const DAY_PERIODS: Map<string, DayPeriod> = new Map(
  Object.entries(DAY_PERIOD_NAMES).map(([k, v]) => [foldDateText(k), v]),
);

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

// "منذ …" units: singular (one), dual (two) and the plural forms that follow a number.
export const RELATIVE_UNITS: Map<string, { unit: RelativeUnit; count: number | null }> = (() => {
  const forms: Array<[RelativeUnit, string[], string[], string[]]> = [
    ['second', ['ثانية'], ['ثانيتين', 'ثانيتان'], ['ثوان', 'ثواني', 'ثوانٍ']],
    ['minute', ['دقيقة'], ['دقيقتين', 'دقيقتان'], ['دقائق']],
    ['hour', ['ساعة'], ['ساعتين', 'ساعتان'], ['ساعات']],
    ['day', ['يوم'], ['يومين', 'يومان'], ['أيام', 'ايام']],
    ['week', ['أسبوع'], ['أسبوعين', 'أسبوعان'], ['أسابيع']],
    ['month', ['شهر'], ['شهرين', 'شهران'], ['أشهر', 'شهور']],
    ['year', ['سنة', 'عام'], ['سنتين', 'سنتان', 'عامين', 'عامان'], ['سنوات', 'أعوام', 'سنين']],
  ];
  const out = new Map<string, { unit: RelativeUnit; count: number | null }>();
  for (const [unit, one, two, many] of forms) {
    for (const w of one) out.set(foldDateText(w), { unit, count: 1 });
    for (const w of two) out.set(foldDateText(w), { unit, count: 2 });
    // A plural needs a number before it ("3 ساعات"); alone it means "a few", which we read as 3.
    for (const w of many) out.set(foldDateText(w), { unit, count: null });
  }
  return out;
})();

// \b does not see Arabic letters as word characters; these guards do (regexes need the u flag).
export const NO_LETTER_BEFORE = String.raw`(?<![\p{L}])`;
export const NO_LETTER_AFTER = String.raw`(?![\p{L}])`;

/** Regex alternation of folded table keys, longest first so "تشرين الاول" beats a shorter prefix. */
export function alternation(keys: Iterable<string>): string {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
