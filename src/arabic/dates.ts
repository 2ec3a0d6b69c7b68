// Dates as Arabic news pages print them: bylines, <time> text, RSS pubDate, relative "منذ ساعتين".
// Matchers find date candidates in folded text; the best candidate then picks up a nearby clock
// time and zone. Failure is always null, never an exception: bylines are messy.
import {
  GREGORIAN_MONTHS, HIJRI_MONTHS, NO_LETTER_AFTER as L_AFTER, NO_LETTER_BEFORE as L_BEFORE, alternation, foldDateText,
} from './date-tables.ts';
import { findClock, findTrailingOffset, findZone, type Clock } from './date-clock.ts';
import { hijriToGregorian } from './date-hijri.ts';
import { findRelative } from './date-relative.ts';

export { formatArabicDate, formatRelativeArabic } from './date-format.ts';

export interface ParsedDate {
  /** The instant in UTC, as toISOString() prints it. */
  iso: string;
  /** Minutes east of UTC that the text stated (named zone, GMT+3, +03:00), or null if none. */
  offsetMinutes: number | null;
  /** False when the text gave only a day; the instant is then local midnight. */
  hasTime: boolean;
}

export interface DateOptions {
  /** "Now" for relative forms (منذ ساعتين، أمس) and for dates printed without a year. */
  now?: Date;
  /** Offset assumed when the text states none; default +03:00 (Mecca), the most common byline zone. */
  defaultOffsetMinutes?: number;
}

const DEFAULT_OFFSET_MINUTES = 180;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Years outside this range are page numbers, counts or Hijri years, not Gregorian news dates.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const HIJRI_MIN_YEAR = 1300;
const HIJRI_MAX_YEAR = 1600;
// In a long text, how far from the date a clock time or zone may sit and still belong to it
// ("20 سبتمبر 2023 - 03:15 م بتوقيت القاهرة" is ~40 characters; the next sentence is further).
const CLOCK_AFTER_CHARS = 50;
const CLOCK_BEFORE_CHARS = 30;
const ZONE_AFTER_CHARS = 50;
// A date printed without a year is this year, unless that would be more than this far in the future.
const YEARLESS_FUTURE_SLACK_MS = 2 * MS_PER_DAY;

// Lower rank wins: a Gregorian date beats a Hijri one beside it ("20 سبتمبر 2023 · 5 ربيع الأول
// 1445 هـ"), and both beat a relative word, which in prose ("قال أمس") is weaker evidence.
const RANK_GREGORIAN = 0;
const RANK_HIJRI = 1;
const RANK_RELATIVE = 2;

interface DayCandidate {
  kind: 'day';
  rank: number;
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** Resolved later from the stated or default offset ("أمس" depends on the zone). */
  daysBeforeToday?: number;
  /** Clock and offset carried by the match itself (ISO 8601). */
  clock?: Clock;
  offset?: number;
  /** Whether a clock time near the match belongs to it ("منذ يومين" takes none). */
  takesClock: boolean;
}

interface InstantCandidate { kind: 'instant'; rank: number; start: number; end: number; msBeforeNow: number }

type Candidate = DayCandidate | InstantCandidate;

const SEP = String.raw`[\s,،\-/.]*`;
const GREG_ALT = alternation(GREGORIAN_MONTHS.keys());
const HIJRI_ALT = alternation(HIJRI_MONTHS.keys());

// "20 سبتمبر 2023", "20 من شهر سبتمبر", "١٢ تشرين الأول ٢٠٢٣", "20 أيلول/سبتمبر 2023",
// "20 سبتمبر (أيلول) 2023", "Wed, 20 Sep 2023", "20th, September 2023" (English ordinals on
// bilingual templates). The year may be missing.
const DAY_MONTH_RE = new RegExp(
  String.raw`(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?${SEP}(?:من\s+)?(?:شهر\s+)?${L_BEFORE}(${GREG_ALT})${L_AFTER}` +
    String.raw`(?:\s*[/(\-]\s*(?:${GREG_ALT})${L_AFTER}\s*\)?)?` +
    String.raw`(?:${SEP}(?:(?:عام|سنه)\s+)?(\d{4})(?!\d))?`,
  'gu',
);
// "سبتمبر 20، 2023", "Sep 20, 2023": month first, as bilingual sites and some feeds print it.
const MONTH_DAY_RE = new RegExp(String.raw`${L_BEFORE}(${GREG_ALT})${L_AFTER}\s+(\d{1,2})(?!\d)\s*[,،]?\s*(\d{4})(?!\d)`, 'gu');
// "5 ربيع الأول 1445 هـ", "١٥ رمضان ١٤٤٤ه". The year is required: "15 رمضان" alone is too vague.
const HIJRI_RE = new RegExp(
  String.raw`(?<!\d)(\d{1,2})${SEP}(?:من\s+)?(?:شهر\s+)?${L_BEFORE}(${HIJRI_ALT})${L_AFTER}${SEP}(?:(?:عام|سنه)\s+)?(\d{4})(?!\d)`,
  'gu',
);
// "2023-09-20", "2023/09/20", and ISO 8601 with its own time and zone: "2023-09-20T12:15:00+03:00".
const YMD_RE = /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?:t(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(z|[+-]\d{2}:?\d{2})?)?/gu;
// "20/09/2023", "20-9-2023", "20.09.2023": day first, as Arabic pages print them.
const DMY_RE = /(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/.-]\d)/gu;

