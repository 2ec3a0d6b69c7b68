import type { QueryError } from '../../search/index.ts';
import type { SearchResults, SearchSort, SnippetSegment } from '../../store/store.ts';
import { RelativeTime } from './dates.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import { articleCount } from './tags.tsx';

export interface SearchPageData {
  q: string;
  sort: SearchSort;
  /** Null before the reader has searched (no q). */
  outcome: SearchResults | { ok: false; error: QueryError } | null;
  /** 1-based; null for an old link with a cursor and no page number. */
  page: number | null;
  /** Absolute URL of /search (results pages are noindex; the empty page is the one to index). */
  canonical: string;
  /** The deepest page offered. */
  maxPage?: number;
  now: Date;
  timeZone: string;
}

/** /search?…: the same query with one thing changed (a filter added, another order, a page). */
export function searchHref(q: string, more: { sort?: SearchSort; cursor?: string | null; page?: number } = {}, base = '/search'): string {
  const params = new URLSearchParams({ q });
  if (more.sort && more.sort !== 'relevance') params.set('sort', more.sort);
  if (more.page && more.page > 1) params.set('page', String(more.page));
  if (more.cursor) params.set('cursor', more.cursor);
  return `${base}?${params}`;
}

/** A filter as the query language writes it; names with spaces go in quotes. */
function filter(key: string, value: string): string {
  return /[\s"]/.test(value) ? `${key}:"${value.replaceAll('"', '')}"` : `${key}:${value}`;
}

/** "نسخة واحدة", "نسختان", "3 نسخ", "11 نسخة": syndicated copies folded under a result. */
export function copiesLabel(n: number): string {
  if (n === 1) return 'نسخة واحدة';
  if (n === 2) return 'نسختان';
  const lastTwo = n % 100;
  return lastTwo >= 3 && lastTwo <= 10 ? `${n} نسخ` : `${n} نسخة`;
}

/** Segments as text with the query's words in <mark>; JSX escapes every piece. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return <p class="snippet">{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</p>;
}

// The day facet's days are already local calendar days: format them as such, in UTC.
const DAY_FORMAT = new Intl.DateTimeFormat('ar-EG-u-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function dayLabel(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T12:00:00Z`));
}

function Facets({ q, results }: { q: string; results: SearchResults }) {
  const { sources, days, approximate } = results.facets;
  if (sources.length === 0 && days.length === 0) return null;
  return (
    <aside class="facets" aria-label="تضييق النتائج">
      {approximate ? <p class="notice">أعداد تقريبية، محسوبة على أحدث النتائج.</p> : null}
      {sources.length > 0 ? (
        <section>
          <h2>حسب المصدر</h2>
          <ul>
            {sources.map((s) => (
              <li>
                {s.name ? <a href={searchHref(`${q} ${filter('source', s.name)}`)}>{s.name}</a> : <span>مصدر غير معروف</span>} <span class="count">{s.count}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {days.length > 0 ? (
        <section>
          <h2>حسب اليوم</h2>
          <ul>
            {days.map((d) => (
              <li>
                <a href={searchHref(`${q} from:${d.day} to:${d.day}`)}>{dayLabel(d.day)}</a> <span class="count">{d.count}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

/** Previous and next result pages; the next link carries the store's cursor, so it is one query. */
export function searchPages(q: string, sort: SearchSort, page: number | null, nextCursor: string | null, maxPage: number) {
  const prev = page !== null && page > 1 ? searchHref(q, { sort, page: page - 1 }) : null;
  const next = nextCursor && (page ?? 1) < maxPage ? searchHref(q, { sort, page: (page ?? 1) + 1, cursor: nextCursor }) : null;
  return { prev, next, first: page === null ? searchHref(q, { sort }) : null };
}

function Results({ q, sort, results, page, maxPage, now, timeZone }: { q: string; sort: SearchSort; results: SearchResults; page: number | null; maxPage: number; now: Date; timeZone: string }) {
  const links = searchPages(q, sort, page, results.next_cursor, maxPage);
  const other: SearchSort = sort === 'relevance' ? 'date' : 'relevance';
  return (
    <div class="search-results">
      <p class="meta">
        <span>{articleCount(results.total)}</span>
        {results.sort === sort ? (
          <span>
            الترتيب: {sort === 'relevance' ? 'الأقرب إلى البحث' : 'الأحدث أولاً'} — <a href={searchHref(q, { sort: other })}>{other === 'relevance' ? 'رتّب حسب الصلة' : 'رتّب حسب التاريخ'}</a>
          </span>
        ) : null}
      </p>
      {results.notices.map((n) => <p class="notice">{n.ar}</p>)}
      {results.items.length === 0 ? (
        <p class="empty">لا نتائج لهذا البحث. جرّب كلمات أقل أو أعم، أو احذف بعض الشروط.</p>
      ) : (
        <ol class="articles">
          {results.items.map(({ article: a, copies, snippet }) => (
            <li>
              <h3><a href={`/article/${a.id}`}>{a.title}</a></h3>
              <Snippet segments={snippet} />
              <div class="meta">
                {a.source_id ? <a href={`/source/${a.source_id}`}>{a.source_name}</a> : <span>{a.source_name ?? 'مصدر غير معروف'}</span>}
                <RelativeTime iso={a.published_at ?? a.fetched_at} now={now} timeZone={timeZone} />
                {copies > 0 ? <span class="copies">و{copiesLabel(copies)} في مواقع أخرى</span> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} {...links} newer="النتائج السابقة" older="نتائج أخرى" />
    </div>
  );
}

/** The search page: the form with the query, then results and facets, or what to change. */
export function SearchPage({ q, sort, outcome, page, canonical, maxPage = 20, now, timeZone }: SearchPageData) {
  const title = q ? `بحث: ${q}` : 'البحث';
  const links = outcome?.ok ? searchPages(q, sort, page, outcome.next_cursor, maxPage) : null;
  const feeds = outcome?.ok
    ? [
      { title: `${title} (RSS)`, href: searchHref(q, {}, '/search/rss'), type: 'application/rss+xml' as const },
      { title: `${title} (Atom)`, href: searchHref(q, {}, '/search/atom'), type: 'application/atom+xml' as const },
    ]
    : [];
  return (
    <Layout title={title} description="ابحث في الأخبار العربية بكل صيغ الكلمة" canonical={canonical} feeds={feeds} robots={q ? 'noindex' : undefined} pager={links ?? undefined}>
      <h1 class="page-title">البحث في الأخبار</h1>
      <form class="search-form" action="/search" method="get" role="search">
        <label for="search-q">كلمات البحث</label>
        <input id="search-q" type="search" name="q" value={q} maxlength={500} dir="auto" />
        {sort === 'date' ? <input type="hidden" name="sort" value="date" /> : null}
        <button type="submit">ابحث</button>
      </form>
      {outcome === null ? (
        <div class="search-help">
          <p>اكتب كلمة أو أكثر: نجد الكلمة بكل صيغها (مفاوضات، والمفاوضات، بالمفاوضات) مهما كان رسم الهمزة أو التشكيل.</p>
          <ul>
            <li>"وقف إطلاق النار" لعبارة بترتيب كلماتها</li>
            <li>-كلمة لاستبعادها، وOR أو «أو» لأيٍّ من كلمتين</li>
            <li>source:اسم المصدر، tag:وسم، from:2026-11-01 to:2026-11-30</li>
          </ul>
        </div>
      ) : outcome.ok ? (
        <div class={page === 1 ? 'search-body' : 'search-body later'}>
          <section class="search-results-wrap" aria-labelledby="results-h">
            <h2 id="results-h" class="sr-only">النتائج</h2>
            <Results q={q} sort={sort} results={outcome} page={page} maxPage={maxPage} now={now} timeZone={timeZone} />
          </section>
          <Facets q={q} results={outcome} />
          <p class="meta feeds">تابع هذا البحث: <a href={searchHref(q, {}, '/search/rss')} type="application/rss+xml">RSS</a> <a href={searchHref(q, {}, '/search/atom')} type="application/atom+xml">Atom</a></p>
        </div>
      ) : (
        <p class="error" role="alert">{outcome.error.ar}</p>
      )}
    </Layout>
  );
}
