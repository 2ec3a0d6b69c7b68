import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminCredential, secretEquals } from './admin-auth.ts';
import { LoginThrottle } from './admin-guard.ts';
import { adminFixture, csrfOf, login, operator, TOKEN } from './admin-fixture.test-data.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const basic = (password: string) => 'Basic ' + Buffer.from(`admin:${password}`, 'utf8').toString('base64');

test('with no token set the admin section is off: every /admin page is a 404 that says how to turn it on', async () => {
  const { app, store } = await adminFixture({ token: undefined });
  for (const path of ['/admin', '/admin/login', '/admin/opml/export']) {
    const res = await app.request(path, { headers: { authorization: basic('') } });
    assert.equal(res.status, 404, path);
    assert.match(await res.text(), /الإدارة معطّلة[\s\S]*MARSAD_ADMIN_TOKEN/);
  }
  const post = await app.request('/admin/sources', { method: 'POST', body: form({ url: 'https://sabq.org/rss' }) });
  assert.equal(post.status, 404);
  assert.equal((await store.listSources()).length, 0, 'nothing can be added');
  await store.close();
});

test('without the credential pages redirect to the login form and changes are refused with 401', async () => {
  const { app, store } = await adminFixture();
  const res = await app.request('/admin');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/login');
  const page = await app.request('/admin/login');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="\/admin\/login"/);
  const post = await app.request('/admin/sources', { method: 'POST', body: form({ url: 'https://sabq.org/rss', name: 'سبق' }) });
  assert.equal(post.status, 401);
  assert.equal((await app.request('/admin/opml/export')).status, 303, 'the export is not public');
  assert.equal((await store.listSources()).length, 0);
  await store.close();
});

test('a wrong token is 401 on the form and on Basic auth; a forged cookie is no session', async () => {
  const { app, store } = await adminFixture();
  for (const wrong of [TOKEN.slice(0, -1) + 'X', 'short', TOKEN + ' ', '']) {
    const res = await app.request('/admin/login', { method: 'POST', body: form({ token: wrong }) });
    assert.equal(res.status, 401, `token ${JSON.stringify(wrong)}`);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.match(await res.text(), /الرمز غير صحيح/);
  }
  const badBasic = await app.request('/admin', { headers: { authorization: basic('not-the-token-at-all') } });
  assert.equal(badBasic.status, 401);
  assert.match(badBasic.headers.get('www-authenticate') ?? '', /^Basic realm=/);
  assert.equal((await app.request('/admin', { headers: { authorization: 'Basic %%%' } })).status, 401, 'a malformed header is a wrong one');
  const good = await app.request('/admin', { headers: { authorization: basic(TOKEN) } });
  assert.equal(good.status, 200, 'Basic auth with the token as password works (curl -u :TOKEN)');
  // A cookie signed with another token, or altered, is not a session.
  const other = new AdminCredential('another-operators-token-123').issueSession(new Date()).value;
  const cookie = await login(app);
  const altered = cookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
  for (const c of [`marsad_admin=${other}`, altered, 'marsad_admin=9999999999.x.y']) {
    assert.equal((await app.request('/admin', { headers: { cookie: c } })).status, 303, c);
  }
  await store.close();
});

test('secrets are compared through equal-length digests, whatever the lengths given', () => {
  assert.equal(secretEquals(TOKEN, TOKEN), true);
  assert.equal(secretEquals(TOKEN.slice(0, 5), TOKEN), false);
  assert.equal(secretEquals(TOKEN + TOKEN, TOKEN), false);
  assert.equal(secretEquals('', TOKEN), false);
  assert.throws(() => new AdminCredential('too-short'), /at least 16 characters/);
});

test('login sets an HttpOnly, SameSite=Strict session cookie (Secure over HTTPS) that opens the pages; logout ends it', async () => {
  const { app, store } = await adminFixture();
  const res = await app.request('/admin/login', { method: 'POST', body: form({ token: TOKEN }) });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin');
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /^marsad_admin=/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  assert.match(setCookie, /Path=\/admin/);
  assert.match(setCookie, /Max-Age=43200/);
  assert.doesNotMatch(setCookie, /Secure/, 'plain http (the demo, a LAN) cannot keep a Secure cookie');
  const o = await operator(app);
  const page = await o.get('/admin');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'private, no-store');
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'none'.*form-action 'self'/);
  const out = await o.post('/admin/logout', {});
  assert.equal(out.status, 303);
  assert.match(out.headers.get('set-cookie') ?? '', /marsad_admin=;.*Max-Age=0/);
  await store.close();

  const secure = await adminFixture({ https: true });
  const over = await secure.app.request('/admin/login', { method: 'POST', body: form({ token: TOKEN }) });
  assert.match(over.headers.get('set-cookie') ?? '', /; Secure/);
  await secure.store.close();
});

