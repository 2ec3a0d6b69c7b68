/**
 * Dates the way each outlet prints them. Articles carry ISO 8601 with the outlet's own offset, so the
 * wall-clock time a page shows is read straight from the string; only Baghdad time is converted, since
 * that outlet names its zone and must be right whatever offset the data was written with.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** The wall time an ISO string names, in the offset it was written with. */
export function wallTime(iso: string): WallTime {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`demo article date is not ISO 8601 with an offset: ${iso}`);
  const zone = m[7]!;
  let offset = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    offset,
  };
}

/** The same instant as wall time in another offset (minutes east of UTC). */
export function wallTimeAt(iso: string, offset: number): WallTime {
  const d = new Date(Date.parse(iso) + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    offset,
  };
}

/** 0 = Sunday, from the calendar date alone (the wall date, not the UTC one). */
export function weekday(t: WallTime): number {
  return new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay();
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatOffset(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad2(Math.floor(abs / 60))}${colon ? ':' : ''}${pad2(abs % 60)}`;
}

/** ISO 8601 with the wall time's own offset, seconds included ("2026-11-24T09:30:00+02:00"). */
export function isoWithOffset(t: WallTime): string {
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}${formatOffset(t.offset, true)}`;
}

const RFC822_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS 2.0 pubDate (RFC 822 as amended by RFC 1123), keeping the outlet's numeric offset. */
export function rfc822(iso: string): string {
  const t = wallTime(iso);
  return `${RFC822_DAYS[weekday(t)]}, ${pad2(t.day)} ${RFC822_MONTHS[t.month - 1]} ${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${formatOffset(t.offset, false)}`;
}

/** HTTP-date (RFC 9110 §5.6.7), always GMT. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

export const WEEKDAYS_AR = ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** Egypt and the Gulf name months after the Latin ones. */
export const MONTHS_EGYPT = [
  'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو',
  'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
];

/** The Levant and Iraq use the Syriac month names. */
export const MONTHS_LEVANT = [
  'كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران',
  'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول',
];

/** Morocco writes the French month names as spoken there (ماي، يوليوز، غشت، نونبر…). */
export const MONTHS_MOROCCO = [
  'يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو',
  'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر',
];

const INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** ASCII digits to Arabic-Indic ones (U+0660–U+0669), as Levantine sites print them. */
export function toIndicDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => INDIC_DIGITS[Number(d)]!);
}
