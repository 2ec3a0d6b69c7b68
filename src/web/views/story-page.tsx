import type { ArticleHeadline, Story } from '../../model/index.ts';
import { copyCount, outletCount, articleCount } from './counts.ts';
import { FullDate, RelativeTime } from './dates.tsx';
import { Layout } from './layout.tsx';
import { type TagLink, TagList, tagPath } from './tags.tsx';

export interface StoryPageData {
  story: Story;
  /** The story's articles, oldest first (copies included). */
  articles: ArticleHeadline[];
  canonical: string;
  now: Date;
  timeZone: string;
}

/** One entry of the timeline: an outlet's own version and the copies folded under it. */
interface TimelineEntry {
  article: ArticleHeadline;
  copies: ArticleHeadline[];
}

/** Originals in time order, each with its copies; a copy whose original is not in the story stands alone. */
export function storyTimeline(articles: readonly ArticleHeadline[]): TimelineEntry[] {
  const ids = new Set(articles.map((a) => a.id));
  const entries: TimelineEntry[] = [];
  const byId = new Map<number, TimelineEntry>();
  for (const a of articles) {
    if (a.duplicate_of !== null && ids.has(a.duplicate_of)) continue;
    const entry = { article: a, copies: [] };
    entries.push(entry);
    byId.set(a.id, entry);
  }
  for (const a of articles) {
    if (a.duplicate_of !== null && ids.has(a.duplicate_of)) byId.get(a.duplicate_of)?.copies.push(a);
  }
  return entries;
}

export function storyTags(story: Story): TagLink[] {
  return story.entities.filter((e) => e.name && e.type).map((e) => ({ name: e.name!, type: e.type!, href: tagPath(e.key) }));
}

/** A story's full coverage: who reported first, every outlet's version on a timeline, copies folded. */
export function StoryPage({ story, articles, canonical, now, timeZone }: StoryPageData) {
  const path = `/story/${story.id}`;
  const timeline = storyTimeline(articles);
  const first = timeline[0]?.article;
  const tags = storyTags(story);
  return (
    <Layout
      title={story.headline}
      description={`${story.headline}: تغطية ${outletCount(story.outlet_count)} على خط زمني`}
      canonical={canonical}
      share={{ type: 'article', url: canonical, published: story.first_seen, modified: story.last_seen, tags: tags.map((t) => t.name) }}
      feeds={[
        { title: `${story.headline} (RSS)`, href: `${path}/rss`, type: 'application/rss+xml' },
        { title: `${story.headline} (Atom)`, href: `${path}/atom`, type: 'application/atom+xml' },
      ]}
    >
      <header class="story-head">
        <h1>{story.headline}</h1>
        <p class="meta">
          <span>{outletCount(story.outlet_count)}</span>
          <span>{articleCount(story.article_count)}</span>
          <span>آخر تحديث: <RelativeTime iso={story.last_seen} now={now} timeZone={timeZone} /></span>
        </p>
        {first ? (
          <p class="first-report">
            أول من نشر الخبر: <SourceName article={first} /> <FullDate iso={first.published_at ?? first.fetched_at} timeZone={timeZone} />
          </p>
        ) : null}
        {tags.length ? <TagList tags={tags} /> : null}
        <p class="meta feeds">
          تابع الخبر: <a href={`${path}/rss`} type="application/rss+xml">RSS</a> <a href={`${path}/atom`} type="application/atom+xml">Atom</a>
        </p>
      </header>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">التغطية على خط زمني</h2>
        <ol class="timeline">
          {timeline.map(({ article, copies }) => (
            <li>
              <RelativeTime iso={article.published_at ?? article.fetched_at} now={now} timeZone={timeZone} />{' '}
              <SourceName article={article} />: <a href={`/article/${article.id}`}>{article.title}</a>
              {article.duplicate_of !== null ? <span class="copy-note"> (نسخة من خبر سابق)</span> : null}
              {copies.length ? (
                <details class="copies">
                  <summary>+{copyCount(copies.length)}</summary>
                  <ul>
                    {copies.map((c) => (
                      <li>
                        نسخة من {article.source_name ?? 'المصدر الأصلي'} نشرها <SourceName article={c} />:{' '}
                        <a href={`/article/${c.id}`}>{c.title}</a> <RelativeTime iso={c.published_at ?? c.fetched_at} now={now} timeZone={timeZone} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function SourceName({ article }: { article: ArticleHeadline }) {
  const name = article.source_name ?? 'مصدر غير معروف';
  return article.source_id ? <a href={`/source/${article.source_id}`}>{name}</a> : <span>{name}</span>;
}
