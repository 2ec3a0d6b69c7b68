// The backend-neutral half of a search: parse what the reader typed, read the cursor and the limit,
// and say what was asked, or why it cannot run. Each backend then compiles the query for its own
// index (compileFts5, compileTsquery) and runs it.
import { analyzeQuery, parseQuery, type AnalyzedQuery, type QueryError, type SearchQuery } from '../search/index.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_RELEVANCE_OFFSET, MAX_SEARCH_LIMIT, type SearchFailure, type SearchRequest, type SearchSort } from './search-types.ts';

/** Where a page starts: an offset into relevance order, or after an article in date order. */
export type SearchPosition =
  | { kind: 'first' }
  | { kind: 'offset'; offset: number }
  | { kind: 'before'; at: string; id: number };

export interface SearchPlan {
  query: SearchQuery;
  analyzed: AnalyzedQuery;
  /** A query without words (filters only) has no relevance: it is always in date order. */
  sort: SearchSort;
  position: SearchPosition;
  limit: number;
  timeZone: string;
  now: Date;
}

export const DEFAULT_SEARCH_ZONE = 'Asia/Riyadh';

/**
 * Relevance order ranks a query's RANK_WINDOW newest matches (originals that pass the filters, by
 * id: the order the crawler stored them, which is the order they were published within a few
 * hours), on both backends. Scoring a match means reading its positions (FTS5) or its whole vector
 * (PostgreSQL), so ranking all 300,000 matches of a common word in a million articles would take a
 * third of a second or more; most queries have fewer matches than the window and are ranked whole,
 * and a broad one is ranked over its latest coverage, which is also what the freshness blend
 * favours. On SaudiNewsNet stored in publication order, all of the bench's 217 first pages are the
 * pages ranking every match gives, and the 95th percentile of a search's CPU time is about half.
 * Facets count the same window and say they are approximate when it leaves results out; the total
 * is always exact. The window holds the deepest page relevance order serves (MAX_RELEVANCE_OFFSET
 * + MAX_SEARCH_LIMIT).
 */
export const RANK_WINDOW = 1_200;

function failure(code: string, ar: string, en: string): SearchFailure {
  return { ok: false, error: { code, ar, en, message: `${ar} — ${en}` } satisfies QueryError };
}

export const badCursor = () =>
  failure('bad_cursor', 'رابط الصفحة غير صالح: ارجع إلى الصفحة الأولى من النتائج.', 'The page cursor is not valid: go back to the first page of results.');

/** The cursor of the page after one that ends at `offset` (relevance) or at an article (date). */
export function encodeCursor(position: SearchPosition): string {
  if (position.kind === 'first') return '';
  return position.kind === 'offset' ? `o${position.offset}` : `d${position.at}~${position.id}`;
}

function decodeCursor(raw: string | null | undefined, sort: SearchSort): SearchPosition | null {
  if (raw === null || raw === undefined || raw === '') return { kind: 'first' };
  if (sort === 'relevance') {
    const m = /^o(\d{1,7})$/.exec(raw);
    if (!m || Number(m[1]) > MAX_RELEVANCE_OFFSET) return null;
    return { kind: 'offset', offset: Number(m[1]) };
  }
  const m = /^d(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~(\d{1,15})$/.exec(raw);
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { kind: 'before', at: m[1]!, id: Number(m[2]) };
}

/** Everything a backend needs to run `req`, or the message to show instead. Never throws. */
export function planSearch(req: SearchRequest): SearchPlan | SearchFailure {
  const now = req.now ?? new Date();
  const parsed = parseQuery(req.q, { now });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const analyzed = analyzeQuery(parsed.query);
  const sort: SearchSort = analyzed.must.length === 0 ? 'date' : req.sort ?? 'relevance';
  const position = decodeCursor(req.cursor, sort);
  if (position === null) return badCursor();
  const limit = Math.min(Math.max(Math.trunc(req.limit ?? DEFAULT_SEARCH_LIMIT), 1), MAX_SEARCH_LIMIT);
  return { query: parsed.query, analyzed, sort, position, limit, timeZone: req.timeZone ?? DEFAULT_SEARCH_ZONE, now };
}

/** Minutes east of UTC in `timeZone` at `at`: the day facet groups by local days. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * Offsets by zone and UTC quarter hour: formatToParts cost more than a narrow query's SQL. Zones
 * change offset only on a quarter hour, so every instant of one has the same offset.
 */
const offsets = new Map<string, number>();
const QUARTER_HOUR_MS = 900_000;

export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const key = `${timeZone} ${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format
    .formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}
