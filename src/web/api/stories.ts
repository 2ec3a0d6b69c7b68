import { Hono } from 'hono';
import { RANK_CANDIDATES } from '../../store/story-rank.ts';
import type { ApiDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { articleJson, storyJson } from './json.ts';
import { notFound, offsetCursor, pageOf, readLimit, readOffsetCursor, readPathId, readTimeCursor, timeCursor } from './params.ts';

export const STORY_SORTS = ['rank', 'latest'] as const;

/**
 * GET /api/v1/stories and /api/v1/stories/:id. `sort=rank` (the default) is the home page's ranking
 * (store/story-rank.ts), paged by offset since the ranking moves with the clock; `sort=latest` is by
 * last article seen, paged by a keyset cursor.
 */
export function storyApi({ store, pageSize, now }: ApiDeps): Hono {
  const app = new Hono();

  app.get('/api/v1/stories', async (c) => {
    const limit = readLimit(c.req.query('limit'), pageSize);
    const sort = c.req.query('sort') || 'rank';
    const raw = c.req.query('cursor');
    if (sort === 'rank') {
      const offset = readOffsetCursor(raw, RANK_CANDIDATES);
      const ranked = await store.topStories({ now: now(), limit: offset + limit + 1 });
      const items = ranked.slice(offset, offset + limit);
      const next = ranked.length > offset + limit ? offsetCursor(offset + limit) : null;
      return c.json({ items: items.map(storyJson), next_cursor: next, sort });
    }
    if (sort === 'latest') {
      const cursor = readTimeCursor(raw);
      const rows = await store.latestStories({ limit: limit + 1, before: cursor && { last_seen: cursor.at, id: cursor.id } });
      const page = pageOf(rows, limit, (s) => timeCursor(s.last_seen, s.id));
      return c.json({ items: page.items.map(storyJson), next_cursor: page.next_cursor, sort });
    }
    throw new ApiError('bad_sort', `sort must be ${STORY_SORTS.map((s) => `"${s}"`).join(' or ')}.`);
  });

  app.get('/api/v1/stories/:id', async (c) => {
    const id = readPathId(c.req.param('id'), 'story');
    const story = await store.getStory(id);
    if (!story) throw notFound('story', id);
    const articles = await store.storyArticles(story.id);
    return c.json({ ...storyJson(story), articles: articles.map(articleJson) });
  });

  return app;
}
