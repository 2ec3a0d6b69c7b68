// The parts of a query that are not text: which outlets, which tags, which days. The store turns
// them into SQL with bound parameters (never string-built), the same way on both backends.
import type { Day, FilterName, SearchQuery } from './query-types.ts';

export interface SearchFilters {
  /** Any of these outlets, compared by `norm` with `normalizeArabic(source name)`. Empty: any outlet. */
  sources: FilterName[];
  notSources: FilterName[];
  /** Every one of these tags, compared by `norm` with the tag's normalized name. */
  tags: FilterName[];
  notTags: FilterName[];
  /** Published at or after this instant (ISO 8601, UTC), or null. */
  publishedFrom: string | null;
  /** Published strictly before this instant (ISO 8601, UTC), or null. */
  publishedBefore: string | null;
}

const MS_PER_MINUTE = 60_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `timeZone` at the instant `ms` ("GMT+03:00" → 180). */
function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0; // "GMT" alone is UTC
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant local midnight begins `day` in `timeZone`, ISO 8601 in UTC. */
function startOfDay(day: Day, timeZone: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The offset at UTC midnight, then again at the local midnight it gives: right across DST changes.
  let start = utcMidnight - zoneOffsetMinutes(timeZone, utcMidnight) * MS_PER_MINUTE;
  start = utcMidnight - zoneOffsetMinutes(timeZone, start) * MS_PER_MINUTE;
  return new Date(start).toISOString();
}

function nextDay(day: Day): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The filters of `q` for the store. Days become instants in the site's time zone (the
 * `timeZone` setting, an IANA name such as Asia/Riyadh): readers mean their own calendar day, and
 * `to:` includes the whole of its last day. An unknown zone name throws (a configuration error).
 */
export function searchFilters(q: SearchQuery, timeZone: string): SearchFilters {
  const f = q.filters;
  return {
    sources: f.sources,
    notSources: f.notSources,
    tags: f.tags,
    notTags: f.notTags,
    publishedFrom: f.from === null ? null : startOfDay(f.from, timeZone),
    publishedBefore: f.to === null ? null : startOfDay(nextDay(f.to), timeZone),
  };
}
