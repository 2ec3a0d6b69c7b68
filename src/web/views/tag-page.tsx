import type { Article, TagInfo } from '../../model/index.ts';
import { ArticleList, Pager } from './article-list.tsx';
import { Layout } from './layout.tsx';
import { TAG_TYPE_LABELS, articleCount } from './tags.tsx';

export interface TagPageData {
  tag: TagInfo;
  articles: Article[];
  total: number;
  limit: number;
  /** Site-relative path of the page (/tag/…), for the pager and the feeds. */
  path: string;
  /** Absolute URL of the first page, or null on later pages (they are not the canonical one). */
  canonical: string | null;
  now: Date;
  timeZone: string;
}

/** A tag's page: its name, what it is, how many articles carry it, the latest of them, its feeds. */
export function TagPage({ tag, articles, total, limit, path, canonical, now, timeZone }: TagPageData) {
  const rss = `${path}/rss`;
  const atom = `${path}/atom`;
  return (
    <Layout
      title={tag.name}
      description={`آخر الأخبار عن ${tag.name} من المواقع الإخبارية العربية`}
      canonical={canonical ?? undefined}
      feeds={[
        { title: `${tag.name} (RSS)`, href: rss, type: 'application/rss+xml' },
        { title: `${tag.name} (Atom)`, href: atom, type: 'application/atom+xml' },
      ]}
    >
      <header class="tag-head">
        <h1>{tag.name}</h1>
        <p class="meta">
          <span class="tag-type">{TAG_TYPE_LABELS[tag.type]}</span>
          <span>{articleCount(total)}</span>
        </p>
        <p class="meta feeds">
          تابع آخر أخباره: <a href={rss} type="application/rss+xml">RSS</a> <a href={atom} type="application/atom+xml">Atom</a>
        </p>
      </header>
      <ArticleList articles={articles} now={now} timeZone={timeZone} />
      <Pager articles={articles} limit={limit} basePath={path} />
    </Layout>
  );
}
