import type { ArticleHeadline } from '../../model/index.ts';
import { RelativeTime } from './dates.tsx';

/** The list of articles on the home, tag and source pages, newest first. */
export function ArticleList({ articles, now, timeZone, showSource = true, level = 2 }: {
  articles: ArticleHeadline[];
  now: Date;
  timeZone: string;
  showSource?: boolean;
  /** Heading level of each headline: 2 under the page's h1, 3 inside a section with its own h2. */
  level?: 2 | 3;
}) {
  if (articles.length === 0) return <p class="empty">لا أخبار بعد. تظهر الأخبار هنا بعد أول جولة على المصادر.</p>;
  return (
    <ol class="articles">
      {articles.map((a) => (
        <li>
          {level === 2 ? <h2><a href={`/article/${a.id}`}>{a.title}</a></h2> : <h3><a href={`/article/${a.id}`}>{a.title}</a></h3>}
          {a.lead ? <p>{a.lead}</p> : null}
          <div class="meta">
            {showSource ? <SourceLink article={a} /> : null}
            <RelativeTime iso={a.published_at ?? a.fetched_at} now={now} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The outlet's name, linked to its page on our site when we know it. */
export function SourceLink({ article }: { article: Pick<ArticleHeadline, 'source_id' | 'source_name'> }) {
  const name = article.source_name ?? 'مصدر غير معروف';
  // <bdi>: an outlet named in Latin letters ("BBC عربي") must not reorder the date beside it.
  return article.source_id ? <a class="src" href={`/source/${article.source_id}`}><bdi>{name}</bdi></a> : <span class="src"><bdi>{name}</bdi></span>;
}

/** The cursor that continues a newest-first article list after `a`: "<date>~<id>". */
export function articleCursor(a: Pick<ArticleHeadline, 'id' | 'published_at' | 'fetched_at'>): { cursor: { published_at: string; id: number }; text: string } {
  const at = a.published_at ?? a.fetched_at;
  return { cursor: { published_at: at, id: a.id }, text: `${at}~${a.id}` };
}
