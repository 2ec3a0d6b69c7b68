/**
 * The operator's credential for /admin: one secret token, set in MARSAD_ADMIN_TOKEN. It is accepted
 * as the password of HTTP Basic auth (RFC 7617) or through the login form, which answers with a
 * signed, expiring session cookie. Every secret comparison runs in constant time over equal-length
 * digests, so the time a wrong guess takes says nothing about how close it was.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Shorter tokens could be guessed; 16 random characters are beyond any online attack. */
export const MIN_TOKEN_LENGTH = 16;
/** A session lasts a working day; then the operator logs in again. */
export const SESSION_SECONDS = 12 * 3600;
/** A form's CSRF token lasts as long as a session could. */
const CSRF_SECONDS = SESSION_SECONDS;

export class AdminTokenError extends Error {
  readonly code = 'admin_token_too_short';
  constructor() {
    super(`MARSAD_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters: make one with "openssl rand -base64 24"`);
    this.name = 'AdminTokenError';
  }
}

/** Throws AdminTokenError for a token too short to protect anything. */
export function checkAdminToken(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH) throw new AdminTokenError();
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time equality of two strings of any length, through their SHA-256 digests. */
export function secretEquals(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** The password of an `Authorization: Basic` header (the user name is ignored), or null. */
export function basicPassword(header: string | undefined): string | null {
  const m = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * Checks the token and signs sessions and CSRF tokens with a key derived from it (HKDF, RFC 5869):
 * several web processes with the same token accept each other's cookies, and changing the token
 * ends every session.
 */
export class AdminCredential {
  private readonly key: Buffer;

  constructor(private readonly token: string) {
    checkAdminToken(token);
    this.key = Buffer.from(hkdfSync('sha256', token, 'marsad-admin', 'session and csrf signing v1', 32));
  }

  /** True when `given` is the operator's token. */
  matches(given: string): boolean {
    return secretEquals(given, this.token);
  }

  /** A new session: the cookie value and the session id CSRF tokens are bound to. */
  issueSession(now: Date): { value: string; sid: string } {
    const sid = randomBytes(16).toString('base64url');
    const expires = Math.floor(now.getTime() / 1000) + SESSION_SECONDS;
    return { value: `${expires}.${sid}.${this.sign(`session|${expires}|${sid}`)}`, sid };
  }

  /** The session id of a cookie value this credential signed and that has not expired, or null. */
  readSession(value: string | undefined, now: Date): string | null {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
    if (!m) return null;
    const [, expires, sid, mac] = m as unknown as [string, string, string, string];
    if (Number(expires) * 1000 <= now.getTime()) return null;
    return this.verify(`session|${expires}|${sid}`, mac) ? sid : null;
  }

  /** A token for the forms of one session (or of Basic auth, sid 'basic'), expiring. */
  csrfToken(sid: string, now: Date): string {
    const expires = Math.floor(now.getTime() / 1000) + CSRF_SECONDS;
    return `${expires}.${this.sign(`csrf|${sid}|${expires}`)}`;
  }

  /** True when `token` was issued by csrfToken for this sid and has not expired. */
  checkCsrf(sid: string, token: unknown, now: Date): boolean {
    const m = typeof token === 'string' ? /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
    if (!m) return false;
    if (Number(m[1]) * 1000 <= now.getTime()) return false;
    return this.verify(`csrf|${sid}|${m[1]}`, m[2]!);
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data, 'utf8').digest('base64url');
  }

  private verify(data: string, mac: string): boolean {
    const expected = Buffer.from(this.sign(data));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
