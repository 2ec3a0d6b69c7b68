// Hijri → Gregorian through ICU's Umm al-Qura calendar, the one Saudi Arabia and most Gulf sites
// print. ICU only formats (Gregorian → Hijri), so we estimate the Gregorian day arithmetically and
// then walk nearby days until ICU formats one as the wanted Hijri date. The tabular estimate is
// within a day or two of Umm al-Qura, so the walk is short.

// Julian Day of 1 Muharram 1 AH in the civil (tabular) Islamic calendar, and the mean lengths
// that calendar uses; only good enough to start the search.
const ISLAMIC_EPOCH_JD = 1948439.5;
const UNIX_EPOCH_JD = 2440587.5;
const MEAN_YEAR_DAYS = 10631 / 30;
const MEAN_MONTH_DAYS = 29.530588;
const MS_PER_DAY = 86_400_000;
// The estimate drifts from Umm al-Qura by at most a couple of days; ±5 leaves room to spare.
const SEARCH_RADIUS_DAYS = 5;

const UMALQURA_PARTS = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

export interface HijriDate { year: number; month: number; day: number }

/** The Umm al-Qura date of a UTC calendar day (pass noon UTC to stay clear of day edges). */
export function toHijri(date: Date): HijriDate {
  const parts = UMALQURA_PARTS.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The Gregorian calendar day (as UTC year, month 1–12, day) of a Hijri date, or null when that
 * Hijri date does not exist (day 30 of a 29-day month, month 13, …).
 */
export function hijriToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const jd = ISLAMIC_EPOCH_JD + Math.floor((year - 1) * MEAN_YEAR_DAYS) + Math.ceil((month - 1) * MEAN_MONTH_DAYS) + day - 1;
  const estimateMs = Math.round((jd - UNIX_EPOCH_JD) * MS_PER_DAY) + MS_PER_DAY / 2;
  for (let i = 0; i <= SEARCH_RADIUS_DAYS; i++) {
    for (const step of i === 0 ? [0] : [i, -i]) {
      const candidate = new Date(estimateMs + step * MS_PER_DAY);
      const h = toHijri(candidate);
      if (h.year === year && h.month === month && h.day === day) {
        return { year: candidate.getUTCFullYear(), month: candidate.getUTCMonth() + 1, day: candidate.getUTCDate() };
      }
    }
  }
  return null;
}
