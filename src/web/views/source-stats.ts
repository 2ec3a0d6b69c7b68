// A source's publishing rate for its page, from its latest articles. Pure: the route reads the
// articles, this counts them per local day.
import type { ArticleHeadline } from '../../model/index.ts';

/** Days shown in the per-day table on a source page. */
export const RATE_DAYS = 7;
/** Articles read to count them: enough for a busy outlet's week (70 a day). */
export const RATE_SAMPLE = 500;

export interface DayCount {
  /** YYYY-MM-DD in the site's zone. */
  day: string;
  count: number;
}

export interface PublishingRate {
  /** The last RATE_DAYS local days, newest first, today included. */
  days: DayCount[];
  /** Mean articles a day over those days. */
  perDay: number;
  /** True when the sample ran out before the oldest day: the counts are lower bounds. */
  truncated: boolean;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function localDay(date: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(date);
}

/** Articles per local day over the last RATE_DAYS days; `articles` newest first, at most RATE_SAMPLE. */
export function publishingRate(articles: readonly Pick<ArticleHeadline, 'published_at' | 'fetched_at'>[], now: Date, timeZone: string, sampleLimit = RATE_SAMPLE): PublishingRate {
  const days: DayCount[] = [];
  for (let i = 0; i < RATE_DAYS; i++) days.push({ day: localDay(new Date(now.getTime() - i * 86_400_000), timeZone), count: 0 });
  const index = new Map(days.map((d, i) => [d.day, i]));
  for (const a of articles) {
    const i = index.get(localDay(new Date(a.published_at ?? a.fetched_at), timeZone));
    if (i !== undefined) days[i]!.count++;
  }
  const total = days.reduce((n, d) => n + d.count, 0);
  const oldest = articles[articles.length - 1];
  const truncated = articles.length >= sampleLimit && oldest !== undefined &&
    localDay(new Date(oldest.published_at ?? oldest.fetched_at), timeZone) >= days[days.length - 1]!.day;
  return { days, perDay: Math.round((total / RATE_DAYS) * 10) / 10, truncated };
}
