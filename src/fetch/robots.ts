/**
 * robots.txt, per RFC 9309: fetched once per origin, cached, and consulted before every request
 * (every redirect hop included). Parsing is robots-parser's; the status-code policy is ours:
 *
 * - 2xx: the rules apply.
 * - 4xx (other than 429): "unavailable", so everything is allowed (RFC 9309 §2.3.1.3).
 * - Redirects: the loader follows up to five, across hosts too (§2.3.1.2); more than that, or a loop,
 *   counts as unavailable.
 * - 5xx, 429, timeouts and network errors: "unreachable". §2.3.1.4 says the crawler MUST then assume
 *   complete disallow, so we do — but only for a short while (ROBOTS_RETRY_MS), after which we ask
 *   again, and the error carries retryAfterMs so the scheduler postpones the source instead of marking
 *   it broken. When we hold an earlier copy of the file, we keep using it instead (§2.4 allows a cached
 *   copy), so a flapping server does not stop a source we already know we may crawl.
 */
import robotsModule from 'robots-parser';
import { FetchError } from './errors.ts';

// robots-parser is CommonJS and its typings declare an ES default export; at run time the default
// import is the function itself.
type ParseRobots = typeof robotsModule.default;
type Robot = ReturnType<ParseRobots>;
const parseRobots: ParseRobots =
  typeof robotsModule === 'function' ? (robotsModule as unknown as ParseRobots) : robotsModule.default;

/** How long a fetched robots.txt is trusted. RFC 9309 §2.4: SHOULD NOT use a cached copy for more than 24 h. */
export const ROBOTS_TTL_MS = 60 * 60_000;
/** How long an unreachable robots.txt blocks its origin before we ask again. */
export const ROBOTS_RETRY_MS = 10 * 60_000;
/** RFC 9309 §2.5: parse at least 500 KiB; anything after that may be ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** A Crawl-delay longer than this is clamped, so one host cannot hold a fetch for hours. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface RobotsResponse {
  statusCode: number;
  body: string;
}

/** Fetches a robots.txt URL (following redirects); throws FetchError when there is no answer. */
export type RobotsLoader = (robotsUrl: string) => Promise<RobotsResponse>;

export interface RobotsOptions {
  userAgent: string;
  load: RobotsLoader;
  ttlMs?: number;
  retryMs?: number;
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The Crawl-delay for our user agent, in ms, when the file sets one. */
  crawlDelayMs: number | null;
  /** Set when the verdict is a temporary "disallow" because robots.txt could not be read. */
  retryAfterMs?: number;
}

interface Entry {
  expires: number;
  /** null: no rules (allow all). */
  robot: Robot | null;
  unreachable: boolean;
}

const PRUNE_ABOVE = 1_000;

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly agent: string;
  private readonly ttlMs: number;
  private readonly retryMs: number;

  constructor(private readonly opts: RobotsOptions) {
    // RFC 9309 §2.2.1 matches on the product token ("Marsad"), not the whole User-Agent header.
    this.agent = /^[A-Za-z_-]+/.exec(opts.userAgent)?.[0] ?? opts.userAgent;
    this.ttlMs = opts.ttlMs ?? ROBOTS_TTL_MS;
    this.retryMs = opts.retryMs ?? ROBOTS_RETRY_MS;
  }

  /** May we fetch `url`, and how long must we pause between requests to its host? */
  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entryFor(url.origin);
    if (entry.unreachable) {
      return { allowed: false, crawlDelayMs: null, retryAfterMs: Math.max(0, entry.expires - Date.now()) };
    }
    if (!entry.robot) return { allowed: true, crawlDelayMs: null };
    // robots-parser answers undefined for a URL of another origin; ours never is, but undefined means allowed.
    const allowed = entry.robot.isAllowed(url.href, this.agent) !== false;
    const delay = entry.robot.getCrawlDelay(this.agent);
    const crawlDelayMs = typeof delay === 'number' && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : null;
    return { allowed, crawlDelayMs };
  }

  private entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached);
    // Many URLs of one origin arrive together; they share one robots.txt request.
    let pending = this.pending.get(origin);
    if (!pending) {
      pending = this.load(origin, cached).finally(() => this.pending.delete(origin));
      this.pending.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string, stale: Entry | undefined): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let entry: Entry;
    try {
      const res = await this.opts.load(robotsUrl);
      if (res.statusCode >= 200 && res.statusCode < 300) {
        entry = this.fresh(parseRobots(robotsUrl, res.body));
      } else if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 429) {
        entry = this.fresh(null);
      } else if (res.statusCode >= 300 && res.statusCode < 400) {
        entry = this.fresh(null); // a redirect without a usable Location: unavailable
      } else {
        entry = this.unreachable(stale);
      }
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      // An origin we may not connect to at all is refused for that reason, not for its robots.txt.
      if (err.code === 'blocked-address') throw err;
      // A host that does not answer (DNS, refused, timeout) and whose rules we never read fails as such:
      // the operator should read "could not reach", and the page request would fail the same way.
      // Nothing is cached, so the next poll asks again. With an earlier copy we go on using it.
      if ((err.code === 'network' || err.code === 'timeout') && !(stale && !stale.unreachable)) throw err;
      // Redirects we cannot follow (too many, a loop, a non-http target) leave the file unavailable.
      if (err.code === 'too-many-redirects' || err.code === 'redirect-loop' || err.code === 'bad-url') {
        entry = this.fresh(null);
      } else {
        entry = this.unreachable(stale);
      }
    }
    if (this.entries.size >= PRUNE_ABOVE) this.prune();
    this.entries.set(origin, entry);
    return entry;
  }

  private fresh(robot: Robot | null): Entry {
    return { expires: Date.now() + this.ttlMs, robot, unreachable: false };
  }

  private unreachable(stale: Entry | undefined): Entry {
    const expires = Date.now() + this.retryMs;
    if (stale && !stale.unreachable) return { ...stale, expires };
    return { expires, robot: null, unreachable: true };
  }

  private prune(): void {
    const now = Date.now();
    for (const [origin, entry] of this.entries) if (entry.expires <= now) this.entries.delete(origin);
  }
}
