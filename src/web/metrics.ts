// /metrics in the Prometheus text exposition format (version 0.0.4):
// https://prometheus.io/docs/instrumenting/exposition_formats/
//
// Request latency is counted here, per web process, by a middleware. Everything about the crawl is
// read from the store at scrape time, because `marsad web` and `marsad worker` may be separate
// processes (DESIGN.md, scale-out): a counter kept in a worker's memory would be invisible to the web
// process Prometheus scrapes, and lost at each restart. The store is the one place every process
// agrees on, so every web process reports the same figures and Prometheus should keep one of them
// (or take max()).
import { Hono, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { PageCache, PageCacheStats } from './page-cache.ts';
import type { Store } from '../store/store.ts';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Upper bounds in seconds; finer than Prometheus's defaults below 25 ms, where our pages should be. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** How many due sources are counted at most; past this the queue is simply "very long". */
const QUEUE_SCAN_LIMIT = 100_000;

/** The route label of requests no route matched: their paths are the client's, unbounded in number. */
export const UNMATCHED_ROUTE = 'unmatched';

interface Series {
  labels: string;
  buckets: number[];
  sum: number;
  count: number;
}

/** Request durations by method, route pattern and status, kept in this process's memory. */
export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  observe(labels: { method: string; route: string; status: number }, seconds: number): void {
    const key = labelSet({ method: labels.method, route: labels.route, status: String(labels.status) });
    let s = this.series.get(key);
    if (!s) {
      s = { labels: key, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    // Stored per bucket, not cumulative; render() accumulates.
    const i = DURATION_BUCKETS.findIndex((le) => seconds <= le);
    if (i >= 0) s.buckets[i]!++;
    s.sum += seconds;
    s.count++;
  }

  /** Times every request; register it before anything that may answer on its own. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        this.observe({ method: c.req.method, route: routePattern(c), status: c.res.status }, (performance.now() - started) / 1000);
      }
    };
  }

  render(): string[] {
    const name = 'marsad_http_request_duration_seconds';
    const out = [`# HELP ${name} Time to answer an HTTP request, by route pattern and status.`, `# TYPE ${name} histogram`];
    for (const s of [...this.series.values()].sort((a, b) => (a.labels < b.labels ? -1 : 1))) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        out.push(`${name}_bucket{${s.labels},le="${le}"} ${cumulative}`);
      });
      out.push(`${name}_bucket{${s.labels},le="+Inf"} ${s.count}`);
      out.push(`${name}_sum{${s.labels}} ${s.sum}`);
      out.push(`${name}_count{${s.labels}} ${s.count}`);
    }
    return out;
  }
}

/** The pattern of the route that answered ('/article/:id'), never the path itself, to bound the series. */
function routePattern(c: Parameters<MiddlewareHandler>[0]): string {
  // Middleware is registered for method ALL; a route serving the request has its own method. When a
  // middleware answered (a preflight, a rate limit), the route that would have served it names it.
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  return routes.filter((r) => r.method !== 'ALL').at(-1)?.path ?? UNMATCHED_ROUTE;
}

/** The crawl's figures, read from the store at scrape time. */
export async function storeMetrics(store: Store, now: Date): Promise<string[]> {
  const [articles, sources, due] = await Promise.all([store.countArticles(), store.listSources(), store.dueSources(now, QUEUE_SCAN_LIMIT)]);
  const out = [
    '# HELP marsad_articles_ingested_total Articles stored, read from the store so that every process reports the same count.',
    '# TYPE marsad_articles_ingested_total counter',
    `marsad_articles_ingested_total ${articles}`,
    // The store keeps consecutive failures, which a successful poll resets to 0: Prometheus reads the
    // drop as a counter reset, so rate() and increase() still count the failures seen between scrapes.
    '# HELP marsad_fetch_errors_total Failed polls of a source since its last successful one.',
    '# TYPE marsad_fetch_errors_total counter',
  ];
  for (const s of sources) {
    if (s.kind === 'import') continue;
    out.push(`marsad_fetch_errors_total{${labelSet({ source: s.name, source_id: String(s.id) })}} ${s.consecutive_failures}`);
  }
  out.push(
    '# HELP marsad_queue_depth Sources due for a poll now and not yet polled.',
    '# TYPE marsad_queue_depth gauge',
    `marsad_queue_depth ${due.length}`,
  );
  return out;
}

/** GET /metrics: the store's figures and this process's request latencies. */
/** The page cache's counters (page-cache.ts), for telling how much of the traffic it spares. */
export function pageCacheMetrics(stats: PageCacheStats): string[] {
  return [
    '# HELP marsad_page_cache_hits_total Pages served from memory, as built for an earlier request.',
    '# TYPE marsad_page_cache_hits_total counter',
    `marsad_page_cache_hits_total ${stats.hits}`,
    '# HELP marsad_page_cache_misses_total Cacheable pages built because none was kept, or the kept one was stale.',
    '# TYPE marsad_page_cache_misses_total counter',
    `marsad_page_cache_misses_total ${stats.misses}`,
    '# HELP marsad_page_cache_bytes Bytes of page bodies kept.',
    '# TYPE marsad_page_cache_bytes gauge',
    `marsad_page_cache_bytes ${stats.bytes}`,
  ];
}

export function metricsRoutes({ store, metrics, now, cache }: { store: Store; metrics: HttpMetrics; now: () => Date; cache?: PageCache | null }): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const lines = [...(await storeMetrics(store, now())), ...metrics.render(), ...(cache ? pageCacheMetrics(cache.stats()) : [])];
    c.header('Cache-Control', 'no-store');
    return c.body(lines.join('\n') + '\n', 200, { 'Content-Type': METRICS_CONTENT_TYPE });
  });
  return app;
}

/** `a="x",b="y"` with values escaped as the format asks: backslash, double quote and line feed. */
export function labelSet(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}
