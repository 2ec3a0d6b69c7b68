/** The fetcher's public contract: its options (with defaults), what a caller asks for and gets back. */
import type { LookupFunction } from './address-guard.ts';

export const DEFAULT_USER_AGENT = 'Marsad/0.1 (+https://github.com/marsad-news/marsad; Arabic news aggregator)';

export interface FetcherOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  /** undici checks this and the idle body timeout about once a second, so they fire up to ~1 s late. */
  headersTimeoutMs?: number;
  /** Total time to read a body, and also the longest silence between two chunks. */
  bodyTimeoutMs?: number;
  /** Cap on the body, both as received and after decompression. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Pause from the end of one request to a host to the start of the next; Crawl-delay can raise it. */
  minHostDelayMs?: number;
  globalConcurrency?: number;
  /** Retries after 429, 503 and network errors (not after timeouts: a slow host is better postponed). */
  maxRetries?: number;
  /** First backoff step when the server gives no Retry-After; doubles per attempt, with jitter. */
  retryBaseDelayMs?: number;
  /** Longest wait we accept before a retry; a longer Retry-After gives up with 'rate-limited'. */
  maxRetryDelayMs?: number;
  respectRobots?: boolean;
  robotsTtlMs?: number;
  /** Allow loopback, private, link-local and similar addresses (the demo and tests need them). */
  allowPrivateAddresses?: boolean;
  /** Private addresses or CIDR ranges the operator lets us dial anyway (an intranet feed); the rest stay refused. */
  allowedAddresses?: readonly string[];
  /** A resolver in place of dns.lookup (tests, split-horizon DNS). Its answers pass the same address check. */
  lookup?: LookupFunction | null;
  /**
   * Per-host spacing shared with other processes (many workers on PostgreSQL). Without it, the
   * spacing holds within this process only, which is all one process needs.
   */
  hostSlots?: HostSlots | null;
}

/** Slots per host that every crawling process takes from (PostgreSQL's hosts table, store/postgres/leases.ts). */
export interface HostSlots {
  /** Reserve the host's next slot, at least `delayMs` after the one before; resolves to the ms to wait for it. */
  reserve(host: string, delayMs: number): Promise<number>;
}

export interface FetchRequest {
  url: string;
  /** Validators from the last successful fetch, for a conditional GET (RFC 9110 §13.1). */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResponse {
  status: 'ok' | 'not-modified';
  /** The final URL, after redirects (without a fragment). */
  url: string;
  statusCode: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The decompressed body; empty for 304. */
  bytes: Uint8Array;
  /** The body as text, decoded by its BOM, Content-Type charset or in-document declaration. */
  text(): string;
  /** Every URL that answered with a redirect, in order, starting with the requested one. */
  redirects: string[];
  /** Time from the call to the last byte, queueing and retries included. */
  ms: number;
}

/** Production defaults; tests and the demo shorten the pauses and allow loopback addresses. */
export const DEFAULT_FETCHER_OPTIONS: Required<FetcherOptions> = {
  userAgent: DEFAULT_USER_AGENT,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  minHostDelayMs: 1_000,
  globalConcurrency: 8,
  maxRetries: 2,
  retryBaseDelayMs: 1_000,
  maxRetryDelayMs: 60_000,
  respectRobots: true,
  robotsTtlMs: 60 * 60_000, // RFC 9309 §2.4 allows up to 24 h; an hour picks up changes the same day
  allowPrivateAddresses: false,
  allowedAddresses: [],
  lookup: null,
  hostSlots: null,
};
