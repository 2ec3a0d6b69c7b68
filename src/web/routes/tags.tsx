import { Hono } from 'hono';
import type { Store } from '../../store/store.ts';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseCursor } from '../cursor.ts';
import { TagPage } from '../views/tag-page.tsx';
import { tagPath } from '../views/tags.tsx';

export interface TagRoutesDeps {
  store: Store;
  pageSize: number;
  timeZone: string;
  now: () => Date;
  /** The site's absolute base URL (no trailing slash) for this request. */
  base: (requestUrl: string) => string;
}

/** /tag/:key (the tagger's key, percent-encoded), and its RSS and Atom feeds. Unknown tags are 404. */
export function tagRoutes({ store, pageSize, timeZone, now, base }: TagRoutesDeps): Hono {
  const app = new Hono();

  app.get('/tag/:key', async (c) => {
    const tag = await store.getTag(c.req.param('key'));
    if (!tag) return c.notFound();
    const before = parseCursor(c.req.query('before'));
    const [articles, total] = await Promise.all([
      store.latestArticlesWithTag(tag.key, { limit: pageSize, before }),
      store.countArticlesWithTag(tag.key),
    ]);
    const path = tagPath(tag.key);
    const canonical = before ? null : `${base(c.req.url)}${path}`;
    return c.html(<TagPage tag={tag} articles={articles} total={total} limit={pageSize} path={path} canonical={canonical} now={now()} timeZone={timeZone} />);
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
