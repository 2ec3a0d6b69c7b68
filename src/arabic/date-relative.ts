// Relative dates: "منذ ساعتين", "قبل 5 دقائق", "أمس", "اليوم 10:30 ص". Matched on folded text;
// dates.ts turns them into instants against opts.now.
import { NO_LETTER_AFTER as L_AFTER, NO_LETTER_BEFORE as L_BEFORE, RELATIVE_UNITS, alternation, type RelativeUnit } from './date-tables.ts';

/** An instant some time before now, or a whole day some days before today. */
export type RelativeMatch = { start: number; end: number } & (
  | { msBeforeNow: number }
  | { daysBeforeToday: number; takesClock: boolean }
);

const MS_PER_DAY = 86_400_000;
const UNIT_MS: Record<RelativeUnit, number> = {
  second: 1000, minute: 60_000, hour: 3_600_000, day: MS_PER_DAY,
  week: 7 * MS_PER_DAY, month: 30 * MS_PER_DAY, year: 365 * MS_PER_DAY,
};
// A plural unit with no number ("منذ ساعات") is vague; "a few" is read as three.
const VAGUE_PLURAL_COUNT = 3;

const UNIT_ALT = alternation(RELATIVE_UNITS.keys());
// "منذ ساعتين", "منذ 3 ساعات", "قبل 5 دقائق", "منذ حوالي ساعة و20 دقيقة".
const AGO_RE = new RegExp(
  String.raw`${L_BEFORE}(?:منذ|قبل)\s+(?:(?:حوالي|نحو|قرابه)\s+)?(?:(\d{1,3})\s*)?(${UNIT_ALT})${L_AFTER}` +
    String.raw`(?:\s+و\s*(?:(\d{1,3})\s*)?(${UNIT_ALT})${L_AFTER})?`,
  'gu',
);
// "منذ ساعات قليلة" is a vague "a few hours ago"; "منذ ساعات الصباح" is "since the morning hours".
const VAGUE_FOLLOWER_RE = /^\s*(?!قليله)\p{L}/u;
// "منذ قليل", "منذ لحظات": published just now.
const JUST_NOW_RE = new RegExp(String.raw`${L_BEFORE}(?:منذ|قبل)\s+(?:قليل|لحظات|لحظه)${L_AFTER}`, 'gu');
// "أول أمس" is two days back; "أمس", "بالأمس", "الأمس" one.
const YESTERDAY_RE = new RegExp(String.raw`${L_BEFORE}(?:(اول\s+(?:من\s+)?امس)|(?:بال|ال|و)?امس)${L_AFTER}`, 'gu');
// "اليوم" names Al-Masry Al-Youm and Youm7, so it counts only beside a time ("اليوم 10:30 ص") or alone.
const TODAY_RE = new RegExp(String.raw`${L_BEFORE}اليوم${L_AFTER}(?=[\s,،\-|:]*(?:الساعه\s*)?\d{1,2}:\d{2})`, 'gu');
const TODAY_ALONE_RE = /^[\s\p{P}]*اليوم[\s\p{P}]*$/u;

function span(m: RegExpMatchArray): { start: number; end: number } {
  const start = m.index ?? 0;
  return { start, end: start + m[0].length };
}

function ago(m: RegExpMatchArray, text: string): RelativeMatch | null {
  const vague = m[1] === undefined && RELATIVE_UNITS.get(m[2] ?? '')?.count === null;
  if (vague && m[4] === undefined && VAGUE_FOLLOWER_RE.test(text.slice((m.index ?? 0) + m[0].length))) return null;
  let ms = 0;
  let coarsest: RelativeUnit = 'second';
  for (const [num, word] of [[m[1], m[2]], [m[3], m[4]]]) {
    const unit = word === undefined ? undefined : RELATIVE_UNITS.get(word);
    if (!unit) continue;
    ms += (num !== undefined ? Number(num) : unit.count ?? VAGUE_PLURAL_COUNT) * UNIT_MS[unit.unit];
    if (UNIT_MS[unit.unit] > UNIT_MS[coarsest]) coarsest = unit.unit;
  }
  // Hours and minutes are instants; "منذ يومين" only names a day, so it becomes that day's midnight.
  if (UNIT_MS[coarsest] < MS_PER_DAY) return { ...span(m), msBeforeNow: ms };
  return { ...span(m), daysBeforeToday: Math.round(ms / MS_PER_DAY), takesClock: false };
}

/** Every relative date in folded text, in no particular order. */
export function* findRelative(text: string): Generator<RelativeMatch> {
  for (const m of text.matchAll(AGO_RE)) {
    const r = ago(m, text);
    if (r) yield r;
  }
  for (const m of text.matchAll(JUST_NOW_RE)) yield { ...span(m), msBeforeNow: 0 };
  for (const m of text.matchAll(YESTERDAY_RE)) yield { ...span(m), daysBeforeToday: m[1] ? 2 : 1, takesClock: true };
  for (const m of text.matchAll(TODAY_RE)) yield { ...span(m), daysBeforeToday: 0, takesClock: true };
  const alone = TODAY_ALONE_RE.exec(text);
  if (alone) yield { ...span(alone), daysBeforeToday: 0, takesClock: true };
}