function dayCandidate(rank: number, m: RegExpMatchArray, year: number, month: number, day: number, takesClock = true): DayCandidate {
  const start = m.index ?? 0;
  return { kind: 'day', rank, start, end: start + m[0].length, year, month, day, takesClock };
}

function* candidates(text: string): Generator<Candidate> {
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const month = GREGORIAN_MONTHS.get(m[2] ?? '') ?? 0;
    yield dayCandidate(RANK_GREGORIAN, m, m[3] === undefined ? 0 : Number(m[3]), month, Number(m[1]));
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    yield dayCandidate(RANK_GREGORIAN, m, Number(m[3]), GREGORIAN_MONTHS.get(m[1] ?? '') ?? 0, Number(m[2]));
  }
  for (const m of text.matchAll(YMD_RE)) {
    const c = dayCandidate(RANK_GREGORIAN, m, Number(m[1]), Number(m[3]), Number(m[4]));
    // "2023/20/09" happens; a middle number over 12 can only be the day.
    if (c.month > 12 && c.day <= 12) [c.month, c.day] = [c.day, c.month];
    if (m[5] !== undefined) c.clock = { hour: Number(m[5]), minute: Number(m[6]), second: Number(m[7] ?? 0) };
    if (m[8] !== undefined) c.offset = m[8] === 'z' ? 0 : isoOffset(m[8]);
    yield hijriOrGregorian(c);
  }
  for (const m of text.matchAll(DMY_RE)) {
    const c = dayCandidate(RANK_GREGORIAN, m, Number(m[4]), Number(m[3]), Number(m[1]));
    // Day first unless that is impossible: "09/20/2023" is American order.
    if (c.month > 12 && c.day <= 12) [c.month, c.day] = [c.day, c.month];
    yield hijriOrGregorian(c);
  }
  for (const m of text.matchAll(HIJRI_RE)) {
    yield fromHijri(dayCandidate(RANK_HIJRI, m, Number(m[3]), HIJRI_MONTHS.get(m[2] ?? '') ?? 0, Number(m[1])));
  }
  for (const r of findRelative(text)) {
    if ('msBeforeNow' in r) yield { kind: 'instant', rank: RANK_RELATIVE, ...r };
    else yield { kind: 'day', rank: RANK_RELATIVE, year: 0, month: 0, day: 0, ...r };
  }
}

