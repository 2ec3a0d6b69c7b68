import { Hono } from 'hono';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseId } from '../cursor.ts';
import { StoryPage } from '../views/story-page.tsx';
import type { PageDeps } from './deps.ts';

export type StoryRoutesDeps = PageDeps;

/** /story/:id (full coverage on a timeline) and its RSS and Atom feeds. Unknown stories are 404. */
export function storyRoutes({ store, pageSize, timeZone, now, base }: StoryRoutesDeps): Hono {
  const app = new Hono();

  const load = async (raw: string) => {
    const id = parseId(raw);
    return id === null ? null : store.getStory(id);
  };

  app.get('/story/:id', async (c) => {
    const story = await load(c.req.param('id'));
    if (!story) return c.notFound();
    const articles = await store.storyHeadlines(story.id);
    return c.html(<StoryPage story={story} articles={articles} canonical={`${base(c.req.url)}/story/${story.id}`} now={now()} timeZone={timeZone} />);
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/story/:id/${format}`, async (c) => {
      const story = await load(c.req.param('id'));
      if (!story) return c.notFound();
      // Newest first, as feed readers expect; copies included, each links to its own page.
      const articles = (await store.storyArticles(story.id)).reverse().slice(0, pageSize);
      const root = base(c.req.url);
      const page = `${root}/story/${story.id}`;
      const channel = {
        title: `${story.headline} | مرصد`,
        link: page,
        self: `${page}/${format}`,
        description: `تغطية المواقع الإخبارية العربية لخبر: ${story.headline}`,
        updated: story.last_seen,
      };
      return feedResponse(c, format, channel, articles, root);
    });
  }

  return app;
}
