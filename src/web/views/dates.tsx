import { formatArabicDate, formatRelativeArabic } from '../../arabic/dates.ts';

/** "منذ ساعتين", with the full Arabic and Hijri date on hover and the instant for machines. */
export function RelativeTime({ iso, now, timeZone }: { iso: string | null; now: Date; timeZone: string }) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time datetime={date.toISOString()} title={formatArabicDate(date, { timeZone, withTime: true })}>
      {formatRelativeArabic(date, now)}
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
