import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.tsx';
import { contentSecurityPolicy } from './security-headers.ts';

/** Every kind of response the site gives: page, feed, API JSON, static, 404, 400 and 500. */
const PATHS: Array<[string, number]> = [
  ['/', 200],
  ['/sources', 200],
  ['/search?q=غزة', 200],
  ['/search/rss?q=غزة', 200],
  ['/api/v1/search?q=غزة', 200],
  ['/api/v1/search?limit=5000', 400],
  ['/healthz', 200],
  ['/static/site.css', 200],
  ['/static/fonts/plex-400.woff2', 200],
  ['/article/999', 404],
  ['/no-such-page', 404],
  ['/?before=yesterday', 400],
  ['/source/1', 500],
];

async function siteWith(opts: { https?: boolean } = {}) {
  const store = SqliteStore.open(':memory:');
  const real = store.getSource.bind(store);
  // A store failure on one route, to see the 500 page carry the headers too.
  store.getSource = async (id: number) => (id === 1 ? Promise.reject(new Error('disk on fire')) : real(id));
  return { store, app: createApp({ store, log: silentLogger, ...opts }) };
}

test('every response, errors and 404s included, carries the security headers', async () => {
  const { store, app } = await siteWith();
  try {
    for (const [path, status] of PATHS) {
      const res = await app.request(path);
      assert.equal(res.status, status, path);
      const h = res.headers;
      assert.equal(h.get('content-security-policy'), contentSecurityPolicy(), path);
      assert.equal(h.get('x-content-type-options'), 'nosniff', path);
      assert.equal(h.get('x-frame-options'), 'DENY', path);
      assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(h.get('cross-origin-opener-policy'), 'same-origin', path);
      assert.match(h.get('permissions-policy') ?? '', /camera=\(\), .*geolocation=\(\)/, path);
      assert.equal(h.get('strict-transport-security'), null, `no HSTS unless the operator says HTTPS: ${path}`);
    }
  } finally {
    await store.close();
  }
});

test('answers that middleware gives before the routes (a CORS preflight, a 304) carry them too', async () => {
  const { store, app } = await siteWith();
  try {
    const preflight = await app.request('/api/v1/search', { method: 'OPTIONS', headers: { Origin: 'https://reader.example', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(preflight.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(preflight.headers.get('content-security-policy'), contentSecurityPolicy());
    const first = await app.request('/');
    const etag = first.headers.get('etag');
    if (etag) {
      const again = await app.request('/', { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('content-security-policy'), contentSecurityPolicy());
    }
  } finally {
    await store.close();
  }
});

test('the policy runs no script, loads only our styles and fonts, and cannot be framed', () => {
  const directives = new Map(contentSecurityPolicy().split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
  assert.equal(directives.get('default-src'), "'none'");
  assert.equal(directives.get('script-src'), "'none'", 'the site ships no script, so none may run');
  assert.equal(directives.get('style-src'), "'self'");
  assert.equal(directives.get('font-src'), "'self'");
  assert.equal(directives.get('frame-ancestors'), "'none'");
  assert.equal(directives.get('base-uri'), "'none'");
  assert.equal(directives.get('form-action'), "'self'");
  assert.doesNotMatch(directives.get('img-src') ?? '', /data:|\*/, 'remote images by scheme only, never data:');
});

test('behind HTTPS: HSTS is sent, and article images linked over http are upgraded rather than allowed', async () => {
  const { store, app } = await siteWith({ https: true });
  try {
    const res = await app.request('/');
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /img-src 'self' https:(;|$)/);
    assert.match(csp, /upgrade-insecure-requests/);
    assert.equal((await app.request('/no-such-page')).headers.get('strict-transport-security'), 'max-age=31536000');
  } finally {
    await store.close();
  }
});

test('the pages need nothing the policy forbids: no inline script, style or event handler', async () => {
  const { store, app } = await siteWith();
  try {
    for (const path of ['/', '/sources', '/search?q=غزة', '/no-such-page']) {
      const html = await (await app.request(path)).text();
      assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i, path);
    }
    const css = await (await app.request('/static/site.css')).text();
    assert.doesNotMatch(css, /url\((?!\/static\/)/, 'the stylesheet loads only our own files');
  } finally {
    await store.close();
  }
});
