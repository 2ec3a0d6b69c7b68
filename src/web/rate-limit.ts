/**
 * Per-client rate limits for the expensive routes (search and the API): a token bucket per client
 * address, in memory. One process serves the site, so memory is the right place; several processes
 * behind a balancer each keep their own buckets, which only makes the limit looser, never wrong.
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
  /** Requests a client may make per minute; also the burst it may make at once. 0 turns the limit off. */
  perMinute: number;
  /**
   * A trusted reverse proxy is in front: the client is the address it appends to X-Forwarded-For.
   * Off by default, because anyone can send that header and pick a fresh "address" per request.
   */
  trustProxy?: boolean;
  /** Clients remembered at most; beyond it the least recently seen are forgotten. */
  maxClients?: number;
  now?: () => number;
}

/** Enough for a busy site's distinct clients in a minute, small enough (a few MB) never to matter. */
const DEFAULT_MAX_CLIENTS = 50_000;

interface Bucket {
  tokens: number;
  /** When tokens was last brought up to date (ms). */
  at: number;
}

/** A token bucket per key: `capacity` tokens, refilled continuously at `capacity` per minute. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly capacity: number, private readonly maxKeys = DEFAULT_MAX_CLIENTS, private readonly now: () => number = Date.now) {
    this.perMs = capacity / 60_000;
  }

  /** Take one token: 0 when granted, otherwise the seconds until one is free. */
  take(key: string): number {
    const now = this.now();
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    // Re-inserting keeps the Map in least-recently-seen order, so eviction takes the stalest.
    if (known) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    // A forgotten client starts again with a full bucket, which is exactly what a long-idle one has.
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}

/** What the adapter (@hono/node-server) puts in c.env: the Node request, whose socket has the peer. */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  server?: NodeBindings;
}

/**
 * The client's address: the socket's peer, or with a trusted proxy the last X-Forwarded-For entry
 * (the one the proxy added; entries to its left are whatever the client chose to send). IPv6
 * clients are keyed by their /64, since one subscriber usually holds a whole /64.
 */
export function clientKey(c: Context, trustProxy = false): string {
  let address: string | undefined;
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    address = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  }
  if (!address) {
    const env = c.env as NodeBindings | undefined;
    address = (env?.server ?? env)?.incoming?.socket?.remoteAddress;
  }
  return address ? addressKey(address) : 'unknown';
}

/** An IPv4 address as is (also when IPv4-mapped), an IPv6 one as its first four groups. */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The 429 answer: JSON for the API's programs, a short Arabic and English text for readers. */
function tooMany(c: Context, retryAfterS: number): Response {
  const headers = { 'Retry-After': String(retryAfterS), 'Cache-Control': 'no-store' };
  const ar = `طلبات كثيرة في وقت قصير. أعد المحاولة بعد ${retryAfterS} ثانية.`;
  const en = `Too many requests. Try again in ${retryAfterS} seconds.`;
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { code: 'rate_limited', message: en, ar } }, 429, headers);
  }
  return c.text(`${ar}\n${en}\n`, 429, headers);
}

/** Hono middleware: one token per request from each client; a client out of tokens gets 429. */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  if (!(opts.perMinute > 0)) return async (_c, next) => next();
  const buckets = new TokenBuckets(opts.perMinute, opts.maxClients, opts.now);
  return async (c, next) => {
    const wait = buckets.take(clientKey(c, opts.trustProxy));
    if (wait > 0) return tooMany(c, wait);
    await next();
  };
}
