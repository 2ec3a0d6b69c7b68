// Rendered pages kept in memory, so a page read a thousand times a minute is built once. A news
// site's traffic gathers on a few pages at a time (the home page, the stories of the hour); building
// one costs a millisecond or two of database reads and rendering, sending a kept one a few
// microseconds.
//
// A kept page is served only while it is what would be built now:
//   - the store's data version is the one it was built at (store.dataVersion(): any write, by this
//     process or another, moves it), or the page is younger than `graceMs` (0 by default: exact). A
//     site crawling thousands of outlets writes every second; a grace of a second or two lets each
//     page be built once per grace instead of on every request, and no reader can tell;
//   - it is younger than `ttlMs`, because pages print times relative to now ("منذ ساعتين").
// A store that cannot give a data version (null) gets no cache. We already tell browsers and proxies
// they may keep public pages for a minute (etag.ts), so this promises nothing new.
//
// Only what is the same for every reader is kept: GET answers 200 on public routes, without a
// cookie set, for requests that carry no cookie or credentials. The key is the whole URL: the
// origin is printed in canonical links when no public base URL is configured.
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.ts';
import { CACHE_POLICIES, cachePolicy, weakEtag } from './etag.ts';

export interface PageCacheOptions {
  /** Bytes of page bodies kept at most; the least recently used go first. */
  maxBytes: number;
  /** A kept page is built again once this old. */
  ttlMs: number;
  /** A kept page may still be served this long after it was built even if the store has changed since. */
  graceMs: number;
  /** Larger bodies are never kept. */
  maxBodyBytes?: number;
}

export const PAGE_CACHE_DEFAULTS: PageCacheOptions = { maxBytes: 64 * 1024 * 1024, ttlMs: 30_000, graceMs: 0, maxBodyBytes: 1024 * 1024 };

interface Kept {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  version: string;
  at: number;
}

/** Counts for /metrics and the bench: how often a kept page was served. */
export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** Response headers that belong to one answer, not to the page: never kept. */
const PER_RESPONSE = new Set(['set-cookie', 'date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export class PageCache {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private readonly opts: Required<PageCacheOptions>;

  constructor(
    private readonly store: Pick<Store, 'dataVersion'>,
    opts: Partial<PageCacheOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.opts = { ...PAGE_CACHE_DEFAULTS, maxBodyBytes: PAGE_CACHE_DEFAULTS.maxBodyBytes!, ...opts };
  }

  stats(): PageCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.kept.size, bytes: this.bytes };
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== 'GET' || !keepable(c.req.path, c.req.raw.headers)) return next();
      // A store that cannot answer now builds the page as if there were no cache.
      const version = await this.store.dataVersion().catch(() => null);
      if (version === null) return next();
      const key = c.req.url;
      const hit = this.kept.get(key);
      const age = hit ? this.clock() - hit.at : Infinity;
      if (hit && age < this.opts.ttlMs && (hit.version === version || age < this.opts.graceMs)) {
        this.hits++;
        // Most recently used last: the Map's order is the eviction order.
        this.kept.delete(key);
        this.kept.set(key, hit);
        c.res = new Response(hit.body, { status: 200, headers: hit.headers });
        return;
      }
      if (hit) this.drop(key, hit);
      this.misses++;
      await next();
      const res = c.res;
      if (res.status !== 200 || !res.body || res.headers.has('Set-Cookie')) return;
      // A route that set its own policy (feeds, static files) is kept only if that policy is public.
      const policy = res.headers.get('Cache-Control');
      if (policy !== null && (!/\bpublic\b/.test(policy) || /no-store|private/.test(policy))) return;
      const body = new Uint8Array(await res.arrayBuffer());
      const headers = new Headers(res.headers);
      // The validator the etag middleware would compute, computed once for every hit to come.
      if (!headers.has('ETag')) headers.set('ETag', weakEtag(body));
      c.res = new Response(body, { status: 200, headers });
      // A write while the page was being built may or may not be in it: keep it only if none happened.
      if (body.byteLength > this.opts.maxBodyBytes || (await this.store.dataVersion().catch(() => null)) !== version) return;
      this.keep(key, { body, headers: [...headers].filter(([name]) => !PER_RESPONSE.has(name)), version, at: this.clock() });
    };
  }

  private keep(key: string, page: Kept): void {
    this.kept.set(key, page);
    this.bytes += page.body.byteLength;
    for (const [oldest, entry] of this.kept) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.drop(oldest, entry);
    }
  }

  private drop(key: string, entry: Kept): void {
    if (this.kept.delete(key)) this.bytes -= entry.body.byteLength;
  }
}

/** Public pages, feeds and API answers asked for without credentials: the same for every reader. */
function keepable(path: string, headers: Headers): boolean {
  return cachePolicy(path) === CACHE_POLICIES.public && !headers.has('cookie') && !headers.has('authorization');
}
