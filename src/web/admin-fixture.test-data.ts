// Shared by the admin's tests: a real SQLite store, the whole site app with an admin token, and a
// browser-like client that logs in and posts forms the way our pages do.
import assert from 'node:assert/strict';
import { silentLogger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';

export const TOKEN = 'marsad-مرصد-7fQ2xLr9Kd0p';

export async function adminFixture(opts: { token?: string; https?: boolean } = {}) {
  const store = SqliteStore.open(':memory:');
  const app = createApp({ store, log: silentLogger, adminToken: 'token' in opts ? opts.token : TOKEN, https: opts.https });
  return { store, app };
}

type App = Awaited<ReturnType<typeof adminFixture>>['app'];

/** The hidden CSRF field of a page's forms. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has a form with a CSRF token');
  return m[1]!;
}

/** Log in through the form, as a browser would; the session cookie to send back. */
export async function login(app: App, token = TOKEN): Promise<string> {
  const res = await app.request('/admin/login', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  assert.equal(res.status, 303, 'a right token logs in');
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

/** A logged-in operator: pages read with the cookie, forms posted with the page's CSRF token. */
export async function operator(app: App) {
  const cookie = await login(app);
  const get = (path: string) => app.request(path, { headers: { cookie } });
  const csrf = csrfOf(await (await get('/admin')).text());
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ csrf, ...fields }),
    });
  const upload = (path: string, file: File, extra: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('csrf', csrf);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    form.set('file', file);
    return app.request(path, { method: 'POST', headers: { cookie, origin: 'http://localhost' }, body: form });
  };
  return { cookie, csrf, get, post, upload };
}
