/**
 * The crawler's HTTP client. Every request goes through the same gates, hop by hop: a URL scheme check,
 * robots.txt, the per-host politeness queue, and (at connect time) the private-address guard. Redirects
 * are followed here rather than by undici so that each hop passes those gates again.
 */
import { Agent } from 'undici';
import { buildGuardedConnector } from './address-guard.ts';
import { decodeBody } from './charset.ts';
import { ACCEPT_ENCODING, readBody } from './decompress.ts';
import { FetchError, toFetchError } from './errors.ts';
import { PolitenessQueue } from './politeness.ts';
import { backoffMs, parseRetryAfter } from './retry.ts';
import { ROBOTS_MAX_BYTES, RobotsCache, type RobotsResponse } from './robots.ts';
import { DEFAULT_FETCHER_OPTIONS, type FetcherOptions, type FetchRequest, type FetchResponse } from './types.ts';

/** What we prefer: pages and feeds, then anything (sitemaps are served under many types). */
const DEFAULT_ACCEPT =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** RFC 9110 §15.4: the redirects that carry a Location to follow (300 and 305 do not). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** How much of an error or redirect body we read to keep the connection reusable; more, and we drop it. */
const DISCARD_LIMIT_BYTES = 64 * 1024;

type Headers = Record<string, string | string[] | undefined>;

/** One request and its fully read body. */
interface Exchange {
  statusCode: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** What one try came to: a response to use, an error to report, or a retry after a pause. */
type Outcome = { res: Exchange } | { error: FetchError } | { retry: true };

interface ReadLimits {
  maxBytes: number;
  truncate?: boolean;
}

export class Fetcher {
  private readonly opts: Required<FetcherOptions>;
  private readonly agent: Agent;
  private readonly queue: PolitenessQueue;
  private readonly robots: RobotsCache;

  constructor(options: FetcherOptions = {}) {
    this.opts = { ...DEFAULT_FETCHER_OPTIONS, ...withoutUndefined(options) };
    this.agent = new Agent({
      connect: buildGuardedConnector(this.opts),
      headersTimeout: this.opts.headersTimeoutMs,
      bodyTimeout: this.opts.bodyTimeoutMs,
    });
    this.queue = new PolitenessQueue(this.opts);
    this.robots = new RobotsCache({
      userAgent: this.opts.userAgent,
      ttlMs: this.opts.robotsTtlMs,
      load: (robotsUrl) => this.loadRobots(robotsUrl),
    });
  }

  /** Fetch a URL politely. Rejects with FetchError; see its `code` for what to do next. */
  async fetch(req: FetchRequest): Promise<FetchResponse> {
    const started = performance.now();
    let url = parseHttpUrl(req.url, req.url);
    const headers = this.headersFor(req);
    const redirects: string[] = [];
    const seen = new Set([url.href]);
    for (;;) {
      if (this.opts.respectRobots) await this.assertAllowed(url);
      const res = await this.exchangeWithRetries(url, headers, { maxBytes: this.opts.maxBodyBytes });
      const next = this.nextHop(url, res, redirects.length, seen);
      if (next) {
        redirects.push(url.href);
        url = next;
        continue;
      }
      return this.toResponse(req, url, res, redirects, performance.now() - started);
    }
  }

  /** Stop: waiting requests are rejected, open connections closed once in-flight ones finish. */
  async close(): Promise<void> {
    this.queue.close();
    await this.agent.close();
  }

  private toResponse(req: FetchRequest, url: URL, res: Exchange, redirects: string[], ms: number): FetchResponse {
    const { statusCode, headers } = res;
    const notModified = statusCode === 304;
    if (!notModified && (statusCode < 200 || statusCode > 299)) {
      throw new FetchError('http-status', url.href, `${url.href} answered HTTP ${statusCode}`, { statusCode });
    }
    const contentType = header(headers, 'content-type');
    // RFC 9110 §15.4.5: a 304 should repeat the validators, but when a server omits them the ones we
    // sent are still the right ones to keep.
    const etag = header(headers, 'etag') ?? (notModified ? req.etag ?? null : null);
    const lastModified = header(headers, 'last-modified') ?? (notModified ? req.lastModified ?? null : null);
    const bytes = notModified ? new Uint8Array(0) : res.bytes;
    let decoded: string | undefined;
    return {
      status: notModified ? 'not-modified' : 'ok',
      url: url.href,
      statusCode,
      contentType,
      etag,
      lastModified,
      bytes,
      text: () => (decoded ??= decodeBody(bytes, contentType).text),
      redirects,
      ms: Math.round(ms),
    };
  }

