/**
 * Feed dates into ISO 8601 UTC strings. Feeds are supposed to use RFC 822 (RSS) or RFC 3339 (Atom,
 * JSON Feed); in practice they drop the weekday, use two-digit years, name zones (EST, GMT, UT,
 * military letters), write ISO 8601 in <pubDate>, localize month names (Arabic and French CMSs do),
 * print Arabic-Indic digits, or leave out the zone. Anything we can't read confidently is undefined;
 * we never guess from the machine's local time zone (so no `Date.parse` fallback).
 */

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:t|\s+)(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Month names, lower case: English, then Arabic (Egyptian/Gulf, Levantine/Iraqi, Maghrebi), then French. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['jan', 'january', 'يناير', 'كانون الثاني', 'جانفي', 'janvier', 'janv'],
  ['feb', 'february', 'فبراير', 'شباط', 'فيفري', 'février', 'fevrier', 'févr'],
  ['mar', 'march', 'مارس', 'آذار', 'mars'],
  ['apr', 'april', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل', 'avril', 'avr'],
  ['may', 'مايو', 'أيار', 'ماي', 'mai'],
  ['jun', 'june', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'juin'],
  ['jul', 'july', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'juillet', 'juil'],
  ['aug', 'august', 'أغسطس', 'اغسطس', 'آب', 'أوت', 'اوت', 'août', 'aout'],
  ['sep', 'sept', 'september', 'سبتمبر', 'أيلول', 'septembre'],
  ['oct', 'october', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'octobre'],
  ['nov', 'november', 'نوفمبر', 'تشرين الثاني', 'novembre'],
  ['dec', 'december', 'ديسمبر', 'كانون الأول', 'décembre', 'decembre', 'déc'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
/** Two-word Arabic month names, joined before tokenizing so "كانون الثاني" stays one token. */
const TWO_WORD_MONTHS = Object.keys(MONTHS).filter((n) => n.includes(' '));

/**
 * Named zones in hours east of UTC. US zones follow RFC 822. AST is read as Arabia Standard Time
 * (+3), not Atlantic: the outlets we follow are in the Gulf. Military letters use RFC 822's own
 * signs, as feed readers always have (RFC 2822 calls them unreliable).
 */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 1, cet: 1, cest: 2, eet: 2, eest: 3, msk: 3,
  ast: 3, adt: -3, at: -4, est: -5, edt: -4, et: -5, cst: -6, cdt: -5, ct: -6,
  mst: -7, mdt: -6, mt: -7, pst: -8, pdt: -7, pt: -8,
};
'abcdefghi'.split('').forEach((c, i) => (ZONES[c] = -(i + 1)));
'klm'.split('').forEach((c, i) => (ZONES[c] = -(i + 10)));
'nopqrstuvwxy'.split('').forEach((c, i) => (ZONES[c] = i + 1));

const WEEKDAYS = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\.?$|^(الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)$/;

function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  ms: number; offsetMinutes: number;
}

function build(p: Parts): string | undefined {
  const { year, month, day, hour, minute } = p;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month) || hour > 24 || minute > 59 || p.second > 60) return undefined;
  const second = Math.min(p.second, 59); // a leap second is as close as we can get
  const t = Date.UTC(year, month - 1, day, hour, minute, second, p.ms) - p.offsetMinutes * 60_000;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** "+03:00", "-0500", "+3" → minutes east of UTC. */
function numericOffset(sign: string, hours: string, minutes = '0'): number {
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

function parseIso(s: string): string | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (!mo && s.length !== 4) return undefined; // a bare number is only a year when it has 4 digits
  let offsetMinutes = 0;
  const z = zone && /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (z) offsetMinutes = numericOffset(z[1]!, z[2]!, z[3]);
  return build({
    year: Number(y), month: Number(mo ?? 1), day: Number(d ?? 1), hour: Number(h ?? 0),
    minute: Number(mi ?? 0), second: Number(sec ?? 0), ms: Number(((frac ?? '') + '000').slice(0, 3)),
    offsetMinutes,
  });
}

/** Zone after the time: "+0300", "+03:00", "GMT+3", "EST", "Z"; undefined when absent (UTC assumed). */
function parseZone(rest: string): number | undefined {
  const m = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?\b/.exec(rest);
  if (m) return numericOffset(m[1]!, m[2]!, m[3]);
  const named = /^([a-z]{1,5})\b/.exec(rest);
  const hours = named ? ZONES[named[1]!] : undefined;
  return hours === undefined ? undefined : hours * 60;
}

function parseRfc822(input: string): string | undefined {
  let s = input.toLowerCase().replace(/[,،]/g, ' ');
  for (const name of TWO_WORD_MONTHS) s = s.replace(name, name.replace(' ', '_'));
  const time = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(am|pm|a\.m\.|p\.m\.|ص|م)?/.exec(s);
  const datePart = time ? s.slice(0, time.index) : s;
  const after = time ? s.slice(time.index + time[0].length).trim() : '';

  let year: number | undefined;
  let month: number | undefined;
  const numbers: string[] = [];
  for (const token of [...datePart.split(/[\s/.-]+/), ...after.split(/\s+/).filter((t) => /^\d{4}$/.test(t))]) {
    if (!token || WEEKDAYS.test(token)) continue;
    const name = MONTHS[token.replace(/_/g, ' ').replace(/\.$/, '')];
    if (name) month = name; // the last month name wins: "mar. 31 mai" is French Tuesday, May
    else if (/^\d{4}$/.test(token) && year === undefined) year = Number(token);
    else if (/^\d{1,3}$/.test(token)) numbers.push(token);
  }
  let day: number | undefined;
  if (month !== undefined) {
    day = numbers[0] === undefined ? undefined : Number(numbers[0]);
    if (year === undefined && numbers[1] !== undefined) {
      const y = Number(numbers[1]);
      year = numbers[1].length === 3 ? 1900 + y : y < 50 ? 2000 + y : 1900 + y; // RFC 2822 §4.3
    }
  } else if (year !== undefined && numbers.length === 2 && datePart.trim().startsWith(String(year))) {
    [month, day] = numbers.map(Number); // 2004/01/31
  } else if (year !== undefined && numbers.length === 2) {
    [day, month] = numbers.map(Number); // 31/01/2004: day first, as the Arab world writes it
  }
  if (year === undefined || month === undefined || day === undefined) return undefined;

  let hour = time ? Number(time[1]) : 0;
  const meridiem = time?.[5];
  if (meridiem && /^(pm|p\.m\.|م)$/.test(meridiem) && hour < 12) hour += 12;
  if (meridiem && /^(am|a\.m\.|ص)$/.test(meridiem) && hour === 12) hour = 0;
  const offset = parseZone(after);
  // An unknown zone name: the wall time is known but not the instant. Refuse rather than guess.
  if (offset === undefined && /^[a-z]/.test(after)) return undefined;
  return build({
    year, month, day, hour, minute: time ? Number(time[2]) : 0, second: time?.[3] ? Number(time[3]) : 0,
    ms: Number(((time?.[4] ?? '') + '000').slice(0, 3)), offsetMinutes: offset ?? 0,
  });
}

/** Parse a feed date into an ISO 8601 UTC string, or undefined when it can't be read. Never throws. */
export function parseFeedDate(input: string | null | undefined): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = toAsciiDigits(input).trim();
  if (!s || s.length > 100) return undefined;
  try {
    return parseIso(s) ?? parseRfc822(s);
  } catch {
    return undefined;
  }
}
