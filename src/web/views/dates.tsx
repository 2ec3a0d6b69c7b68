import { formatArabicDate, formatRelativeArabic } from '../../arabic/dates.ts';

/** Past this, formatRelativeArabic prints a date; we print it in the site's zone instead of its default. */
const RELATIVE_LIMIT_MS = 30 * 86_400_000;
/** A clock this far ahead of ours gets a date, not "الآن". */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * "منذ ساعتين" for the reader, the instant for machines (datetime), and the full Arabic date with
 * its Hijri day on hover (title), all rendered on the server against the request's `now`.
 */
export function RelativeTime({ iso, now, timeZone }: { iso: string | null; now: Date; timeZone: string }) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const age = now.getTime() - date.getTime();
  // Old dates read as dates; future ones (a source's next poll) with their time of day.
  const text = age >= RELATIVE_LIMIT_MS
    ? formatArabicDate(date, { timeZone, withHijri: false })
    : age < -FUTURE_SLACK_MS ? formatArabicDate(date, { timeZone, withHijri: false, withTime: true }) : formatRelativeArabic(date, now);
  return (
    <time class="rel" datetime={date.toISOString()} title={formatArabicDate(date, { timeZone, withTime: true, withHijri: true })}>
      {text}
    </time>
  );
}

/** "الأربعاء 20 سبتمبر 2023، 3:15 م · 5 ربيع الأول 1445 هـ". */
export function FullDate({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return <time datetime={date.toISOString()}>{formatArabicDate(date, { timeZone, withTime: true, withHijri: true })}</time>;
}