test('a change without the CSRF token, with another session\'s token or from another origin is 403 and changes nothing', async () => {
  const { app, store } = await adminFixture();
  const o = await operator(app);
  const add = { url: 'https://sabq.org/rss', name: 'سبق' };
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request('/admin/sources', { method: 'POST', headers: { cookie: o.cookie, ...headers }, body: form(fields) });

  assert.equal((await post(add)).status, 403, 'no token');
  assert.equal((await post({ ...add, csrf: 'x' })).status, 403, 'garbage token');
  const otherSession = await operator(app);
  assert.notEqual(otherSession.csrf, o.csrf);
  assert.equal((await post({ ...add, csrf: otherSession.csrf.replace(/^\d+/, '9999999999') })).status, 403, 'a token with its expiry altered');
  const basicCsrf = csrfOf(await (await app.request('/admin', { headers: { authorization: basic(TOKEN) } })).text());
  assert.equal((await post({ ...add, csrf: basicCsrf })).status, 403, 'a Basic-auth form token is not this session\'s');
  const cross = await post({ ...add, csrf: o.csrf }, { origin: 'https://evil.example' });
  assert.equal(cross.status, 403, 'a cross-origin Origin');
  assert.match(await cross.text(), /جاء من موقع آخر/);
  assert.equal((await post({ ...add, csrf: o.csrf }, { origin: 'null' })).status, 403, 'an opaque origin');
  assert.equal((await post({ ...add, csrf: o.csrf }, { 'sec-fetch-site': 'cross-site' })).status, 403, 'Sec-Fetch-Site says cross-site');
  assert.equal((await store.listSources()).length, 0, 'none of these added anything');

  assert.equal((await post({ ...add, csrf: o.csrf }, { origin: 'http://localhost' })).status, 303, 'our own form goes through');
  assert.equal((await store.listSources()).length, 1);
  // Basic auth has its own token, bound to 'basic' and not to any cookie.
  const viaBasic = await app.request('/admin/sources', {
    method: 'POST',
    headers: { authorization: basic(TOKEN) },
    body: form({ url: 'https://www.almasryalyoum.com/rss/rssfeeds', name: 'المصري اليوم', csrf: basicCsrf }),
  });
  assert.equal(viaBasic.status, 303);
  const loginFromElsewhere = await app.request('/admin/login', { method: 'POST', headers: { origin: 'https://evil.example' }, body: form({ token: TOKEN }) });
  assert.equal(loginFromElsewhere.status, 403, 'no login CSRF either');
  await store.close();
});

test('after ten wrong tokens a client waits, even with the right one, and is told how long', async () => {
  const { app, store } = await adminFixture();
  for (let i = 0; i < 10; i++) {
    assert.equal((await app.request('/admin/login', { method: 'POST', body: form({ token: `guess-${i}-aaaaaaaaaaaa` }) })).status, 401);
  }
  const res = await app.request('/admin/login', { method: 'POST', body: form({ token: TOKEN }) });
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.match(await res.text(), /انتظر \d+ ثانية/);
  assert.equal((await app.request('/admin', { headers: { authorization: basic(TOKEN) } })).status, 429, 'Basic auth is throttled too');
  await store.close();
});

test('the login throttle forgets a client a minute after its first failure', () => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(() => now);
  for (let i = 0; i < 9; i++) throttle.fail('203.0.113.7');
  assert.equal(throttle.waitFor('203.0.113.7'), 0, 'nine failures are allowed');
  throttle.fail('203.0.113.7');
  assert.equal(throttle.waitFor('203.0.113.7'), 60);
  assert.equal(throttle.waitFor('198.51.100.2'), 0, 'another client is not affected');
  now += 45_000;
  assert.equal(throttle.waitFor('203.0.113.7'), 15);
  now += 15_000;
  assert.equal(throttle.waitFor('203.0.113.7'), 0);
});
