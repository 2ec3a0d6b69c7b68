import type { Source } from '../../model/index.ts';
import { FullDate } from './dates.tsx';
import { AdminFrame, Notice } from './admin-frame.tsx';
import { statusLabel } from './source-page.tsx';

export type SourceRow = Source & { articles: number };

/** What the form said, sent back with an error so nothing typed is lost. */
export interface SourceFormValues {
  url: string;
  name: string;
  kind: string;
}

const KIND_LABELS: Record<string, string> = { feed: 'خلاصة', sitemap: 'خريطة موقع', import: 'مستورد' };

function SourceActions({ source, csrf }: { source: Source; csrf: string }) {
  const action = source.paused ? 'resume' : 'pause';
  return (
    <div class="actions">
      <form method="post" action={`/admin/sources/${source.id}/${action}`} class="inline">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit">{source.paused ? 'استئناف' : 'إيقاف'}</button>
      </form>
      <a href={`/admin/sources/${source.id}/remove`} class="danger">حذف…</a>
    </div>
  );
}

export function AdminSourcesPage(props: { sources: SourceRow[]; failing: boolean; total: number; csrf: string; timeZone: string; notice?: string }) {
  const { sources, failing, total, csrf, timeZone, notice } = props;
  const title = failing ? 'المصادر المتعثّرة' : 'المصادر';
  return (
    <AdminFrame title={title} csrf={csrf}>
      <h1>{title}</h1>
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      <p class="meta">
        <span>{failing ? `${sources.length} من ${total} مصدراً أخفق جلبه مرة أو أكثر على التوالي` : `${total} مصدراً`}</span>
        {failing ? <a href="/admin">عرض الكل</a> : <a href="/admin?failing=1">عرض المتعثّرة فقط</a>}
      </p>
      {sources.length === 0 ? (
        <p>{failing ? 'لا مصدر متعثّر الآن: آخر جلب لكل مصدر نجح.' : 'لا مصادر بعد. أضف مصدراً أو استورد ملف OPML.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="health admin-sources">
            <thead>
              <tr><th>المصدر</th><th>النوع</th><th>الحالة</th><th>آخر جلب</th><th>إخفاقات متتالية</th><th>آخر خطأ</th><th>الأخبار</th><th>إجراءات</th></tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr class={s.consecutive_failures > 0 ? 'failing' : undefined}>
                  <td>
                    <a href={`/source/${s.id}`}>{s.name}</a>
                    <div class="url"><bdi>{s.url}</bdi></div>
                  </td>
                  <td>{KIND_LABELS[s.kind] ?? s.kind}</td>
                  <td>{s.paused ? 'موقوف' : statusLabel(s.last_status)}</td>
                  <td><FullDate iso={s.last_polled_at} timeZone={timeZone} /></td>
                  <td>{s.consecutive_failures}</td>
                  <td>{s.last_error ? <bdi>{s.last_error}</bdi> : null}</td>
                  <td>{s.articles}</td>
                  <td><SourceActions source={s} csrf={csrf} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}

export function AddSourcePage({ csrf, values, error }: { csrf: string; values?: SourceFormValues; error?: string }) {
  const kind = values?.kind || 'feed';
  return (
    <AdminFrame title="إضافة مصدر" csrf={csrf}>
      <h1>إضافة مصدر</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <form method="post" action="/admin/sources" class="admin-form">
        <input type="hidden" name="csrf" value={csrf} />
        <label for="url">رابط الخلاصة أو خريطة الموقع</label>
        <input id="url" name="url" type="url" required dir="ltr" maxlength={2048} value={values?.url ?? ''} placeholder="https://example.com/rss.xml" />
        <label for="name">اسم المصدر</label>
        <input id="name" name="name" type="text" maxlength={200} value={values?.name ?? ''} placeholder="مثلاً: الجزيرة نت" dir="auto" />
        <p class="notice">إن تركته فارغاً سُمّي المصدر باسم نطاقه.</p>
        <fieldset>
          <legend>النوع</legend>
          <label><input type="radio" name="kind" value="feed" checked={kind !== 'sitemap'} /> خلاصة RSS أو Atom</label>
          <label><input type="radio" name="kind" value="sitemap" checked={kind === 'sitemap'} /> خريطة موقع إخبارية</label>
        </fieldset>
        <button type="submit">أضف المصدر</button>
      </form>
    </AdminFrame>
  );
}

export function RemoveSourcePage({ source, articles, csrf }: { source: Source; articles: number; csrf: string }) {
  return (
    <AdminFrame title="حذف مصدر" csrf={csrf}>
      <h1>حذف المصدر «{source.name}»؟</h1>
      <p>سيتوقف جلب <bdi>{source.url}</bdi> نهائياً. تبقى أخباره المحفوظة ({articles}) على الموقع دون صفحة مصدر.</p>
      <p>لإيقاف الجلب مؤقتاً دون حذف استعمل «إيقاف» في قائمة المصادر.</p>
      <form method="post" action={`/admin/sources/${source.id}/remove`} class="inline">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit" class="danger">نعم، احذف المصدر</button>
      </form>
      <a href="/admin">لا، عد إلى المصادر</a>
    </AdminFrame>
  );
}
