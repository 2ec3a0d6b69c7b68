import type { QueryError } from '../../search/index.ts';
import type { SearchResults, SearchSort, SnippetSegment } from '../../store/store.ts';
import { RelativeTime } from './dates.tsx';
import { Layout } from './layout.tsx';
import { articleCount } from './tags.tsx';

export interface SearchPageData {
  q: string;
  sort: SearchSort;
  /** Null before the reader has searched (no q). */
  outcome: SearchResults | { ok: false; error: QueryError } | null;
  cursor: string | null;
  now: Date;
  timeZone: string;
}

/** /search?…: the same query with one thing changed (a filter added, another order, a page). */
export function searchHref(q: string, more: { sort?: SearchSort; cursor?: string | null } = {}, base = '/search'): string {
  const params = new URLSearchParams({ q });
  if (more.sort && more.sort !== 'relevance') params.set('sort', more.sort);
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

function Results({ q, sort, results, now, timeZone }: { q: string; sort: SearchSort; results: SearchResults; now: Date; timeZone: string }) {
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
              <h2><a href={`/article/${a.id}`}>{a.title}</a></h2>
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
      {results.next_cursor ? (
        <nav class="pager" aria-label="التنقل بين الصفحات">
          <span />
          <a href={searchHref(q, { sort, cursor: results.next_cursor })} rel="next">نتائج أخرى ←</a>
        </nav>
      ) : null}
    </div>
  );
}

/** The search page: the form with the query, then results and facets, or what to change. */
export function SearchPage({ q, sort, outcome, cursor, now, timeZone }: SearchPageData) {
  const title = q ? `بحث: ${q}` : 'البحث';
  const feeds = outcome?.ok
    ? [
      { title: `${title} (RSS)`, href: searchHref(q, {}, '/search/rss'), type: 'application/rss+xml' as const },
      { title: `${title} (Atom)`, href: searchHref(q, {}, '/search/atom'), type: 'application/atom+xml' as const },
    ]
    : [];
  return (
    <Layout title={title} description="ابحث في الأخبار العربية بكل صيغ الكلمة" feeds={feeds} robots={q ? 'noindex' : undefined}>
      <h1>البحث في الأخبار</h1>
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
        <div class={cursor ? 'search-body later' : 'search-body'}>
          <Results q={q} sort={sort} results={outcome} now={now} timeZone={timeZone} />
          <Facets q={q} results={outcome} />
          <p class="meta feeds">تابع هذا البحث: <a href={searchHref(q, {}, '/search/rss')} type="application/rss+xml">RSS</a> <a href={searchHref(q, {}, '/search/atom')} type="application/atom+xml">Atom</a></p>
        </div>
      ) : (
        <p class="error" role="alert">{outcome.error.ar}</p>
      )}
    </Layout>
  );
}
