import type { Article, Source } from '../../model/index.ts';
import { ArticleList, Pager } from './article-list.tsx';
import { FullDate } from './dates.tsx';
import { Layout } from './layout.tsx';

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

export function SourcePage(props: { source: Source; articles: Article[]; total: number; limit: number; now: Date; timeZone: string }) {
  const { source, articles, total, limit, now, timeZone } = props;
  return (
    <Layout title={source.name}>
      <h1>{source.name}</h1>
      <p class="meta">
        {source.home_url ? <a href={source.home_url} rel="noopener nofollow"><bdi>{source.home_url}</bdi></a> : null}
        <span>{total} خبراً محفوظاً</span>
      </p>
      <div class="table-wrap">
        <table class="health">
          <caption class="meta">حالة المصدر</caption>
          <tbody>
            <tr><th scope="row">الحالة</th><td>{source.paused ? 'موقوف' : statusLabel(source.last_status)}</td></tr>
            <tr><th scope="row">آخر جلب</th><td><FullDate iso={source.last_polled_at} timeZone={timeZone} /></td></tr>
            <tr><th scope="row">الجلب التالي</th><td><FullDate iso={source.next_poll_at} timeZone={timeZone} /></td></tr>
            <tr><th scope="row">إخفاقات متتالية</th><td>{source.consecutive_failures}</td></tr>
            {source.last_error ? <tr><th scope="row">آخر خطأ</th><td><bdi>{source.last_error}</bdi></td></tr> : null}
          </tbody>
        </table>
      </div>
      <h2>آخر الأخبار</h2>
      <ArticleList articles={articles} now={now} timeZone={timeZone} />
      <Pager articles={articles} limit={limit} basePath={`/source/${source.id}`} />
    </Layout>
  );
}

export function SourcesPage({ sources }: { sources: Array<Source & { articles: number }> }) {
  return (
    <Layout title="المصادر">
      <h1>المصادر</h1>
      <div class="table-wrap">
        <table class="health">
          <thead><tr><th>المصدر</th><th>الأخبار</th><th>الحالة</th><th>إخفاقات</th></tr></thead>
          <tbody>
            {sources.map((s) => (
              <tr>
                <td><a href={`/source/${s.id}`}>{s.name}</a></td>
                <td>{s.articles}</td>
                <td>{s.paused ? 'موقوف' : statusLabel(s.last_status)}</td>
                <td>{s.consecutive_failures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