  private headersFor(req: FetchRequest): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      accept: req.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
      'accept-language': 'ar, en;q=0.5',
    };
    // Validators are sent on every hop: after a permanent move they describe the representation we
    // stored from the final URL, which is the one that will be compared.
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    return headers;
  }

  private async assertAllowed(url: URL): Promise<void> {
    // A refusal met while reading robots.txt (a blocked address) is reported against the page asked for.
    const verdict = await this.robots.check(url).catch((err: unknown) => Promise.reject(toFetchError(err, url.href)));
    if (verdict.crawlDelayMs !== null) this.queue.setHostDelay(url.host, verdict.crawlDelayMs);
    if (verdict.allowed) return;
    const message =
      verdict.retryAfterMs !== undefined
        ? `${url.origin}/robots.txt could not be read, so RFC 9309 asks us not to crawl ${url.host} for now`
        : `${url.origin}/robots.txt does not allow Marsad to fetch ${url.href}`;
    throw new FetchError('robots-disallowed', url.href, message, { retryAfterMs: verdict.retryAfterMs });
  }

  /** One hop, retried after 429, 503 and network errors; the waits happen in the host's queue. */
  private async exchangeWithRetries(url: URL, headers: Record<string, string>, limits: ReadLimits): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.queue
        .run(url.host, () => this.attempt(url, headers, limits, attempt))
        .catch((err: unknown): Outcome => ({ error: toFetchError(err, url.href) }));
      if ('res' in outcome) return outcome.res;
      if ('error' in outcome) throw outcome.error;
    }
  }

  /**
   * One try, run inside the host's turn. A pause it asks for is set before the turn ends, so no other
   * request to that host slips in ahead of it: RFC 9110 §10.2.3 says the server wants the host left
   * alone for a while, not just this URL.
   */
  private async attempt(url: URL, headers: Record<string, string>, limits: ReadLimits, attempt: number): Promise<Outcome> {
    const retriesLeft = attempt < this.opts.maxRetries;
    let res: Exchange;
    try {
      res = await this.exchange(url, headers, limits);
    } catch (err) {
      const error = toFetchError(err, url.href);
      if (error.code !== 'network' || !retriesLeft) return { error };
      this.queue.postpone(url.host, Date.now() + this.backoff(attempt));
      return { retry: true };
    }
    if (res.statusCode !== 429 && res.statusCode !== 503) return { res };

    const retryAfterMs = parseRetryAfter(header(res.headers, 'retry-after'));
    if (retryAfterMs !== null && retryAfterMs > this.opts.maxRetryDelayMs) {
      const message = `${url.host} asks us to come back in ${Math.round(retryAfterMs / 1000)} s; postpone this source`;
      return { error: new FetchError('rate-limited', url.href, message, { statusCode: res.statusCode, retryAfterMs }) };
    }
    if (!retriesLeft) {
      const code = res.statusCode === 429 ? 'rate-limited' : 'http-status';
      const message = `${url.href} answered HTTP ${res.statusCode} after ${attempt + 1} attempts`;
      return { error: new FetchError(code, url.href, message, { statusCode: res.statusCode, retryAfterMs: retryAfterMs ?? undefined }) };
    }
    this.queue.postpone(url.host, Date.now() + (retryAfterMs ?? this.backoff(attempt)));
    return { retry: true };
  }

  private backoff(attempt: number): number {
    return backoffMs(attempt, this.opts.retryBaseDelayMs, this.opts.maxRetryDelayMs);
  }

  /** Send one GET and read its body (or discard it, when it is not a 2xx). Runs inside the host's turn. */
  private async exchange(url: URL, headers: Record<string, string>, limits: ReadLimits): Promise<Exchange> {
    const res = await this.agent.request({ origin: url.origin, path: url.pathname + url.search, method: 'GET', headers });
    const resHeaders = res.headers as Headers;
    if (res.statusCode < 200 || res.statusCode > 299) {
      await res.body.dump({ limit: DISCARD_LIMIT_BYTES }).catch(() => undefined);
      return { statusCode: res.statusCode, headers: resHeaders, bytes: new Uint8Array(0) };
    }
    const length = header(resHeaders, 'content-length');
    const declared = length === null ? NaN : Number(length);
    const bytes = await readBody(res.body, header(resHeaders, 'content-encoding'), {
      url: url.href,
      maxBytes: limits.maxBytes,
      totalTimeoutMs: this.opts.bodyTimeoutMs,
      declaredLength: Number.isFinite(declared) ? declared : null,
      truncate: limits.truncate ?? false,
    });
    return { statusCode: res.statusCode, headers: resHeaders, bytes };
  }

  /** Where a redirect leads, or null when `res` is not one we follow. */
  private nextHop(url: URL, res: Exchange, redirectsSoFar: number, seen: Set<string>): URL | null {
    if (!REDIRECT_STATUSES.has(res.statusCode)) return null;
    const location = header(res.headers, 'location');
    if (!location) return null; // nothing to follow; reported as the status it is
    const next = parseHttpUrl(location, url.href, url);
    if (seen.has(next.href)) {
      throw new FetchError('redirect-loop', url.href, `${url.href} redirects back to ${next.href}, an earlier step`);
    }
    if (redirectsSoFar >= this.opts.maxRedirects) {
      throw new FetchError('too-many-redirects', url.href, `${url.href} redirects more than ${this.opts.maxRedirects} times`);
    }
    seen.add(next.href);
    return next;
  }

  /**
   * robots.txt through the same queue as everything else, following redirects (RFC 9309 §2.3.1.2) and
   * reading at most ROBOTS_MAX_BYTES. Never retried here: RobotsCache decides when to ask again.
   */
  private async loadRobots(robotsUrl: string): Promise<RobotsResponse> {
    let url = new URL(robotsUrl);
    const seen = new Set([url.href]);
    const headers = this.headersFor({ url: robotsUrl, accept: 'text/plain, */*;q=0.5' });
    for (let hops = 0; ; hops++) {
      let res: Exchange;
      try {
        res = await this.queue.run(url.host, () => this.exchange(url, headers, { maxBytes: ROBOTS_MAX_BYTES, truncate: true }));
      } catch (err) {
        throw toFetchError(err, url.href);
      }
      const next = this.nextHop(url, res, hops, seen);
      if (!next) return { statusCode: res.statusCode, body: decodeBody(res.bytes, header(res.headers, 'content-type')).text };
      url = next;
    }
  }
}

/** An absolute http(s) URL without its fragment (never sent on the wire), or FetchError 'bad-url'. */
function parseHttpUrl(input: string, reportAs: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (err) {
    throw new FetchError('bad-url', reportAs, `"${input}" is not a valid URL`, { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-url', reportAs, `${url.href} is not an http or https URL; Marsad fetches only those`);
  }
  url.hash = '';
  return url;
}

function header(headers: Headers, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function withoutUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
