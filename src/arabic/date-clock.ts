// Times of day and time zones as bylines print them, searched for near a date the parser found.
// Every function here works on text already folded by foldDateText().
import { ABBREVIATED_ZONES, DAY_PERIODS, ZONES, alternation, type DayPeriod } from './date-tables.ts';

export interface Clock { hour: number; minute: number; second: number }
export interface Found<T> { value: T; start: number; end: number }

const PERIOD_ALT = alternation(DAY_PERIODS.keys());
// "03:15 م", "3:15م", "15:30", "10:30:05 ص", "09:41 صباحا". A colon is required: bare numbers in a
// byline are more often days or counts than hours.
const CLOCK_RE = new RegExp(
  String.raw`(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])(?:\s*(${PERIOD_ALT})(?![\p{L}]))?`,
  'gu',
);
// "+03:00", "+0300", "Z" straight after a clock (ISO 8601, RFC 822). The sign must touch the
// digits so "03:15 - 20 سبتمبر" is not read as an offset.
const TRAILING_OFFSET_RE = /^\s?(?:(z)(?![\p{L}])|([+-])(\d{2}):?(\d{2})(?!\d))/u;
const GMT_WORDS = String.raw`gmt|utc|غرينتش|غرينيتش|جرينتش|جرينيتش`;
// "GMT+3", "UTC +2", "GMT+03:00", "غرينتش +3".
const GMT_OFFSET_RE = new RegExp(String.raw`(?<![\p{L}])(?:${GMT_WORDS})\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)`, 'gu');
// "بتوقيت القاهرة", "حسب توقيت مكة المكرمة", "توقيت غرينتش", "GST", and Al Jazeera's "(ت.غ)" for GMT.
const NAMED_ZONE_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:ب?توقيت\s+(${alternation(ZONES.keys())})|(${alternation(ABBREVIATED_ZONES.keys())})|(?:${GMT_WORDS})|ت\s?\.\s?غ)(?![\p{L}])`,
  'gu',
);

/** The hour on a 24-hour clock, or null when the hour cannot go with the period. */
function toHour24(hour: number, period: DayPeriod | undefined): number | null {
  if (period === undefined || hour > 12) return hour <= 23 ? hour : null;
  if (hour === 0) return 0;
  switch (period) {
    case 'am': return hour === 12 ? 0 : hour;
    case 'pm': return hour === 12 ? 12 : hour + 12;
    // "12 ظهرا" is noon, "2 ظهرا" is 14:00, "11 ظهرا" is late morning.
    case 'noon': return hour >= 11 ? hour : hour + 12;
    // "11 ليلا" is 23:00, "2 ليلا" is 02:00.
    case 'night': return hour === 12 ? 0 : hour >= 6 ? hour + 12 : hour;
  }
}

/** The first valid clock time in text[from, to). */
export function findClock(text: string, from: number, to: number): Found<Clock> | null {
  const region = text.slice(from, to);
  for (const m of region.matchAll(CLOCK_RE)) {
    const period = m[4] === undefined ? undefined : DAY_PERIODS.get(m[4]);
    const hour = toHour24(Number(m[1]), period);
    const minute = Number(m[2]);
    const second = m[3] === undefined ? 0 : Number(m[3]);
    if (hour === null || minute > 59 || second > 59) continue;
    const start = from + (m.index ?? 0);
    return { value: { hour, minute, second }, start, end: start + m[0].length };
  }
  return null;
}

function offsetMinutes(sign: string, hours: string, minutes: string | undefined): number | null {
  const h = Number(hours);
  const mi = minutes === undefined ? 0 : Number(minutes);
  if (h > 14 || mi > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + mi);
}

/** An offset written straight after a clock time ("15:30:00+03:00", "12:15:00 +0300"). */
export function findTrailingOffset(text: string, clockEnd: number): Found<number> | null {
  const m = TRAILING_OFFSET_RE.exec(text.slice(clockEnd));
  if (!m) return null;
  const value = m[1] ? 0 : offsetMinutes(m[2] ?? '+', m[3] ?? '', m[4]);
  return value === null ? null : { value, start: clockEnd, end: clockEnd + m[0].length };
}

/** The first stated zone in text[from, to): "GMT+3" style offsets, named cities, or GMT. */
export function findZone(text: string, from: number, to: number): Found<number> | null {
  const region = text.slice(from, to);
  let withOffset: Found<number> | null = null;
  for (const m of region.matchAll(GMT_OFFSET_RE)) {
    const value = offsetMinutes(m[1] ?? '+', m[2] ?? '', m[3]);
    if (value === null) continue;
    const start = from + (m.index ?? 0);
    withOffset = { value, start, end: start + m[0].length };
    break;
  }
  for (const m of region.matchAll(NAMED_ZONE_RE)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    // "GMT" in "GMT+3" and "توقيت غرينتش" in "بتوقيت غرينتش +3" were read, with the offset, above.
    if (withOffset && start < withOffset.end && withOffset.start < end) continue;
    if (withOffset && withOffset.start < start) return withOffset;
    const value = m[1] !== undefined ? ZONES.get(m[1]) ?? 0 : m[2] !== undefined ? ABBREVIATED_ZONES.get(m[2]) ?? 0 : 0;
    return { value, start, end };
  }
  return withOffset;
}
