import { Hono } from 'hono';
import type { ApiDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { articleJson, tagJson } from './json.ts';
import { articleCursor, pageOf, readLimit, readTimeCursor } from './params.ts';

/** GET /api/v1/tags/:key: the tag and its articles, newest first. The key is percent-encoded. */
export function tagApi({ store, pageSize }: ApiDeps): Hono {
  const app = new Hono();

  app.get('/api/v1/tags/:key', async (c) => {
    const key = c.req.param('key');
    const limit = readLimit(c.req.query('limit'), pageSize);
    const cursor = readTimeCursor(c.req.query('cursor'));
    const tag = await store.getTag(key);
    if (!tag) throw new ApiError('not_found', `No tag with key ${JSON.stringify(key)}.`, 404);
    const [rows, total] = await Promise.all([
      store.latestArticlesWithTag(tag.key, { limit: limit + 1, before: cursor && { published_at: cursor.at, id: cursor.id } }),
      store.countArticlesWithTag(tag.key),
    ]);
    const page = pageOf(rows, limit, articleCursor);
    return c.json({ tag: tagJson(tag), total, items: page.items.map(articleJson), next_cursor: page.next_cursor });
  });

  return app;
}
