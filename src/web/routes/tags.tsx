import { Hono } from 'hono';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseCursor } from '../cursor.ts';
import { articleCursor } from '../views/article-list.tsx';
import { TagPage } from '../views/tag-page.tsx';
import { tagPath } from '../views/tags.tsx';
import type { PageDeps } from './deps.ts';
import { loadPage, pageLinks, parsePage, withParams } from './paging.ts';

export type TagRoutesDeps = PageDeps;

/** /tag/:key (the tagger's key, percent-encoded), and its RSS and Atom feeds. Unknown tags are 404. */
export function tagRoutes({ store, pageSize, timeZone, now, base }: TagRoutesDeps): Hono {
  const app = new Hono();

  app.get('/tag/:key', async (c) => {
    const tag = await store.getTag(c.req.param('key'));
    if (!tag) return c.notFound();
    const page = parsePage(c.req.query('page'));
    const before = parseCursor(c.req.query('before'));
    const [result, total] = await Promise.all([
      loadPage({
        page, before, pageGiven: c.req.query('page') !== undefined, limit: pageSize, cursorOf: articleCursor,
        fetch: (b, limit) => store.latestHeadlinesWithTag(tag.key, { limit, before: b }),
      }),
      store.countArticlesWithTag(tag.key),
    ]);
    if (result.items.length === 0 && page > 1) return c.notFound();
    const path = tagPath(tag.key);
    const links = pageLinks(result, (p) => withParams(path, p));
    const canonical = `${base(c.req.url)}${withParams(path, result.page && result.page > 1 ? { page: String(result.page) } : {})}`;
    return c.html(
      <TagPage tag={tag} articles={result.items} total={total} page={result.page} links={links} path={path} canonical={canonical} now={now()} timeZone={timeZone} />,
    );
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/tag/:key/${format}`, async (c) => {
      const tag = await store.getTag(c.req.param('key'));
      if (!tag) return c.notFound();
      const articles = await store.latestArticlesWithTag(tag.key, { limit: pageSize });
      const root = base(c.req.url);
      const page = `${root}${tagPath(tag.key)}`;
      const channel = {
        title: `${tag.name} | مرصد`,
        link: page,
        self: `${page}/${format}`,
        description: `آخر الأخبار عن ${tag.name} من المواقع الإخبارية العربية`,
        updated: now().toISOString(),
      };
      return feedResponse(c, format, channel, articles, root);
    });
  }

  return app;
}
