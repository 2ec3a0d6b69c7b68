// Conditional GET for pages, feeds and the API: a weak ETag from a hash of the body, and a 304 with
// no body when the client already has it (RFC 9110 §8.8.3, §13.1.2, §15.4.5). Hashing the body costs
// tens of microseconds for a page and needs no cooperation from the routes, unlike data versions; the
// saving is the client's bandwidth and rendering, not our database work.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** How long shared caches and browsers may reuse a response without asking, by kind of route. */
export const CACHE_POLICIES = {
  /** News pages and API lists change by the minute; a minute's staleness spares the database. */
  public: 'public, max-age=60',
  /** Operational endpoints are read by monitors that want the truth now. */
  live: 'no-store',
  /** The admin's pages are the operator's alone. */
  private: 'private, no-store',
} as const;

/** The default policy for a path; routes that set Cache-Control themselves (feeds, static files) keep theirs. */
export function cachePolicy(path: string): string {
  if (path === '/metrics' || path === '/healthz') return CACHE_POLICIES.live;
  if (path === '/admin' || path.startsWith('/admin/')) return CACHE_POLICIES.private;
  return CACHE_POLICIES.public;
}

/** Response headers a 304 keeps (§15.4.5 lists Cache-Control, Content-Location, Date, ETag, Expires, Vary); body metadata goes. */
const DROPPED_ON_304 = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-disposition', 'transfer-encoding'];

export function weakEtag(body: Uint8Array): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * If-None-Match uses the weak comparison (§13.1.2): `W/"x"` and `"x"` match. A list may be given,
 * and `*` matches any current representation.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => tag.replace(/^W\//, '') === opaque);
}

/** Sets Cache-Control by route kind and adds ETag/304 to successful GET and HEAD responses. */
export function etag(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return;
    const res = c.res;
    // A failure must not be kept; a client error (404, 429…) keeps what its route said, if anything.
    if (res.status >= 500 && !res.headers.has('Cache-Control')) res.headers.set('Cache-Control', CACHE_POLICIES.live);
    if (res.status >= 400) return;
    const policy = res.headers.get('Cache-Control') ?? cachePolicy(c.req.path);
    if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', policy);
    // Nothing to validate on errors and redirects; and what must not be stored needs no validator.
    if (res.status !== 200 || !res.body || /no-store/.test(policy) || res.headers.has('Set-Cookie')) return;
    let tag = res.headers.get('ETag');
    if (!tag) {
      const body = new Uint8Array(await res.arrayBuffer());
      tag = weakEtag(body);
      const fresh = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      fresh.headers.set('ETag', tag);
      replace(c, fresh);
    }
    if (!etagMatches(c.req.header('If-None-Match'), tag)) return;
    const headers = new Headers(c.res.headers);
    for (const name of DROPPED_ON_304) headers.delete(name);
    await c.res.body?.cancel();
    replace(c, new Response(null, { status: 304, headers }));
  };
}

/** Hono merges the old response's headers into a new one; unset first so the 304 drops what it must. */
function replace(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}
