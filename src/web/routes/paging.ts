// Numbered pages over the store's cursor lists. A page is addressed as ?page=N; the "next" link also
// carries the cursor of the page it leaves (?page=N&before=…), so walking forward costs one query per
// page and stays stable while news arrives. A page reached without a cursor (a "previous" link, a
// typed URL) is found by walking from the top, one page-size query at a time: MAX_PAGE bounds that.
import { BadRequest } from '../cursor.ts';

/**
 * The deepest page a list offers. Past it, readers search or use the tag and source pages; crawlers
 * have the sitemap. 100 pages of 30 is 3,000 articles back.
 */
export const MAX_PAGE = 100;

/** ?page=N: absent is 1; anything but a whole number from 1 to MAX_PAGE is the reader's error. */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new BadRequest(`رقم الصفحة غير صالح: استخدم رقماً صحيحاً من 1 إلى ${MAX_PAGE}، أو ارجع إلى الصفحة الأولى.`);
  }
  return Number(raw);
}

export interface PageOf<T> {
  items: T[];
  /** 1-based; null when a cursor came without a page number (an old link): depth unknown. */
  page: number | null;
  /** The cursor of the last item when a further page may exist. */
  next: string | null;
}

export interface PageQuery<T, C> {
  page: number;
  /** The parsed ?before= cursor, when the link carried one. */
  before: C | null;
  /** Whether ?page= was given: a cursor without it is an old-style link of unknown depth. */
  pageGiven: boolean;
  limit: number;
  fetch: (before: C | null, limit: number) => Promise<T[]>;
  /** The cursor that continues after an item, as the store wants it and as the URL writes it. */
  cursorOf: (item: T) => { cursor: C; text: string };
}

/** One page of a newest-first list. Only page-size queries are made, at most `page` of them. */
export async function loadPage<T, C>(q: PageQuery<T, C>): Promise<PageOf<T>> {
  let before = q.before;
  if (before === null) {
    for (let p = 1; p < q.page; p++) {
      const chunk = await q.fetch(before, q.limit);
      const last = chunk[chunk.length - 1];
      if (chunk.length < q.limit || !last) return { items: [], page: q.page, next: null };
      before = q.cursorOf(last).cursor;
    }
  }
  const items = await q.fetch(before, q.limit);
  const last = items[items.length - 1];
  const full = items.length === q.limit && last !== undefined;
  const page = q.pageGiven || q.before === null ? q.page : null;
  return { items, page, next: full && (page === null || page < MAX_PAGE) ? q.cursorOf(last).text : null };
}

/** Hrefs for the pager and <link rel=prev|next>: `href(params)` builds the list's URL. */
export function pageLinks(
  result: Pick<PageOf<unknown>, 'page' | 'next'>,
  href: (params: Record<string, string>) => string,
): { prev: string | null; next: string | null; first: string | null } {
  const { page, next } = result;
  const prev = page === null ? null : page === 2 ? href({}) : page > 2 ? href({ page: String(page - 1) }) : null;
  const first = page === null ? href({}) : null;
  const nextHref = next === null ? null : href({ page: String((page ?? 1) + 1), before: next });
  return { prev, next: nextHref, first };
}

/** "/path" or "/path?a=b" with the given parameters, in a stable order. */
export function withParams(path: string, params: Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return qs ? `${path}?${qs}` : path;
}
