import { Hono, type Context } from 'hono';
import type { SearchSort, Store } from '../../store/store.ts';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { encodeCursor } from '../../store/search-plan.ts';
import { BadRequest } from '../cursor.ts';
import { searchJson } from '../search-json.ts';
import { SearchPage, searchHref } from '../views/search-page.tsx';

export interface SearchRoutesDeps {
  store: Store;
  pageSize: number;
  timeZone: string;
  now: () => Date;
  /** The site's absolute base URL (no trailing slash) for this request. */
  base: (requestUrl: string) => string;
}

/**
 * The deepest page of results the site offers. A page reached without a cursor (a "previous" link) is
 * found by running the search again page by page when sorted by date, so this bounds that work; by
 * relevance the store pages by offset and it is one query.
 */
const SEARCH_MAX_PAGE = 20;

/** ?page=N for search results: 1 to SEARCH_MAX_PAGE, else the reader's error (400). */
function readSearchPage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > SEARCH_MAX_PAGE) {
    throw new BadRequest(`رقم الصفحة غير صالح: النتائج تُعرض حتى الصفحة ${SEARCH_MAX_PAGE}. ضيّق البحث بكلمات أو شروط أدق.`);
  }
  return Number(raw);
}

/** Largest page the API gives; the site always shows pageSize. */
const API_MAX_LIMIT = 100;

class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function readSort(raw: string | undefined): SearchSort | null {
  if (raw === undefined || raw === '' || raw === 'relevance') return 'relevance';
  return raw === 'date' ? 'date' : null;
}

/**
 * The search page, its RSS and Atom feeds, and /api/v1/search. A query the parser cannot run is the
 * reader's to fix: a 200 page with its message (a 400 JSON error on the API, whose clients are
 * programs). Only malformed parameters (sort, cursor, limit) are 400 on the page.
 */
export function searchRoutes({ store, pageSize, timeZone, now, base }: SearchRoutesDeps): Hono {
  const app = new Hono();

  app.get('/search', async (c) => {
    const q = c.req.query('q') ?? '';
    const sort = readSort(c.req.query('sort'));
    if (sort === null) throw new BadRequest('ترتيب غير معروف: استخدم sort=date أو احذفه.');
    const page = readSearchPage(c.req.query('page'));
    let cursor = c.req.query('cursor') || null;
    const pageGiven = c.req.query('page') !== undefined;
    const canonical = `${base(c.req.url)}/search`;
    if (q.trim() === '') return c.html(<SearchPage q="" sort={sort} outcome={null} page={1} canonical={canonical} now={now()} timeZone={timeZone} />);
    const at = now();
    if (cursor === null && page > 1) {
      if (sort === 'relevance') cursor = encodeCursor({ kind: 'offset', offset: (page - 1) * pageSize });
      else {
        for (let p = 1; p < page; p++) {
          const walked = await store.search({ q, sort, cursor, limit: pageSize, timeZone, now: at });
          if (!walked.ok || !walked.next_cursor) return c.notFound();
          cursor = walked.next_cursor;
        }
      }
    }
    const outcome = await store.search({ q, sort, cursor, limit: pageSize, timeZone, now: at });
    if (!outcome.ok && outcome.error.code === 'bad_cursor') throw new BadRequest(outcome.error.ar);
    // An old link with a cursor and no page number: its depth is unknown.
    const shownPage = pageGiven || cursor === null ? page : null;
    return c.html(<SearchPage q={q} sort={sort} outcome={outcome} page={shownPage} canonical={canonical} now={at} timeZone={timeZone} maxPage={SEARCH_MAX_PAGE} />);
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/search/${format}`, async (c) => {
      const q = c.req.query('q') ?? '';
      // Feed readers want the newest first, whatever the page's order.
      const outcome = await store.search({ q, sort: 'date', limit: pageSize, timeZone, now: now() });
      if (!outcome.ok) return c.text(outcome.error.message, 400);
      const root = base(c.req.url);
      const channel = {
        title: `بحث: ${q} | مرصد`,
        link: `${root}${searchHref(q)}`,
        self: `${root}${searchHref(q, {}, `/search/${format}`)}`,
        description: `آخر الأخبار التي يجدها البحث عن «${q}» في المواقع الإخبارية العربية`,
        updated: now().toISOString(),
      };
      return feedResponse(c, format, channel, outcome.items.map((i) => i.article), root);
    });
  }

  app.get('/api/v1/search', async (c) => {
    try {
      const sort = readSort(c.req.query('sort'));
      if (sort === null) throw new ApiError('bad_sort', 'sort must be "relevance" or "date".');
      const rawLimit = c.req.query('limit');
      let limit = pageSize;
      if (rawLimit !== undefined) {
        if (!/^\d{1,3}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > API_MAX_LIMIT) {
          throw new ApiError('bad_limit', `limit must be a whole number from 1 to ${API_MAX_LIMIT}.`);
        }
        limit = Number(rawLimit);
      }
      const outcome = await store.search({ q: c.req.query('q') ?? '', sort, cursor: c.req.query('cursor') || null, limit, timeZone, now: now() });
      if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message);
      return c.json(searchJson(outcome));
    } catch (err) {
      if (err instanceof ApiError) return apiError(c, err);
      throw err;
    }
  });

  return app;
}

function apiError(c: Context, err: ApiError): Response {
  return c.json({ error: { code: err.code, message: err.message } }, 400);
}
