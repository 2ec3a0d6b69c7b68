import { Hono } from 'hono';
import type { Article } from '../../model/index.ts';
import { SECTIONS, sectionByKey } from '../../categories/sections.ts';
import type { ApiDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { articleDetailJson, articleJson } from './json.ts';
import { articleCursor, notFound, pageOf, readLimit, readPathId, readQueryId, readTimeCursor } from './params.ts';

/** GET /api/v1/articles (newest first, by source, section or tag) and /api/v1/articles/:id. */
export function articleApi({ store, pageSize }: ApiDeps): Hono {
  const app = new Hono();

  app.get('/api/v1/articles', async (c) => {
    const limit = readLimit(c.req.query('limit'), pageSize);
    const cursor = readTimeCursor(c.req.query('cursor'));
    const before = cursor && { published_at: cursor.at, id: cursor.id };
    const sourceId = readQueryId(c.req.query('source_id'), 'source_id');
    const tag = c.req.query('tag') || undefined;
    const category = c.req.query('category') || undefined;
    if (category !== undefined && !sectionByKey(category)) {
      throw new ApiError('bad_filter', `No section ${JSON.stringify(category)}; sections are ${SECTIONS.map((s) => s.key).join(', ')}.`);
    }
    let rows: Article[];
    if (tag !== undefined) {
      // The store pages a tag's articles by its own index, which has no source or section column.
      if (sourceId !== undefined || category !== undefined) throw new ApiError('bad_filter', 'tag cannot be combined with source_id or category; use one of them.');
      if (!(await store.getTag(tag))) throw new ApiError('not_found', `No tag with key ${JSON.stringify(tag)}.`, 404);
      rows = await store.latestArticlesWithTag(tag, { limit: limit + 1, before });
    } else {
      if (sourceId !== undefined && !(await store.getSource(sourceId))) throw notFound('source', sourceId);
      rows = await store.latestArticles({ limit: limit + 1, before, source_id: sourceId, category });
    }
    const page = pageOf(rows, limit, articleCursor);
    return c.json({ items: page.items.map(articleJson), next_cursor: page.next_cursor });
  });

  app.get('/api/v1/articles/:id', async (c) => {
    const id = readPathId(c.req.param('id'), 'article');
    const article = await store.getArticle(id);
    if (!article) throw notFound('article', id);
    const [tags, related, agency] = await Promise.all([store.tagsForArticle(id), store.relatedForArticle(id), store.wireCredit(id)]);
    return c.json(articleDetailJson(article, { tags, related: related.flatMap((r) => (r.article ? [r.article] : [])), agency }));
  });

  return app;
}
