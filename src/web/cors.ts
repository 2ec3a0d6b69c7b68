// Cross-origin reads of the API and the feeds, so a web page elsewhere can show our news. Public,
// read-only and without credentials, hence `*` (https://fetch.spec.whatwg.org/#http-cors-protocol).
// Only GET and HEAD are offered; the admin's routes never get CORS headers.
import type { MiddlewareHandler } from 'hono';
import { isApiPath } from './api/errors.ts';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
/** Preflights may be cached a day (browsers cap it lower: Chromium at two hours). */
const PREFLIGHT_MAX_AGE_S = 86_400;
/** Response headers a script may read beyond the CORS-safelisted ones: the validator, for If-None-Match. */
const EXPOSED_HEADERS = 'ETag';
/** A header name as RFC 9110 §5.1 allows (a token); anything else in a preflight is not echoed. */
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;
/** When the preflight names no headers: those a reading client sends that are not safelisted. */
const DEFAULT_ALLOWED_HEADERS = 'Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control';

/** The API and every RSS/Atom/OPML feed (`…/rss`, `…/atom`, `*.xml`, `*.opml`), the admin's excepted. */
export function isCorsPath(path: string): boolean {
  if (path === '/admin' || path.startsWith('/admin/')) return false;
  return isApiPath(path) || /\/(rss|atom|opml)$/.test(path) || /\.(rss|atom|xml|opml)$/.test(path);
}

export function cors(): MiddlewareHandler {
  return async (c, next) => {
    if (!isCorsPath(c.req.path)) return next();
    if (c.req.method === 'OPTIONS') {
      const asked = c.req.header('Access-Control-Request-Method');
      const headers = new Headers({ Allow: ALLOWED_METHODS });
      if (asked !== undefined) {
        // A preflight. Refusing one is answering without the CORS headers: the browser then blocks the request.
        if (asked !== 'GET' && asked !== 'HEAD') return new Response(null, { status: 405, headers });
        const requested = c.req.header('Access-Control-Request-Headers')?.trim();
        headers.set('Access-Control-Allow-Origin', '*');
        headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        headers.set('Access-Control-Allow-Headers', requested && HEADER_LIST.test(requested) ? requested : DEFAULT_ALLOWED_HEADERS);
        headers.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  };
}
