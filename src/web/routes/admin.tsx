import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Logger } from '../../log/index.ts';
import type { Store } from '../../store/store.ts';
import { AdminCredential, SESSION_SECONDS } from '../admin-auth.ts';
import { type AdminDeps, type AdminEnv, checkCredential, isSameOrigin, LoginThrottle, readAdminForm, SESSION_COOKIE } from '../admin-guard.ts';
import { clientKey } from '../rate-limit.ts';
import { AdminDisabledPage, AdminErrorPage, LoginPage } from '../views/admin-frame.tsx';
import { adminOpmlRoutes, OPML_MAX_BYTES } from './admin-opml.tsx';
import { adminSourceRoutes } from './admin-sources.tsx';

export interface AdminOptions {
  store: Store;
  log: Logger;
  /** The operator's token (MARSAD_ADMIN_TOKEN); absent, every /admin page is a 404 saying how to turn it on. */
  token?: string | null;
  /** Served over HTTPS: the session cookie is then Secure. */
  https?: boolean;
  /** The public origin, accepted as a POST's Origin behind a proxy. */
  siteUrl?: string;
  trustProxy?: boolean;
  timeZone: string;
  now?: () => Date;
  /** The clock of the login throttle (ms), for tests. */
  clock?: () => number;
}

/** A form that is not an upload has a few short fields; anything bigger is not from our pages. */
const FORM_MAX_BYTES = 64 * 1024;

/**
 * The operator's pages under /admin: sources with their health, add, pause, resume, remove, OPML in
 * and out. Off unless a token is set. Every page needs the credential; every change is a POST from
 * our own form (admin-guard.ts). Pages are plain forms: the site's CSP allows no script.
 */
export function adminRoutes(opts: AdminOptions): Hono<AdminEnv> {
  const now = opts.now ?? (() => new Date());
  const app = new Hono<AdminEnv>();
  const css = readFileSync(fileURLToPath(new URL('../static/admin.css', import.meta.url)));
  app.get('/static/admin.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  if (!opts.token) {
    app.all('/admin/*', (c) => c.html(<AdminDisabledPage />, 404));
    return app;
  }
  const cred = new AdminCredential(opts.token);
  const throttle = new LoginThrottle(opts.clock);
  const deps: AdminDeps = { store: opts.store, log: opts.log, cred, timeZone: opts.timeZone, now, siteUrl: opts.siteUrl };
  const secure = (c: Context) => Boolean(opts.https) || new URL(c.req.url).protocol === 'https:';
  const tooMany = (c: Context, wait: number) => {
    c.header('Retry-After', String(wait));
    return c.html(<LoginPage error={`محاولات دخول خاطئة كثيرة. انتظر ${wait} ثانية ثم أعد المحاولة.`} />, 429);
  };

  app.get('/admin/login', (c) => c.html(<LoginPage />));

  app.post('/admin/login', bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => c.html(<LoginPage error="الطلب أكبر مما يلزم." />, 413) }), async (c) => {
    if (!isSameOrigin(c, opts.siteUrl)) return c.html(<LoginPage error="رُفض الطلب لأنه جاء من موقع آخر." />, 403);
    const key = clientKey(c, opts.trustProxy);
    const wait = throttle.waitFor(key);
    if (wait > 0) return tooMany(c, wait);
    let given: unknown;
    try {
      given = (await c.req.parseBody()).token;
    } catch {
      return c.html(<LoginPage error="تعذّرت قراءة النموذج. أعد إرساله." />, 400);
    }
    // Checked whatever its type, so a malformed field takes the same path as a wrong token.
    const ok = cred.matches(typeof given === 'string' ? given : '') && typeof given === 'string';
    if (!ok) {
      throttle.fail(key);
      opts.log('warn', 'admin_login_failed', { client: key });
      return c.html(<LoginPage error="الرمز غير صحيح. تحقّق من قيمة MARSAD_ADMIN_TOKEN." />, 401);
    }
    const session = cred.issueSession(now());
    setCookie(c, SESSION_COOKIE, session.value, { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: secure(c), maxAge: SESSION_SECONDS });
    opts.log('info', 'admin_login', { client: key });
    return c.redirect('/admin', 303);
  });

  // Everything else under /admin needs the credential.
  app.use('/admin/*', async (c, next) => {
    if (c.req.path === '/admin/login') return next();
    const check = checkCredential(c, cred, throttle, { now: now(), trustProxy: opts.trustProxy });
    if (check.ok) {
      c.set('admin', check.auth);
      return next();
    }
    if (check.reason === 'throttled') return tooMany(c, check.retryAfterS ?? 60);
    if (check.reason === 'wrong') {
      // RFC 7617 §2: a wrong Basic password is answered with the challenge again.
      c.header('WWW-Authenticate', 'Basic realm="marsad admin", charset="UTF-8"');
      return c.html(<LoginPage error="الرمز غير صحيح." />, 401);
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect('/admin/login', 303);
    return c.html(<LoginPage error="سجّل الدخول أولاً." />, 401);
  });

  // Every change is a POST from our own page: size-capped, then origin and CSRF token checked.
  app.post('/admin/*', (c, next) => {
    if (c.req.path === '/admin/login') return next();
    const maxSize = c.req.path === '/admin/opml' ? OPML_MAX_BYTES : FORM_MAX_BYTES;
    const tooBig = () => c.html(<AdminErrorPage title="الطلب كبير" message={`الحد الأقصى ${Math.round(maxSize / 1024)} كيلوبايت.`} csrf={c.get('admin').csrf} />, 413);
    return bodyLimit({ maxSize, onError: tooBig })(c, next);
  });
  app.post('/admin/*', async (c, next) => {
    if (c.req.path === '/admin/login') return next();
    const auth = c.get('admin');
    const checked = await readAdminForm(c, cred, auth, { now: now(), siteUrl: opts.siteUrl });
    if (!checked.ok) {
      opts.log('warn', 'admin_form_refused', { path: c.req.path, status: checked.status });
      return c.html(<AdminErrorPage title="طلب مرفوض" message={checked.message} csrf={auth.csrf} />, checked.status);
    }
    c.set('form', checked.form);
    await next();
  });

  app.post('/admin/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/admin', secure: secure(c) });
    return c.redirect('/admin/login', 303);
  });

  app.route('/', adminSourceRoutes(deps));
  app.route('/', adminOpmlRoutes(deps));
  return app;
}
