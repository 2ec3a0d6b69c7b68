// The dates a reader types after from: and to:. Stricter than src/arabic/dates.ts, which looks for
// a date anywhere in a byline: here the whole value must be a date, because the words after an
// unquoted `from:29 نوفمبر 2026 مفاوضات` are search words. Month names are recognized by asking the
// byline parser, so every spelling it knows (نوفمبر، تشرين الثاني، نونبر، Nov…) works here too.
import { parseArabicDate, toAsciiDigits } from '../arabic/index.ts';
import type { Day } from './query-types.ts';

/** The days a typed date covers: one day, a whole month (`11/2026`) or a whole year (`2026`). */
export interface DayRange {
  first: Day;
  last: Day;
}

// Outside these years a number is not a news date (dates.ts uses the same bounds).
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
// Numeric dates with a year in this range are Hijri (29/05/1447); the byline parser converts them.
const HIJRI_MIN_YEAR = 1300;
const HIJRI_MAX_YEAR = 1600;
// A year that surely is not any month's: probing "1 <words> 2000" must give 2000-MM-01.
const PROBE_YEAR = 2000;
const UTC = { defaultOffsetMinutes: 0 };

const YEAR = /^(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
// "29 نوفمبر 2026", "29 من شهر نوفمبر", "نوفمبر 2026", "تشرين الثاني 2026", "29 نوفمبر".
const WORDS = /^(?:(\d{1,2}) )?(?:من )?(?:شهر )?(\D+?)(?: (?:عام |سنة |سنه )?(\d{4}))?$/u;

/** The range `text` names, or null when it is not (only) a date. `now` places a date without a year. */
export function parseQueryDate(text: string, now: Date = new Date()): DayRange | null {
  const s = toAsciiDigits(text)
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[,،]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\d) ?[مه]$/u, '$1'); // era marks: 2026م، 1447هـ
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(s))) return yearRange(Number(m[1]));
  if ((m = YEAR_MONTH.exec(s))) return monthRange(Number(m[1]), Number(m[2]));
  if ((m = MONTH_YEAR.exec(s))) return monthRange(Number(m[2]), Number(m[1]));
  if ((m = YMD.exec(s))) return dayRange(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = DMY.exec(s))) {
    const year = Number(m[4]);
    if (year >= HIJRI_MIN_YEAR && year <= HIJRI_MAX_YEAR) return fromParser(s, now);
    return dayRange(year, Number(m[3]), Number(m[1]));
  }
  if ((m = WORDS.exec(s))) {
    const month = monthNumber(m[2]!);
    if (month === null) return null;
    const [day, year] = [m[1], m[3]];
    if (day === undefined) return year === undefined ? null : monthRange(Number(year), month);
    if (year === undefined) return fromParser(`${day} ${m[2]}`, now);
    return dayRange(Number(year), month, Number(day));
  }
  return null;
}

/** The month `words` name, if the byline parser reads "1 <words> 2000" as the first of a month. */
function monthNumber(words: string): number | null {
  const probe = parseArabicDate(`1 ${words} ${PROBE_YEAR}`, UTC);
  if (!probe || probe.hasTime || !probe.iso.startsWith(`${PROBE_YEAR}-`) || probe.iso.slice(8, 10) !== '01') return null;
  return Number(probe.iso.slice(5, 7));
}

function fromParser(text: string, now: Date): DayRange | null {
  const parsed = parseArabicDate(text, { ...UTC, now });
  if (!parsed) return null;
  const day = parsed.iso.slice(0, 10);
  return { first: day, last: day };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function yearRange(year: number): DayRange | null {
  return validYear(year) ? { first: `${year}-01-01`, last: `${year}-12-31` } : null;
}

function monthRange(year: number, month: number): DayRange | null {
  if (!validYear(year) || month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(lastDay)}` };
}

function dayRange(year: number, month: number, day: number): DayRange | null {
  // Day first unless impossible: 11/29/2026 can only be American order.
  if (month > 12 && day <= 12) [month, day] = [day, month];
  if (!validYear(year) || month < 1 || month > 12 || day < 1) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { first: iso, last: iso };
}
