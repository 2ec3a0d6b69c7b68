import { raw } from 'hono/html';
import type { Article, ArticleHeadline, WireCredit } from '../../model/index.ts';
import { outletCount } from './counts.ts';
import { SourceLink } from './article-list.tsx';
import { FullDate, RelativeTime } from './dates.tsx';
import { Layout } from './layout.tsx';
import { type TagLink, TagList, categoryPath } from './tags.tsx';
import { sectionByKey } from '../../categories/sections.ts';

/** What an article page shows; tags, coverage and related lists are filled by the tagging and story stages. */
export interface ArticlePageData {
  article: Article;
  tags: TagLink[];
  /** The same story told by other outlets. */
  coverage: ArticleHeadline[];
  /** Other stories about the same thing, close in time ("إقرأ أيضاً"). */
  related: ArticleHeadline[];
  /** When the article is a syndicated copy: its original, and the wire agency its text credits. */
  copyOf?: { original: ArticleHeadline; agency: WireCredit | null } | null;
  /** The article's story, for the link to its full coverage. */
  story?: { id: number; outlet_count: number } | null;
  now: Date;
  timeZone: string;
  siteUrl: string;
}

/** A description longer than this is cut by search engines and link previews anyway. */
const DESCRIPTION_CHARS = 200;

export function ArticlePage({ article, tags, coverage, related, copyOf, story, now, timeZone, siteUrl }: ArticlePageData) {
  const host = safeHost(article.url);
  const section = article.category ? sectionByKey(article.category) : null;
  const canonical = `${siteUrl}/article/${article.id}`;
  const description = article.lead ?? article.text.split('\n\n')[0]?.slice(0, DESCRIPTION_CHARS) ?? undefined;
  const share = {
    type: 'article' as const,
    url: canonical,
    image: article.image,
    published: article.published_at,
    modified: article.updated_at,
    section: section?.name ?? article.source_name,
    tags: tags.map((t) => t.name),
  };
  return (
    <Layout title={article.title} description={description} canonical={canonical} share={share}>
      <article class="story" aria-labelledby="headline">
        <p class="kicker"><SourceLink article={article} />{section ? <a class="section" href={categoryPath(section.key)}>{section.name}</a> : null}{story && story.outlet_count > 1 ? <a class="count" href={`/story/${story.id}`}>تنشره {outletCount(story.outlet_count)}</a> : null}</p>
        <h1 id="headline">{article.title}</h1>
        <p class="meta">
          <span>تاريخ النشر: <FullDate iso={article.published_at ?? article.fetched_at} timeZone={timeZone} /></span>
          <RelativeTime iso={article.published_at ?? article.fetched_at} now={now} timeZone={timeZone} />
          {article.authors.length ? <span>{article.authors.join('، ')}</span> : null}
        </p>
        {article.image ? <img class="hero" src={article.image} alt="" width="1200" height="675" decoding="async" /> : null}
        {article.lead && !article.text.startsWith(article.lead.slice(0, 40)) ? <p class="lead">{article.lead}</p> : null}
        <div class="body">{raw(article.body)}</div>
        <div class="source-box">
          المصدر:{' '}
          {article.source_id ? <a href={`/source/${article.source_id}`}>{article.source_name}</a> : <span>{article.source_name}</span>}
          {' — '}
          <a href={article.url} rel="noopener nofollow">اقرأ الخبر في موقعه الأصلي{host ? <> (<bdi>{host}</bdi>)</> : null}</a>
        </div>
        {copyOf ? (
          <p class="copy-note">
            هذا الخبر منقول عن <a href={`/article/${copyOf.original.id}`}>{copyOf.original.source_name ?? copyOf.original.title}</a>
            {copyOf.agency ? <> نقلاً عن {copyOf.agency.name}</> : null}.
          </p>
        ) : null}
        {tags.length ? (
          <section class="tags" aria-labelledby="tags-h">
            <h2 id="tags-h">كلمات دلالية</h2>
            <TagList tags={tags} />
          </section>
        ) : null}
        {coverage.length ? (
          <section class="coverage" aria-labelledby="coverage-h">
            <h2 id="coverage-h">تغطيات أخرى للخبر نفسه</h2>
            <RelatedList articles={coverage} now={now} timeZone={timeZone} />
            {story ? <p><a href={`/story/${story.id}`}>التغطية الكاملة على خط زمني ({outletCount(story.outlet_count)})</a></p> : null}
          </section>
        ) : null}
      </article>
      {related.length ? (
        <aside class="related" aria-labelledby="related-h">
          <h2 id="related-h">إقرأ أيضاً</h2>
          <RelatedList articles={related} now={now} timeZone={timeZone} />
        </aside>
      ) : null}
    </Layout>
  );
}

function RelatedList({ articles, now, timeZone }: { articles: ArticleHeadline[]; now: Date; timeZone: string }) {
  return (
    <ul>
      {articles.map((a) => (
        <li>
          <a href={`/article/${a.id}`}>{a.title}</a> <span class="meta"><span>{a.source_name}</span><RelativeTime iso={a.published_at} now={now} timeZone={timeZone} /></span>
        </li>
      ))}
    </ul>
  );
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
