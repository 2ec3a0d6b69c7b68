import { Hono } from 'hono';
import { parseId } from '../cursor.ts';
import { storyContext } from '../story-context.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { tagPath } from '../views/tags.tsx';
import type { PageDeps } from './deps.ts';

/** /article/:id: the article with its date, source, tags, coverage by other outlets and "read also". */
export function articleRoutes({ store, timeZone, now, base }: PageDeps): Hono {
  const app = new Hono();
  app.get('/article/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const article = id === null ? null : await store.getArticle(id);
    if (!article) return c.notFound();
    const [tags, context] = await Promise.all([store.tagsForArticle(article.id), storyContext(store, article)]);
    const links = tags.map((t) => ({ name: t.name, type: t.type, href: tagPath(t.key) }));
    const { coverage, related, copyOf, story } = context;
    return c.html(
      <ArticlePage article={article} tags={links} coverage={coverage} related={related} copyOf={copyOf} story={story} now={now()} timeZone={timeZone} siteUrl={base(c.req.url)} />,
    );
  });
  return app;
}
