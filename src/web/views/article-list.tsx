import type { Article } from '../../model/index.ts';
import { RelativeTime } from './dates.tsx';

/** The list of articles on the home and source pages, newest first. */
export function ArticleList({ articles, now, timeZone }: { articles: Article[]; now: Date; timeZone: string }) {
  if (articles.length === 0) return <p>لا أخبار بعد. تظهر الأخبار هنا بعد أول جولة على المصادر.</p>;
  return (
    <ol class="articles">
      {articles.map((a) => (
        <li>
          <h2><a href={`/article/${a.id}`}>{a.title}</a></h2>
          {a.lead ? <p>{a.lead}</p> : null}
          <div class="meta">
            {a.source_id ? <a href={`/source/${a.source_id}`}>{a.source_name}</a> : <span>{a.source_name ?? 'مصدر غير معروف'}</span>}
            <RelativeTime iso={a.published_at ?? a.fetched_at} now={now} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** "Older" link carrying a cursor (the last article's date and id), so pages stay stable as news arrives. */
export function Pager({ articles, limit, basePath }: { articles: Article[]; limit: number; basePath: string }) {
  const last = articles[articles.length - 1];
  if (!last || articles.length < limit) return null;
  const cursor = `${last.published_at ?? last.fetched_at}~${last.id}`;
  return (
    <nav class="pager" aria-label="التنقل بين الصفحات">
      <span />
      <a href={`${basePath}?before=${encodeURIComponent(cursor)}`} rel="next">أخبار أقدم ←</a>
    </nav>
  );
}
