import { Hono } from 'hono';
import { SECTIONS } from '../../categories/sections.ts';
import type { Story } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { type FeedFormat, feedResponse } from '../article-feed.ts';
import { parseCursor } from '../cursor.ts';
import { articleCursor } from '../views/article-list.tsx';
import { HomePage } from '../views/home-page.tsx';
import { groupByTopic } from '../views/home-topics.ts';
import { Layout } from '../views/layout.tsx';
import { Pager } from '../views/pager.tsx';
import { StoryList } from '../views/story-list.tsx';
import type { PageDeps } from './deps.ts';
import { loadPage, pageLinks, parsePage, withParams } from './paging.ts';

/** Stories ranked at the top of the home page (store/story-rank.ts has the formula). */
const TOP_STORIES = 8;
/** Recent articles the home page's topics are drawn from. */
const TOPIC_WINDOW = 60;

/** Headlines per section on the home page, and how recent they must be to count as news. */
const SECTION_ARTICLES = 3;
const SECTION_WINDOW_MS = 3 * 86_400_000;

/**
 * The latest few of each section with news in the last days before `newest` (the newest article's
 * time, or now if sooner: a quiet archive still shows its last days), in the site's order of sections.
 */
async function latestBySection(store: Store, newest: number) {
  const since = newest - SECTION_WINDOW_MS;
  const lists = await Promise.all(SECTIONS.map((s) => store.latestHeadlines({ limit: SECTION_ARTICLES, category: s.key })));
  return SECTIONS.flatMap((s, i) => {
    const articles = lists[i]!.filter((a) => Date.parse(a.published_at ?? a.fetched_at) >= since);
    return articles.length ? [{ key: s.key, name: s.name, articles }] : [];
  });
}

/** The home page, its RSS and Atom feeds, and /stories (every story, newest first). */
export function homeRoutes({ store, pageSize, timeZone, now, base }: PageDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const page = parsePage(c.req.query('page'));
    const before = parseCursor(c.req.query('before'));
    const at = now();
    const first = page === 1 && before === null;
    // The first page's list is the head of the articles its topics are drawn from: one query for both.
    const [latest, top, recent] = await Promise.all([
      first ? null : loadPage({
        page, before, pageGiven: c.req.query('page') !== undefined, limit: pageSize, cursorOf: articleCursor,
        fetch: (b, limit) => store.latestHeadlines({ limit, before: b }),
      }),
      first ? store.topStories({ now: at, limit: TOP_STORIES }) : Promise.resolve([] as Story[]),
      first ? store.latestHeadlines({ limit: Math.max(TOPIC_WINDOW, pageSize + 1) }) : Promise.resolve([]),
    ]);
    const list = latest ?? {
      items: recent.slice(0, pageSize),
      page: 1,
      next: recent.length > pageSize ? articleCursor(recent[pageSize - 1]!).text : null,
    };
    if (list.items.length === 0 && page > 1) return c.notFound();
    const leadId = top[0]?.headline_article_id;
    const [lead, tags, sections] = await Promise.all([
      leadId ? store.getArticle(leadId) : null,
      recent.length ? store.tagsForArticles(recent.map((a) => a.id)) : new Map(),
      first ? latestBySection(store, Math.min(at.getTime(), Date.parse(recent[0]?.published_at ?? recent[0]?.fetched_at ?? at.toISOString()))) : [],
    ]);
    const root = base(c.req.url);
    const links = pageLinks(list, (p) => withParams('/', p));
    return c.html(
      <HomePage
        top={top} lead={lead} topics={groupByTopic(recent, tags)} sections={sections} latest={list.items} page={list.page} links={links}
        canonical={`${root}${withParams('/', list.page && list.page > 1 ? { page: String(list.page) } : {})}`}
        now={at} timeZone={timeZone}
      />,
    );
  });

  for (const format of ['rss', 'atom'] as const satisfies FeedFormat[]) {
    app.get(`/${format}`, async (c) => {
      const articles = await store.latestArticles({ limit: pageSize });
      const root = base(c.req.url);
      const channel = {
        title: 'مرصد: آخر الأخبار',
        link: `${root}/`,
        self: `${root}/${format}`,
        description: 'آخر الأخبار من المواقع الإخبارية العربية في مكان واحد',
        updated: now().toISOString(),
      };
      return feedResponse(c, format, channel, articles, root);
    });
  }

  app.get('/stories', async (c) => {
    const page = parsePage(c.req.query('page'));
    const cursor = parseCursor(c.req.query('before'));
    const result = await loadPage({
      page, before: cursor ? { last_seen: cursor.published_at, id: cursor.id } : null, pageGiven: c.req.query('page') !== undefined,
      limit: pageSize,
      cursorOf: (s: Story) => ({ cursor: { last_seen: s.last_seen, id: s.id }, text: `${s.last_seen}~${s.id}` }),
      fetch: (b, limit) => store.latestStories({ limit, before: b }),
    });
    if (result.items.length === 0 && page > 1) return c.notFound();
    const links = pageLinks(result, (p) => withParams('/stories', p));
    const title = result.page === 1 ? 'القصص' : `القصص، الصفحة ${result.page ?? ''}`.trim();
    return c.html(
      <Layout
        title={title}
        description="كل القصص التي تتناقلها المواقع الإخبارية العربية، الأحدث أولاً، مع عدد المصادر لكل قصة."
        canonical={`${base(c.req.url)}${withParams('/stories', result.page && result.page > 1 ? { page: String(result.page) } : {})}`}
        pager={links}
      >
        <h1 class="page-title">{title}</h1>
        <p class="notice">القصة مجموعة أخبار عن الحدث نفسه من مواقع مختلفة، مرتبة هنا حسب آخر تحديث.</p>
        <StoryList stories={result.items} now={now()} timeZone={timeZone} />
        <Pager page={result.page} {...links} newer="قصص أحدث" older="قصص أقدم" />
      </Layout>,
    );
  });

  return app;
}
