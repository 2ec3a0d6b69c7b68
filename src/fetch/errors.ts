/** Why a fetch failed, as a stable code the scheduler can act on (back off, postpone, give up). */
export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'robots-disallowed'
  | 'http-status'
  | 'rate-limited'
  | 'blocked-address'
  | 'bad-url'
  | 'network';

export interface FetchErrorDetails {
  statusCode?: number;
  /** How long the server (or robots.txt policy) asks us to wait before trying again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed fetch. `url` is the URL being requested when it failed (after any redirects). */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly statusCode?: number;
  readonly retryAfterMs?: number;
  override readonly cause?: unknown;

  constructor(code: FetchErrorCode, url: string, message: string, details: FetchErrorDetails = {}) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
    this.url = url;
    if (details.statusCode !== undefined) this.statusCode = details.statusCode;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.cause !== undefined) this.cause = details.cause;
  }
}

/** undici's error codes for its three timeouts. */
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Turn whatever a request threw into a FetchError. Our own errors (raised inside the DNS guard or the
 * body reader and carried up through undici) are found anywhere in the cause chain and kept as they are.
 */
export function toFetchError(err: unknown, url: string): FetchError {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof FetchError) {
      // The DNS guard only knows the host name; report the URL that was being fetched.
      if (e.url === url) return e;
      return new FetchError(e.code, url, e.message, { statusCode: e.statusCode, retryAfterMs: e.retryAfterMs, cause: e.cause });
    }
  }
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new FetchError('timeout', url, `${url} took too long to answer (${message})`, { cause: err });
  }
  return new FetchError('network', url, `could not reach ${url}: ${message}`, { cause: err });
}
