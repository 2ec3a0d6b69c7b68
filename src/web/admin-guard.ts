/**
 * Who may use /admin, and which of their requests may change anything. A request is the operator's
 * when it carries a valid session cookie or the token as HTTP Basic password. A change (any POST)
 * must also come from our own pages: a cross-origin Origin (or Sec-Fetch-Site) is refused, and the
 * form must carry a CSRF token signed for this session; the cookie itself is SameSite=Strict.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { AdminCredential, basicPassword } from './admin-auth.ts';
import type { Logger } from '../log/index.ts';
import type { Store } from '../store/store.ts';
import { clientKey } from './rate-limit.ts';

export const SESSION_COOKIE = 'marsad_admin';

/** The operator, once recognised: how, and the token their forms must carry. */
export interface AdminAuth {
  via: 'session' | 'basic';
  sid: string;
  csrf: string;
}

/** A POST's fields, once its origin and CSRF token have been checked. */
export type AdminForm = Record<string, string | File>;

export type AdminEnv = { Variables: { admin: AdminAuth; form: AdminForm } };

/** What the admin's route files share. */
export interface AdminDeps {
  store: Store;
  log: Logger;
  cred: AdminCredential;
  timeZone: string;
  now: () => Date;
  siteUrl?: string;
}

/** Failed logins allowed per client address per minute before it must wait. */
const FAILURES_PER_MINUTE = 10;
/** Client addresses remembered at most; a flood of fresh addresses forgets the oldest. */
const MAX_CLIENTS = 10_000;

/**
 * Counts failed credentials per client in one-minute windows. The token is long enough that guessing
 * is hopeless anyway; this keeps a guesser from filling our logs and CPU.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds the client must wait before its next attempt is even checked, or 0. */
  waitFor(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const left = w.start + 60_000 - this.now();
    if (left <= 0) return 0;
    return w.failures >= FAILURES_PER_MINUTE ? Math.ceil(left / 1000) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) this.windows.set(key, { start: now, failures: 1 });
    else w.failures++;
    while (this.windows.size > MAX_CLIENTS) this.windows.delete(this.windows.keys().next().value as string);
  }
}

/**
 * True unless the browser says the request comes from another site. Origin (RFC 6454 §7) is sent
 * on every cross-origin POST by current browsers; its host must be ours (the scheme may differ
 * behind a TLS-terminating proxy) or the public site's. Without Origin, Sec-Fetch-Site decides; with
 * neither (curl, a script), the CSRF token alone stands guard.
 */
export function isSameOrigin(c: Context, siteUrl?: string): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (origin === 'null') return false;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (siteUrl && url.origin === new URL(siteUrl).origin) return true;
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    return url.host === host;
  }
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

export type CredentialCheck =
  | { ok: true; auth: AdminAuth }
  | { ok: false; reason: 'none' | 'wrong' | 'throttled'; retryAfterS?: number };

/** Who the request is from: a valid session, a Basic password (checked, throttled), or nobody. */
export function checkCredential(c: Context, cred: AdminCredential, throttle: LoginThrottle, opts: { now: Date; trustProxy?: boolean }): CredentialCheck {
  const sid = cred.readSession(getCookie(c, SESSION_COOKIE), opts.now);
  if (sid) return { ok: true, auth: { via: 'session', sid, csrf: cred.csrfToken(sid, opts.now) } };
  const header = c.req.header('authorization');
  if (header === undefined) return { ok: false, reason: 'none' };
  const key = clientKey(c, opts.trustProxy);
  const wait = throttle.waitFor(key);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterS: wait };
  const password = basicPassword(header);
  // A malformed header is checked like a wrong password, so both take the same path and time.
  if (cred.matches(password ?? '') && password !== null) {
    return { ok: true, auth: { via: 'basic', sid: 'basic', csrf: cred.csrfToken('basic', opts.now) } };
  }
  throttle.fail(key);
  return { ok: false, reason: 'wrong' };
}

export type FormCheck =
  | { ok: true; form: AdminForm }
  | { ok: false; status: 400 | 403; message: string };

/** The body of a POST from the operator's own page, or why it is refused. */
export async function readAdminForm(c: Context, cred: AdminCredential, auth: AdminAuth, opts: { now: Date; siteUrl?: string }): Promise<FormCheck> {
  if (!isSameOrigin(c, opts.siteUrl)) {
    return { ok: false, status: 403, message: 'رُفض الطلب لأنه جاء من موقع آخر. افتح صفحة الإدارة مباشرة ثم أعد المحاولة.' };
  }
  let form: AdminForm;
  try {
    form = (await c.req.parseBody()) as AdminForm;
  } catch {
    return { ok: false, status: 400, message: 'تعذّرت قراءة النموذج. أعد إرساله من صفحة الإدارة.' };
  }
  if (!cred.checkCsrf(auth.sid, form.csrf, opts.now)) {
    return { ok: false, status: 403, message: 'انتهت صلاحية النموذج أو لم يأتِ من صفحة الإدارة. أعد تحميل الصفحة ثم أرسله من جديد.' };
  }
  return { ok: true, form };
}
