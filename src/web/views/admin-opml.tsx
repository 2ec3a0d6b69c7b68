import type { AddOutcome } from '../../sources/index.ts';
import { AdminFrame, Notice } from './admin-frame.tsx';

const OUTCOME_LABELS: Record<AddOutcome['status'], string> = { added: 'أضيف', existing: 'موجود من قبل', invalid: 'غير صالح' };

export function OpmlPage({ csrf, error, maxKb }: { csrf: string; error?: string; maxKb: number }) {
  return (
    <AdminFrame title="OPML" csrf={csrf}>
      <h1>استيراد مصادر من OPML</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <form method="post" action="/admin/opml" enctype="multipart/form-data" class="admin-form">
        <input type="hidden" name="csrf" value={csrf} />
        <label for="file">ملف OPML من قارئ خلاصات أو من مرصد آخر</label>
        <input id="file" name="file" type="file" required accept=".opml,.xml,text/x-opml,application/xml,text/xml" />
        <p class="notice">حتى {maxKb} كيلوبايت. المصادر الموجودة لا تتكرر، والبنود غير الصالحة تُذكر ولا توقف الباقي.</p>
        <button type="submit">استورد</button>
      </form>
      <h2>تصدير</h2>
      <p><a href="/admin/opml/export" download="marsad-sources.opml">نزّل كل المصادر ملفَّ OPML</a></p>
    </AdminFrame>
  );
}

export function ImportResultPage({ csrf, outcomes }: { csrf: string; outcomes: AddOutcome[] }) {
  const count = (status: AddOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return (
    <AdminFrame title="نتيجة الاستيراد" csrf={csrf}>
      <h1>نتيجة الاستيراد</h1>
      <Notice kind="ok">
        في الملف {outcomes.length} مصدراً: أضيف {count('added')}، وكان {count('existing')} موجوداً من قبل، و{count('invalid')} غير صالح.
      </Notice>
      {outcomes.length === 0 ? null : (
        <div class="table-wrap">
          <table class="health">
            <thead><tr><th>الاسم</th><th>الرابط</th><th>النتيجة</th></tr></thead>
            <tbody>
              {outcomes.map((o) => (
                <tr class={`outcome-${o.status}`}>
                  <td>{o.status === 'invalid' ? o.input.name : <a href={`/source/${o.source.id}`}>{o.source.name}</a>}</td>
                  <td><bdi>{o.input.url}</bdi></td>
                  <td>{OUTCOME_LABELS[o.status]}{o.status === 'invalid' ? `: ${o.error.ar}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p><a href="/admin">عد إلى المصادر</a></p>
    </AdminFrame>
  );
}
