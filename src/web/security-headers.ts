/**
 * Security headers on every response the site gives: pages, feeds, API JSON, static files, errors
 * and 404s. The site ships no script and no inline style, so the policy can be strict: only our own
 * stylesheet and fonts load, nothing frames us, and markup that slipped past the sanitizer would
 * still have nothing to run.
 */
import type { MiddlewareHandler } from 'hono';

export interface SecurityHeaderOptions {
  /**
   * The operator serves the site over HTTPS (directly or through a proxy). Then browsers are told to
   * insist on HTTPS (HSTS) and to upgrade article images still linked over http; otherwise http
   * images must be allowed, or a plain-http install (the demo, a LAN) would show none.
   */
  https?: boolean;
}

/** A year, the value browsers' preload lists ask for; subdomains are left to the operator. */
const HSTS_MAX_AGE_S = 31_536_000;

/** Browser features no news page needs; denying them means no embedded content can ask for them. */
const DENIED_FEATURES = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer',
  'microphone', 'midi', 'payment', 'publickey-credentials-get', 'usb', 'xr-spatial-tracking', 'browsing-topics',
];

/**
 * The Content-Security-Policy (CSP Level 3). `default-src 'none'` denies everything not listed:
 * scripts, frames, objects, connections. Article images are remote, so any https host may serve
 * them; never data: (the sanitizer drops such URLs, so a data: image here would be an injection).
 */
export function contentSecurityPolicy(opts: SecurityHeaderOptions = {}): string {
  const images = opts.https ? "img-src 'self' https:" : "img-src 'self' https: http:";
  return [
    "default-src 'none'",
    // Implied by default-src; said outright because it is the directive that matters most.
    "script-src 'none'",
    "style-src 'self'",
    "font-src 'self'",
    images,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The headers, as a list, so tests and the middleware share one definition. */
export function securityHeaders(opts: SecurityHeaderOptions = {}): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['Content-Security-Policy', contentSecurityPolicy(opts)],
    ['X-Content-Type-Options', 'nosniff'],
    // Outlets see that a reader came from us, not which page: search queries stay private.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', DENIED_FEATURES.map((f) => `${f}=()`).join(', ')],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    // For browsers without frame-ancestors (CSP) support.
    ['X-Frame-Options', 'DENY'],
  ];
  // RFC 6797 §7.2: HSTS sent over plain HTTP is ignored, but an operator who says HTTPS means it.
  if (opts.https) headers.push(['Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_S}`]);
  return headers;
}

/**
 * Hono middleware setting the headers after the handler, so they also cover the notFound and
 * onError responses. A handler's own value wins (none sets these today).
 */
export function securityHeadersMiddleware(opts: SecurityHeaderOptions = {}): MiddlewareHandler {
  const headers = securityHeaders(opts);
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