function isoOffset(s: string): number {
  const sign = s.startsWith('-') ? -1 : 1;
  const digits = s.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** Numeric dates with a year in the Hijri range ("05/03/1445") are Hijri. */
function hijriOrGregorian(c: DayCandidate): DayCandidate {
  return c.year >= HIJRI_MIN_YEAR && c.year <= HIJRI_MAX_YEAR ? fromHijri(c) : c;
}

/** The Gregorian day of a Hijri candidate; an impossible one gets month 0 and is dropped later. */
function fromHijri(c: DayCandidate): DayCandidate {
  const g = c.year >= HIJRI_MIN_YEAR && c.year <= HIJRI_MAX_YEAR ? hijriToGregorian(c.year, c.month, c.day) : null;
  return g ? { ...c, ...g, rank: RANK_HIJRI } : { ...c, month: 0 };
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** The calendar day `daysBack` before now, as seen at `offset`. */
function localDay(now: Date, offset: number, daysBack: number): { year: number; month: number; day: number } {
  const local = new Date(now.getTime() + offset * MS_PER_MINUTE - daysBack * MS_PER_DAY);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The year of "20 سبتمبر" printed without one: the latest such day not clearly in the future. */
function inferYear(now: Date, offset: number, month: number, day: number): number {
  const year = localDay(now, offset, 0).year;
  const thisYear = Date.UTC(year, month - 1, day) - offset * MS_PER_MINUTE;
  return thisYear - now.getTime() > YEARLESS_FUTURE_SLACK_MS ? year - 1 : year;
}

interface Scope { clockFrom: number; clockTo: number; zoneFrom: number; zoneTo: number }

function resolveDay(text: string, c: DayCandidate, scope: Scope, now: Date, fallbackOffset: number): ParsedDate | null {
  let clock = c.clock ?? null;
  let stated = c.offset ?? null;
  if (!clock && c.takesClock) {
    // A time after the date belongs to it more often than one before ("03:15 م - 20 سبتمبر" is rarer).
    const found = findClock(text, c.end, scope.clockTo) ?? findClock(text, scope.clockFrom, c.start);
    if (found) {
      clock = found.value;
      stated = findTrailingOffset(text, found.end)?.value ?? null;
    }
  }
  if (stated === null && (c.rank !== RANK_RELATIVE || clock)) {
    stated = (findZone(text, c.end, scope.zoneTo) ?? findZone(text, scope.zoneFrom, c.start))?.value ?? null;
  }
  const offset = stated ?? fallbackOffset;
  let { year, month, day } = c;
  if (c.daysBeforeToday !== undefined) ({ year, month, day } = localDay(now, offset, c.daysBeforeToday));
  else if (year === 0) year = inferYear(now, offset, month, day);
  if (!isRealDay(year, month, day)) return null;
  const h = clock?.hour ?? 0;
  if (h > 23 || (clock && (clock.minute > 59 || clock.second > 59))) return null;
  const ms = Date.UTC(year, month - 1, day, h, clock?.minute ?? 0, clock?.second ?? 0) - offset * MS_PER_MINUTE;
  return { iso: new Date(ms).toISOString(), offsetMinutes: stated, hasTime: clock !== null };
}

/**
 * Keep a date's clock and zone search from reaching past a neighbouring Gregorian date:
 * in "نشر: 12 أكتوبر 2023 | تحديث: 13 أكتوبر 2023 10:30" the time belongs to the update.
 */
function fence(scope: Scope, c: DayCandidate, gregorian: Candidate[]): Scope {
  let before = 0;
  let after = Infinity;
  for (const g of gregorian) {
    if (g.start >= c.end) after = Math.min(after, g.start);
    else if (g.end <= c.start) before = Math.max(before, g.end);
  }
  return {
    clockFrom: Math.max(scope.clockFrom, before),
    clockTo: Math.min(scope.clockTo, after),
    zoneFrom: Math.max(scope.zoneFrom, before),
    zoneTo: Math.min(scope.zoneTo, after),
  };
}

function resolve(text: string, within: (c: Candidate) => Scope, opts: DateOptions | undefined): ParsedDate | null {
  try {
    const folded = foldDateText(text);
    const now = opts?.now ?? new Date();
    const fallbackOffset = opts?.defaultOffsetMinutes ?? DEFAULT_OFFSET_MINUTES;
    if (Number.isNaN(now.getTime())) return null;
    const all = [...candidates(folded)].sort((a, b) => a.rank - b.rank || a.start - b.start);
    const gregorian = all.filter((c) => c.rank === RANK_GREGORIAN);
    for (const c of all) {
      if (c.kind === 'instant') {
        return { iso: new Date(now.getTime() - c.msBeforeNow).toISOString(), offsetMinutes: null, hasTime: true };
      }
      const parsed = resolveDay(folded, c, fence(within(c), c, gregorian), now, fallbackOffset);
      if (parsed) return parsed;
    }
    return null;
  } catch {
    // Bylines are untrusted input; a date we cannot read is a missing date, not a failed article.
    return null;
  }
}

// Longer inputs are not bylines; reading only their start keeps the regexes cheap.
const MAX_INPUT_CHARS = 20_000;

/** Parse a string that is (mostly) one date. */
export function parseArabicDate(text: string, opts?: DateOptions): ParsedDate | null {
  if (typeof text !== 'string') return null;
  const t = text.slice(0, MAX_INPUT_CHARS);
  return resolve(t, () => ({ clockFrom: 0, clockTo: t.length, zoneFrom: 0, zoneTo: t.length }), opts);
}

/** Find the first date inside a longer text (a byline, a paragraph). */
export function findArabicDate(text: string, opts?: DateOptions): ParsedDate | null {
  if (typeof text !== 'string') return null;
  const t = text.slice(0, MAX_INPUT_CHARS);
  return resolve(
    t,
    (c) => ({
      clockFrom: Math.max(0, c.start - CLOCK_BEFORE_CHARS),
      clockTo: c.end + CLOCK_AFTER_CHARS,
      zoneFrom: Math.max(0, c.start - CLOCK_BEFORE_CHARS),
      zoneTo: c.end + CLOCK_AFTER_CHARS + ZONE_AFTER_CHARS,
    }),
    opts,
  );
}
