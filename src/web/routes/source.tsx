import { Hono } from 'hono';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseCursor, parseId } from '../cursor.ts';
import { articleCursor } from '../views/article-list.tsx';
import { SourcePage, SourcesPage } from '../views/source-page.tsx';
import { publishingRate, RATE_SAMPLE } from '../views/source-stats.ts';
import type { PageDeps } from './deps.ts';
import { loadPage, pageLinks, parsePage, withParams } from './paging.ts';

/** /sources, /source/:id (health and latest articles, paged) and each source's RSS and Atom feeds. */
export function sourceRoutes({ store, pageSize, timeZone, now, base }: PageDeps): Hono {
  const app = new Hono();

  const load = async (raw: string) => {
    const id = parseId(raw);
    return id === null ? null : store.getSource(id);
  };

  app.get('/sources', async (c) => {
    const sources = await store.listSources();
    const withCounts = await Promise.all(sources.map(async (s) => ({ ...s, articles: await store.countArticles(s.id) })));
    return c.html(<SourcesPage sources={withCounts} canonical={`${base(c.req.url)}/sources`} now={now()} timeZone={timeZone} />);
  });

  app.get('/source/:id', async (c) => {
    const source = await load(c.req.param('id'));
    if (!source) return c.notFound();
    const page = parsePage(c.req.query('page'));
    const before = parseCursor(c.req.query('before'));
    const at = now();
    const [result, total, sample] = await Promise.all([
      loadPage({
        page, before, pageGiven: c.req.query('page') !== undefined, limit: pageSize, cursorOf: articleCursor,
        fetch: (b, limit) => store.latestHeadlines({ limit, before: b, source_id: source.id }),
      }),
      store.countArticles(source.id),
      store.latestHeadlines({ limit: RATE_SAMPLE, source_id: source.id }),
    ]);
    if (result.items.length === 0 && page > 1) return c.notFound();
    const path = `/source/${source.id}`;
    const links = pageLinks(result, (p) => withParams(path, p));
    const canonical = `${base(c.req.url)}${withParams(path, result.page && result.page > 1 ? { page: String(result.page) } : {})}`;
    return c.html(
      <SourcePage
        source={source} articles={result.items} total={total} rate={publishingRate(sample, at, timeZone)}
        page={result.page} links={links} canonical={canonical} now={at} timeZone={timeZone}
      />,
    );
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/source/:id/${format}`, async (c) => {
      const source = await load(c.req.param('id'));
      if (!source) return c.notFound();
      const articles = await store.latestArticles({ limit: pageSize, source_id: source.id });
      const root = base(c.req.url);
      const page = `${root}/source/${source.id}`;
      const channel = {
        title: `${source.name} | مرصد`,
        link: page,
        self: `${page}/${format}`,
        description: `آخر أخبار ${source.name} كما جمعها مرصد`,
        updated: now().toISOString(),
      };
      return feedResponse(c, format, channel, articles, root);
    });
  }

  return app;
}
