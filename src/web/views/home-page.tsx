import type { Article, ArticleHeadline, Story } from '../../model/index.ts';
import { ArticleList, SourceLink } from './article-list.tsx';
import { RelativeTime } from './dates.tsx';
import type { Topic } from './home-topics.ts';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import { TopStories } from './story-list.tsx';
import { TAG_TYPE_LABELS, categoryPath, tagPath } from './tags.tsx';

export interface HomePageData {
  /** Empty past the first page: later pages list articles only. */
  top: Story[];
  /** The first top story's headline article, for its lead. */
  lead: Article | null;
  topics: Topic[];
  /** The latest articles of each section that has recent ones, in the site's order of sections. */
  sections: Array<{ key: string; name: string; articles: ArticleHeadline[] }>;
  latest: ArticleHeadline[];
  page: number | null;
  links: { prev: string | null; next: string | null; first: string | null };
  canonical: string;
  now: Date;
  timeZone: string;
}

/** The front page: the stories most outlets are telling now, the latest by topic, then everything. */
export function HomePage({ top, lead, topics, sections, latest, page, links, canonical, now, timeZone }: HomePageData) {
  const first = page === 1;
  return (
    <Layout
      title={first ? 'مرصد' : `آخر الأخبار، الصفحة ${page ?? ''}`.trim()}
      description="آخر الأخبار من المواقع الإخبارية العربية في مكان واحد: القصص التي تتناقلها المصادر، وكل خبر برابط إلى مصدره."
      canonical={canonical}
      share={first ? { type: 'website', url: canonical } : undefined}
      pager={links}
    >
      <h1 class={first ? 'page-title intro' : 'page-title'}>{first ? 'أخبار العالم العربي من مصادرها، في مكان واحد' : 'آخر الأخبار'}</h1>
      <div class={first ? 'home-grid' : ''}>
        {first ? <TopStories stories={top} lead={lead} now={now} timeZone={timeZone} /> : null}
        {first && sections.length ? (
          <Cards
            id="sections-h" title="حسب القسم" now={now} timeZone={timeZone}
            cards={sections.map((s) => ({ name: s.name, href: categoryPath(s.key), articles: s.articles }))}
          />
        ) : null}
        {first && topics.length ? (
          <Cards
            id="topics-h" title="حسب الموضوع" now={now} timeZone={timeZone}
            cards={topics.map(({ tag, articles }) => ({ name: tag.name, href: tagPath(tag.key), label: TAG_TYPE_LABELS[tag.type], articles }))}
          />
        ) : null}
        <section class="latest" aria-labelledby="latest-h">
          <h2 id="latest-h">{first ? 'آخر الأخبار' : `الصفحة ${page ?? ''}`.trim()}</h2>
          <ArticleList articles={latest} now={now} timeZone={timeZone} level={3} />
          <Pager page={page} {...links} newer="أخبار أحدث" older="أخبار أقدم" />
        </section>
      </div>
    </Layout>
  );
}

/** Cards of a few headlines each under a linked name: the home page's sections and topics. */
function Cards({ id, title, cards, now, timeZone }: {
  id: string;
  title: string;
  cards: Array<{ name: string; href: string; label?: string; articles: ArticleHeadline[] }>;
  now: Date;
  timeZone: string;
}) {
  return (
    <section class="topics" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div class="topic-grid">
        {cards.map(({ name, href, label, articles }) => (
          <section class="topic" aria-label={name}>
            <h3><a href={href}>{name}</a>{label ? <> <small class="tag-type">{label}</small></> : null}</h3>
            <ul>
              {articles.map((a) => (
                <li>
                  <a href={`/article/${a.id}`}>{a.title}</a>
                  <span class="meta"><SourceLink article={a} /><RelativeTime iso={a.published_at ?? a.fetched_at} now={now} timeZone={timeZone} /></span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
