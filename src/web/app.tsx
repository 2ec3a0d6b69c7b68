import { Hono } from 'hono';
import type { Store } from '../store/store.ts';
import { BadRequest, parseCursor, parseId } from './cursor.ts';
import { ArticleList, Pager } from './views/article-list.tsx';
import { ArticlePage } from './views/article-page.tsx';
import { storyContext } from './story-context.ts';
import { Layout } from './views/layout.tsx';
import { SourcePage, SourcesPage } from './views/source-page.tsx';
import { staticRoutes } from './routes/static.ts';
import { searchRoutes } from './routes/search.tsx';
import { tagRoutes } from './routes/tags.tsx';
import { storyRoutes } from './routes/stories.tsx';
import { TopStories } from './views/story-list.tsx';
import { tagPath } from './views/tags.tsx';
import type { Logger } from '../log/index.ts';
import { rateLimit } from './rate-limit.ts';
import { securityHeadersMiddleware } from './security-headers.ts';
import { apiFailure, apiNotFound, apiRoutes, isApiPath } from './api/index.ts';
import { cors } from './cors.ts';
import { etag } from './etag.ts';
import { HttpMetrics, metricsRoutes } from './metrics.ts';

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
}

/** Articles per page on lists. */
const PAGE_SIZE = 30;
/** Stories ranked at the top of the home page (store/story-rank.ts has the formula). */
const TOP_STORIES = 10;

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

  app.route('/', staticRoutes());

  app.get('/healthz', async (c) => {
    const [articles, sources, schema] = await Promise.all([store.countArticles(), store.listSources(), store.schemaVersion()]);
    return c.json({ ok: true, backend: store.kind, schema_version: schema, articles, sources: sources.length });
  });

  app.get('/', async (c) => {
    const before = parseCursor(c.req.query('before'));
    const [articles, top] = await Promise.all([
      store.latestArticles({ limit: PAGE_SIZE, before }),
      before ? [] : store.topStories({ now: now(), limit: TOP_STORIES }),
    ]);
    return c.html(
      <Layout title="مرصد" description="آخر الأخبار من المواقع الإخبارية العربية في مكان واحد">
        <TopStories stories={top} now={now()} timeZone={timeZone} />
        <h1>آخر الأخبار</h1>
        <ArticleList articles={articles} now={now()} timeZone={timeZone} />
        <Pager articles={articles} limit={PAGE_SIZE} basePath="/" />
      </Layout>,
    );
  });

  app.get('/article/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const article = id === null ? null : await store.getArticle(id);
    if (!article) return c.notFound();
    const tags = (await store.tagsForArticle(article.id)).map((t) => ({ name: t.name, type: t.type, href: tagPath(t.key) }));
    const { coverage, related, copyOf, story } = await storyContext(store, article);
    return c.html(<ArticlePage article={article} tags={tags} coverage={coverage} related={related} copyOf={copyOf} story={story} now={now()} timeZone={timeZone} siteUrl={base(c.req.url)} />);
  });

  app.route('/', tagRoutes({ store, pageSize: PAGE_SIZE, timeZone, now, base }));
  app.route('/', storyRoutes({ store, pageSize: PAGE_SIZE, timeZone, now, base }));
  app.route('/', searchRoutes({ store, pageSize: PAGE_SIZE, timeZone, now, base }));
  app.route('/', apiRoutes({ store, log, pageSize: PAGE_SIZE, now }));
  app.route('/', metricsRoutes({ store, metrics, now }));

  app.get('/sources', async (c) => {
    const sources = await store.listSources();
    const withCounts = await Promise.all(sources.map(async (s) => ({ ...s, articles: await store.countArticles(s.id) })));
    return c.html(<SourcesPage sources={withCounts} />);
  });

  app.get('/source/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const source = id === null ? null : await store.getSource(id);
    if (!source) return c.notFound();
    const before = parseCursor(c.req.query('before'));
    const [articles, total] = await Promise.all([
      store.latestArticles({ limit: PAGE_SIZE, before, source_id: source.id }),
      store.countArticles(source.id),
    ]);
    return c.html(<SourcePage source={source} articles={articles} total={total} limit={PAGE_SIZE} now={now()} timeZone={timeZone} />);
  });

  app.notFound((c) =>
    isApiPath(c.req.path) ? apiNotFound(c) : c.html(
      <Layout title="الصفحة غير موجودة">
        <h1>الصفحة غير موجودة</h1>
        <p>لم نجد ما تبحث عنه. <a href="/">عد إلى آخر الأخبار</a>.</p>
      </Layout>,
      404,
    ),
  );

  app.onError((err, c) => {
    if (isApiPath(c.req.path)) return apiFailure(c, err, log);
    if (err instanceof BadRequest) {
      return c.html(<Layout title="طلب غير صالح"><h1>طلب غير صالح</h1><p>{err.message}</p></Layout>, 400);
    }
    log('error', 'http_error', { path: c.req.path, error: err.message });
    return c.html(<Layout title="خطأ"><h1>حدث خطأ</h1><p>تعذّر عرض الصفحة الآن. أعد المحاولة بعد قليل.</p></Layout>, 500);
  });

  return app;
}
