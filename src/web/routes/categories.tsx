import { Hono } from 'hono';
import { sectionByKey } from '../../categories/sections.ts';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseCursor } from '../cursor.ts';
import { articleCursor } from '../views/article-list.tsx';
import { NamedListPage } from '../views/tag-page.tsx';
import { categoryPath } from '../views/tags.tsx';
import type { PageDeps } from './deps.ts';
import { loadPage, pageLinks, parsePage, withParams } from './paging.ts';

/** /category/:key (politics, economy, sports…: src/categories) and its RSS and Atom feeds; other keys are 404. */
export function categoryRoutes({ store, pageSize, timeZone, now, base }: PageDeps): Hono {
  const app = new Hono();
  const description = (name: string) => `آخر أخبار ${name} من المواقع الإخبارية العربية`;

  app.get('/category/:key', async (c) => {
    const section = sectionByKey(c.req.param('key'));
    if (!section) return c.notFound();
    const page = parsePage(c.req.query('page'));
    const before = parseCursor(c.req.query('before'));
    const result = await loadPage({
      page, before, pageGiven: c.req.query('page') !== undefined, limit: pageSize, cursorOf: articleCursor,
      fetch: (b, limit) => store.latestHeadlines({ limit, before: b, category: section.key }),
    });
    if (result.items.length === 0 && page > 1) return c.notFound();
    const path = categoryPath(section.key);
    const links = pageLinks(result, (p) => withParams(path, p));
    const canonical = `${base(c.req.url)}${withParams(path, result.page && result.page > 1 ? { page: String(result.page) } : {})}`;
    return c.html(
      <NamedListPage
        name={section.name} kind="قسم" description={description(section.name)} articles={result.items}
        page={result.page} links={links} path={path} canonical={canonical} now={now()} timeZone={timeZone}
      />,
    );
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/category/:key/${format}`, async (c) => {
      const section = sectionByKey(c.req.param('key'));
      if (!section) return c.notFound();
      const articles = await store.latestArticles({ limit: pageSize, category: section.key });
      const root = base(c.req.url);
      const page = `${root}${categoryPath(section.key)}`;
      const channel = { title: `${section.name} | مرصد`, link: page, self: `${page}/${format}`, description: description(section.name), updated: now().toISOString() };
      return feedResponse(c, format, channel, articles, root);
    });
  }

  return app;
}
