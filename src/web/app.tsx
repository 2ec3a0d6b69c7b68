import { Hono } from 'hono';
import type { Store } from '../store/store.ts';
import { BadRequest } from './cursor.ts';
import { Layout } from './views/layout.tsx';
import { articleRoutes } from './routes/article.tsx';
import { homeRoutes } from './routes/home.tsx';
import { sitemapRoutes } from './routes/sitemap.ts';
import { sourceRoutes } from './routes/source.tsx';
import { staticRoutes } from './routes/static.ts';
import { searchRoutes } from './routes/search.tsx';
import { tagRoutes } from './routes/tags.tsx';
import { categoryRoutes } from './routes/categories.tsx';
import { storyRoutes } from './routes/stories.tsx';
import type { Logger } from '../log/index.ts';
import { rateLimit } from './rate-limit.ts';
import { securityHeadersMiddleware } from './security-headers.ts';
import { apiFailure, apiNotFound, apiRoutes, isApiPath } from './api/index.ts';
import { cors } from './cors.ts';
import { etag } from './etag.ts';
import { HttpMetrics, metricsRoutes } from './metrics.ts';
import { adminRoutes } from './routes/admin.tsx';
import { PageCache, type PageCacheOptions } from './page-cache.ts';

export interface WebOptions {
  store: Store;
  log: Logger;
  /** The zone dates are shown in; readers of a pan-Arab site are mostly at +3. */
  timeZone?: string;
  /** Public base URL for canonical links. */
  siteUrl?: string;
  now?: () => Date;
  /** Served over HTTPS: HSTS and upgraded image requests (security-headers.ts). */
  https?: boolean;
  /** A trusted reverse proxy sets X-Forwarded-For (rate-limit.ts); off, the socket's peer is the client. */
  trustProxy?: boolean;
  /** Requests per minute per client address; 0 or absent turns a limit off (settings.ts has the defaults). */
  rateLimits?: { searchPerMinute?: number; apiPerMinute?: number };
  /** The operator's credential for /admin (routes/admin.tsx); absent, the admin section is off. */
  adminToken?: string;
  /** Rendered public pages kept in memory (page-cache.ts); false turns it off. On by default. */
  pageCache?: Partial<PageCacheOptions> | false;
}

/** Articles per page on lists. */
const PAGE_SIZE = 30;

/** The reader's site: server-rendered Arabic pages, no client script needed. */
export function createApp(opts: WebOptions): Hono {
  const { store, log } = opts;
  const timeZone = opts.timeZone ?? 'Asia/Riyadh';
  const now = opts.now ?? (() => new Date());
  // Behind a proxy the request's own origin may be internal: siteUrl, when set, is the public one.
  const base = (requestUrl: string) => (opts.siteUrl ?? new URL(requestUrl).origin).replace(/\/+$/, '');
  const app = new Hono();
  // First, so every answer gets them, also those a later middleware gives itself (CORS preflights).
  app.use('*', securityHeadersMiddleware({ https: opts.https }));
  // Outermost: metrics time every answer, CORS answers preflights, ETag sees the finished response.
  const metrics = new HttpMetrics();
  app.use('*', metrics.middleware(), cors(), etag());

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log('debug', 'http_request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });

  // '/search/*' also matches /search itself.
  app.use('/search/*', rateLimit({ perMinute: opts.rateLimits?.searchPerMinute ?? 0, trustProxy: opts.trustProxy }));
  app.use('/api/*', rateLimit({ perMinute: opts.rateLimits?.apiPerMinute ?? 0, trustProxy: opts.trustProxy }));

  // Inside the rate limits, which a kept page still counts against; outside every route.
  // Its clock is the pages' clock: a kept page expires as its relative times ("منذ ساعتين") age.
  const cache = opts.pageCache === false ? null : new PageCache(store, opts.pageCache, () => now().getTime());
  if (cache) app.use('*', cache.middleware());

  app.route('/', staticRoutes());

  app.get('/healthz', async (c) => {
    const [articles, sources, schema] = await Promise.all([store.countArticles(), store.listSources(), store.schemaVersion()]);
    return c.json({ ok: true, backend: store.kind, schema_version: schema, articles, sources: sources.length });
  });

  const pages = { store, pageSize: PAGE_SIZE, timeZone, now, base };
  app.route('/', homeRoutes(pages));
  app.route('/', articleRoutes(pages));
  app.route('/', sourceRoutes(pages));
  app.route('/', sitemapRoutes({ store, base }));
  app.route('/', tagRoutes(pages));
  app.route('/', categoryRoutes(pages));
  app.route('/', storyRoutes(pages));
  app.route('/', searchRoutes(pages));
  app.route('/', apiRoutes({ store, log, pageSize: PAGE_SIZE, now }));
  app.route('/', metricsRoutes({ store, metrics, now, cache }));
  app.route('/', adminRoutes({ store, log, token: opts.adminToken, https: opts.https, siteUrl: opts.siteUrl, trustProxy: opts.trustProxy, timeZone, now }));

  app.notFound((c) =>
    isApiPath(c.req.path) ? apiNotFound(c) : c.html(
      <Layout title="الصفحة غير موجودة">
        <h1 class="page-title">الصفحة غير موجودة</h1>
        <p>لم نجد ما تبحث عنه. <a href="/">عد إلى آخر الأخبار</a> أو <a href="/search">ابحث في الأخبار</a>.</p>
      </Layout>,
      404,
    ),
  );

  app.onError((err, c) => {
    if (isApiPath(c.req.path)) return apiFailure(c, err, log);
    if (err instanceof BadRequest) {
      return c.html(<Layout title="طلب غير صالح"><h1 class="page-title">طلب غير صالح</h1><p class="error" role="alert">{err.message}</p><p><a href="/">عد إلى الصفحة الرئيسية</a>.</p></Layout>, 400);
    }
    log('error', 'http_error', { path: c.req.path, error: err.message });
    return c.html(<Layout title="خطأ"><h1>حدث خطأ</h1><p>تعذّر عرض الصفحة الآن. أعد المحاولة بعد قليل.</p></Layout>, 500);
  });

  return app;
}
