// Dates for readers of the site: Intl does the calendars and month names (Node ships full ICU), we
// only choose the pieces and their order.

const DEFAULT_TIME_ZONE = 'Asia/Riyadh';
// Latin digits with Arabic month names, as Egyptian and Gulf sites print them ("20 سبتمبر 2023").
const GREGORIAN_LOCALE = 'ar-EG-u-nu-latn';
// Umm al-Qura is the Saudi civil calendar and what Gulf sites print next to the Gregorian date.
const HIJRI_LOCALE = 'ar-SA-u-ca-islamic-umalqura-nu-latn';
const HIJRI_SEPARATOR = ' · ';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
// Past a month, "منذ 5 أسابيع" tells a reader less than the date itself.
const RELATIVE_LIMIT_MS = 30 * MS_PER_DAY;

// Intl formatters are costly to build and the site formats thousands of dates per page view.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** Weekday, day, month, year and time of day in one call: the instant's local date and clock in its zone. */
function gregorianParts(date: Date, timeZone: string): Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute' | 'dayPeriod', string> {
  const f = formatter(`g|${timeZone}`, GREGORIAN_LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  const out = { weekday: '', day: '', month: '', year: '', hour: '', minute: '', dayPeriod: '' };
  for (const p of f.formatToParts(date)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/**
 * A bounded memo in two generations: a hit in the older one moves to the newer, and when the newer
 * fills, the older is dropped. Pages repeat the same dates (a story's articles appear on each
 * other's pages), and Intl's Umm al-Qura calendar costs tens of microseconds a call.
 */
class Memo {
  private young = new Map<string, string>();
  private old = new Map<string, string>();
  constructor(private readonly size: number) {}

  get(key: string, make: () => string): string {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key) ?? make();
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
}

/** Formatted dates, by zone, options and minute (nothing finer is printed). */
const formatted = new Memo(20_000);
/** The Hijri date of a local Gregorian day: it changes only with the day. */
const hijriDays = new Memo(5_000);

/**
 * "الأربعاء 20 سبتمبر 2023 · 5 ربيع الأول 1445 هـ" — Arabic weekday, day, month, year, then the
 * Umm al-Qura Hijri date. withTime adds the time after a comma: "الأربعاء 20 سبتمبر 2023، 3:15 م".
 */
export function formatArabicDate(date: Date, opts?: { timeZone?: string; withTime?: boolean; withHijri?: boolean }): string {
  // A missing date prints as nothing rather than breaking the page; a bad timeZone is a configuration
  // error and still throws.
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const timeZone = opts?.timeZone ?? DEFAULT_TIME_ZONE;
  const withTime = opts?.withTime ?? false;
  const withHijri = opts?.withHijri ?? true;
  return formatted.get(`${timeZone}|${+withTime}${+withHijri}|${Math.floor(ms / MS_PER_MINUTE)}`, () => {
    const p = gregorianParts(date, timeZone);
    // ICU puts "، " after the weekday; Arabic news sites print "الأربعاء 20 سبتمبر 2023" without it.
    let out = `${p.weekday} ${p.day} ${p.month} ${p.year}`;
    if (withTime) out += `، ${p.hour}:${p.minute} ${p.dayPeriod}`;
    if (withHijri) {
      out += HIJRI_SEPARATOR + hijriDays.get(`${timeZone}|${p.year}|${p.month}|${p.day}`, () =>
        formatter(`h|${timeZone}`, HIJRI_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date));
    }
    return out;
  });
}

// Arabic counts agree with the noun: one and two have their own forms ("ساعة", "ساعتين"), 3–10 take
// the plural ("3 ساعات") and 11 and up the singular ("11 ساعة").
function countOf(n: number, one: string, two: string, few: string, many: string): string {
  if (n <= 1) return one;
  if (n === 2) return two;
  return `${n} ${n <= 10 ? few : many}`;
}

/** "منذ ساعتين", "منذ 5 دقائق", "أمس"… relative to now, for the site. */
export function formatRelativeArabic(date: Date, now: Date = new Date()): string {
  const ms = now.getTime() - date.getTime();
  if (Number.isNaN(ms)) return '';
  // A clock a little ahead of ours should not print "in 2 minutes"; anything further is a real date.
  if (ms < MS_PER_MINUTE) return ms > -5 * MS_PER_MINUTE ? 'الآن' : formatArabicDate(date, { withHijri: false });
  if (ms < MS_PER_HOUR) return `منذ ${countOf(Math.floor(ms / MS_PER_MINUTE), 'دقيقة', 'دقيقتين', 'دقائق', 'دقيقة')}`;
  if (ms < MS_PER_DAY) return `منذ ${countOf(Math.floor(ms / MS_PER_HOUR), 'ساعة', 'ساعتين', 'ساعات', 'ساعة')}`;
  const days = Math.floor(ms / MS_PER_DAY);
  if (days === 1) return 'أمس';
  if (days < 7) return `منذ ${countOf(days, 'يوم', 'يومين', 'أيام', 'يومًا')}`;
  if (ms < RELATIVE_LIMIT_MS) return `منذ ${countOf(Math.floor(days / 7), 'أسبوع', 'أسبوعين', 'أسابيع', 'أسبوعًا')}`;
  return formatArabicDate(date, { withHijri: false });
}
