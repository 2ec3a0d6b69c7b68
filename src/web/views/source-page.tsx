import type { ArticleHeadline, Source } from '../../model/index.ts';
import { ArticleList } from './article-list.tsx';
import { articleCount } from './counts.ts';
import { RelativeTime } from './dates.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import type { PublishingRate } from './source-stats.ts';

const STATUS_LABELS: Record<string, string> = {
  ok: 'يعمل',
  'not-modified': 'يعمل (لا جديد)',
  timeout: 'انتهت المهلة',
  'http-status': 'خطأ من الخادم',
  'robots-disallowed': 'يمنعه robots.txt',
  'rate-limited': 'طلب الخادم الإبطاء',
  'blocked-address': 'عنوان داخلي مرفوض',
  malformed: 'خلاصة تالفة',
  'not-a-feed': 'ليس خلاصة',
};

export function statusLabel(status: string | null): string {
  if (!status) return 'لم يُجلب بعد';
  return STATUS_LABELS[status] ?? status;
}

/** 'ok' | 'warn' | 'bad': the colour of a source's status badge. */
function health(source: Source): 'ok' | 'warn' | 'bad' {
  if (source.paused) return 'warn';
  if (source.consecutive_failures >= 3) return 'bad';
  if (source.consecutive_failures > 0 || !source.last_status) return 'warn';
  return 'ok';
}

function StatusBadge({ source }: { source: Source }) {
  return <span class={`badge ${health(source)}`}>{source.paused ? 'موقوف' : statusLabel(source.last_status)}</span>;
}

// Day labels of the rate table: "الجمعة 27 نوفمبر". The days are local calendar days already.
const DAY_LABEL = new Intl.DateTimeFormat('ar-EG-u-nu-latn', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "كل 15 دقيقة", "كل ساعة": how often the scheduler polls the source now. */
function pollEvery(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes <= 1 ? 'كل دقيقة' : minutes === 2 ? 'كل دقيقتين' : `كل ${minutes} ${minutes <= 10 ? 'دقائق' : 'دقيقة'}`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'كل ساعة' : hours === 2 ? 'كل ساعتين' : `كل ${hours} ${hours <= 10 ? 'ساعات' : 'ساعة'}`;
}

export interface SourcePageData {
  source: Source;
  articles: ArticleHeadline[];
  total: number;
  rate: PublishingRate;
  page: number | null;
  links: { prev: string | null; next: string | null; first: string | null };
  canonical: string;
  now: Date;
  timeZone: string;
}

/** An outlet's page: how its crawl is going (health, rate) and its latest articles, paged. */
export function SourcePage({ source, articles, total, rate, page, links, canonical, now, timeZone }: SourcePageData) {
  const path = `/source/${source.id}`;
  const max = Math.max(1, ...rate.days.map((d) => d.count));
  return (
    <Layout
      title={page !== null && page > 1 ? `${source.name}، الصفحة ${page}` : source.name}
      description={`آخر أخبار ${source.name} كما جمعها مرصد، وحالة جلبها.`}
      canonical={canonical}
      pager={links}
      feeds={[
        { title: `${source.name} (RSS)`, href: `${path}/rss`, type: 'application/rss+xml' },
        { title: `${source.name} (Atom)`, href: `${path}/atom`, type: 'application/atom+xml' },
      ]}
    >
      <header class="page-head">
        <h1>{source.name}</h1>
        <p class="meta">
          {source.home_url ? <a href={source.home_url} rel="noopener nofollow"><bdi dir="ltr">{hostOf(source.home_url)}</bdi></a> : null}
          <span>{articleCount(total)} في الأرشيف</span>
          <StatusBadge source={source} />
        </p>
        <p class="meta feeds">تابع أخباره: <a href={`${path}/rss`} type="application/rss+xml">RSS</a> <a href={`${path}/atom`} type="application/atom+xml">Atom</a></p>
      </header>
      <section class="health-panel" aria-labelledby="health-h">
        <h2 id="health-h">حالة المصدر</h2>
        <dl class="facts">
          <div><dt>الحالة</dt><dd><StatusBadge source={source} /></dd></div>
          <div><dt>آخر جلب</dt><dd>{source.last_polled_at ? <RelativeTime iso={source.last_polled_at} now={now} timeZone={timeZone} /> : 'لم يُجلب بعد'}</dd></div>
          <div><dt>الجلب التالي</dt><dd>{source.paused ? 'موقوف' : <RelativeTime iso={source.next_poll_at} now={now} timeZone={timeZone} />} <span class="quiet">({pollEvery(source.poll_interval)})</span></dd></div>
          <div><dt>إخفاقات متتالية</dt><dd>{source.consecutive_failures}</dd></div>
          <div><dt>معدل النشر</dt><dd>{rate.truncated ? 'أكثر من ' : ''}{rate.perDay} في اليوم <span class="quiet">(آخر {rate.days.length} أيام)</span></dd></div>
        </dl>
        {source.last_error ? <p class="error"><strong>آخر خطأ:</strong> <bdi dir="auto">{source.last_error}</bdi></p> : null}
        <div class="table-wrap">
          <table class="rate">
            <caption>الأخبار في كل يوم</caption>
            <thead><tr><th scope="col">اليوم</th><th scope="col">الأخبار</th><th scope="col"><span class="sr-only">مقارنة</span></th></tr></thead>
            <tbody>
              {rate.days.map((d) => (
                <tr>
                  <th scope="row">{DAY_LABEL.format(new Date(`${d.day}T12:00:00Z`))}</th>
                  <td>{d.count}</td>
                  <td><meter min={0} max={max} value={d.count} aria-hidden="true">{d.count}</meter></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">آخر الأخبار</h2>
        <ArticleList articles={articles} now={now} timeZone={timeZone} showSource={false} level={3} />
        <Pager page={page} {...links} newer="أخبار أحدث" older="أخبار أقدم" />
      </section>
    </Layout>
  );
}

export function SourcesPage({ sources, canonical, now, timeZone }: { sources: Array<Source & { articles: number }>; canonical: string; now: Date; timeZone: string }) {
  return (
    <Layout title="المصادر" description="المواقع الإخبارية التي يتابعها مرصد، وعدد أخبار كل منها وحالة جلبها." canonical={canonical}>
      <h1 class="page-title">المصادر</h1>
      {sources.length === 0 ? <p class="empty">لا مصادر بعد.</p> : (
        <div class="table-wrap">
          <table class="health">
            <thead><tr><th scope="col">المصدر</th><th scope="col">الأخبار</th><th scope="col">الحالة</th><th scope="col">آخر جلب</th><th scope="col">إخفاقات</th></tr></thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <th scope="row"><a href={`/source/${s.id}`}>{s.name}</a></th>
                  <td>{s.articles}</td>
                  <td><StatusBadge source={s} /></td>
                  <td><RelativeTime iso={s.last_polled_at} now={now} timeZone={timeZone} /></td>
                  <td>{s.consecutive_failures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
