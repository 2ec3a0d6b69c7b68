import { Hono } from 'hono';
import type { ApiDeps } from './deps.ts';
import { sourceJson } from './json.ts';
import { notFound, readPathId } from './params.ts';

/** GET /api/v1/sources and /api/v1/sources/:id: the outlets we poll and their health. Not paged: they are few. */
export function sourceApi({ store }: ApiDeps): Hono {
  const app = new Hono();

  app.get('/api/v1/sources', async (c) => {
    const sources = await store.listSources();
    const counts = await Promise.all(sources.map((s) => store.countArticles(s.id)));
    return c.json({ items: sources.map((s, i) => sourceJson(s, counts[i]!)) });
  });

  app.get('/api/v1/sources/:id', async (c) => {
    const id = readPathId(c.req.param('id'), 'source');
    const source = await store.getSource(id);
    if (!source) throw notFound('source', id);
    return c.json(sourceJson(source, await store.countArticles(source.id)));
  });

  return app;
}
