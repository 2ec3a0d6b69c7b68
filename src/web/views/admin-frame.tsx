import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';

/** The admin's pages: the site's layout, never indexed, with the admin's own menu and stylesheet. */
export function AdminFrame({ title, csrf, children }: { title: string; csrf?: string; children: Child }) {
  return (
    <Layout title={`${title} · الإدارة`} robots="noindex, nofollow">
      <link rel="stylesheet" href="/static/admin.css" />
      <div class="admin">
        {csrf ? (
          <nav class="admin-nav" aria-label="الإدارة">
            <a href="/admin">كل المصادر</a>
            <a href="/admin?failing=1">المصادر المتعثّرة</a>
            <a href="/admin/sources/new">إضافة مصدر</a>
            <a href="/admin/opml">استيراد وتصدير OPML</a>
            <form method="post" action="/admin/logout" class="inline">
              <input type="hidden" name="csrf" value={csrf} />
              <button type="submit" class="link">خروج</button>
            </form>
          </nav>
        ) : null}
        {children}
      </div>
    </Layout>
  );
}

/** A sentence after an action, or an error in a form (announced to screen readers). */
export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: Child }) {
  return kind === 'error'
    ? <p class="error" role="alert">{children}</p>
    : <p class="admin-ok" role="status">{children}</p>;
}

export function LoginPage({ error }: { error?: string }) {
  return (
    <AdminFrame title="دخول">
      <h1>دخول الإدارة</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <form method="post" action="/admin/login" class="admin-form">
        <label for="token">رمز الإدارة</label>
        <input id="token" name="token" type="password" required autocomplete="current-password" dir="ltr" maxlength={1024} />
        <p class="notice">الرمز هو قيمة المتغيّر MARSAD_ADMIN_TOKEN التي ضبطها مشغّل الموقع.</p>
        <button type="submit">دخول</button>
      </form>
    </AdminFrame>
  );
}

/** What /admin says when the operator set no token: off, and how to turn it on. */
export function AdminDisabledPage() {
  return (
    <AdminFrame title="الإدارة معطّلة">
      <h1>الإدارة معطّلة</h1>
      <p>لم يضبط مشغّل الموقع رمزاً للإدارة، فهي مغلقة.</p>
      <p>لتفعيلها اضبط المتغيّر <code dir="ltr">MARSAD_ADMIN_TOKEN</code> برمز لا يقل عن 16 حرفاً ثم أعد تشغيل مرصد، مثلاً: <code dir="ltr">MARSAD_ADMIN_TOKEN="$(openssl rand -base64 24)"</code></p>
    </AdminFrame>
  );
}

/** A refused request (bad form, forged or expired form token), with where to go next. */
export function AdminErrorPage({ title, message, csrf }: { title: string; message: string; csrf?: string }) {
  return (
    <AdminFrame title={title} csrf={csrf}>
      <h1>{title}</h1>
      <Notice kind="error">{message}</Notice>
      <p><a href="/admin">عد إلى المصادر</a></p>
    </AdminFrame>
  );
}
